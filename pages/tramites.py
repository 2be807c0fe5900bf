"""El menú Trámites: dependencias, sus categorías y sus trámites."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

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
        """Entra por el menú principal."""
        ir_por(self.page, self.page.get_by_role("navigation", name="Menú principal").get_by_role(
            "link", name="Trámites").click)
        return self

    @property
    def dependencias(self) -> Locator:
        return self.page.get_by_role("list").filter(has=self.page.locator("svg")).get_by_role("link")

    def icono(self, nombre: str) -> Locator:
        """El ícono (una imagen con su nombre) de una dependencia."""
        return self.dependencias.filter(has=self.page.locator("svg")).and_(
            self.page.get_by_role("link", name=nombre, exact=True))

    def elegir(self, opcion: str) -> None:
        """Un clic en el ícono de una dependencia, una categoría o un trámite."""
        ir_por(self.page, self.page.get_by_role("main").get_by_role("link", name=opcion).click)

    def tramite(self, nombre: str) -> Locator:
        """La liga de un trámite entre las opciones que ofrece la categoría abierta."""
        return self.page.get_by_role("main").get_by_role("listitem").get_by_role("link", name=nombre, exact=True)
