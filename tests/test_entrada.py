"""Entrada hostil: caracteres de control, nombres de archivo, Content-Disposition e ids en la URL."""

import unicodedata

import pytest
from flask import Flask, url_for
from hypothesis import given
from hypothesis import strategies as st
from werkzeug.http import parse_options_header

from stub_portal.entrada import (
    LARGO_MAXIMO_DE_NOMBRE,
    MAXIMO_ID,
    MENSAJE_CARACTERES_DE_CONTROL,
    EnteroAcotado,
    content_disposition,
    leer_entero_de_ruta,
    nombre_de_archivo_seguro,
    texto_con_caracteres_de_control,
)

# --- Caracteres de control ----------------------------------------------------------------------

@pytest.mark.parametrize("texto", [
    "", "Quesos del Norte, S.A. de C.V.", "renglón 1\r\nrenglón 2\n\tsangría", "Ñandú — 😀",
    "\u00a0espacio duro\u2028separador de renglón",
])
def test_el_texto_ordinario_no_tiene_caracteres_de_control(texto: str) -> None:
    assert not texto_con_caracteres_de_control(texto)


@pytest.mark.parametrize("texto", [
    "nulo\x00", "\x01", "campana\x07", "retroceso\x08", "\x0b", "\x0c", "escape\x1b[31m", "\x1f",
    "borrar\x7f", "C1\x85", "\x9f", "suplente \ud800 solo",
])
def test_nul_y_demas_caracteres_de_control(texto: str) -> None:
    assert texto_con_caracteres_de_control(texto)


def test_el_mensaje_esta_en_espanol() -> None:
    assert MENSAJE_CARACTERES_DE_CONTROL.startswith("El texto capturado")


# --- Nombres de archivo -------------------------------------------------------------------------

@pytest.mark.parametrize(("nombre", "seguro"), [
    ("factura.pdf", "factura.pdf"),
    ("../../etc/passwd", "passwd"),
    ("..\\..\\Windows\\win.ini", "win.ini"),
    ("C:\\Users\\Ana\\Mis documentos\\factura—marzo.pdf", "factura—marzo.pdf"),
    ("/tmp/", "archivo"),
    ("..", "archivo"),
    ("", "archivo"),
    ("\x00\x01", "archivo"),
    ("fac\x00tu\x1bra.pdf", "factura.pdf"),
    ("dos\r\nrenglones.pdf", "dos renglones.pdf"),
    ("a\udc80b.pdf", "ab.pdf"),
    ("  mi    factura\t de\u00a0marzo .pdf  ", "mi factura de marzo .pdf"),
    (".htaccess", "htaccess"),
    ("factura.pdf. . ", "factura.pdf"),
    ("cotizaci\u00f3n.pdf", "cotización.pdf"),
    ("cotizacio\u0301n.pdf", "cotización.pdf"),  # forma descompuesta: se compone (NFC)
    ("factura\u202efdp.exe", "facturafdp.exe"),  # sin controles bidireccionales que disfracen
    ("🧀 queso añejo.xlsx", "🧀 queso añejo.xlsx"),
])
def test_nombre_de_archivo_seguro(nombre: str, seguro: str) -> None:
    assert nombre_de_archivo_seguro(nombre) == seguro


def test_un_nombre_largo_se_recorta_a_120_caracteres_sin_perder_la_extension() -> None:
    largo = nombre_de_archivo_seguro("ñ" * 300 + ".pdf")
    assert largo == "ñ" * (LARGO_MAXIMO_DE_NOMBRE - 4) + ".pdf"
    assert len(largo) == LARGO_MAXIMO_DE_NOMBRE == 120
    sin_extension = nombre_de_archivo_seguro("a" * 200 + "." + "b" * 100)
    assert sin_extension == "a" * 120


@given(st.text())
def test_cualquier_nombre_queda_corto_visible_y_sin_rutas(nombre: str) -> None:
    seguro = nombre_de_archivo_seguro(nombre)
    assert 0 < len(seguro) <= LARGO_MAXIMO_DE_NOMBRE
    assert "/" not in seguro and "\\" not in seguro and seguro not in (".", "..")
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in seguro)
    assert seguro == seguro.strip() and nombre_de_archivo_seguro(seguro) == seguro


