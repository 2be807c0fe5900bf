"""La documentación viva (cupos_conformidad/informes/documentacion) sobre una característica mínima sin
navegador, con y sin
xdist; unida de dos tandas; revisada con cupos_conformidad.informes.fragmentos; y abierta en Chromium como la
abriría una
persona."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect, sync_playwright

from fixtures.navegador_remoto import chromium_del_sistema

pytest_plugins = ["pytester"]

RAIZ = Path(__file__).resolve().parents[1]
DATOS = Path(__file__).with_name("datos_informes")
DOMINIO = """# Reglas de prueba

| ID | Regla |
|---|---|
| VEN-01 | Una venta suma las piezas vendidas. |
| VEN-02 | Una regla que ningún escenario prueba. |
"""
PLUGINS = ("-p", "pasos_ventas", "-p", "fixtures.caracteristicas", "-p", "fixtures.objetivo",
           "-p", "cupos_conformidad.informes.resultados", "-p", "cupos_conformidad.informes.conformidad",
           "-p", "cupos_conformidad.informes.documentacion.evidencia",
           "-p", "cupos_conformidad.informes.documentacion.recoleccion")


@pytest.fixture
def proyecto(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """ventas.feature (con la etiqueta de la regla VEN-01), sus pasos y un DOMAIN.md con dos reglas."""
    monkeypatch.setenv("PYTHONPATH", f"{RAIZ}:{pytester.path}")
    for nombre in ("ventas.feature", "conftest.py"):
        texto = (DATOS / f"{nombre}.txt").read_text(encoding="utf-8").replace("@VEN\n", "@VEN @VEN-01\n")
        (pytester.path / nombre).write_text(texto, encoding="utf-8")
    # Los mismos pasos, como plugin: el .feature se recoge directamente (fixtures.caracteristicas).
    pasos = (DATOS / "test_ventas.py.txt").read_text(encoding="utf-8").replace('scenarios("ventas.feature")\n', "")
    # Cada suma anota, como un escenario a la hora del portal, qué lado de la regla mostró.
    anota = "    request.node.user_properties.append(('lado mostrado', f'VEN-01: la caja sumó {n} piezas'))\n"
    pasos = pasos.replace("def suma(caja, n):\n", "def suma(caja, n, request):\n" + anota)
    (pytester.path / "pasos_ventas.py").write_text(pasos, encoding="utf-8")
    (pytester.path / "DOMAIN.md").write_text(DOMINIO, encoding="utf-8")
    pytester.makeini("[pytest]\nmarkers =\n    VEN\n    VEN-01\n")
    return pytester


def correr(proyecto: pytest.Pytester, carpeta: str, *opciones: str) -> dict[str, Any]:
    salida = proyecto.runpytest_subprocess(
        *PLUGINS, "--dominio", "DOMAIN.md", f"--cucumberjson={carpeta}/cucumber.json",
        f"--junitxml={carpeta}/junit.xml", f"--documentacion={carpeta}/documentacion", *opciones)
    assert salida.ret in (0, 1), salida.stdout.str()[-3000:]
    salida.stdout.fnmatch_lines([f"*Documentación viva: *{carpeta}/documentacion/index.html*"])
    archivo = proyecto.path / carpeta / "documentacion" / "datos.json"
    datos: dict[str, Any] = json.loads(archivo.read_text(encoding="utf-8"))
    return datos


@pytest.mark.parametrize("opciones", [("-n", "2"), ()], ids=["xdist", "en-serie"])
def test_la_documentacion_tiene_cada_regla_y_cada_escenario_con_su_resultado(
        proyecto: pytest.Pytester, opciones: tuple[str, ...]) -> None:
    datos = correr(proyecto, "informes", *opciones)
    resultados = {e["nombre"]: e["resultado"] for e in datos["escenarios"]}
    assert resultados == {"Una venta se registra": "aprobado", "Una venta imposible": "fallido",
                          "Vender varias piezas (n: 1)": "aprobado", "Vender varias piezas (n: 7)": "aprobado"}
    assert datos["reglas"] == {"VEN-01": "Una venta suma las piezas vendidas.",
                               "VEN-02": "Una regla que ningún escenario prueba."}
    assert datos["corrida"]["semilla"] and datos["corrida"]["modo"] == "api"
    fallido = next(e for e in datos["escenarios"] if e["resultado"] == "fallido")
    assert [p["estado"] for p in fallido["pasos"]] == ["passed", "passed", "failed", "skipped"]
    sitio = proyecto.path / "informes" / "documentacion"
    indice = (sitio / "index.html").read_text(encoding="utf-8")
    # Primero las reglas sin un escenario aprobado: VEN-01 falló, VEN-02 no la prueba ninguno.
    assert indice.index('id="VEN-01"') < indice.index('id="VEN-02"')
    assert "ningún escenario la prueba" in indice
    assert "A la hora del portal: la caja sumó 7 piezas" in indice  # de un escenario aprobado
    assert "la caja sumó 5 piezas" not in indice  # el que falló no mostró nada
    pagina = (sitio / "caracteristicas" / "ventas.html").read_text(encoding="utf-8")
    for escrito in ("Característica: Ventas de prueba", "Una característica mínima para probar los informes.",
                    "Esquema del escenario: Vender varias piezas", "<td>7</td>",
                    "Falla en «Entonces la caja suma 5 piezas»"):
        assert escrito in pagina, escrito


def test_las_documentaciones_de_dos_tandas_se_unen_con_cada_escenario_una_vez(
        proyecto: pytest.Pytester, tmp_path: Path) -> None:
    for numero, filtro in enumerate(["registra or imposible", "imposible or varias"]):
        correr(proyecto, f"tanda{numero}", "-k", filtro)
    unida = tmp_path / "unida"
    salida = proyecto.run(sys.executable, "-m", "cupos_conformidad.informes.documentacion", "unir",
                          *(str(proyecto.path / f"tanda{n}" / "documentacion") for n in (0, 1)), "-o", str(unida))
    assert salida.ret == 0, salida.stderr.str()
    datos = json.loads((unida / "datos.json").read_text(encoding="utf-8"))
    corridos = sorted(e["nombre"] for e in datos["escenarios"] if e["resultado"] != "sin correr")
    assert corridos == ["Una venta imposible", "Una venta se registra", "Vender varias piezas (n: 1)",
                        "Vender varias piezas (n: 7)"]
    assert datos["corrida"]["tandas"] == 2
    for tipo, archivo in (("--cucumber", "cucumber.json"), ("--junit", "junit.xml")):
        proyecto.run(sys.executable, "-m", "cupos_conformidad.informes.unir", tipo,
                     *(str(proyecto.path / f"tanda{n}" / archivo) for n in (0, 1)), "-o", str(tmp_path / archivo))
    revision = proyecto.run(sys.executable, "-m", "cupos_conformidad.informes.fragmentos", "revisar",
                            str(proyecto.path),
                            "--raiz", str(proyecto.path), "--cucumber", str(tmp_path / "cucumber.json"),
                            "--junit", str(tmp_path / "junit.xml"), "--documentacion", str(unida))
    assert revision.ret == 0, revision.stdout.str()
    revision.stdout.fnmatch_lines(["4 escenarios en 1 características: cada uno una vez en Cucumber JSON, JUnit, "
                                   "documentación viva"])
    sola = proyecto.run(sys.executable, "-m", "cupos_conformidad.informes.fragmentos", "revisar",
                        str(proyecto.path), "--raiz",
                        str(proyecto.path), "--cucumber", str(proyecto.path / "tanda0" / "cucumber.json"))
    assert sola.ret == 1  # una tanda sola no tiene los cuatro
    sola.stdout.fnmatch_lines(["Cucumber JSON: ventas.feature tiene 2 escenarios y debía tener 4"])


def test_la_documentacion_se_abre_desde_el_disco_en_chromium(proyecto: pytest.Pytester) -> None:
    correr(proyecto, "informes")
    sitio = proyecto.path / "informes" / "documentacion"
    ruta = chromium_del_sistema(con_ventana=False)
    with sync_playwright() as playwright:
        navegador = playwright.chromium.launch(executable_path=ruta) if ruta else playwright.chromium.launch()
        pagina = navegador.new_page()
        pagina.goto((sitio / "index.html").as_uri())
        expect(pagina.get_by_role("heading", level=1)).to_have_text(
            "La especificación, regla por regla, con su evidencia")
        expect(pagina.get_by_role("row", name="VEN-01")).to_contain_text("falló")
        pagina.get_by_role("link", name="Una venta imposible").click()
        expect(pagina).to_have_url(f"{(sitio / 'caracteristicas' / 'ventas.html').as_uri()}#"
                                   f"{pagina.url.split('#', 1)[1]}")
        escenario = pagina.get_by_role("article", name="Escenario: Una venta imposible")
        expect(escenario).to_contain_text("Falla en «Entonces la caja suma 5 piezas»")
        navegador.close()
