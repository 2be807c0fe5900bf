"""El lado del funcionario: su bandeja de solicitudes."""

from __future__ import annotations

from playwright.sync_api import Locator, Page


class BandejaDelFuncionario:
    def __init__(self, page: Page) -> None:
        self.page = page

    def solicitud(self, folio: str) -> Locator:
        return self.page.get_by_role("table", name="Solicitudes pendientes").get_by_role(
            "row").filter(has_text=folio)

    @property
    def vacia(self) -> Locator:
        return self.page.get_by_text("No tiene solicitudes pendientes.")
