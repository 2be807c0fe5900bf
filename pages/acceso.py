"""Las pantallas de acceso con e.firma y el encabezado con «Cerrar la sesión»."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Page


def capturar_efirma(page: Page, cer: Path, key: Path, contrasena: str) -> None:
    """Llena los tres datos de la e.firma, en el acceso o en la firma de una solicitud."""
    page.get_by_label("Certificado (.cer)").set_input_files(cer)
    page.get_by_label("Clave privada (.key)").set_input_files(key)
    page.get_by_label("Contraseña de la clave privada").fill(contrasena)


class PaginaDeAcceso:
    RUTA = "/ingresar"

    def __init__(self, page: Page) -> None:
        self.page = page

    def abrir(self) -> PaginaDeAcceso:
        self.page.goto(self.RUTA)
        return self

    def ingresar(self, cer: Path, key: Path, contrasena: str) -> None:
        capturar_efirma(self.page, cer, key, contrasena)
        with self.page.expect_navigation():
            self.page.get_by_role("button", name="Ingresar").click()

    @property
    def titulo(self) -> Locator:
        return self.page.get_by_role("heading", level=1)


class AccesoDeFuncionarios(PaginaDeAcceso):
    RUTA = "/funcionarios/ingresar"


class Encabezado:
    """Lo que está en todas las pantallas con sesión."""

    def __init__(self, page: Page) -> None:
        self.page = page

    @property
    def confirmacion(self) -> Locator:
        return self.page.get_by_role("dialog")

    def pedir_cierre_de_sesion(self) -> None:
        self.page.get_by_role("button", name="Cerrar la sesión").click()

    def confirmar_cierre(self) -> None:
        with self.page.expect_navigation():
            self.confirmacion.get_by_role("button", name="Sí").click()

    def desistir_del_cierre(self) -> None:
        self.confirmacion.get_by_role("button", name="No").click()


def mensaje_de_error(page: Page) -> Locator:
    return page.get_by_role("alert")


def mensaje_informativo(page: Page) -> Locator:
    return page.get_by_role("status")
