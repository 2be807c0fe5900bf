"""Las solicitudes de asignación y de expedición de certificado, y el detalle de una solicitud."""

from __future__ import annotations

from pathlib import Path
from typing import Self

from playwright.sync_api import Locator, Page

from pages.acceso import Efirma, capturar_efirma
from pages.descargas import descargar
from pages.pantalla import esperar_resultado


class _Formulario:
    RUTA = ""

    def __init__(self, page: Page) -> None:
        self.page = page

    def abrir(self) -> Self:
        self.page.goto(self.RUTA)
        return self

    def _elegir(self, etiqueta: str, opcion: str) -> None:
        lista = self.page.get_by_label(etiqueta, exact=True)
        if opcion:
            lista.select_option(label=opcion)

    def _firmar_y_enviar(self, efirma: Efirma) -> None:
        """Firma y envía; espera a la solicitud registrada o al rechazo."""
        capturar_efirma(self.page, efirma)
        self.page.get_by_role("button", name="Firmar y enviar").click()
        esperar_resultado(self.page, DetalleDeSolicitud(self.page).folio)


class SolicitudDeAsignacion(_Formulario):
    RUTA = "/asignacion"

    def presentar(self, cupo: str, lugar: str, monto: str, pedimentos: str, efirma: Efirma) -> None:
        self._elegir("Cupo", cupo)
        self._elegir("Lugar de presentación", lugar)
        self.page.get_by_label("Monto solicitado", exact=True).fill(monto)
        self.page.get_by_label("Pedimentos", exact=False).fill(pedimentos)
        self._firmar_y_enviar(efirma)


class SolicitudDeExpedicion(_Formulario):
    RUTA = "/expedicion"

    def presentar(self, asignacion: str, lugar: str, monto: str, factura: str, cantidad_factura: str,
                  transporte: str, copia_factura: Path | None, copia_transporte: Path | None,
                  efirma: Efirma) -> None:
        self.page.get_by_label("Constancia de asignación").select_option(value=asignacion)
        self._elegir("Lugar de presentación", lugar)
        self.page.get_by_label("Monto solicitado", exact=True).fill(monto)
        self.page.get_by_label("Número de factura comercial").fill(factura)
        self.page.get_by_label("Cantidad en la factura comercial y el documento de transporte").fill(
            cantidad_factura)
        self._elegir("Documento de transporte", transporte)
        if copia_factura:
            self.page.get_by_label("Copia de la factura comercial").set_input_files(copia_factura)
        if copia_transporte:
            self.page.get_by_label("Copia del documento de transporte").set_input_files(copia_transporte)
        self._firmar_y_enviar(efirma)


class DetalleDeSolicitud:
    """Lo que ve el solicitante de una solicitud suya: folio, estado y documentos."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def abrir(self, folio: str) -> DetalleDeSolicitud:
        self.page.goto(f"/solicitudes/{folio}")
        return self

    @property
    def folio(self) -> Locator:
        return self.page.get_by_test_id("folio")

    @property
    def documento(self) -> Locator:
        return self.page.get_by_test_id("documento")

    def descargar(self, liga: str) -> bytes:
        return descargar(self.page.get_by_role("link", name=liga, exact=True))[1]
