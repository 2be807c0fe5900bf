"""Un ambiente aprovisionado: el perfil que lo describe (fixtures/objetivo.py) y la fábrica que entrega
lo declarado (fixtures/aprovisionado.py): qué valida, qué entrega, qué deja sin correr y con qué motivo."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from faker import Faker
from filelock import FileLock, Timeout

from fixtures.aprovisionado import FabricaAprovisionada
from fixtures.datos import Certificado
from fixtures.objetivo import PerfilInvalido, cargar

pytest_plugins = ["pytester"]

RAIZ = Path(__file__).resolve().parents[1]
PERFIL = """
[datos]
modo = "aprovisionado"

[[actores]]
rol = "solicitante"
rfc = "AAA010101AA1"
nombre = "Empresa Uno"
correo = "uno@empresa.example"
cer = "uno.cer"
key = "uno.key"
contrasena_env = "CONTRASENA_DE_UNO"

[[actores]]
rol = "solicitante"
rfc = "BBB010101BB2"
nombre = "Empresa Dos"
correo = "dos@empresa.example"
cer = "dos.cer"
key = "dos.key"
contrasena = "secreta"

[[actores]]
rol = "dictaminador"
rfc = "CCCC800101CC3"
nombre = "Dictaminador"
correo = "dictaminador@economia.example"
cer = "dic.cer"
key = "dic.key"
contrasena = "secreta"
cupos = ["CUPO-1"]

[[cupos]]
clave = "CUPO-1"
nombre = "Cupo uno"
regimen = "Importación"
mecanismo = "Primero en Tiempo, Primero en Derecho"
tratado = "Tratado uno"
producto = "Producto uno"
subproducto = "Subproducto uno"
representacion_federal = "Representación Federal en Chiapas"

[[certificados]]
folio = "SE-1"
cupo = "CUPO-1"
titular = "AAA010101AA1"
por_cancelar = "12.5"

