"""Entrada hostil en cada formulario, subida y parte de la URL del portal, por HTTP y con el testigo
CSRF de la sesión (lo que se prueba es el valor, no el CSRF): nunca un error 500; si se rechaza, un
mensaje en español en role="alert" y la base como estaba; si se acepta, montos y nombres de archivo
sanos. Hypothesis corre sobre SQLite; los casos explícitos, sobre SQLite y PostgreSQL."""

from __future__ import annotations

import hashlib
import html
import io
import re
import secrets
import unicodedata
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import default_exceptions
from werkzeug.test import TestResponse, encode_multipart

from sat_pruebas import AutoridadCertificadora
from stub_portal.adjuntos import pdf_de_una_pagina
from stub_portal.entrada import LARGO_MAXIMO_DE_NOMBRE, MENSAJE_CARACTERES_DE_CONTROL
from stub_portal.modelo import Adjunto, Base, Certificado, Monto, Partida, PedimentoAcreditado, Solicitud
from tests.mundo import DICTAMINADOR, EMPRESA_A, Mundo, csrf_de

MAXIMO_DE_PETICION = 2 * 1024 * 1024  # MAX_CONTENT_LENGTH del portal
HOSTILES = [
    "", " ", "x" * 10_000, "１２３", "١٢٣", "٥", "\x00", "C1\x00", "a\x01\x07\x1b[31m\x7f\x85b",
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR 1=1 --", "'; DROP TABLE solicitudes; --",
    "1e30", "5E-2", "9" * 40, "9" * 15, "1.23456", "-5", "0", "0.000", "NaN", "Infinity", "-Infinity", "5",
    " 5 ", "1,000", "../../etc/passwd", "..\\..\\Windows\\win.ini", "🧀🚚", "factura\u202efdp.exe",
    "\u200b", "renglón 1\r\nrenglón 2", "%00", "%s%n", "{{ 7*7 }}", "SE-A", "C1", "autorizar", "rechazar",
]
# Fuera de BIGINT, fuera de INTEGER (los ids de PostgreSQL), con signo, cero, ceros a la izquierda, no ASCII.
IDS_HOSTILES = ["99999999999999999999999", "9223372036854775808", "2147483648", "-1", "0", "007", "١٢٣", "１",
                "1e3"]
# Todo carácter salvo los suplentes sueltos, que no se pueden mandar por HTTP (no son UTF-8).
texto_hostil = st.one_of(st.sampled_from(HOSTILES), st.text(st.characters(exclude_categories=["Cs"]), max_size=40))
contenido_hostil = st.one_of(
    st.sampled_from([b"", b"\x00" * 16, b"%PDF-1.4 copia", b"x" * (MAXIMO_DE_PETICION + 1)]),
    st.binary(max_size=128))
