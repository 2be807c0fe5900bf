"""Reglas de la ficha informativa del cupo, como funciones puras: días hábiles y plazos (PLZ-01),
horarios de recepción (HOR-01/02), criterios de expedición (CRT-01), asignaciones subsecuentes
(ASG-02, pedimentos) y beneficiarios (CUP-06). Ninguna lee el reloj: reciben el momento."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import holidays

from stub_portal.reglas import ErrorCaptura, formato_monto, leer_monto

ZONA_CENTRO = ZoneInfo("America/Mexico_City")
PLAZO_DE_RESOLUCION = 5  # días hábiles, asignación y expedición (PLZ-01)
HORA_DE_INICIO = time(11, 0)  # el primer día, hora del centro (HOR-01/02)
PROPORCION_EJERCIDA = Decimal("0.7")  # ASG-02
VENTANILLA_UNICA = "Ventanilla Única"


# --- Días hábiles -------------------------------------------------------------------------------

class Calendario:
    """Días hábiles de la SE: ni sábados ni domingos, ni días festivos oficiales (holidays, MX),
    ni los días inhábiles que la dependencia publica en el DOF (la tabla que se le da)."""

    def __init__(self, inhabiles: Mapping[date, str] | None = None) -> None:
        self._inhabiles = dict(inhabiles or {})
        self._festivos = holidays.country_holidays("MX", language="es")

    def por_que_inhabil(self, dia: date) -> str | None:
        if dia.weekday() >= 5:
            return "sábado" if dia.weekday() == 5 else "domingo"
        if dia in self._festivos:
            return str(self._festivos.get(dia))
        return self._inhabiles.get(dia)

    def es_habil(self, dia: date) -> bool:
        return self.por_que_inhabil(dia) is None

    def siguiente_habil(self, dia: date) -> date:
        """El mismo día si es hábil; si no, el siguiente que lo sea."""
        while not self.es_habil(dia):
            dia += timedelta(days=1)
        return dia

    def sumar_habiles(self, desde: date, dias: int) -> date:
        """El n-ésimo día hábil siguiente a `desde` (que no cuenta)."""
        dia = desde
        for _ in range(dias):
            dia = self.siguiente_habil(dia + timedelta(days=1))
        return dia


def fecha_limite(calendario: Calendario, recibida: datetime) -> date:
    """PLZ-01: cinco días hábiles siguientes a la fecha de presentación (hora del centro)."""
    return calendario.sumar_habiles(recibida.astimezone(ZONA_CENTRO).date(), PLAZO_DE_RESOLUCION)


# --- Horarios de recepción ----------------------------------------------------------------------

@dataclass(frozen=True)
class LugarDePresentacion:
    """La Ventanilla Única (24 horas en días hábiles) o una Representación Federal (9:00 a 14:30,
    hora local, en días hábiles)."""

    nombre: str
    zona: ZoneInfo = ZONA_CENTRO
    apertura: time | None = None
    cierre: time | None = None

    @property
    def es_ventanilla_unica(self) -> bool:
        return self.apertura is None


def representacion_federal(nombre: str, zona: str) -> LugarDePresentacion:
    return LugarDePresentacion(nombre, ZoneInfo(zona), time(9, 0), time(14, 30))


VUCEM = LugarDePresentacion(VENTANILLA_UNICA)


def _dentro_del_horario(lugar: LugarDePresentacion, local: datetime) -> bool:
    if lugar.apertura is None or lugar.cierre is None:
        return True
    hora = local.time().replace(second=0, microsecond=0)
    return lugar.apertura <= hora <= lugar.cierre and (local.second == 0 or hora < lugar.cierre)


def proxima_apertura(
    lugar: LugarDePresentacion, inicio: date, calendario: Calendario, ahora: datetime
) -> datetime | None:
    """None si el lugar recibe solicitudes en este momento; si no, cuándo vuelve a recibirlas.

    El primer día (el de la entrada en vigor del Acuerdo) se recibe desde las 11:00 del centro;
    después, la Ventanilla Única las 24 horas de los días hábiles y cada Representación Federal
    de 9:00 a 14:30, hora local, en días hábiles.
    """
    primer_momento = datetime.combine(inicio, HORA_DE_INICIO, ZONA_CENTRO)
    if ahora < primer_momento:
        return primer_momento
    local = ahora.astimezone(lugar.zona)
    primer_dia = ahora.astimezone(ZONA_CENTRO).date() == inicio
    if (primer_dia or calendario.es_habil(local.date())) and _dentro_del_horario(lugar, local):
        return None
    dia = local.date()
    if not (calendario.es_habil(dia) and lugar.apertura and local.time() < lugar.apertura):
        dia = calendario.siguiente_habil(dia + timedelta(days=1))
    return datetime.combine(dia, lugar.apertura or time(0, 0), lugar.zona)


def mensaje_de_horario(lugar: LugarDePresentacion, apertura: datetime) -> str:
    zona = "hora del centro" if lugar.es_ventanilla_unica else "hora local"
    horario = ("las 24 horas en días hábiles" if lugar.es_ventanilla_unica
               else "de 9:00 a 14:30, hora local, en días hábiles")
    local = apertura.astimezone(lugar.zona)
    return (f"Fuera del horario de recepción: {lugar.nombre} recibe solicitudes {horario}. "
            f"Podrá presentarla a partir del {local:%d/%m/%Y} a las {local:%H:%M} ({zona}).")


# --- Criterios de autorización ------------------------------------------------------------------

@dataclass(frozen=True)
class Otorgamiento:
    monto: Decimal
    criterio: str  # el término que resultó menor


def monto_a_otorgar(terminos: Mapping[str, Decimal]) -> Otorgamiento:
    """CRT-01: el menor de los términos (cantidad solicitada, factura y documento de transporte,
    saldo del cupo y, para un certificado, lo que queda de la asignación); nunca negativo."""
    criterio = min(terminos, key=lambda nombre: terminos[nombre])
    return Otorgamiento(max(terminos[criterio], Decimal(0)), criterio)


# --- Asignaciones subsecuentes: pedimentos ------------------------------------------------------

@dataclass(frozen=True)
class Pedimento:
    numero: str
    cantidad: Decimal

    @property
    def anio(self) -> int:
        return 2000 + int(self.numero[:2])


def validar_pedimento(numero: str, aduanas: Mapping[str, str], anio_en_curso: int) -> str:
    """Un número de pedimento: 15 dígitos = año (2), aduana (2), patente (4), consecutivo (7);
    el consecutivo empieza con el último dígito del año. Devuelve el número sin espacios."""
    # Dígitos y espacios ASCII: \d y \s de Python aceptarían también "２２…" o "٢٢…".
    limpio = re.sub(r"[\s-]", "", numero, flags=re.ASCII)
    if not re.fullmatch(r"[0-9]{15}", limpio):
        raise ErrorCaptura(f"El pedimento {numero} debe tener 15 dígitos.")
    anio, aduana, patente, consecutivo = limpio[:2], limpio[2:4], limpio[4:8], limpio[8:]
    if 2000 + int(anio) > anio_en_curso:
        raise ErrorCaptura(f"El pedimento {limpio} es de un año posterior al año en curso.")
    if aduana not in aduanas:
        raise ErrorCaptura(f"El pedimento {limpio} indica la aduana {aduana}, que no existe.")
    if patente == "0000":
        raise ErrorCaptura(f"El pedimento {limpio} no indica una patente aduanal válida.")
    if consecutivo[0] != anio[1]:
        raise ErrorCaptura(
            f"El consecutivo del pedimento {limpio} debe empezar con el último dígito del año "
            f"({anio[1]}).")
    return limpio


def leer_pedimentos(texto: str, aduanas: Mapping[str, str], anio_en_curso: int) -> list[Pedimento]:
    """Un pedimento por renglón: número y cantidad (separados por espacio, coma o punto y coma)."""
    pedimentos: list[Pedimento] = []
    for renglon in filter(None, (r.strip() for r in texto.splitlines())):
        partes = re.split(r"[\s,;]+", renglon, flags=re.ASCII)
        if len(partes) < 2:
            raise ErrorCaptura(f"Indique el número y la cantidad del pedimento en «{renglon}».")
        *numero, cantidad = partes
        limpio = validar_pedimento("".join(numero), aduanas, anio_en_curso)
        if any(p.numero == limpio for p in pedimentos):
            raise ErrorCaptura(f"El pedimento {limpio} está repetido.")
        # La misma gramática que los montos: Decimal("1e30") o cuarenta nueves no llegan a la suma.
        pedimentos.append(Pedimento(limpio, leer_monto(cantidad, f"la cantidad del pedimento {limpio}")))
    return pedimentos


def validar_ejercicio_anterior(pedimentos: Iterable[Pedimento], asignacion_anterior: Decimal) -> None:
    """ASG-02: los pedimentos deben acreditar al menos el 70% de la asignación anterior."""
    ejercido = sum((p.cantidad for p in pedimentos), Decimal(0))
    minimo = asignacion_anterior * PROPORCION_EJERCIDA
    if ejercido < minimo:
        raise ErrorCaptura(
            f"Para una nueva asignación debe acreditar el ejercicio de al menos el 70% de la "
            f"asignación anterior ({formato_monto(minimo)} de {formato_monto(asignacion_anterior)}); "
            f"los pedimentos suman {formato_monto(ejercido)}.")


# --- Beneficiarios ------------------------------------------------------------------------------

# Letras y dígitos ASCII (más Ñ y &) explícitos, sin upper() previo: "ſ".upper() es "S".
_RFC = re.compile(r"([A-Za-zÑñ&]{3,4})([0-9]{2})([0-9]{2})([0-9]{2})([A-Za-z0-9]{3})")
RFC_GENERICOS = {"XAXX010101000", "XEXX010101000"}


def validar_establecido_en_mexico(rfc: str, pais: str, codigo_postal: str) -> None:
    """CUP-06: personas físicas o morales establecidas en México: RFC válido y domicilio fiscal
    en México."""
    hallado, rfc = _RFC.fullmatch(rfc), rfc.upper()
    if rfc in RFC_GENERICOS or hallado is None or not _fecha_valida(*hallado.group(2, 3, 4)):
        raise ErrorCaptura(
            f"Sólo pueden solicitar el cupo personas establecidas en México: el RFC {rfc} no es un "
            "RFC mexicano válido.")
    if pais.strip().lower() not in ("méxico", "mexico", "estados unidos mexicanos") or not re.fullmatch(
            r"[0-9]{5}", codigo_postal or ""):
        raise ErrorCaptura(
            "Sólo pueden solicitar el cupo personas establecidas en México: su domicilio fiscal "
            "debe estar en México.")


def _fecha_valida(aa: str, mm: str, dd: str) -> bool:
    try:
        date(2000 + int(aa), int(mm), int(dd))
    except ValueError:
        return False
    return True


# --- Vigencia de los certificados ---------------------------------------------------------------

def vigencia_del_certificado(expedicion: date) -> date:
    """EXP-02: desde su expedición hasta el 31 de diciembre de ese año."""
    return date(expedicion.year, 12, 31)
