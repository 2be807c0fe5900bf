"""El lado del funcionario: su bandeja de solicitudes y la atención de una solicitud."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

from pages import pantalla
from pages.acceso import Efirma, capturar_efirma
from pages.descargas import descargar
from pages.pantalla import esperar_resultado, ir_por
from pages.tablas import accion, celda, fila, filas


class BandejaDelFuncionario:
    def __init__(self, page: Page) -> None:
        self.page = page

    def abrir(self) -> BandejaDelFuncionario:
        self.page.goto("/funcionario/bandeja")
        return self

    @property
    def tabla(self) -> Locator:
        """La tabla de solicitudes de la bandeja (la única tabla de su contenido)."""
        return pantalla.contenido(self.page).get_by_role("table").first

    def solicitud(self, folio: str) -> Locator:
        return fila(self.tabla, folio)

    def dato(self, folio: str, columna: str) -> Locator:
        """El dato de la solicitud en la columna con ese encabezado («Estado», «Fecha límite de resolución»)."""
        return celda(self.tabla, folio, columna)

    @property
    def solicitudes(self) -> Locator:
        """Los renglones de la bandeja, en el orden en que se muestran."""
        return filas(self.tabla)

    def atender(self, folio: str) -> SolicitudDelFuncionario:
        ir_por(self.page, accion(self.solicitud(folio), "Atender").click)
        return SolicitudDelFuncionario(self.page)


class SolicitudDelFuncionario:
    """El detalle de una solicitud en el lado del funcionario, con lo que hace falta para resolverla."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def abrir(self, folio: str) -> SolicitudDelFuncionario:
        """Por su dirección, como quien conoce el folio."""
        self.page.goto(f"/funcionario/solicitudes/{folio}")
        return self

    @property
    def firmar_resolucion(self) -> Locator:
        return self.page.get_by_role("button", name=re.compile(r"^\s*Firmar resolución\s*$", re.IGNORECASE))

    def resolver(self, autorizar: bool, motivo: str, efirma: Efirma) -> None:
        """Autoriza o rechaza con la e.firma; espera al aviso de que quedó resuelta o al rechazo."""
        self.page.get_by_label(re.compile(r"^\s*Autorizar\s*$" if autorizar else r"^\s*Rechazar\s*$")).check()
        self.page.get_by_label(re.compile(r"^\s*Motivo del rechazo", re.IGNORECASE)).fill(motivo)
        capturar_efirma(self.page, efirma)
        self.firmar_resolucion.click()
        esperar_resultado(self.page, pantalla.avisos(self.page).first)

    def dato(self, etiqueta: str, valor: str) -> re.Pattern[str]:
        return pantalla.dato(etiqueta, valor)

    def descargar_copia(self, nombre_del_archivo: str) -> bytes:
        """Una copia que el solicitante adjuntó, por la liga que muestra su nombre de archivo."""
        return descargar(self.page.get_by_role("link", name=re.compile(re.escape(nombre_del_archivo))))[1]

    def descargar_resolucion(self) -> bytes:
        return descargar(self.page.get_by_role("link", name=re.compile(r"^\s*Resolución\s*$")))[1]
