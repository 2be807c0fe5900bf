"""Cómo lee el arnés una pantalla sin depender de su HTML: los campos de un formulario por su nombre
accesible, los montos y los colores por su sentido (pages/formularios.py, pages/formato.py)."""

from __future__ import annotations

import re

import pytest

from pages.formato import es_verde, texto_del_monto
from pages.formularios import formulario_con

CER = re.compile(r"^\s*certificado\b|\.cer\b", re.IGNORECASE)
CLAVE = re.compile(r"^\s*clave privada\b", re.IGNORECASE)
CONTRASENA = re.compile(r"^\s*contraseña", re.IGNORECASE)
ACCESOS = {
    "for": """<form action="/entrar" method="post"><input type="hidden" name="csrf" value="t1">
        <label for="a1">Certificado (.cer)</label><input id="a1" type="file" name="c">
        <label for="a2">Clave privada (.key)</label><input id="a2" type="file" name="k">
        <label for="a3">Contraseña de la clave privada</label><input id="a3" type="password" name="p"></form>""",
    "envuelve": """<form action="/entrar" method="post"><input type="hidden" name="csrf" value="t1">
        <div><label><span>Certificado</span> (.cer) <input type="file" name="c"></label></div>
        <label>Clave privada <small>(.key)</small><input type="file" name="k"></label>
        <label>Contraseña<br><input type="password" name="p"></label></form>""",
    "aria": """<form action="/entrar" method="post"><input type="hidden" name="csrf" value="t1">
        <p id="t-cer">Archivo del certificado</p><p id="t-x">(.cer)</p>
        <input type="file" name="c" aria-labelledby="t-cer t-x">
        <input type="file" name="k" aria-label="Clave privada (.key)">
        <input type="password" name="p" title="Contraseña"></form>""",
}


@pytest.mark.parametrize("forma", ACCESOS)
def test_los_campos_se_hallan_por_su_nombre_accesible_en_cualquier_forma_de_etiqueta(forma: str) -> None:
    html = f"<body><form action='/buscar'><label>Buscar <input name='q'></label></form>{ACCESOS[forma]}</body>"
    formulario = formulario_con(html, CER)
    assert (formulario.accion, formulario.metodo) == ("/entrar", "post")
    assert [formulario.nombre_de(e) for e in (CER if forma != "aria" else re.compile("certificado"), CLAVE,
                                              CONTRASENA)] == ["c", "k", "p"]
    assert formulario.ocultos() == {"csrf": "t1"}


def test_un_campo_que_no_esta_dice_cuales_hay() -> None:
    formulario = formulario_con(ACCESOS["for"], CER)
    with pytest.raises(LookupError, match="no tiene el campo «RFC»; tiene .*Certificado \\(.cer\\)"):
        formulario.nombre_de(re.compile("RFC"))


@pytest.mark.parametrize(("color", "verde"), [
    ("rgb(30, 123, 52)", True), ("rgb(45, 122, 58)", True), ("rgb(207, 232, 212)", True),
    ("rgb(238, 238, 238)", False), ("rgb(255, 255, 255)", False), ("rgba(30, 123, 52, 0)", False),
    ("rgb(128, 0, 32)", False), ("rgb(0, 90, 200)", False), ("rgb(200, 200, 40)", False), ("verde", False),
])
def test_verde_es_un_rango_de_tonos_no_un_valor(color: str, verde: bool) -> None:
    assert es_verde(color) is verde


@pytest.mark.parametrize(("monto", "se_ve", "no_se_ve"), [
    ("25", ["25", "25.0", "25.000"], ["250", "25.5", "2.5"]),
    ("1250.5", ["1,250.5", "1250.50"], ["1,250.05", "1250"]),
])
def test_un_monto_se_reconoce_con_o_sin_ceros_y_separador_de_miles(monto: str, se_ve: list[str],
                                                                    no_se_ve: list[str]) -> None:
    patron = texto_del_monto(monto)
    assert all(patron.search(texto) for texto in se_ve)
    assert not any(patron.search(texto) for texto in no_se_ve)
