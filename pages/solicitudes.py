"""Las solicitudes de asignación y de expedición de certificado, y el detalle de una solicitud."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Self

from playwright.sync_api import Locator, Page

from pages import pantalla
from pages.acceso import Efirma, capturar_efirma
from pages.cancelacion import AcuseDeRecepcion
from pages.descargas import descargar
from pages.pantalla import esperar_resultado

# El campo de las copias de los pedimentos: «Copias de los pedimentos», «Copia de cada pedimento».
COPIAS_DE_LOS_PEDIMENTOS = re.compile(r"^\s*copias? de (?:los|cada) pedimentos?", re.IGNORECASE)
# Cómo rotula una pantalla el folio del documento que resolvió la solicitud.
DOCUMENTO_RESOLUTIVO = r"documento resolutivo|constancia de asignación|certificado de cupo"


def _etiqueta(texto: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(texto)}(?!\w)", re.IGNORECASE)


class _Formulario:
    RUTA = ""

    def __init__(self, page: Page) -> None:
        self.page = page

    def abrir(self) -> Self:
        self.page.goto(self.RUTA)
        return self

    def campo(self, etiqueta: str) -> Locator:
        return self.page.get_by_label(_etiqueta(etiqueta))

    def _elegir(self, etiqueta: str, opcion: str) -> None:
        if opcion:
            self.campo(etiqueta).select_option(label=opcion)

    def _elegir_la_que_dice(self, etiqueta: str, texto: str) -> None:
        """Elige la opción cuyo texto contiene `texto` (una constancia se muestra con su cupo y saldo)."""
        lista = self.campo(etiqueta)
        opciones: list[str] = lista.evaluate("s => [...s.options].map(o => o.label)")
        elegida = next((o for o in opciones if texto in o), None)
        assert elegida is not None, f"«{etiqueta}» no ofrece «{texto}»: {opciones}"
        lista.select_option(label=elegida)

    def _firmar_y_enviar(self, efirma: Efirma) -> None:
        """Firma y envía; espera a la solicitud registrada o al rechazo."""
        capturar_efirma(self.page, efirma)
        self.page.get_by_role("button", name="Firmar y enviar").click()
        esperar_resultado(self.page, DetalleDeSolicitud(self.page).folio)


class SolicitudDeAsignacion(_Formulario):
    RUTA = "/asignacion"

    def presentar(self, cupo: str, lugar: str, monto: str, pedimentos: str, efirma: Efirma,
                  copias: list[Path] | None = None) -> None:
        self._elegir("Cupo", cupo)
        self._elegir("Lugar de presentación", lugar)
        self.campo("Monto solicitado").fill(monto)
        self.campo("Pedimentos").fill(pedimentos)
        if copias:
            self.page.get_by_label(COPIAS_DE_LOS_PEDIMENTOS).set_input_files(copias)
        self._firmar_y_enviar(efirma)


class SolicitudDeExpedicion(_Formulario):
    RUTA = "/expedicion"

    def presentar(self, asignacion: str, lugar: str, monto: str, factura: str, cantidad_factura: str,
                  transporte: str, copia_factura: Path | None, copia_transporte: Path | None,
                  efirma: Efirma) -> None:
        if asignacion:
            self._elegir_la_que_dice("Constancia de asignación", asignacion)
        self._elegir("Lugar de presentación", lugar)
        self.campo("Monto solicitado").fill(monto)
        self.campo("Número de factura comercial").fill(factura)
        self.campo("Cantidad en la factura comercial y el documento de transporte").fill(cantidad_factura)
        self._elegir("Documento de transporte", transporte)
        if copia_factura:
            self.campo("Copia de la factura comercial").set_input_files(copia_factura)
        if copia_transporte:
            self.campo("Copia del documento de transporte").set_input_files(copia_transporte)
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
        return AcuseDeRecepcion(self.page).folio

    def leer_folio(self) -> str:
        return AcuseDeRecepcion(self.page).leer_folio()

    def leer_documento(self) -> str:
        """El folio del documento que resolvió la solicitud (la constancia o el certificado)."""
        return pantalla.leer_dato(self.page, DOCUMENTO_RESOLUTIVO, r"[A-Z0-9][\w/-]*\d")

    @property
    def liga_de_la_resolucion(self) -> Locator:
        return self.page.get_by_role("link", name=re.compile(r"^\s*Resolución\s*$", re.IGNORECASE))

    def descargar(self, liga: str) -> bytes:
        return descargar(self.page.get_by_role("link", name=re.compile(rf"^\s*{re.escape(liga)}\s*$", re.I)))[1]
