"""El resumen de conformidad de cupos_conformidad/informes/conformidad.py, sobre una característica mínima sin
navegador.

caja.feature lleva etiquetas en la característica (TIE-01), en la regla (TIE-03), en los escenarios
(TIE-02, TIE-04) y en unos ejemplos (TIE-06); TIE-05 no la lleva ningún escenario. Un escenario pasa,
uno falla y dos se omiten con pytest.skip() en un paso.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ["pytester"]

RAIZ = Path(__file__).resolve().parents[1]
DATOS = Path(__file__).with_name("datos_conformidad")
SIN_RELOJ = "necesita fijar el reloj del portal (API de pruebas)"


@pytest.fixture
def proyecto(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """Un proyecto con caja.feature, sus pasos y su propio DOMAIN.md en pequeño (reglas.md)."""
    monkeypatch.setenv("PYTHONPATH", str(RAIZ))
    for archivo in DATOS.iterdir():
        (pytester.path / archivo.name.removesuffix(".txt")).write_text(archivo.read_text(encoding="utf-8"),
                                                                       encoding="utf-8")
    pytester.makeini("[pytest]\nmarkers =\n" + "".join(f"    TIE-0{n}\n" for n in range(1, 7)))
    return pytester


def correr(pytester: pytest.Pytester, *opciones: str) -> pytest.RunResult:
    return pytester.runpytest_subprocess("-p", "fixtures.caracteristicas",
                                         "-p", "cupos_conformidad.informes.conformidad",
                                         "--dominio", "reglas.md", *opciones)


def leer(pytester: pytest.Pytester) -> tuple[dict[str, Any], dict[str, dict[str, Any]], str]:
    """El JSON completo, sus reglas por ID y el Markdown."""
    resumen = json.loads((pytester.path / "informes" / "conformidad.json").read_text(encoding="utf-8"))
    markdown = (pytester.path / "informes" / "conformidad.md").read_text(encoding="utf-8")
    return resumen, {regla["regla"]: regla for regla in resumen["reglas"]}, markdown


@pytest.mark.parametrize("opciones", [("-n", "2"), ()], ids=["xdist", "en-serie"])
def test_cada_regla_con_su_veredicto(proyecto: pytest.Pytester, opciones: tuple[str, ...]) -> None:
    salida = correr(proyecto, "--conformidad", "informes/conformidad.json", *opciones)
    salida.assert_outcomes(passed=3, failed=1, skipped=2)

    salida.stdout.fnmatch_lines([
        "*Conformidad con reglas.md*",
        "regla*veredicto*escenarios*aprobados*fallidos*sin correr*detalle",
        "TIE-01*falló*6*3*1*2*fallaron: Una devolución imposible",
        f"TIE-02*probada en parte*4*3*0*1*sin mostrar 1: {SIN_RELOJ}",
        "TIE-03*falló*3*0*1*2*fallaron: Una devolución imposible",
        f"TIE-04*no se corrió*2*0*0*2*{SIN_RELOJ}",
        "TIE-06*probada*1*1*0*0",
        "Ningún escenario prueba (no se corrieron): TIE-05",
        "Falló Una devolución imposible (caja.feature:31): AssertionError: la caja suma 2, no 5",
        "Reglas: 1 probada, 1 probada en parte, 2 fallaron, 2 sin correr (de 6); resultados por regla: 9 de 16 "
        "corridos (56%)",
    ])
    resumen, reglas, markdown = leer(proyecto)
    assert resumen["cuenta"] == {"reglas": 6, "probadas": 1, "en_parte": 1, "fallaron": 2, "sin_correr": 2,
                                 "resultados": 16, "resultados_corridos": 9}
    assert list(reglas) == [f"TIE-0{n}" for n in range(1, 7)]
    assert {r: reglas[r]["veredicto"] for r in reglas} == {
        "TIE-01": "falló", "TIE-02": "probada en parte", "TIE-03": "falló",
        "TIE-04": "no se corrió", "TIE-05": "no se corrió", "TIE-06": "probada"}
    assert reglas["TIE-05"]["texto"] == "Una regla que ningún escenario prueba."
    assert reglas["TIE-03"]["fallidos"] == ["Una devolución imposible"]
    assert reglas["TIE-04"]["motivos"] == [SIN_RELOJ]  # los dos escenarios omitidos, un motivo
    assert reglas["TIE-02"]["motivos"] == [SIN_RELOJ]  # lo que no se mostró de una regla probada en parte
    assert reglas["TIE-06"]["motivos"] == []
    assert reglas["TIE-05"] == reglas["TIE-05"] | {"motivos": ["ningún escenario la prueba"], "escenarios": []}
    assert [e["nombre"] for e in reglas["TIE-06"]["escenarios"]] == ["Vender varias piezas (n: 7)"]
    por_nombre = {e["nombre"]: e for e in reglas["TIE-01"]["escenarios"]}
    assert {nombre: e["resultado"] for nombre, e in por_nombre.items()} == {
        "Una venta se registra": "aprobado",
        "Vender varias piezas (n: 1)": "aprobado", "Vender varias piezas (n: 7)": "aprobado",
        "Una devolución imposible": "fallido",
        "Una devolución sin reloj": "omitido", "Una devolución a deshoras": "omitido"}
    fallido = por_nombre["Una devolución imposible"]
    assert fallido["nodeid"] == "caja.feature::test_una_devolución_imposible"
    assert (fallido["archivo"], fallido["linea"]) == ("caja.feature", 31)
    assert "la caja suma 2, no 5" in fallido["motivo"]
    assert por_nombre["Una devolución sin reloj"]["motivo"] == SIN_RELOJ

    assert "Reglas: 1 probada, 1 probada en parte, 2 fallaron, 2 sin correr (de 6); resultados" in markdown
    assert f"| TIE-02 | probada en parte | 4 | 3 | 0 | 1 | sin mostrar 1: {SIN_RELOJ} |" in markdown
    assert "| Regla | Veredicto | Escenarios | Aprobados | Fallidos | Sin correr | Detalle |" in markdown
    assert f"| TIE-04 | no se corrió | 2 | 0 | 0 | 2 | {SIN_RELOJ} |" in markdown
    assert "| TIE-03 | falló | 3 | 0 | 1 | 2 | fallaron: Una devolución imposible |" in markdown
    assert "| TIE-05 | no se corrió | 0 | 0 | 0 | 0 | ningún escenario la prueba |" in markdown
    assert "- Una devolución imposible (`caja.feature:31`): AssertionError: la caja suma 2, no 5" in markdown


def test_sin_llegar_al_minimo_de_reglas_probadas_la_corrida_falla(proyecto: pytest.Pytester) -> None:
    """Sin el escenario que falla todo pasa, pero sólo TIE-06 queda probada por completo: TIE-01 y TIE-02,
    que pasaron en lo que corrió, tienen escenarios sin correr, y una regla probada en parte no cuenta."""
    salida = correr(proyecto, "--conformidad", "informes/conformidad.json", "-n", "2", "-k", "not imposible",
                    "--conformidad-minimo", "2")
    salida.assert_outcomes(passed=3, skipped=2)
    assert salida.ret == pytest.ExitCode.TESTS_FAILED
    salida.stdout.fnmatch_lines(["Reglas: 1 probada, 2 probadas en parte, 0 fallaron, 3 sin correr (de 6)*",
                                 "Se pedían al menos 2 reglas probadas por completo y hay 1: la corrida falla."])
    resumen, reglas, markdown = leer(proyecto)
    assert (resumen["minimo"], resumen["cumple_minimo"]) == (2, False)
    # El que no se seleccionó también cuenta, con su motivo (llega del trabajador al terminar).
    assert reglas["TIE-03"]["veredicto"] == "no se corrió"
    assert set(reglas["TIE-03"]["motivos"]) == {"no se seleccionó en esta corrida", SIN_RELOJ}
    assert reglas["TIE-01"]["veredicto"] == "probada en parte"
    assert set(reglas["TIE-01"]["motivos"]) == {"no se seleccionó en esta corrida", SIN_RELOJ}
    assert "no se cumple, la corrida falla" in markdown

    salida = correr(proyecto, "-k", "not imposible", "--conformidad-minimo", "1")
    salida.assert_outcomes(passed=3, skipped=2, deselected=1)
    assert salida.ret == pytest.ExitCode.OK


def test_un_escenario_intermitente_no_prueba_su_regla(proyecto: pytest.Pytester) -> None:
    """Falló y al repetirlo (pytest-rerunfailures) pasó: cuenta como falla, como en
    cupos_conformidad/informes/resultados.py."""
    pasos = proyecto.path / "conftest.py"
    pasos.write_text(pasos.read_text(encoding="utf-8").replace(
        "def suma(caja, n):\n",
        "def suma(caja, n, request):\n"
        "    assert n != 3 or getattr(request.node, 'execution_count', 1) > 1, 'tropieza la primera vez'\n"),
        encoding="utf-8")
    salida = correr(proyecto, "--conformidad", "informes/conformidad.json", "--reruns=1", "-k", "registra")
    assert salida.parseoutcomes() == {"passed": 1, "rerun": 1, "deselected": 5}
    _, reglas, _ = leer(proyecto)
    assert reglas["TIE-02"]["veredicto"] == "falló"
    [escenario] = [e for e in reglas["TIE-02"]["escenarios"] if e["resultado"] != "sin correr"]
    assert (escenario["nombre"], escenario["resultado"]) == ("Una venta se registra", "intermitente")


def test_sin_el_archivo_de_reglas_es_un_error_de_uso(proyecto: pytest.Pytester) -> None:
    salida = proyecto.runpytest_subprocess("-p", "cupos_conformidad.informes.conformidad",
                                           "--dominio", "no-esta.md")
    assert salida.ret == pytest.ExitCode.USAGE_ERROR
    salida.stderr.fnmatch_lines(["*--dominio: no está*no-esta.md*"])
