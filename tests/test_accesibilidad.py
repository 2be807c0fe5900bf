"""La revisión de accesibilidad (cupos_conformidad/informes/accesibilidad.py y axe.py): la clave de cada
pantalla, el mensaje de la falla, axe-core sobre páginas locales, una con violaciones y otra sin ellas, en un
Chromium propio; qué páginas se revisan tras cada paso, y las pantallas revisadas que comparten los procesos
de una corrida y las corridas de una misma compilación del portal."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from cupos_conformidad.informes.accesibilidad import ATRIBUTO, pantallas_del_informe
from cupos_conformidad.informes.axe import (
    Pantalla,
    clave_de_pantalla,
    mensaje_de_falla,
    paginas_a_revisar,
    revisar_pagina,
    violaciones_de,
)
from cupos_conformidad.informes.pantallas_revisadas import Revisadas, huella_de_archivos
from fixtures.navegador_remoto import chromium_del_sistema

RAIZ = Path(__file__).resolve().parents[1]

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
    pantalla = revisar_pagina(pagina, Revisadas())
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
    pantalla = revisar_pagina(pagina, Revisadas())
    assert pantalla is not None
    assert pantalla["violaciones"] == []
    assert pantalla["pantalla"] == "Alta de la empresa"


def test_cada_pantalla_se_revisa_una_vez_y_axe_se_inyecta_una_vez_por_carga(pagina: Page) -> None:
    revisadas = Revisadas()
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
    revisadas = Revisadas()
    pagina.set_content(CON_VIOLACIONES)
    primera = revisar_pagina(pagina, revisadas)
    pagina.evaluate("() => { window.axe.run = () => { throw new Error('axe corrió otra vez'); }; }")
    segunda = revisar_pagina(pagina, revisadas)
    assert primera is not None and segunda is not None and primera["violaciones"]
    assert segunda["violaciones"] == primera["violaciones"]


def test_otro_proceso_con_la_misma_carpeta_no_revisa_otra_vez_lo_ya_revisado(pagina: Page, tmp_path: Path) -> None:
    uno, otro = Revisadas(tmp_path), Revisadas(tmp_path)  # como dos trabajadores de la corrida
    pagina.set_content(LIMPIA)
    assert revisar_pagina(pagina, uno) is not None
    pagina.evaluate("() => { window.axe.run = () => { throw new Error('axe corrió otra vez'); }; }")
    assert revisar_pagina(pagina, otro) is None  # ya revisada, sin violaciones, por el otro
    assert len(otro) == 1 and list(tmp_path.glob("*.parcial")) == []


def test_otro_proceso_recibe_las_violaciones_ya_encontradas_y_su_paso_falla_igual(
        pagina: Page, tmp_path: Path) -> None:
    pagina.set_content(CON_VIOLACIONES)
    primera = revisar_pagina(pagina, Revisadas(tmp_path))
    pagina.evaluate("() => { window.axe.run = () => { throw new Error('axe corrió otra vez'); }; }")
    segunda = revisar_pagina(pagina, Revisadas(tmp_path))
    assert primera is not None and segunda is not None and primera["violaciones"]
    assert segunda["violaciones"] == primera["violaciones"]


def test_sin_carpeta_cada_proceso_revisa_lo_suyo(pagina: Page) -> None:
    pagina.set_content(LIMPIA)
    assert revisar_pagina(pagina, Revisadas()) is not None
    assert revisar_pagina(pagina, Revisadas()) is not None


def test_tras_un_entonces_solo_se_revisan_las_paginas_nuevas_o_que_navegaron(navegador: Browser) -> None:
    contexto = navegador.new_context(locale="es-MX")
    try:
        quieta, viajera = contexto.new_page(), contexto.new_page()
        quieta.goto("data:text/html,<title>Quieta</title><main>quieta</main>")
        viajera.goto("data:text/html,<title>Viajera</title><main>viajera</main>")
        cambiadas: dict[Page, bool] = {}
        assert paginas_a_revisar([contexto], cambiadas, actua=False) == [quieta, viajera]  # nuevas
        assert paginas_a_revisar([contexto], cambiadas, actua=False) == []  # nada cambió
        viajera.goto("data:text/html,<title>Otra</title><main>otra</main>")
        assert paginas_a_revisar([contexto], cambiadas, actua=False) == [viajera]  # navegó
        assert paginas_a_revisar([contexto], cambiadas, actua=True) == [quieta, viajera]  # un paso que actúa
        viajera.close()
        assert paginas_a_revisar([contexto], cambiadas, actua=True) == [quieta]  # no las cerradas
    finally:
        contexto.close()


def test_la_huella_del_portal_cambia_con_el_contenido_de_un_archivo(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "base.html").write_text("<main>uno</main>", encoding="utf-8")
    antes = huella_de_archivos(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert huella_de_archivos(tmp_path) == antes  # lo compilado no cuenta
    (tmp_path / "templates" / "base.html").write_text("<main>dos</main>", encoding="utf-8")
    assert huella_de_archivos(tmp_path) != antes


def test_quien_llega_a_una_pantalla_que_otro_revisa_espera_su_resultado(tmp_path: Path) -> None:
    uno, otro = Revisadas(tmp_path), Revisadas(tmp_path)
    adentro = threading.Event()

    def esperar_y_leer() -> None:
        with otro.reservar("pantalla"):
            adentro.set()
            leidas.append(otro.get("pantalla"))

    leidas: list[object] = []
    with uno.reservar("pantalla"):
        hilo = threading.Thread(target=esperar_y_leer)
        hilo.start()
        assert not adentro.wait(timeout=0.5)  # el otro espera mientras éste revisa
        uno["pantalla"] = {"clave": "pantalla", "violaciones": []}
    hilo.join(timeout=10)
    assert leidas == [{"clave": "pantalla", "violaciones": []}]


def _correr_menu(cache: Path, salida: Path) -> str:
    hecho = subprocess.run(
        [sys.executable, "-m", "pytest", "features/menu_de_tramites.feature", "-n", "2",
         "-o", f"cache_dir={cache}", "--output", str(salida / "s"), "--cucumberjson", str(salida / "c.json"),
         "--junitxml", str(salida / "j.xml"), "--documentacion", str(salida / "d")],
        cwd=RAIZ, capture_output=True, text=True, timeout=600)
    assert hecho.returncode == 0, hecho.stdout[-3000:]
    return hecho.stdout


def test_la_corrida_siguiente_de_la_misma_compilacion_no_revisa_otra_vez_sus_pantallas(tmp_path: Path) -> None:
    primera = _correr_menu(tmp_path / "cache", tmp_path / "primera")
    revisadas = int(re.search(r"Accesibilidad \(axe-core, WCAG 2.1 A y AA\): (\d+) pantallas", primera).group(1))
    guardadas = list((tmp_path / "cache").rglob("cupos-accesibilidad/*/*.json"))
    assert revisadas > 0 and len(guardadas) == revisadas  # cada una, una vez entre los dos trabajadores
    segunda = _correr_menu(tmp_path / "cache", tmp_path / "segunda")
    assert "Accesibilidad (axe-core, WCAG 2.1 A y AA): 0 pantallas revisadas" in segunda
    assert "no se revisaron otra vez" in segunda