[[asignaciones]]
folio = "CA-1"
cupo = "CUPO-1"
titular = "AAA010101AA1"
otorgado = "100"
"""
CUPO_DE_SOLICITUDES = """
[[cupos]]
clave = "CUPO-2"
nombre = "Cupo dos"
regimen = "Importación"
mecanismo = "Primero en Tiempo, Primero en Derecho"
tratado = "Tratado dos"
producto = "Producto dos"
subproducto = "Subproducto dos"
representacion_federal = "Representación Federal en Jalisco"
primer_dia = 2022-01-03
solicitudes = true
"""


def _perfil(carpeta: Path, texto: str = PERFIL) -> Path:
    for nombre in ("uno", "dos", "dic"):
        for extension in ("cer", "key"):
            (carpeta / f"{nombre}.{extension}").write_bytes(b"-")
    ruta = carpeta / "perfil.toml"
    ruta.write_text(texto, encoding="utf-8")
    return ruta


@pytest.fixture(autouse=True)
def _contrasena(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTRASENA_DE_UNO", "de-la-variable")


def test_un_perfil_aprovisionado_dice_actores_cupos_y_certificados(tmp_path: Path) -> None:
    objetivo = cargar(_perfil(tmp_path))
    assert objetivo.datos.modo == "aprovisionado"
    assert objetivo.reloj.fijable is False  # sin API, el reloj no se fija
    uno, dos, dictaminador = objetivo.actores
    assert uno.cer == tmp_path / "uno.cer"  # relativo al perfil
    assert uno.contrasena_de_la_efirma() == "de-la-variable"
    assert dos.contrasena_de_la_efirma() == "secreta"
    assert objetivo.dictaminador_de("CUPO-1") == dictaminador
    assert objetivo.certificados[0].por_cancelar == Decimal("12.5")


@pytest.mark.parametrize(("cambio", "dice"), [
    (('cupo = "CUPO-1"\ntitular', 'cupo = "CUPO-9"\ntitular'), "el certificado SE-1 es del cupo CUPO-9"),
    (('titular = "AAA010101AA1"', 'titular = "CCCC800101CC3"'), "(CCCC800101CC3) no es un actor solicitante"),
    (('cupos = ["CUPO-1"]', 'cupos = []'), "ningún dictaminador tiene el cupo CUPO-1"),
    (('cer = "dos.cer"', 'cer = "no-esta.cer"'), "actores.1.cer: no existe el archivo"),
    (('contrasena_env = "CONTRASENA_DE_UNO"', 'contrasena_env = "NO_DEFINIDA_EN_ESTA_PRUEBA"'),
     "la variable de entorno NO_DEFINIDA_EN_ESTA_PRUEBA (contrasena_env) no está definida"),
    (('contrasena_env = "CONTRASENA_DE_UNO"', 'contrasena = "x"\ncontrasena_env = "CONTRASENA_DE_UNO"'),
     "con contrasena o con contrasena_env (sólo una)"),
    (('modo = "aprovisionado"', 'modo = "aprovisionado"\n[reloj]\nfijable = true'),
     "no hay API de pruebas que fije el reloj"),
    (('modo = "aprovisionado"', 'modo = "api"'), "son para [datos] modo = \"aprovisionado\""),
    (('por_cancelar = "12.5"', 'por_cancelar = "-1"'), "por_cancelar: no puede ser negativo"),
    (('por_cancelar = "12.5"', 'expedido = "10"\nejercido = "2"\npor_cancelar = "12.5"'),
     "el certificado SE-1: por_cancelar tiene que ser lo expedido menos lo ejercido (8)"),
    (('por_cancelar = "12.5"', 'expedido = "10"'), "el certificado SE-1 dice expedido y ejercido, los dos"),
    (('por_cancelar = "12.5"', 'por_cancelar = "12.5"\nde_la_corrida = true'),
     "el certificado de la corrida SE-1 es vigente y dice expedido y ejercido"),
    (('por_cancelar = "12.5"', 'estado = "vigente"'), "el certificado vigente SE-1 dice por_cancelar"),
    (('folio = "CA-1"\ncupo = "CUPO-1"', 'folio = "CA-1"\ncupo = "CUPO-7"'),
     "la asignación CA-1 es del cupo CUPO-7, que no está en [[cupos]]"),
    (('titular = "AAA010101AA1"\notorgado', 'titular = "ZZZ010101ZZ9"\notorgado'),
     "el titular de la asignación CA-1 (ZZZ010101ZZ9) no es un actor solicitante"),
    (('modo = "aprovisionado"', 'modo = "aprovisionado"\n[calendario]\ndias_inhabiles = { 2022-02-30 = "x" }'),
     "calendario: «2022-02-30» no es una fecha del calendario (aaaa-mm-dd)"),
    (('modo = "aprovisionado"', 'modo = "aprovisionado"\n[calendario]\nzonas = { "RF" = "Marte/Olympus" }'),
     "calendario: «Marte/Olympus» no es una zona horaria (IANA"),
])
def test_un_perfil_aprovisionado_con_problemas_dice_cuales(tmp_path: Path, cambio: tuple[str, str],
                                                           dice: str) -> None:
    antes, despues = cambio
    assert antes in PERFIL
    with pytest.raises(PerfilInvalido) as error:
        cargar(_perfil(tmp_path, PERFIL.replace(antes, despues, 1)))
    assert dice in str(error.value)


def test_un_perfil_aprovisionado_sin_la_direccion_del_portal_no_se_usa(pytester: pytest.Pytester,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(RAIZ))
    pytester.makepyfile(test_nada="def test_nada():\n    pass\n")
    salida = pytester.runpytest_subprocess("-p", "fixtures.objetivo", "-p", "no:cacheprovider",
                                           "--objetivo", str(_perfil(pytester.path)))
    assert salida.ret == pytest.ExitCode.USAGE_ERROR
    assert "es de un ambiente aprovisionado: diga su dirección en [portal] url o con --portal-url" \
        in salida.stderr.str()


class _Nodo:
    def __init__(self) -> None:
        self.user_properties: list[tuple[str, Any]] = []


class _Peticion:
    def __init__(self) -> None:
        self.node = _Nodo()
        self.sesiones_preparadas: list[str] = []  # los RFC de los solicitantes cuya sesión se preparó


def _fabrica(tmp_path: Path, texto: str = PERFIL) -> tuple[FabricaAprovisionada, _Peticion]:
    peticion = _Peticion()
    candados = tmp_path / "candados"
    candados.mkdir(exist_ok=True)
    fabrica = FabricaAprovisionada(cargar(_perfil(tmp_path, texto)), candados, tmp_path, Faker("es_MX"),
                                   peticion, _sin_navegador,  # type: ignore[arg-type]
                                   lambda persona: peticion.sesiones_preparadas.append(persona.rfc))
    return fabrica, peticion


def _firmar_sin_llegar(fabrica: FabricaAprovisionada, certificado: Certificado, monto: Decimal) -> None:
    """Agrega el certificado y firma; la fábrica tiene que decidir antes de firmar."""
    fabrica.agregado(certificado, monto)
    fabrica.firmar_cancelacion(_sin_firmar)


def _sin_firmar() -> str:
    raise AssertionError("se firmó una cancelación que consume más de lo que el ambiente permite")


def _sin_navegador() -> None:
    raise AssertionError("la fábrica abrió el navegador sin nada que rechazar")


DE_LA_CORRIDA = """
[[certificados]]
folio = "SE-2"
cupo = "CUPO-1"
titular = "AAA010101AA1"
expedido = "100"
ejercido = "20"
de_la_corrida = true

