"""La revisión de accesibilidad (cupos_conformidad/informes/accesibilidad.py): la clave de cada pantalla, el
mensaje de la
falla y axe-core sobre páginas locales, una con violaciones y otra sin ellas, en un Chromium propio."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from cupos_conformidad.informes.accesibilidad import (
    ATRIBUTO,
    Pantalla,
    clave_de_pantalla,
    mensaje_de_falla,
    pantallas_del_informe,
    revisar_pagina,
    violaciones_de,
)
from fixtures.navegador_remoto import chromium_del_sistema

CON_VIOLACIONES = """<!doctype html><html lang="es"><head><title>Alta de la empresa</title></head>
<body><main><h1>Alta de la empresa</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<form><input type="text" name="rfc"></form></main></body></html>"""
LIMPIA = """<!doctype html><html lang="es"><head><title>Alta de la empresa</title></head>
<body><main><h1>Alta de la empresa</h1>
<form><label>RFC <input type="text" name="rfc"></label><button type="submit">Guardar</button></form>
</main></body></html>"""


# --- Sin navegador ---

def test_la_clave_no_cambia_con_los_valores_de_la_consulta_ni_con_los_identificadores_de_la_ruta() -> None:
    una = clave_de_pantalla("http://portal/solicitudes/0402202206010000000000016?pagina=1&orden=a", "Detalle", 0)
    otra = clave_de_pantalla("http://otro/solicitudes/0402202206010000000000099?orden=b&pagina=7", "Detalle", 0)
    assert una == otra
    assert clave_de_pantalla("http://portal/cupos/SE-CUPO-GT-QUESO", "Ficha", 0) == \
        clave_de_pantalla("http://portal/cupos/CUPO-DJ65-5270", "Ficha", 0)


def test_la_clave_cambia_con_los_nombres_de_la_consulta_el_titulo_y_los_avisos() -> None:
    base = clave_de_pantalla("http://portal/cancelacion?pestana=cancelacion", "Captura", 0)
    assert clave_de_pantalla("http://portal/cancelacion?pestana=cancelacion&buscar=1", "Captura", 0) != base
    assert clave_de_pantalla("http://portal/cancelacion?pestana=cancelacion", "Firma", 0) != base
    assert clave_de_pantalla("http://portal/cancelacion?pestana=cancelacion", "Captura", 1) != base
    assert clave_de_pantalla("http://portal/tramites/SE/Cupos", "Trámites", 0) != \
        clave_de_pantalla("http://portal/tramites/SE/Cancelaciones", "Trámites", 0)


def _pantalla(nodos: int) -> Pantalla:
    respuesta = {"violations": [{
        "id": "image-alt", "impact": "critical", "description": "Ensures <img> elements have alternate text",
        "help": "Images must have alternate text", "helpUrl": "https://dequeuniversity.com/rules/axe/image-alt",
        "tags": ["wcag2a"],
        "nodes": [{"target": [f"img:nth-child({numero})"], "html": "<img>", "failureSummary": "Fix any of these"}
                  for numero in range(1, nodos + 1)],
    }]}
    return {"pantalla": "Alta de la empresa", "url": "/alta?paso=2", "clave": "…",
            "violaciones": violaciones_de(respuesta)}


def test_el_mensaje_nombra_la_pantalla_y_cada_violacion_con_sus_primeros_selectores() -> None:
    mensaje = mensaje_de_falla(_pantalla(nodos=5))
    assert "«Alta de la empresa» (/alta?paso=2) tiene 1 violación" in mensaje
    assert "image-alt (impacto crítico): Images must have alternate text" in mensaje
    assert "img:nth-child(1), img:nth-child(2), img:nth-child(3) y 2 más" in mensaje
    assert "img:nth-child(4)" not in mensaje


def test_el_reporte_lleva_las_pantallas_en_datos_que_viajan_como_json() -> None:
    informe = pytest.TestReport("x.feature::test_alta", ("x.feature", 1, "test_alta"), {}, "failed", None, "call")
    assert pantallas_del_informe(informe) == []
    setattr(informe, ATRIBUTO, [_pantalla(nodos=1)])
    viajero = pytest.TestReport._from_json(informe._to_json())  # como lo hace pytest-xdist
    assert pantallas_del_informe(viajero) == [_pantalla(nodos=1)]


# --- Con axe-core en un Chromium propio (no el de pytest-playwright: deja un bucle de asyncio andando) ---

@pytest.fixture(scope="module")
def navegador() -> Iterator[Browser]:
    ejecutable = chromium_del_sistema(con_ventana=False)  # antes: abre y cierra su propio Playwright
    with sync_playwright() as playwright:
        navegador = playwright.chromium.launch(executable_path=str(ejecutable) if ejecutable else None)
        yield navegador
        navegador.close()


@pytest.fixture
def pagina(navegador: Browser) -> Iterator[Page]:
    contexto = navegador.new_context(locale="es-MX")
    yield contexto.new_page()
    contexto.close()


def test_una_imagen_sin_texto_y_un_campo_sin_etiqueta_son_violaciones(pagina: Page) -> None:
    pagina.set_content(CON_VIOLACIONES)
    pantalla = revisar_pagina(pagina, {})
    assert pantalla is not None
    violaciones = {violacion["id"]: violacion for violacion in pantalla["violaciones"]}
    assert {"image-alt", "label"} <= set(violaciones)
    assert violaciones["image-alt"]["nodos"][0]["selector"] == "img"
    assert violaciones["label"]["nodos"][0]["html"].startswith("<input")
    mensaje = mensaje_de_falla(pantalla)
    assert "«Alta de la empresa»" in mensaje
    assert "image-alt (impacto crítico)" in mensaje and "label (impacto crítico)" in mensaje


def test_una_pagina_con_idioma_titulo_region_principal_y_etiquetas_no_tiene_violaciones(pagina: Page) -> None:
    pagina.set_content(LIMPIA)
    pantalla = revisar_pagina(pagina, {})
    assert pantalla is not None
    assert pantalla["violaciones"] == []
    assert pantalla["pantalla"] == "Alta de la empresa"


def test_cada_pantalla_se_revisa_una_vez_y_axe_se_inyecta_una_vez_por_carga(pagina: Page) -> None:
    revisadas: dict[str, Pantalla] = {}
    pagina.set_content(LIMPIA)
    assert revisar_pagina(pagina, revisadas) is not None
    assert revisar_pagina(pagina, revisadas) is None  # la misma pantalla, ya revisada sin violaciones
    pagina.evaluate("() => { window.axe.inyectadoAntes = true; }")
    pagina.evaluate("""() => document.querySelector("main").insertAdjacentHTML(
        "beforeend", '<p role="alert">Revise el RFC.</p>')""")
    otra = revisar_pagina(pagina, revisadas)  # un aviso visible: otra pantalla, sin inyectar axe otra vez
    assert otra is not None and otra["clave"].endswith("avisos: 1")
    assert pagina.evaluate("() => window.axe.inyectadoAntes") is True
    assert len(revisadas) == 2


def test_una_pantalla_con_violaciones_las_vuelve_a_dar_sin_revisarla_otra_vez(pagina: Page) -> None:
    revisadas: dict[str, Pantalla] = {}
    pagina.set_content(CON_VIOLACIONES)
    primera = revisar_pagina(pagina, revisadas)
    pagina.evaluate("() => { window.axe.run = () => { throw new Error('axe corrió otra vez'); }; }")
    segunda = revisar_pagina(pagina, revisadas)
    assert primera is not None and segunda is not None and primera["violaciones"]
    assert segunda["violaciones"] == primera["violaciones"]
