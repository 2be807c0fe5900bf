"""El lado del funcionario: su bandeja de solicitudes."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from pages.acceso import Efirma, capturar_efirma
from pages.descargas import descargar
from pages.formato import celda
from pages.pantalla import aviso, esperar_resultado, ir_por


class BandejaDelFuncionario:
    def __init__(self, page: Page) -> None:
        self.page = page

    def solicitud(self, folio: str) -> Locator:
        return self.page.get_by_role("table", name="Solicitudes pendientes").get_by_role(
            "row").filter(has_text=folio)

    def dato(self, folio: str, columna: str) -> Locator:
        """El dato de la solicitud en la columna con ese encabezado («Estado», «Fecha límite de resolución»)."""
        return celda(self.page.get_by_role("table", name="Solicitudes pendientes"), folio, columna)

    def abrir(self) -> BandejaDelFuncionario:
        self.page.goto("/funcionario/bandeja")
        return self

    @property
    def folios(self) -> Locator:
        return self.page.get_by_role("table", name="Solicitudes pendientes").locator(
            "tbody tr td:first-child")

    def atender(self, folio: str) -> SolicitudDelFuncionario:
        ir_por(self.page, self.page.get_by_role("link", name=f"Atender la solicitud {folio}").click)
        return SolicitudDelFuncionario(self.page)


class SolicitudDelFuncionario:
    """El detalle de una solicitud en el lado del funcionario, con el formulario de resolución."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def abrir(self, folio: str) -> SolicitudDelFuncionario:
        """Por su dirección, como quien conoce el folio."""
        self.page.goto(f"/funcionario/solicitudes/{folio}")
        return self

    @property
    def formulario(self) -> Locator:
        return self.page.get_by_role("form", name="Resolución")

    def resolver(self, autorizar: bool, motivo: str, efirma: Efirma) -> None:
        """Autoriza o rechaza con la e.firma; espera al aviso de que quedó resuelta o al rechazo."""
        formulario = self.formulario
        formulario.get_by_label("Autorizar" if autorizar else "Rechazar", exact=True).check()
        formulario.get_by_label("Motivo del rechazo").fill(motivo)
        capturar_efirma(self.page, efirma)
        formulario.get_by_role("button", name="Firmar resolución").click()
        esperar_resultado(self.page, aviso(self.page))

    @property
    def monto_otorgado(self) -> Locator:
        return self.page.get_by_test_id("monto-otorgado")

    @property
    def criterio(self) -> Locator:
        return self.page.get_by_test_id("criterio")

    @property
    def estado(self) -> Locator:
        return self.page.get_by_test_id("estado")

    def descargar_resolucion(self) -> bytes:
        return descargar(self.page.get_by_role("link", name="Resolución", exact=True))[1]
