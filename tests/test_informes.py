"""Los informes de cupos_conformidad/informes/resultados.py, sobre una característica mínima sin navegador, con
y sin xdist."""

from __future__ import annotations

import base64
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ["pytester"]

RAIZ = Path(__file__).resolve().parents[1]
DATOS = Path(__file__).with_name("datos_informes")
# Lo que pytest-playwright deja al fallar una prueba, en pequeño: un PNG de un pixel.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAE"
                       "hQGAhKmMIQAAAABJRU5ErkJggg==")
CAPTURA = base64.b64encode(PNG).decode("ascii")

ESCENARIOS = {
    "Una venta se registra",
    "Una venta imposible",
    "Vender varias piezas (n: 1)",
    "Vender varias piezas (n: 7)",
}


@pytest.fixture
def proyecto(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """Un proyecto con ventas.feature, sus pasos y una imitación de las capturas de pytest-playwright."""
    monkeypatch.setenv("PYTHONPATH", str(RAIZ))
    for archivo in DATOS.iterdir():
        if archivo.is_file():
            (pytester.path / archivo.name.removesuffix(".txt")).write_text(archivo.read_text(encoding="utf-8"),
                                                                           encoding="utf-8")
    pytester.makeini("[pytest]\nmarkers =\n    VEN\n")
    return pytester


def correr(pytester: pytest.Pytester, *opciones: str, **resultados: int) -> tuple[list[Any], ET.Element]:
    salida = pytester.runpytest_subprocess(
        "-p", "cupos_conformidad.informes.resultados", "--cucumberjson=informes/cucumber.json",
        "--junitxml=informes/junit.xml",
        *opciones)
    salida.assert_outcomes(**resultados)
    cucumber = json.loads((pytester.path / "informes" / "cucumber.json").read_text(encoding="utf-8"))
    return cucumber, ET.parse(pytester.path / "informes" / "junit.xml").getroot()


def escenarios(cucumber: list[Any]) -> list[dict[str, Any]]:
    return [elemento for caracteristica in cucumber for elemento in caracteristica["elements"]]


def estados(elemento: dict[str, Any]) -> list[str]:
    return [paso["result"]["status"] for paso in elemento["steps"]]


@pytest.mark.parametrize("opciones", [("-n", "2"), ()], ids=["xdist", "en-serie"])
def test_cada_escenario_una_vez_con_sus_pasos(proyecto: pytest.Pytester, opciones: tuple[str, ...]) -> None:
    cucumber, junit = correr(proyecto, *opciones, passed=3, failed=1)

    assert [c["name"] for c in cucumber] == ["Ventas de prueba"]
    assert cucumber[0]["tags"] == [{"name": "@VEN", "line": 2}]
    por_id = {e["id"]: e for e in escenarios(cucumber)}
    assert len(escenarios(cucumber)) == len(por_id) == 4
    assert estados(por_id["test_una_venta_se_registra"]) == ["passed"] * 3
    assert estados(por_id["test_vender_varias_piezas[7]"]) == ["passed"] * 3
    assert [p["name"] for p in por_id["test_vender_varias_piezas[1]"]["steps"]][1] == "se vende 1 piezas"
    fallido = por_id["test_una_venta_imposible"]
    assert estados(fallido) == ["passed", "passed", "failed", "skipped"]
    paso_fallido = fallido["steps"][2]
    assert "la caja suma 2, no 5" in paso_fallido["result"]["error_message"]
    assert paso_fallido["embeddings"] == [{"mime_type": "image/png", "data": CAPTURA}]
    assert all(isinstance(p["result"]["duration"], int) for e in escenarios(cucumber) for p in e["steps"])

    casos = junit.findall(".//testcase")
    assert {c.get("name") for c in casos} == ESCENARIOS and len(casos) == 4
    assert {c.get("classname") for c in casos} == {"Ventas de prueba"}
    assert {(c.get("file"), c.get("line")) for c in casos} == {
        ("ventas.feature", "6"), ("ventas.feature", "11"), ("ventas.feature", "17")}
    assert not junit.findall(".//property[@name='escenario_bdd']")


def test_los_escenarios_que_no_llegan_a_sus_pasos_tambien_aparecen(proyecto: pytest.Pytester) -> None:
    caracteristica = proyecto.path / "ventas.feature"
    texto = caracteristica.read_text(encoding="utf-8")
    caracteristica.write_text(texto.replace("la caja suma <n> piezas", "la caja cuadra con <n> piezas"),
                              encoding="utf-8")
    cucumber, _ = correr(proyecto, "-n", "2", "-p", "conftest_tropiezos", failed=3, errors=1)

    por_id = {e["id"]: e for e in escenarios(cucumber)}
    assert len(por_id) == 4
    sin_preparar = por_id["test_una_venta_se_registra"]
    assert estados(sin_preparar) == ["skipped"] * 3
    [antes] = sin_preparar["before"]
    assert antes["result"]["status"] == "failed" and "no hay caja" in antes["result"]["error_message"]
    assert antes["embeddings"] == [{"mime_type": "image/png", "data": CAPTURA}]
    sin_definir = por_id["test_vender_varias_piezas[7]"]
    assert estados(sin_definir) == ["passed", "passed", "undefined"]
    assert "la caja cuadra con 7 piezas" in sin_definir["steps"][2]["result"]["error_message"]


def test_unir_tandas_cuenta_cada_escenario_una_vez(proyecto: pytest.Pytester, tmp_path: Path) -> None:
    tandas = []
    # Dos tandas que se enciman en «Una venta imposible», como al repetir una tanda.
    for numero, (filtro, aprobados) in enumerate([("registra or imposible", 1), ("imposible or varias", 2)]):
        correr(proyecto, "-k", filtro, passed=aprobados, failed=1)
        destino = tmp_path / f"tanda{numero}"
        (proyecto.path / "informes").rename(destino)
        tandas.append(destino)

    for tipo, archivo in (("--cucumber", "cucumber.json"), ("--junit", "junit.xml")):
        unido = tmp_path / f"todo-{archivo}"
        salida = proyecto.run(sys.executable, "-m", "cupos_conformidad.informes.unir", tipo,
                              *(str(t / archivo) for t in tandas), "-o", str(unido))
        assert salida.ret == 0, salida.stderr.str()
        if tipo == "--cucumber":
            cucumber = json.loads(unido.read_text(encoding="utf-8"))
            assert len(cucumber) == 1
            assert sorted(e["id"] for e in escenarios(cucumber)) == [
                "test_una_venta_imposible", "test_una_venta_se_registra",
                "test_vender_varias_piezas[1]", "test_vender_varias_piezas[7]"]
        else:
            raiz = ET.parse(unido).getroot()
            assert {c.get("name") for c in raiz.iter("testcase")} == ESCENARIOS
            [suite] = raiz.findall("testsuite")
            assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "1", "0")
            assert raiz.get("tests") == "4"


