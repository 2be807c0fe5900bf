"""El menú Trámites: dependencias, sus categorías y sus trámites."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

from pages import pantalla
from pages.pantalla import ir_por


class MenuDeTramites:
    def __init__(self, page: Page) -> None:
        self.page = page

    RUTA = "/tramites"

    def visitar(self) -> MenuDeTramites:
        """Entra por la dirección, como quien la tiene guardada."""
        self.page.goto(self.RUTA)
        return self

    def abrir(self) -> MenuDeTramites:
        """Entra por la liga «Trámites» del menú de navegación."""
        ir_por(self.page, self.page.get_by_role("navigation").get_by_role(
            "link", name=re.compile(r"^\s*Trámites\s*$")).first.click)
        return self

    def dependencia(self, nombre: str) -> Locator:
        """La liga de una dependencia en el contenido, por su nombre («Secretaría de Economía»)."""
        return pantalla.contenido(self.page).get_by_role("link", name=re.compile(re.escape(nombre)))

    def tiene_icono(self, liga: Locator) -> bool:
        """Si la liga se ve con un ícono: una imagen o un gráfico visible dentro de ella."""
        return bool(liga.evaluate("""a => [...a.querySelectorAll('svg, img, canvas, [role=img]')].some(
            g => { const r = g.getBoundingClientRect(); return r.width > 0 && r.height > 0; })"""))

    def elegir(self, opcion: str) -> None:
        """Un clic en el ícono de una dependencia, una categoría o un trámite."""
        ir_por(self.page, pantalla.contenido(self.page).get_by_role("link", name=opcion).first.click)

    def tramite(self, nombre: str) -> Locator:
        """La liga de un trámite entre las opciones que ofrece la categoría abierta."""
        return pantalla.contenido(self.page).get_by_role("link", name=re.compile(rf"^\s*{re.escape(nombre)}\s*$"))
