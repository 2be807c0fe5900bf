"""Las pantallas de acceso con e.firma y el encabezado con «Cerrar la sesión»."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from playwright.sync_api import Locator, Page

from pages.pantalla import esperar_resultado, ir_por

ETIQUETA_DEL_CER = "Certificado (.cer)"
ETIQUETA_DE_LA_KEY = "Clave privada (.key)"
ETIQUETA_DE_LA_CONTRASENA = "Contraseña de la clave privada"


class Efirma(Protocol):
    """Los tres datos de una e.firma: el certificado, la clave privada y su contraseña."""

    @property
    def cer(self) -> Path: ...

    @property
    def key(self) -> Path: ...

    @property
    def contrasena(self) -> str: ...


def capturar_efirma(page: Page, efirma: Efirma) -> None:
    """Llena los tres datos de la e.firma, en el acceso o en la firma de una solicitud."""
    page.get_by_label(ETIQUETA_DEL_CER).set_input_files(efirma.cer)
    page.get_by_label(ETIQUETA_DE_LA_KEY).set_input_files(efirma.key)
    page.get_by_label(ETIQUETA_DE_LA_CONTRASENA).fill(efirma.contrasena)


class Encabezado:
    """Lo que está en todas las pantallas con sesión."""

    def __init__(self, page: Page) -> None:
        self.page = page

    @property
    def cerrar_sesion(self) -> Locator:
        return self.page.get_by_role("button", name="Cerrar la sesión")

    @property
    def confirmacion(self) -> Locator:
        return self.page.get_by_role("dialog")

    @property
    def opciones_de_la_confirmacion(self) -> Locator:
        return self.confirmacion.get_by_role("button")

    def pedir_cierre_de_sesion(self) -> None:
        self.cerrar_sesion.click()

    def confirmar_cierre(self) -> None:
        ir_por(self.page, self.confirmacion.get_by_role("button", name="Sí").click)

    def desistir_del_cierre(self) -> None:
        self.confirmacion.get_by_role("button", name="No").click()


class PaginaDeAcceso:
    RUTA = "/ingresar"

    def __init__(self, page: Page) -> None:
        self.page = page

    def abrir(self) -> PaginaDeAcceso:
        self.page.goto(self.RUTA)
        return self

    def ingresar(self, efirma: Efirma) -> None:
        """Captura la e.firma y pulsa «Ingresar»; espera a la pantalla con sesión o al rechazo."""
        capturar_efirma(self.page, efirma)
        self.page.get_by_role("button", name="Ingresar").click()
        esperar_resultado(self.page, Encabezado(self.page).cerrar_sesion)

    @property
    def titulo(self) -> Locator:
        return self.page.get_by_role("heading", level=1)


class AccesoDeFuncionarios(PaginaDeAcceso):
    RUTA = "/funcionarios/ingresar"
