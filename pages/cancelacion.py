"""Cancelación de Certificados a Petición del Interesado: captura, firma y acuse."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from pages import pantalla
from pages.acceso import Efirma, capturar_efirma
from pages.descargas import descargar
from pages.formato import celda
from pages.pantalla import esperar_resultado, ir_por

ETIQUETAS_DE_BUSQUEDA = {
    "regimen": "Régimen Aduanero",
    "mecanismo": "Mecanismo de Asignación",
    "tratado": "Tratado o Bloque Comercial",
    "producto": "Producto",
    "subproducto": "Subproducto",
    "representacion_federal": "Representación Federal",
}


class IndicadorDePasos:
    def __init__(self, page: Page) -> None:
        self.lista = page.get_by_role("list", name="Pasos del trámite")

    @property
    def actual(self) -> Locator:
        return self.lista.locator("[aria-current=step]")


def _tabla(page: Page, titulo: str) -> Locator:
    return page.get_by_role("table", name=titulo)


def _primera_columna(tabla: Locator) -> Locator:
    return tabla.locator("tbody tr td:first-child")


class CapturaDeCancelacion:
    RUTA = "/cancelacion"

    def __init__(self, page: Page) -> None:
        self.page = page
        self.pasos = IndicadorDePasos(page)

    def abrir(self) -> CapturaDeCancelacion:
        self.page.goto(self.RUTA)
        return self

    @property
    def pestanas(self) -> Locator:
        return self.page.get_by_role("tab")

    def abrir_pestana(self, nombre: str) -> Locator:
        ir_por(self.page, self.page.get_by_role("tab", name=nombre).click)
        return self.page.get_by_role("tabpanel", name=nombre)

    def campo(self, grupo: str, etiqueta: str) -> Locator:
        """Un dato de sólo lectura del solicitante, dentro de su grupo."""
        return self.grupo(grupo).get_by_label(etiqueta, exact=True)

    def grupo(self, nombre: str) -> Locator:
        """Un grupo de datos de la pestaña, por su título («Datos Generales», «Domicilio fiscal»)."""
        return self.page.get_by_role("group", name=nombre)

    def parametro(self, campo: str) -> Locator:
        etiqueta = re.escape(ETIQUETAS_DE_BUSQUEDA[campo])
        return self.page.get_by_label(re.compile(rf"^{etiqueta}( \*)?$"))

    def etiqueta_del_parametro(self, campo: str) -> Locator:
        select = self.parametro(campo)
        return self.page.locator(f"label[for='{select.get_attribute('id')}']")

    def buscar_cupos(self, **parametros: str) -> None:
        """Elige los parámetros dados (por su nombre de campo) y pulsa «Buscar»."""
        self.abrir_pestana("Cancelación de Certificados de Cupo")
        for campo, valor in parametros.items():
            self.parametro(campo).select_option(label=valor)
        ir_por(self.page, self.page.get_by_role("button", name="Buscar").click)

    @property
    def cupos_disponibles(self) -> Locator:
        return _primera_columna(_tabla(self.page, "Cupos disponibles"))

    def cupo_disponible(self, nombre: str) -> Locator:
        return self.cupos_disponibles.filter(has_text=nombre)

    @property
    def seccion_cupos_disponibles(self) -> Locator:
        return self.page.get_by_role("region", name="Cupos disponibles")

    def seleccionar_cupo(self, nombre: str) -> None:
        ir_por(self.page, self.page.get_by_role("link", name=f"Seleccionar el cupo {nombre}").click)

    @property
    def detalle_del_cupo(self) -> Locator:
        return self.page.get_by_role("region", name="Detalle del cupo")

    @property
    def certificados_disponibles(self) -> Locator:
        return _primera_columna(_tabla(self.page, "Certificados disponibles"))

    def certificado_disponible(self, folio: str) -> Locator:
        return self.certificados_disponibles.filter(has_text=re.compile(rf"^\s*{re.escape(folio)}\s*$"))

    @property
    def seccion_certificados_disponibles(self) -> Locator:
        return self.page.get_by_role("region", name="Certificados disponibles")

    def agregar_certificado(self, folio: str, monto: str) -> None:
        """Selecciona el certificado, captura el monto a favor y lo agrega (CAN-08)."""
        ir_por(self.page, self.page.get_by_role("link", name=f"Seleccionar el certificado {folio}").click)
        self.page.get_by_label("Monto a favor", exact=True).fill(monto)
        ir_por(self.page, self.page.get_by_role("button", name="Agregar").click)

    def por_cancelar(self, folio: str) -> Locator:
        return celda(_tabla(self.page, "Certificados disponibles"), folio, "Monto por cancelar")

    def monto_a_favor(self, folio: str) -> Locator:
        return celda(_tabla(self.page, "Certificados a cancelar"), folio, "Monto a favor")

    @property
    def certificados_a_cancelar(self) -> Locator:
        """Las filas de «Certificados a cancelar»: folio, cupo, monto a favor."""
        return _tabla(self.page, "Certificados a cancelar").locator("tbody tr")

    def a_cancelar(self, folio: str) -> Locator:
        """La fila de ese certificado en «Certificados a cancelar»."""
        return self.certificados_a_cancelar.filter(has_text=folio)

    @property
    def folios_a_cancelar(self) -> Locator:
        return _primera_columna(_tabla(self.page, "Certificados a cancelar"))

    @property
    def seccion_certificados_a_cancelar(self) -> Locator:
        return self.page.get_by_role("region", name="Certificados a cancelar")

    def eliminar_certificado(self, folio: str) -> None:
        """Lo quita y espera a que ya no esté (la pantalla vuelve a la misma dirección)."""
        boton = self.page.get_by_role("button", name=f"Eliminar el certificado {folio}")
        boton.click()
        expect(boton).to_have_count(0)


    def vaciar(self) -> None:
        """Quita del borrador todos los certificados a cancelar que tenga."""
        self.abrir_pestana("Cancelación de Certificados de Cupo")
        for folio in self.folios_a_cancelar.all_text_contents():
            self.eliminar_certificado(folio.strip())
    @property
    def motivo(self) -> Locator:
        return self.page.get_by_label("Motivo de cancelación")

    def siguiente(self) -> None:
        ir_por(self.page, self.page.get_by_role("button", name="Siguiente").click)


class FirmaDeSolicitud:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.pasos = IndicadorDePasos(page)

    def firmar(self, efirma: Efirma) -> None:
        """Captura la e.firma, pulsa «Firmar» y espera al acuse o al rechazo."""
        capturar_efirma(self.page, efirma)
        self.page.get_by_role("button", name="Firmar").click()
        esperar_resultado(self.page, AcuseDeRecepcion(self.page).folio)


class AcuseDeRecepcion:
    def __init__(self, page: Page) -> None:
        self.page = page

    @property
    def folio(self) -> Locator:
        return self.page.get_by_test_id("folio")

    @property
    def aviso(self) -> Locator:
        """El mensaje de que la solicitud quedó registrada."""
        return pantalla.aviso(self.page)

    @property
    def liga_del_acuse(self) -> Locator:
        return self.page.get_by_role("link", name="Acuse de recepción de trámite")

    def descargar_acuse(self) -> tuple[str, bytes]:
        """Descarga el PDF por la liga; devuelve el nombre sugerido y el contenido."""
        return descargar(self.liga_del_acuse)
