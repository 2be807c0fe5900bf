"""axe-core en una página: qué pantalla muestra (su clave), su revisión, las violaciones con los nombres de
este arnés y el mensaje de la falla; y qué páginas de un escenario pudieron cambiar de pantalla. Lo usa
accesibilidad.py, que decide cuándo y falla el paso."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any, TypedDict, TypeVar
from urllib.parse import parse_qsl, urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Frame, Page
from playwright.sync_api import Error as ErrorDePlaywright

from cupos_conformidad.informes.pantallas_revisadas import Revisadas

OPCIONES_AXE = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                "resultTypes": ["violations"]}
SELECTORES_POR_VIOLACION = 3  # en el mensaje de la falla; el reporte los lleva todos
_IMPACTOS = {"critical": "crítico", "serious": "grave", "moderate": "moderado", "minor": "menor"}
_TIPOS_HTML = ("text/html", "application/xhtml+xml")
IDENTIFICADOR = "{id}"  # en la clave de la pantalla, en lugar de cada identificador de la ruta
_CLAVE = re.compile(r"[A-Z0-9]+(?:[-_.][A-Z0-9]+)+")
# El guion de axe-core que trae axe-playwright-python. Su Axe.run lo inyecta en cada llamada; aquí se
# inyecta sólo si la página aún no lo tiene: una vez por carga.
_GUION_AXE: str = Axe().axe_script
# La revisión de axe-core: su guion y sus opciones. Con otra, las pantallas se revisan otra vez.
REVISION_DE_AXE = hashlib.sha256(_GUION_AXE.encode() + repr(OPCIONES_AXE).encode()).hexdigest()
_SONDA = """() => ({
  titulo: document.title,
  tipo: document.contentType,
  avisos: [...document.querySelectorAll('[role="alert"], [role="alertdialog"], [role="dialog"], dialog[open]')]
    .filter((elemento) => elemento.checkVisibility()).length,
  conAxe: typeof window.axe !== "undefined",
})"""


class Nodo(TypedDict):
    selector: str
    html: str
    resumen: str


class Violacion(TypedDict):
    id: str
    impacto: str
    descripcion: str
    ayuda: str
    url_ayuda: str
    nodos: list[Nodo]


class Pantalla(TypedDict):
    pantalla: str  # el título del documento
    url: str  # ruta y consulta
    clave: str
    violaciones: list[Violacion]


# --- Funciones puras ---

def clave_de_pantalla(url: str, titulo: str, avisos: int) -> str:
    """Qué pantalla es: la ruta, los nombres ordenados de los parámetros de la consulta, el título y cuántos
    avisos y diálogos visibles hay. Los valores de la consulta no cuentan, ni los identificadores de la ruta
    (un tramo con dígitos o una clave en mayúsculas con guiones, como un folio o «SE-CUPO-GT-QUESO»)."""
    partes = urlsplit(url)
    ruta = "/".join(IDENTIFICADOR if _es_identificador(tramo) else tramo for tramo in partes.path.split("/"))
    nombres = sorted({nombre for nombre, _ in parse_qsl(partes.query, keep_blank_values=True)})
    return f"{ruta or '/'}?{'&'.join(nombres)} | {titulo} | avisos: {avisos}"


def _es_identificador(tramo: str) -> bool:
    return any(letra.isdigit() for letra in tramo) or _CLAVE.fullmatch(tramo) is not None


def violaciones_de(respuesta: dict[str, Any]) -> list[Violacion]:
    """Las violaciones del resultado de axe.run, con los nombres de este arnés."""
    return [{"id": str(violacion["id"]), "impacto": str(violacion.get("impact") or ""),
             "descripcion": str(violacion.get("description", "")), "ayuda": str(violacion.get("help", "")),
             "url_ayuda": str(violacion.get("helpUrl", "")),
             "nodos": [{"selector": _selector(nodo.get("target", [])), "html": str(nodo.get("html", "")),
                        "resumen": str(nodo.get("failureSummary") or "")} for nodo in violacion.get("nodes", [])]}
            for violacion in respuesta.get("violations", [])]


def _selector(objetivo: list[Any]) -> str:
    """El selector de axe: una lista, de un elemento salvo dentro de marcos o de sombras."""
    return " » ".join(parte if isinstance(parte, str) else " ".join(map(str, parte)) for parte in objetivo)


def mensaje_de_falla(pantalla: Pantalla) -> str:
    """El mensaje de la falla: la pantalla, y cada violación con su impacto, su ayuda y sus primeros nodos."""
    violaciones = pantalla["violaciones"]
    lineas = [f"Accesibilidad (axe-core, WCAG 2.1 A y AA): la pantalla «{pantalla['pantalla']}» "
              f"({pantalla['url']}) tiene {len(violaciones)} "
              f"{'violación' if len(violaciones) == 1 else 'violaciones'}:"]
    for violacion in violaciones:
        impacto = _IMPACTOS.get(violacion["impacto"], violacion["impacto"] or "sin impacto")
        selectores = [nodo["selector"] for nodo in violacion["nodos"]]
        resto = len(selectores) - SELECTORES_POR_VIOLACION
        donde = ", ".join(selectores[:SELECTORES_POR_VIOLACION]) + (f" y {resto} más" if resto > 0 else "")
        lineas.append(f"- {violacion['id']} (impacto {impacto}): {violacion['ayuda']}; en {donde} "
                      f"[{violacion['url_ayuda']}]")
    return "\n".join(lineas)


# --- En el navegador ---

_T = TypeVar("_T")


def _sin_navegacion_a_medias(accion: Callable[[], _T]) -> _T:
    """La acción; si una navegación la interrumpe (el paso dejó un clic en camino), otra vez con el documento
    nuevo, hasta tres veces."""
    intentos = 3
    while True:
        intentos -= 1
        try:
            return accion()
        except ErrorDePlaywright as error:
            if not intentos or "Execution context was destroyed" not in error.message:
                raise


def revisar_pagina(pagina: Page, revisadas: Revisadas) -> Pantalla | None:
    """La pantalla que muestra la página, revisada con axe si es nueva (y anotada en `revisadas`); la ya
    revisada, sólo si tuvo violaciones; None si ya se revisó sin ellas o si la página no muestra HTML."""

    def revisar() -> Pantalla | None:
        pagina.wait_for_load_state()
        sonda = pagina.evaluate(_SONDA)
        if sonda["tipo"] not in _TIPOS_HTML:
            return None
        partes = urlsplit(pagina.url)
        url = partes.path + (f"?{partes.query}" if partes.query else "")
        clave = clave_de_pantalla(pagina.url, sonda["titulo"], sonda["avisos"])

        def ya_revisada() -> Pantalla | None:
            anterior: Pantalla = revisadas[clave]
            return {**anterior, "url": url} if anterior["violaciones"] else None

        if clave in revisadas:
            return ya_revisada()
        # Otro proceso que llega a la vez a la misma pantalla espera a que ésta termine, y la lee.
        with revisadas.reservar(clave):
            if clave in revisadas:
                return ya_revisada()
            if not sonda["conAxe"]:
                pagina.evaluate(_GUION_AXE)
            respuesta = pagina.evaluate("(opciones) => axe.run(document, opciones)", OPCIONES_AXE)
            nueva: Pantalla = {"pantalla": sonda["titulo"], "url": url, "clave": clave,
                               "violaciones": violaciones_de(respuesta)}
            revisadas[clave] = nueva
            return nueva

    return _sin_navegacion_a_medias(revisar)


def paginas_a_revisar(contextos: list[BrowserContext], cambiadas: dict[Page, bool], actua: bool) -> list[Page]:
    """Las páginas abiertas de los contextos que pudieron cambiar de pantalla: todas tras un paso que actúa;
    si no, las nuevas y las que navegaron desde su última revisión (`cambiadas` las recuerda, y el navegador
    avisa cuando navegan). Quedan como revisadas."""
    paginas = []
    for contexto in contextos:
        for pagina in contexto.pages:
            if pagina.is_closed() or pagina.url == "about:blank":
                continue
            if pagina not in cambiadas:
                pagina.on("framenavigated", _al_navegar(cambiadas, pagina))
            if actua or cambiadas.get(pagina, True):
                paginas.append(pagina)
            cambiadas[pagina] = False
    return paginas


def _al_navegar(cambiadas: dict[Page, bool], pagina: Page) -> Callable[[Frame], None]:
    def navego(marco: Frame) -> None:
        if marco == pagina.main_frame:
            cambiadas[pagina] = True
    return navego