def test_un_escenario_que_falla_y_al_repetirlo_pasa_no_queda_aprobado(proyecto: pytest.Pytester) -> None:
    """Con la repetición de pytest-rerunfailures (la de --traza al-repetir): el informe guarda el intento
    que falló, con su captura, y la corrida falla (fixtures.repeticion.Repeticion)."""
    pasos = proyecto.path / "test_ventas.py"
    pasos.write_text(pasos.read_text(encoding="utf-8").replace(
        "def suma(caja, n):\n",
        "def suma(caja, n, request):\n"
        "    assert n != 3 or getattr(request.node, 'execution_count', 1) > 1, 'tropieza la primera vez'\n"),
        encoding="utf-8")
    salida = proyecto.runpytest_subprocess(
        "-p", "cupos_conformidad.informes.resultados", "-p", "fixtures.navegador", "-p", "conftest_intermitente",
        "--cucumberjson=informes/cucumber.json", "--junitxml=informes/junit.xml", "--reruns=1", "-n", "2",
        "-k", "not imposible")
    assert salida.ret == pytest.ExitCode.TESTS_FAILED, salida.stdout.str()
    salida.stdout.fnmatch_lines(["*Intermitentes*", "*test_una_venta_se_registra*"])
    cucumber = json.loads((proyecto.path / "informes" / "cucumber.json").read_text(encoding="utf-8"))
    por_nombre = {e["name"]: e for e in escenarios(cucumber)}
    intermitente = por_nombre["Una venta se registra"]
    assert estados(intermitente) == ["passed"] * 3
    [antes] = intermitente["before"]
    assert antes["result"]["status"] == "failed"
    assert "tropieza la primera vez" in antes["result"]["error_message"]
    assert antes["result"]["error_message"].startswith("Falló y se repitió")
    assert all("before" not in e for nombre, e in por_nombre.items() if nombre != "Una venta se registra")
    assert any(g.get("embeddings") for g in [antes, *intermitente["steps"]])
