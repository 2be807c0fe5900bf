"""--espera: lo más que un paso espera una condición en la pantalla. Una condición que no se cumple falla al
vencer ese plazo (y no al de Playwright, ni al de siempre); un plazo que no es un número de segundos es un
error de uso, dicho en español, antes de correr nada."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

pytest_plugins = ["pytester"]

PRUEBA = """
from playwright.sync_api import expect


def test_espera_algo_que_no_aparece(browser):
    pagina = browser.new_page()
    pagina.set_content("<main><h1>Hola</h1></main>")
    expect(pagina.get_by_role("heading", name="Hola")).to_be_visible()  # la que sí está no espera
    expect(pagina.get_by_role("heading", name="Adiós")).to_be_visible()


def test_un_clic_en_algo_que_no_esta(new_context):
    pagina = new_context().new_page()  # los contextos de un escenario salen de este fixture
    pagina.set_content("<main><h1>Hola</h1></main>")
    pagina.get_by_role("button", name="Enviar").click()
"""


def _duraciones(junit: str) -> dict[str, tuple[float, str]]:
    casos = ET.parse(junit).getroot().iter("testcase")
    fallas = {}
    for caso in casos:
        if (falla := caso.find("failure")) is not None:
            nombre = caso.get("name", "").removesuffix("[chromium]")
            fallas[nombre] = (float(caso.get("time", 0)), f"{falla.get('message', '')}\n{falla.text or ''}")
    return fallas


@pytest.mark.parametrize("segundos", ["1.5", "4"])
def test_una_condicion_que_no_se_cumple_falla_al_vencer_la_espera(pytester: pytest.Pytester,
                                                                  segundos: str) -> None:
    # Desde un conftest, como en una corrida de verdad: sus fixtures van sobre los de pytest-playwright. Sin
    # portal: los contextos, sin su dirección.
    pytester.makeconftest('import pytest\n\npytest_plugins = ["fixtures.navegador"]\n\n\n'
                          '@pytest.fixture(scope="session")\ndef browser_context_args():\n    return {}\n')
    pytester.makepyfile(test_pantalla=PRUEBA)
    salida = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--espera", segundos, "--junitxml=junit.xml")
    salida.assert_outcomes(failed=2)
    fallas = _duraciones(str(pytester.path / "junit.xml"))
    plazo = float(segundos)
    for nombre in ("test_espera_algo_que_no_aparece", "test_un_clic_en_algo_que_no_esta"):
        duracion, mensaje = fallas[nombre]
        assert f"timeout {plazo * 1000:g}ms" in mensaje.lower(), mensaje
        assert duracion >= plazo and duracion < plazo + 10, (nombre, duracion)


@pytest.mark.parametrize("valor", ["0", "-3", "veinte", "601"])
def test_un_plazo_que_no_es_un_numero_de_segundos_es_un_error_de_uso(pytester: pytest.Pytester,
                                                                     valor: str) -> None:
    pytester.makepyfile(test_nada="def test_nada():\n    pass\n")
    salida = pytester.runpytest_subprocess("-p", "fixtures.navegador", "-p", "no:cacheprovider", "--espera", valor)
    assert salida.ret == pytest.ExitCode.USAGE_ERROR
    salida.stderr.fnmatch_lines(["*--espera*segundos*"])
    assert "passed" not in salida.stdout.str()