[[certificados]]
folio = "SE-3"
cupo = "CUPO-1"
titular = "AAA010101AA1"
expedido = "50"
ejercido = "0"
estado = "cancelado"
"""


SOLICITUDES = """
[[solicitudes]]
folio = "F-1"
tramite = "asignacion"
cupo = "CUPO-1"
solicitante = "AAA010101AA1"
presentada = 2021-06-03T23:30:00

[[solicitudes]]
folio = "F-2"
tramite = "expedicion"
cupo = "CUPO-1"
solicitante = "AAA010101AA1"
presentada = 2021-12-28T11:00:00
autorizada = 2022-01-03T10:00:00
"""


def test_las_solicitudes_de_otras_fechas_se_hallan_por_su_hora_y_si_estan_pendientes(tmp_path: Path) -> None:
    fabrica, _ = _fabrica(tmp_path, PERFIL.replace("[[asignaciones]]", SOLICITUDES + "[[asignaciones]]"))
    cupo = fabrica.cupo_de_solicitudes_de(2021)
    assert cupo.clave == "CUPO-1"
    assert fabrica.solicitud_presentada_el(cupo, "asignacion", datetime(2021, 6, 3, 23, 30)) == "F-1"
    presentada, autorizada = datetime(2021, 12, 28, 11), datetime(2022, 1, 3, 10)
    # declarada autorizada: no se autoriza otra vez
    assert fabrica.solicitud_autorizada_el(cupo, "expedicion", presentada, autorizada,
                                           lambda folio: _sin_navegador()) == "F-2"
    for pide, dice in [
        (lambda: fabrica.solicitud_presentada_el(cupo, "expedicion", datetime(2021, 12, 28, 11)),
         "una solicitud pendiente de expedicion del cupo CUPO-1 presentada el 28/12/2021 11:00"),
        (lambda: fabrica.cupo_de_solicitudes_de(2020), "solicitudes pendientes que el ambiente recibió en 2020"),
        (lambda: fabrica.declarar_inhabil(date(2021, 10, 6)), "ese día en [calendario] dias_inhabiles"),
    ]:
        with pytest.raises(pytest.skip.Exception) as omitido:
            pide()
        assert dice in str(omitido.value), str(omitido.value)
    fabrica.cerrar()
    ajena = SOLICITUDES.replace('"AAA010101AA1"\npresentada = 2021-06', '"ZZZ010101ZZ9"\npresentada = 2021-06')
    mal = PERFIL.replace("[[asignaciones]]", ajena + "[[asignaciones]]")
    with pytest.raises(PerfilInvalido, match=r"el titular de la solicitud F-1 \(ZZZ010101ZZ9\) no es un actor"):
        cargar(_perfil(tmp_path, mal))


def test_un_certificado_de_la_corrida_se_usa_a_la_vez_y_deja_firmar_lo_que_haga_falta(tmp_path: Path) -> None:
    fabrica, peticion = _fabrica(tmp_path, PERFIL.replace("[[asignaciones]]", DE_LA_CORRIDA + "[[asignaciones]]"))
    empresa = fabrica.solicitante()
    mecanismo = "Primero en Tiempo, Primero en Derecho"
    exacto = fabrica.cupo_con_certificado(mecanismo, empresa, Decimal(100), Decimal(20))
    assert (exacto.folio, exacto.cupo.clave) == ("SE-2", "CUPO-1")
    with pytest.raises(Timeout):
        FileLock(tmp_path / "candados" / "certificado-SE-2.lock", timeout=0).acquire()
    assert fabrica.certificado_vigente(exacto.cupo, empresa).folio == "SE-1"  # no el de la corrida
    assert fabrica.certificado(exacto.cupo, empresa, Decimal(50), estado="cancelado").folio == "SE-3"
    fabrica.agregado(exacto, Decimal(60))  # más que consumo_maximo: se devuelve al terminar
    assert fabrica.firmar_cancelacion(lambda: "CAN-1") == "CAN-1"
    assert "60 t del certificado de la corrida SE-2" in peticion.node.user_properties[-1][1]
    for pide, dice in [
        (lambda: fabrica.certificado_vencido(exacto.cupo, empresa), "un certificado vencido de AAA010101AA1"),
        (lambda: fabrica.cupo_con_certificado(mecanismo, empresa, Decimal(100), Decimal(21)),
         "de 100 t con 21 t ejercidas, de la corrida"),
    ]:
        with pytest.raises(pytest.skip.Exception) as omitido:
            pide()
        assert dice in str(omitido.value), str(omitido.value)
    with pytest.raises(AssertionError, match="abrió el navegador"):  # el dictaminador rechaza CAN-1
        fabrica.cerrar()
    FileLock(tmp_path / "candados" / "certificado-SE-2.lock", timeout=0).acquire()


def test_la_fabrica_entrega_lo_declarado_y_deja_sin_correr_lo_que_solo_da_la_api(tmp_path: Path) -> None:
    fabrica, peticion = _fabrica(tmp_path)
    empresa, otra = fabrica.solicitante(), fabrica.solicitante()
    assert (empresa.rfc, otra.rfc) == ("AAA010101AA1", "BBB010101BB2")
    assert empresa.efirma.contrasena == "de-la-variable"
    assert peticion.sesiones_preparadas == ["AAA010101AA1", "BBB010101BB2"]  # su borrador, vaciado
    cupo = fabrica.cupo()
    assert cupo.clave == "CUPO-1" and cupo.dictaminador.rfc == "CCCC800101CC3"
    certificado = fabrica.certificado_vigente(cupo, empresa)
    assert certificado.folio == "SE-1"
    fabrica.agregado(certificado, Decimal("0.005"))
    assert fabrica.firmar_cancelacion(lambda: "CAN-1") == "CAN-1"
    assert peticion.node.user_properties == [("saldo consumido", "0.005 t del certificado SE-1")]
    for pide, dice in [
        (fabrica.solicitante, "un solicitante más de los 2 que ya usa"),
        (lambda: fabrica.certificado_vigente(cupo, otra), "un certificado vigente de BBB010101BB2"),
        (lambda: fabrica.cupo(mecanismo="Licitación Pública"), "cupo de «Licitación Pública»"),
        (lambda: fabrica.cupo(montos={2022: Decimal(500)}), "POST /_pruebas/cupos"),
        (lambda: fabrica.certificado(cupo, empresa, Decimal(100)), "POST /_pruebas/certificados"),
        (lambda: fabrica.certificado(cupo, empresa, Decimal(9), fecha_expedicion=date(2022, 1, 1)),
         "un certificado con fecha_expedicion dados"),
        (lambda: _firmar_sin_llegar(fabrica, certificado, Decimal("0.02")), "[datos] consumo_maximo = 0.01"),
        (fabrica.hoy, "GET /_pruebas/reloj"),
        (fabrica.sin_registro, "POST /_pruebas/autoridades"),
        (lambda: fabrica.otro_dictaminador(cupo), "un dictaminador que no tenga el cupo CUPO-1"),
    ]:
        with pytest.raises(pytest.skip.Exception) as omitido:
            pide()
        assert "No se corre en un ambiente aprovisionado" in str(omitido.value), str(omitido.value)
        assert "el despliegue tendría que ofrecer" in str(omitido.value)
        assert dice in str(omitido.value)
    fabrica.cerrar()


def test_el_cupo_de_solicitudes_lo_usa_un_escenario_a_la_vez_con_quien_no_tiene_asignacion(
        tmp_path: Path) -> None:
    fabrica, _ = _fabrica(tmp_path)
    with pytest.raises(pytest.skip.Exception, match="con solicitudes = true en \\[\\[cupos\\]\\]"):
        fabrica.cupo_para_solicitudes()
    fabrica.cerrar()
    fabrica, _ = _fabrica(tmp_path, PERFIL.replace("[[certificados]]", CUPO_DE_SOLICITUDES + "[[certificados]]")
                          .replace('cupos = ["CUPO-1"]', 'cupos = ["CUPO-1", "CUPO-2"]'))
    cupo = fabrica.cupo_para_solicitudes()
    assert (cupo.clave, cupo.primer_dia, cupo.dictaminador.rfc) == ("CUPO-2", date(2022, 1, 3), "CCCC800101CC3")
    with pytest.raises(Timeout):
        FileLock(tmp_path / "candados" / "cupo-CUPO-2.lock", timeout=0).acquire()
    assert fabrica.solicitante_sin_asignacion(cupo).rfc == "AAA010101AA1"  # en CUPO-2 no tiene asignación
    assert fabrica.solicitante_sin_asignacion(cupo).rfc == "BBB010101BB2"
    with pytest.raises(pytest.skip.Exception, match="un solicitante sin asignación del cupo CUPO-2"):
        fabrica.solicitante_sin_asignacion(cupo)
    fabrica.cerrar()
    fabrica, _ = _fabrica(tmp_path)
    assert fabrica.solicitante_sin_asignacion(fabrica.cupo()).rfc == "BBB010101BB2"  # la CA-1 es de AAA
    fabrica.cerrar()


def test_un_solicitante_compartido_lo_usa_un_escenario_a_la_vez(tmp_path: Path) -> None:
    fabrica, _ = _fabrica(tmp_path)
    fabrica.solicitante()
    otro_proceso = FileLock(tmp_path / "candados" / "AAA010101AA1.lock", timeout=0)
    with pytest.raises(Timeout):
        otro_proceso.acquire()
    fabrica.cerrar()
    with otro_proceso:
        assert otro_proceso.is_locked


def test_los_cupos_casi_agotados_se_toman_uno_a_la_vez_y_el_que_se_agota_queda_dicho(tmp_path: Path) -> None:
    casi = PERFIL.replace('representacion_federal = "Representación Federal en Chiapas"\n',
                          'representacion_federal = "Representación Federal en Chiapas"\nsaldo = "0.002"\n'
                          'por_asignar = "0.008"\n', 1)
    fabrica, peticion = _fabrica(tmp_path, casi)
    assert fabrica.cupo_con_saldo(Decimal("0.002")).clave == "CUPO-1"
    with pytest.raises(Timeout):
        FileLock(tmp_path / "candados" / "cupo-CUPO-1.lock", timeout=0).acquire()
    fabrica.cerrar()
    fabrica, peticion = _fabrica(tmp_path, casi)
    assert fabrica.cupo_por_asignar(Decimal("0.008")).clave == "CUPO-1"
    assert "0.008 t del cupo CUPO-1 (lo que le quedaba por asignar; se agota)" in peticion.node.user_properties[-1]
    for pide, dice in [(lambda: fabrica.cupo_con_saldo(Decimal(0)), 'saldo = "0" en [[cupos]]'),
                       (lambda: fabrica.cupo_por_asignar(Decimal(1)), 'por_asignar = "1" en [[cupos]]')]:
        with pytest.raises(pytest.skip.Exception) as omitido:
            pide()
        assert dice in str(omitido.value), str(omitido.value)
    fabrica.cerrar()
