"""La consulta de cupos y la ficha de un cupo."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from pages.formato import celda
from pages.pantalla import ir_por


class ConsultaDeCupos:
    RUTA = "/cupos"

    def __init__(self, page: Page) -> None:
        self.page = page

    def abrir_ficha(self, nombre: str) -> FichaDelCupo:
        self.page.goto(self.RUTA)
        ir_por(self.page, self.page.get_by_role("link", name=f"Ficha del cupo {nombre}").click)
        return FichaDelCupo(self.page)


class FichaDelCupo:
    def __init__(self, page: Page) -> None:
        self.page = page

    def seccion(self, titulo: str) -> Locator:
        return self.page.get_by_role("region", name=titulo, exact=True)

    def fila(self, tabla: str, primera_celda: str) -> Locator:
        return self.page.get_by_role("table", name=tabla).get_by_role("row").filter(
            has=self.page.get_by_role("cell", name=primera_celda, exact=True))

    def monto_del_anio(self, anio: int) -> Locator:
        return celda(self.page.get_by_role("table", name="Monto del cupo"), str(anio), "Toneladas métricas")

    def celdas_de_la_primera_columna(self, tabla: str) -> Locator:
        return self.page.get_by_role("table", name=tabla).locator("tbody tr td:first-child")

    @property
    def saldo(self) -> Locator:
        return self.page.get_by_test_id("saldo")
