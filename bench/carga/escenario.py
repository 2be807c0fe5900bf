"""La apertura del primer día, preparada por la API de pruebas de un portal desplegado: las AC de
prueba de confianza, N empresas con su e.firma (RFC únicos y nombres de Faker es_MX), un
dictaminador, un cupo cuya recepción empieza hoy y el reloj del portal quieto a las 11:00:00, hora
del centro (HOR-01). El cupo alcanza para el 40 % de lo que se pide, más media solicitud: unas
solicitudes se autorizan completas, una sale parcial (CRT-01) y el resto no alcanza nada."""

from __future__ import annotations

import json
import secrets
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from faker import Faker

from fixtures.api import ApiPruebas
from sat_pruebas import AutoridadCertificadora, Credencial

ZONA_CENTRO = ZoneInfo("America/Mexico_City")
CUPO = "CARGA-APERTURA"
MONTO_POR_SOLICITUD = Decimal(10)
PROPORCION_DEL_CUPO = Decimal("0.4")
EFIRMAS_POR_PROCESO = 100  # generar una clave RSA cuesta ~50 ms: con muchas, en varios procesos


@dataclass(frozen=True)
class Escenario:
    url: str
    cupo: str
    apertura: datetime
    monto_anual: Decimal
    monto_por_solicitud: Decimal
    credenciales: Path  # JSONL para el locustfile: rfc, cer, key, contrasena
    solicitantes: list[str]
    dictaminador: Credencial
    reloj_corre: bool = False


def monto_anual(usuarios: int) -> Decimal:
    return PROPORCION_DEL_CUPO * usuarios * MONTO_POR_SOLICITUD + MONTO_POR_SOLICITUD / 2


def apertura_de_hoy() -> datetime:
    """Hoy a las 11:00:00, hora del centro: las e.firmas recién emitidas están vigentes."""
    return datetime.combine(datetime.now(ZONA_CENTRO).date(), time(11, 0), ZONA_CENTRO)


def _emitir_lote(nombre_ac: str, personas: list[tuple[str, str]], contrasena: str
                 ) -> tuple[str, list[Credencial]]:
    ac = AutoridadCertificadora(nombre_ac)
    return ac.certificado_pem, [ac.emitir(rfc, nombre, contrasena) for rfc, nombre in personas]


def emitir_efirmas(personas: list[tuple[str, str]], contrasena: str, procesos: int
                   ) -> tuple[list[str], list[Credencial]]:
    """Las e.firmas de todos y los PEM de las AC que las emitieron (una por lote)."""
    lotes = [personas[i:i + EFIRMAS_POR_PROCESO] for i in range(0, len(personas), EFIRMAS_POR_PROCESO)]
    nombres = [f"AC de pruebas de la carga {i + 1}" for i in range(len(lotes))]
    if procesos <= 1 or len(lotes) <= 1:
        hechos = [_emitir_lote(n, lote, contrasena) for n, lote in zip(nombres, lotes, strict=True)]
    else:
        with ProcessPoolExecutor(procesos) as grupo:
            hechos = list(grupo.map(_emitir_lote, nombres, lotes, [contrasena] * len(lotes)))
    return [pem for pem, _ in hechos], [c for _, lote in hechos for c in lote]


def _registrar(api: ApiPruebas, fake: Faker, rfc: str, nombre: str, perfil: str) -> None:
    api.crear_usuario(rfc, perfil, nombre, f"{rfc.lower()}@carga.example", codigo_postal=fake.numerify("#####"))


def preparar(url: str, token: str | None, carpeta: Path, usuarios: int, semilla: int, procesos: int = 1,
             reloj_corre: bool = False) -> Escenario:
    """Deja el portal a las 11:00:00 del primer día, con N solicitantes listos para entrar. Con
    reloj_corre, el reloj sigue andando desde ahí: cada solicitud recibe su propia hora."""
    fake = Faker("es_MX")
    fake.seed_instance(semilla)
    apertura, contrasena = apertura_de_hoy(), secrets.token_urlsafe(12)
    empresas = [(fake.unique.rfc(natural=False), fake.company()) for _ in range(usuarios)]
    funcionario = (fake.unique.rfc(natural=True), fake.name())
    autoridades, credenciales = emitir_efirmas([funcionario, *empresas], contrasena, procesos)
    anual = monto_anual(usuarios)
    api = ApiPruebas(url, token)
    for pem in autoridades:
        api.confiar_en_autoridad(pem)
    api.fijar_reloj(apertura, corre=reloj_corre)
    _registrar(api, fake, *funcionario, "dictaminador")
    api.crear_cupo(CUPO, "Quesos frescos de Guatemala (apertura)", "Importación",
                   "Primero en Tiempo, Primero en Derecho", "TLC", "Guatemala", "Quesos", "Fresco", "RF Chiapas",
                   inicio_de_recepcion=apertura.date(), montos={apertura.year: anual},
                   dictaminador_rfc=funcionario[0])
    for rfc, nombre in empresas:
        _registrar(api, fake, rfc, nombre, "solicitante")
    archivo = _guardar_credenciales(credenciales[1:], carpeta)
    return Escenario(url, CUPO, apertura, anual, MONTO_POR_SOLICITUD, archivo,
                     [rfc for rfc, _ in empresas], credenciales[0], reloj_corre)


def _guardar_credenciales(credenciales: list[Credencial], carpeta: Path) -> Path:
    archivo = carpeta / "credenciales.jsonl"
    Path(f"{archivo}.usadas").unlink(missing_ok=True)
    with archivo.open("w", encoding="utf-8") as salida:
        for credencial in credenciales:
            cer, key = credencial.guardar(carpeta / "efirmas", credencial.rfc)
            salida.write(json.dumps({"rfc": credencial.rfc, "cer": str(cer), "key": str(key),
                                     "contrasena": credencial.contrasena}, ensure_ascii=False) + "\n")
    return archivo