archivo_hostil = st.tuples(texto_hostil, contenido_hostil)
parte_hostil = st.one_of(texto_hostil, st.sampled_from(IDS_HOSTILES))
ASI = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def hostiles(*campos: str, **mas: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Hasta dos de esos campos con un valor hostil (texto, salvo que se diga otra cosa); los demás
    quedan con su valor válido, así que también hay envíos que se aceptan."""
    estrategias: dict[str, st.SearchStrategy[Any]] = {**{c: texto_hostil for c in campos}, **mas}
    return st.lists(st.sampled_from(sorted(estrategias)), max_size=2, unique=True).flatmap(
        lambda elegidos: st.fixed_dictionaries({c: estrategias[c] for c in elegidos}))


EFIRMA_HOSTIL = hostiles("contrasena", certificado=archivo_hostil, clave_privada=archivo_hostil)
CONSULTA_HOSTIL = hostiles("pestana", "buscar", "regimen", "mecanismo", "cupo", "certificado")

# --- La base antes y después ----------------------------------------------------------------------

_DIGERIDAS = [
    select(Solicitud.id, Solicitud.estado, Solicitud.version, Solicitud.monto_solicitado, Solicitud.monto_factura,
           Solicitud.monto_otorgado, Solicitud.numero_factura, Solicitud.motivo_rechazo),
    select(Partida.id, Partida.solicitud_id, Partida.monto),
    select(Certificado.id, Certificado.estado, Certificado.monto_cancelado),
    select(PedimentoAcreditado.id, PedimentoAcreditado.cantidad),
    select(Adjunto.id, Adjunto.nombre, Adjunto.sha256),
]


def foto(mundo: Mundo) -> dict[str, object]:
    """Cuántos renglones tiene cada tabla, y una huella de los montos de solicitudes, partidas y
    certificados: lo que una petición rechazada no debe cambiar. Los intentos de acceso fallidos no cuentan:
    un inicio de sesión rechazado sí los anota (es lo que lo frena; ver tests/test_acceso.py)."""
    def leer(sesion: Any) -> dict[str, object]:
        cuentas: dict[str, object] = {t.name: sesion.scalar(select(func.count()).select_from(t))
                                      for t in Base.metadata.sorted_tables if t.name != "intentos_de_acceso"}
        renglones = [sorted(map(tuple, sesion.execute(consulta))) for consulta in _DIGERIDAS]
        return {**cuentas, "huella": hashlib.sha256(repr(renglones).encode()).hexdigest()}
    return mundo.consultar(leer)


def _monto_sano(valor: Decimal) -> bool:
    signo, digitos, exponente = valor.as_tuple()
    assert isinstance(exponente, int)
    return signo == 0 and exponente >= -3 and len(digitos) + min(exponente, 0) <= 15


def _sin(categorias: tuple[str, ...], texto: str) -> bool:
    return not any(unicodedata.category(c) in categorias for c in texto if c not in "\t\r\n")


def valores_sanos(mundo: Mundo) -> None:
    """Lo aceptado quedó sano: montos Decimal de hasta 15 enteros y 3 decimales; adjuntos con un
    nombre sin carpetas ni caracteres invisibles."""
    def leer(sesion: Any) -> tuple[list[Decimal], list[str], list[str]]:
        montos = [v for t in Base.metadata.sorted_tables
                  for columna in t.columns if isinstance(columna.type, Monto)
                  for v in sesion.scalars(select(columna)) if v is not None]
        textos = list(sesion.scalars(select(Solicitud.numero_factura)))
        textos += list(sesion.scalars(select(Solicitud.motivo_rechazo)))
        return montos, list(sesion.scalars(select(Adjunto.nombre))), textos
    montos, nombres, textos = mundo.consultar(leer)
    assert all(isinstance(m, Decimal) and _monto_sano(m) for m in montos), montos
    for nombre in nombres:
        assert 0 < len(nombre) <= LARGO_MAXIMO_DE_NOMBRE and nombre not in (".", ".."), nombre
        assert "/" not in nombre and "\\" not in nombre and _sin(("Cc", "Cf", "Cs"), nombre), repr(nombre)
    assert all(_sin(("Cc", "Cs"), t) for t in textos), textos  # los de formato (ZWJ de un emoji) sí


# --- Lo que ve el usuario --------------------------------------------------------------------------

_ALERTA = re.compile(r'<(\w+)[^>]*\brole="alert"[^>]*>(.*?)</\1>', re.S)
_ETIQUETA = re.compile(r"<[^>]+>")
_INGLES = re.compile(r"^\d{3} [A-Z][A-Za-z ]+:")  # str() de una excepción de Werkzeug
_DESCRIPCIONES_EN_INGLES = [e.description for e in default_exceptions.values() if e.description]
_ESPANOL = re.compile(r"\b(el|la|los|las|de|del|que|no|se|su|un|una|con|por|para|debe)\b", re.I)


def alertas(respuesta: TestResponse) -> list[str]:
    return [html.unescape(_ETIQUETA.sub("", texto)).strip() for _, texto in _ALERTA.findall(respuesta.text)]


def mensaje_en_espanol(respuesta: TestResponse, enviados: list[str]) -> None:
    """Al menos una alerta, todas en español: sin lo que el usuario escribió, queda una frase del
    portal, y ninguna es el texto en inglés de Werkzeug."""
    textos = alertas(respuesta)
    assert textos, f"{respuesta.status_code} sin role=alert:\n{respuesta.text[:600]}"
    for texto in textos:
        sin_lo_enviado = texto
        for valor in sorted((v.strip() for v in enviados if len(v.strip()) > 3), key=len, reverse=True):
            sin_lo_enviado = sin_lo_enviado.replace(valor, " ")
        assert _ESPANOL.search(sin_lo_enviado), f"alerta sin español: {texto[:300]!r}"
        assert not _INGLES.match(texto), f"alerta en inglés: {texto[:300]!r}"
        assert not any(d in texto for d in _DESCRIPCIONES_EN_INGLES), f"alerta en inglés: {texto[:300]!r}"


def comprobar(mundo: Mundo, antes: dict[str, object], respuesta: TestResponse, enviados: list[str]) -> None:
    event(f"HTTP {respuesta.status_code}")  # --hypothesis-show-statistics: cuántos se aceptaron
    assert respuesta.status_code < 500, respuesta.text[:800]
    if respuesta.status_code >= 400:
        mensaje_en_espanol(respuesta, enviados)
        assert foto(mundo) == antes, "una petición rechazada cambió la base"
    else:
        valores_sanos(mundo)


# --- Un navegador que envía formularios -----------------------------------------------------------

def como_navegador(nombre: str) -> str:
    """El nombre de archivo como lo pone un navegador en multipart/form-data (WHATWG)."""
    return nombre.replace("\n", "%0A").replace("\r", "%0D").replace('"', "%22")


def enviar(cliente: FlaskClient, ruta: str, testigo: str, campos: Mapping[str, Any]) -> TestResponse:
    """Los campos de texto tal cual; (nombre, bytes) es un archivo. El cuerpo multipart se arma en
    memoria: el del cliente de pruebas deja abierto un archivo temporal si pasa de 500 KB."""
    datos: dict[str, Any] = {"csrf_token": testigo}
    for campo, valor in campos.items():
        if isinstance(valor, tuple):
            nombre, contenido = valor
            valor = FileStorage(io.BytesIO(contenido), como_navegador(nombre), content_type="application/pdf")
        datos[campo] = valor
    if not any(isinstance(v, FileStorage) for v in datos.values()):
        return cliente.post(ruta, data=datos)
    frontera, cuerpo = encode_multipart(datos)
    return cliente.post(ruta, data=cuerpo, content_type=f"multipart/form-data; boundary={frontera}")


def textos_de(campos: Mapping[str, Any]) -> list[str]:
    return [v[0] if isinstance(v, tuple) else v for v in campos.values()]


def efirma(mundo: Mundo, rfc: str) -> dict[str, Any]:
    credencial = mundo.efirmas[rfc]
    return {"certificado": ("a.cer", credencial.cer), "clave_privada": ("a.key", credencial.key),
            "contrasena": "secreta"}


def asignacion_de(mundo: Mundo, rfc: str = EMPRESA_A, monto: str = "50") -> str:
    respuesta = mundo.api().post("/_pruebas/asignaciones", json={
        "cupo": "C1", "titular_rfc": rfc, "monto": monto})
    assert respuesta.status_code == 201, respuesta.json
    return str(respuesta.json["folio"])


def pendiente(mundo: Mundo, folio_asignacion: str) -> str:
    respuesta = mundo.api().post("/_pruebas/solicitudes/expedicion", json={
        "solicitante_rfc": EMPRESA_A, "asignacion": folio_asignacion, "monto": "5", "monto_factura": "5"})
    assert respuesta.status_code == 201, respuesta.json
    return str(respuesta.json["folio"])


@pytest.fixture
def en_sqlite(tmp_path: Path, ac: AutoridadCertificadora) -> Iterator[Mundo]:
    """Un portal sobre SQLite para todos los ejemplos de una prueba de Hypothesis."""
    mundo = Mundo(f"sqlite:///{tmp_path / 'hostil.sqlite3'}", ac)
    yield mundo
    mundo.cerrar()


@pytest.fixture
def solicitante(en_sqlite: Mundo) -> tuple[FlaskClient, str]:
    cliente = en_sqlite.cliente(EMPRESA_A)
    return cliente, csrf_de(cliente.get("/inicio"))


@pytest.fixture
def dictaminador(en_sqlite: Mundo) -> tuple[FlaskClient, str]:
    cliente = en_sqlite.cliente(DICTAMINADOR)
    return cliente, csrf_de(cliente.get("/funcionario/bandeja"))


# --- Cancelación -----------------------------------------------------------------------------------

def _con_el_certificado(mundo: Mundo, cliente: FlaskClient, testigo: str, en_la_lista: bool) -> None:
    """Deja SE-A en los certificados a cancelar, o fuera de ellos."""
    ruta, datos = (("/cancelacion/certificados", {"certificado": "SE-A", "monto": "1"}) if en_la_lista
                   else ("/cancelacion/certificados/eliminar", {"folio": "SE-A"}))
    assert enviar(cliente, ruta, testigo, datos).status_code in (302, 422)


@ASI
@given(campos=hostiles("certificado", "monto"), consulta=CONSULTA_HOSTIL)
def test_agregar_un_certificado_a_cancelar(en_sqlite: Mundo, solicitante: tuple[FlaskClient, str],
                                           campos: dict[str, Any], consulta: dict[str, Any]) -> None:
    cliente, testigo = solicitante
    _con_el_certificado(en_sqlite, cliente, testigo, en_la_lista=False)
    datos = {**consulta, "certificado": "SE-A", "monto": "1", **campos}
    antes = foto(en_sqlite)
    comprobar(en_sqlite, antes, enviar(cliente, "/cancelacion/certificados", testigo, datos), textos_de(datos))


@ASI
@given(campos=hostiles("folio"), consulta=CONSULTA_HOSTIL, en_la_lista=st.booleans())
def test_quitar_un_certificado_a_cancelar(en_sqlite: Mundo, solicitante: tuple[FlaskClient, str],
                                          campos: dict[str, Any], consulta: dict[str, Any],
                                          en_la_lista: bool) -> None:
    cliente, testigo = solicitante
    _con_el_certificado(en_sqlite, cliente, testigo, en_la_lista)
    datos = {**consulta, "folio": "SE-A", **campos}
    antes = foto(en_sqlite)
    comprobar(en_sqlite, antes, enviar(cliente, "/cancelacion/certificados/eliminar", testigo, datos),
              textos_de(datos))


@ASI
@given(consulta=CONSULTA_HOSTIL, en_la_lista=st.booleans())
def test_pasar_a_la_firma(en_sqlite: Mundo, solicitante: tuple[FlaskClient, str], consulta: dict[str, Any],
                          en_la_lista: bool) -> None:
    cliente, testigo = solicitante
    _con_el_certificado(en_sqlite, cliente, testigo, en_la_lista)
    antes = foto(en_sqlite)
    comprobar(en_sqlite, antes, enviar(cliente, "/cancelacion/siguiente", testigo, consulta), textos_de(consulta))


def campos_de_la_firma(cliente: FlaskClient) -> dict[str, str]:
    """El borrador y la versión que la página de firma pone en su formulario."""
    return dict(re.findall(r'name="(solicitud|version)" value="(\d+)"', cliente.get("/cancelacion/firma").text))


@ASI
@given(campos=hostiles(solicitud=parte_hostil, version=parte_hostil), firma=EFIRMA_HOSTIL)
def test_firmar_la_cancelacion(en_sqlite: Mundo, solicitante: tuple[FlaskClient, str],
                               campos: dict[str, Any], firma: dict[str, Any]) -> None:
    cliente, testigo = solicitante
    _con_el_certificado(en_sqlite, cliente, testigo, en_la_lista=True)
    datos = {**campos_de_la_firma(cliente), **efirma(en_sqlite, EMPRESA_A), **campos, **firma}
    antes = foto(en_sqlite)
    comprobar(en_sqlite, antes, enviar(cliente, "/cancelacion/firma", testigo, datos), textos_de(datos))


# --- Asignación y expedición -----------------------------------------------------------------------

@ASI
@given(campos=hostiles("cupo", "lugar", "monto", "pedimentos", "envio"), firma=EFIRMA_HOSTIL)
def test_solicitar_una_asignacion(en_sqlite: Mundo, solicitante: tuple[FlaskClient, str],
                                  campos: dict[str, Any], firma: dict[str, Any]) -> None:
    cliente, testigo = solicitante
    datos = {"cupo": "C1", "lugar": "Ventanilla Única", "monto": "5", "pedimentos": "",
             "envio": secrets.token_urlsafe(24), **efirma(en_sqlite, EMPRESA_A), **campos, **firma}
    antes = foto(en_sqlite)
    comprobar(en_sqlite, antes, enviar(cliente, "/asignacion", testigo, datos), textos_de(datos))


def expedicion_valida(mundo: Mundo, folio_asignacion: str) -> dict[str, Any]:
    return {"asignacion": folio_asignacion, "lugar": "Ventanilla Única", "monto": "5", "numero_factura": "F-1",
            "monto_factura": "5", "documento_transporte": "Carta de porte",
            "factura": ("factura.pdf", pdf_de_una_pagina("Factura F-1")),
            "transporte": ("guia.pdf", pdf_de_una_pagina("Carta de porte")),
            "envio": secrets.token_urlsafe(24), **efirma(mundo, EMPRESA_A)}


@pytest.fixture
def constancia(en_sqlite: Mundo) -> str:
    """Una constancia de asignación de la empresa con saldo de sobra para muchas expediciones."""
    return asignacion_de(en_sqlite, monto="100000")


@ASI
@given(campos=hostiles("asignacion", "lugar", "monto", "numero_factura", "monto_factura",
                       "documento_transporte", "envio", factura=archivo_hostil, transporte=archivo_hostil),
       firma=EFIRMA_HOSTIL)
def test_solicitar_un_certificado(en_sqlite: Mundo, solicitante: tuple[FlaskClient, str], constancia: str,
                                  campos: dict[str, Any], firma: dict[str, Any]) -> None:
    cliente, testigo = solicitante
    datos = {**expedicion_valida(en_sqlite, constancia), **campos, **firma}
    antes = foto(en_sqlite)
    comprobar(en_sqlite, antes, enviar(cliente, "/expedicion", testigo, datos), textos_de(datos))


# --- Resolución del funcionario y acceso -----------------------------------------------------------

@pytest.fixture
def pendientes(en_sqlite: Mundo) -> list[str]:
    """Las solicitudes pendientes que se van creando: la última es la que toca resolver."""
    asignacion = asignacion_de(en_sqlite, monto="100000")
    return [asignacion, pendiente(en_sqlite, asignacion)]


@ASI
@given(campos=hostiles("sentido", "motivo"), firma=EFIRMA_HOSTIL)
def test_resolver_una_solicitud(en_sqlite: Mundo, dictaminador: tuple[FlaskClient, str], pendientes: list[str],
                                campos: dict[str, Any], firma: dict[str, Any]) -> None:
    cliente, testigo = dictaminador
    datos = {"sentido": "rechazar", "motivo": "No procede.", **efirma(en_sqlite, DICTAMINADOR), **campos, **firma}
    antes = foto(en_sqlite)
    respuesta = enviar(cliente, f"/funcionario/solicitudes/{pendientes[-1]}", testigo, datos)
    comprobar(en_sqlite, antes, respuesta, textos_de(datos))
    if respuesta.status_code == 302:
        pendientes.append(pendiente(en_sqlite, pendientes[0]))


@ASI
@given(ruta_y_rfc=st.sampled_from([(r, rfc) for r in ("/ingresar", "/funcionarios/ingresar")
                                   for rfc in (EMPRESA_A, DICTAMINADOR)]),
       firma=EFIRMA_HOSTIL)
def test_iniciar_sesion(en_sqlite: Mundo, ruta_y_rfc: tuple[str, str], firma: dict[str, Any]) -> None:
    ruta, rfc = ruta_y_rfc
    cliente = en_sqlite.app.test_client()
    testigo = csrf_de(cliente.get(ruta))
    datos = {**efirma(en_sqlite, rfc), **firma}
    antes = foto(en_sqlite)
    comprobar(en_sqlite, antes, enviar(cliente, ruta, testigo, datos), textos_de(datos))


# --- Partes de la URL ------------------------------------------------------------------------------

RUTAS_DEL_SOLICITANTE = ["/cupos/{}", "/tramites/{}", "/tramites/SE/{}", "/tramites/{}/Cupos", "/solicitudes/{}",
                         "/solicitudes/{}/acuse", "/solicitudes/{folio}/{}", "/cancelacion/acuse/{}",
                         "/cancelacion?pestana=cancelacion&buscar=1&regimen={}&mecanismo={}",
                         "/cancelacion?pestana={}&buscar=1&regimen=Importaci%C3%B3n&mecanismo=x&cupo={}"]
RUTAS_DEL_FUNCIONARIO = ["/funcionario/solicitudes/{}", "/funcionario/solicitudes/{}/adjuntos/1",
                         "/funcionario/solicitudes/{folio}/adjuntos/{}", "/solicitudes/{folio}/{}"]


@ASI
@given(funcionario_y_ruta=st.one_of(st.tuples(st.just(False), st.sampled_from(RUTAS_DEL_SOLICITANTE)),
                                    st.tuples(st.just(True), st.sampled_from(RUTAS_DEL_FUNCIONARIO))),
       parte=parte_hostil)
def test_partes_hostiles_de_la_url(en_sqlite: Mundo, solicitante: tuple[FlaskClient, str],
                                   dictaminador: tuple[FlaskClient, str], pendientes: list[str],
                                   funcionario_y_ruta: tuple[bool, str], parte: str) -> None:
    funcionario, plantilla = funcionario_y_ruta
    cliente = (dictaminador if funcionario else solicitante)[0]
    ruta = plantilla.replace("{folio}", pendientes[-1]).replace("{}", quote(parte, safe=""))
    antes = foto(en_sqlite)
    comprobar(en_sqlite, antes, cliente.get(ruta), [parte])


# --- Casos explícitos, en SQLite y en PostgreSQL ---------------------------------------------------

def formulario_de_expedicion(mundo: Mundo) -> tuple[FlaskClient, str, dict[str, Any]]:
    """La empresa en sesión, su testigo CSRF y una solicitud de expedición válida."""
    cliente = mundo.cliente(EMPRESA_A)
    return cliente, csrf_de(cliente.get("/expedicion")), expedicion_valida(mundo, asignacion_de(mundo))


def test_los_adjuntos_con_nombres_no_latin1_se_descargan_con_filename_estrella(mundo: Mundo) -> None:
    subidos = {"factura—marzo.pdf": pdf_de_una_pagina("Factura de marzo"),
               "🚚 guía.pdf": pdf_de_una_pagina("Guía aérea")}
    cliente, testigo, datos = formulario_de_expedicion(mundo)
    factura, transporte = subidos.items()
    respuesta = enviar(cliente, "/expedicion", testigo, {**datos, "factura": factura, "transporte": transporte})
    assert respuesta.status_code == 302, respuesta.text
    folio = respuesta.headers["Location"].rsplit("/", 1)[1]
    funcionario = mundo.cliente(DICTAMINADOR)
    pagina = funcionario.get(f"/funcionario/solicitudes/{folio}").text
    ligas = re.findall(r'href="(/funcionario/solicitudes/[^"]+/adjuntos/[0-9]+)">[^<:]*: ([^<]*)</a>', pagina)
    assert sorted(html.unescape(nombre) for _, nombre in ligas) == sorted(subidos)
    for liga, nombre in ligas:
        descarga = funcionario.get(liga)
        nombre = html.unescape(nombre)
        assert descarga.status_code == 200
        assert f"filename*=UTF-8''{quote(nombre, safe='')}" in descarga.headers["Content-Disposition"]
        assert descarga.get_data() == subidos[nombre]


@pytest.mark.parametrize("cambio", [
    {"numero_factura": "F\x00-1"},
    {"factura": ("fac\x00tura.pdf", b"%PDF-1.4")},
    {"transporte": ("guia.pdf\x00.exe", b"%PDF-1.4")},
], ids=["campo de texto", "nombre de la factura", "nombre del documento de transporte"])
def test_nul_en_un_campo_o_en_un_nombre_de_archivo_se_rechaza_sin_cambiar_nada(
        mundo: Mundo, cambio: dict[str, Any]) -> None:
    cliente, testigo, datos = formulario_de_expedicion(mundo)
    datos |= cambio
    antes = foto(mundo)
    respuesta = enviar(cliente, "/expedicion", testigo, datos)
    assert respuesta.status_code == 422
    assert MENSAJE_CARACTERES_DE_CONTROL in alertas(respuesta)
    mensaje_en_espanol(respuesta, textos_de(datos))
    assert foto(mundo) == antes


def test_nul_en_la_direccion_no_es_un_error_del_servidor(mundo: Mundo) -> None:
    """PostgreSQL no admite NUL en un texto: sin cuidarlo, buscarlo en la base sería un error 500."""
    cliente = mundo.cliente(EMPRESA_A)
    for ruta in ["/cupos/C1%00", "/tramites/SE%00", "/tramites/SE/Cupos%00", "/solicitudes/%00",
                 "/solicitudes/%00/acuse", "/cancelacion/acuse/%00",
                 "/cancelacion?pestana=cancelacion&buscar=1&regimen=%00&mecanismo=x",
                 "/cancelacion?pestana=cancelacion&buscar=1&regimen=Importaci%C3%B3n&mecanismo=x&cupo=%00"]:
        respuesta = cliente.get(ruta)
        assert 400 <= respuesta.status_code < 500, f"{ruta}: {respuesta.status_code}"
        mensaje_en_espanol(respuesta, ["\x00"])


def test_ids_y_nul_en_la_direccion_del_funcionario_son_404(mundo: Mundo) -> None:
    """Un id fuera de rango, con signo o en dígitos no ASCII no es un adjunto (ni un error de la base)."""
    folio = pendiente(mundo, asignacion_de(mundo))
    funcionario = mundo.cliente(DICTAMINADOR)
    adjuntos = [f"/funcionario/solicitudes/{folio}/adjuntos/{quote(n)}" for n in IDS_HOSTILES]
    for ruta in ["/funcionario/solicitudes/%00", "/funcionario/solicitudes/%00/adjuntos/1", *adjuntos]:
        respuesta = funcionario.get(ruta)
        assert respuesta.status_code == 404, f"{ruta}: {respuesta.status_code}"
        mensaje_en_espanol(respuesta, [])


@pytest.mark.parametrize("numero_factura", ["F" * 61, "x" * 10_000])
def test_un_numero_de_factura_mas_largo_que_su_columna_se_rechaza(mundo: Mundo, numero_factura: str) -> None:
    """PostgreSQL no guarda un texto más largo que su columna (un error 500); SQLite lo guardaría."""
    cliente, testigo, datos = formulario_de_expedicion(mundo)
    antes = foto(mundo)
    respuesta = enviar(cliente, "/expedicion", testigo, {**datos, "numero_factura": numero_factura})
    assert respuesta.status_code == 422, respuesta.text[:400]
    assert "a lo más 60 caracteres" in " ".join(alertas(respuesta))
    assert foto(mundo) == antes


@pytest.mark.parametrize("solicitud", ["2147483648", "999999999999999999"])
def test_un_numero_de_solicitud_fuera_de_rango_en_la_firma_se_rechaza(mundo: Mundo, solicitud: str) -> None:
    """Los ids son INTEGER: en PostgreSQL, buscar uno de más de 2**31 - 1 sería un error 500."""
    cliente = mundo.cliente(EMPRESA_A)
    assert mundo.agregar(cliente, "SE-A", "5").status_code == 302
    datos = {**campos_de_la_firma(cliente), **efirma(mundo, EMPRESA_A), "solicitud": solicitud}
    antes = foto(mundo)
    respuesta = enviar(cliente, "/cancelacion/firma", csrf_de(cliente.get("/inicio")), datos)
    assert respuesta.status_code == 422, respuesta.text[:400]
    mensaje_en_espanol(respuesta, textos_de(datos))
    assert foto(mundo) == antes


def test_quitar_un_certificado_que_no_esta_en_la_lista_se_rechaza_sin_crear_nada(mundo: Mundo) -> None:
    cliente = mundo.cliente(EMPRESA_A)
    antes = foto(mundo)
    respuesta = enviar(cliente, "/cancelacion/certificados/eliminar", csrf_de(cliente.get("/inicio")),
                       {"folio": "SE-NO-EXISTE"})
    assert respuesta.status_code == 422, "no se quitó nada, pero el portal dice «Se quitó el certificado …»"
    mensaje_en_espanol(respuesta, ["SE-NO-EXISTE"])
    assert foto(mundo) == antes