# --- Content-Disposition ------------------------------------------------------------------------

@pytest.mark.parametrize(("nombre", "cabecera"), [
    ("Acuse_0402202603100000000000042.pdf", 'attachment; filename="Acuse_0402202603100000000000042.pdf"'),
    ("mi factura.pdf", 'attachment; filename="mi factura.pdf"'),
    ("factura—marzo.pdf",
     "attachment; filename=\"factura_marzo.pdf\"; filename*=UTF-8''factura%E2%80%94marzo.pdf"),
    ("cotización.pdf", "attachment; filename=\"cotizacion.pdf\"; filename*=UTF-8''cotizaci%C3%B3n.pdf"),
    ("🧀.pdf", "attachment; filename=\"_.pdf\"; filename*=UTF-8''%F0%9F%A7%80.pdf"),
    ('informe "final" 100%.pdf',
     "attachment; filename=\"informe _final_ 100_.pdf\"; filename*=UTF-8''informe%20%22final%22%20100%25.pdf"),
    ('C:\\tmp\\a"b\\c.pdf', 'attachment; filename="c.pdf"'),
    ("inyección\r\nSet-Cookie: a=b", "attachment; filename=\"inyeccion Set-Cookie: a=b\"; "
     "filename*=UTF-8''inyecci%C3%B3n%20Set-Cookie%3A%20a%3Db"),
])
def test_content_disposition(nombre: str, cabecera: str) -> None:
    assert content_disposition(nombre) == cabecera


@given(st.text())
def test_la_cabecera_es_ascii_de_un_renglon_y_devuelve_el_nombre_seguro(nombre: str) -> None:
    cabecera = content_disposition(nombre)
    assert cabecera.isascii() and not any(c in cabecera for c in "\r\n\x00")
    tipo, opciones = parse_options_header(cabecera)
    assert tipo == "attachment"
    assert opciones["filename"] == nombre_de_archivo_seguro(nombre)  # werkzeug prefiere filename*


# --- Enteros en la URL --------------------------------------------------------------------------

@pytest.mark.parametrize(("texto", "numero"), [
    ("1", 1), ("42", 42), (str(MAXIMO_ID), 2**31 - 1),
    (str(MAXIMO_ID + 1), None), ("99999999999999999999999", None), ("9" * 5000, None),
    ("0", None), ("007", None), ("-1", None), ("+1", None), ("", None), (" 1", None), ("1\n", None),
    ("١٢٣", None), ("１２３", None), ("1_000", None),
])
def test_leer_entero_de_ruta(texto: str, numero: int | None) -> None:
    assert leer_entero_de_ruta(texto) == numero


@pytest.fixture
def cliente():
    app = Flask(__name__)
    app.url_map.converters["id"] = EnteroAcotado

    @app.get("/adjuntos/<id:numero>")
    def adjunto(numero: int) -> str:
        return f"adjunto {numero} ({type(numero).__name__})"

    with app.test_request_context():
        assert url_for("adjunto", numero=42) == "/adjuntos/42"
    return app.test_client()


@pytest.mark.parametrize("ruta", ["/adjuntos/1", "/adjuntos/2147483647"])
def test_el_convertidor_entrega_un_int(cliente, ruta: str) -> None:
    respuesta = cliente.get(ruta)
    assert respuesta.status_code == 200
    assert respuesta.text == f"adjunto {ruta.rsplit('/', 1)[1]} (int)"


@pytest.mark.parametrize("ruta", [
    "/adjuntos/9223372036854775808", "/adjuntos/99999999999999999999999", "/adjuntos/" + "9" * 5000,
    "/adjuntos/0", "/adjuntos/007", "/adjuntos/-1", "/adjuntos/%D9%A1%D9%A2", "/adjuntos/1e3",
])
def test_el_convertidor_responde_404_a_lo_que_no_es_un_id(cliente, ruta: str) -> None:
    assert cliente.get(ruta).status_code == 404
