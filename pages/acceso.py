"""Las pantallas de acceso con e.firma y el encabezado con «Cerrar la sesión»."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from playwright.sync_api import Locator, Page

from pages.pantalla import esperar_resultado, ir_por

# Los tres datos de la e.firma, por lo que dice su etiqueta (el portal los nombra a su manera:
# «Certificado (.cer)», «Archivo del certificado», «Clave privada (.key)», «Contraseña de la clave privada»).
ETIQUETA_DEL_CER = re.compile(r"^\s*(archivo del |el )?certificado\b|\.cer\b", re.IGNORECASE)
ETIQUETA_DE_LA_KEY = re.compile(r"^\s*(archivo de la |la )?(clave privada|llave privada)\b|\.key\b", re.IGNORECASE)
ETIQUETA_DE_LA_CONTRASENA = re.compile(r"^\s*contraseña", re.IGNORECASE)
SI = re.compile(r"^\s*S[ií]\s*$")  # el manual escribe «Si»; la ortografía, «Sí»


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
        nombre = re.compile(r"^\s*Cerrar la sesión\s*$", re.IGNORECASE)
        return self.page.get_by_role("button", name=nombre).or_(self.page.get_by_role("link", name=nombre))

    @property
    def confirmacion(self) -> Locator:
        return self.page.get_by_role("dialog").or_(self.page.get_by_role("alertdialog"))

    @property
    def opciones_de_la_confirmacion(self) -> Locator:
        return self.confirmacion.get_by_role("button")

    @property
    def opcion_si(self) -> Locator:
        return self.confirmacion.get_by_role("button", name=SI)

    @property
    def opcion_no(self) -> Locator:
        return self.confirmacion.get_by_role("button", name=re.compile(r"^\s*No\s*$"))

    def pedir_cierre_de_sesion(self) -> None:
        self.cerrar_sesion.click()

    def confirmar_cierre(self) -> None:
        ir_por(self.page, self.opcion_si.click)

    def desistir_del_cierre(self) -> None:
        self.opcion_no.click()


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
    def campos_de_la_efirma(self) -> list[Locator]:
        return [self.page.get_by_label(etiqueta)
                for etiqueta in (ETIQUETA_DEL_CER, ETIQUETA_DE_LA_KEY, ETIQUETA_DE_LA_CONTRASENA)]


class AccesoDeFuncionarios(PaginaDeAcceso):
    RUTA = "/funcionarios/ingresar"
