"""Cancelación de Certificados a Petición del Interesado: captura, firma y acuse."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from pages import pantalla
from pages.acceso import Efirma, capturar_efirma
from pages.descargas import descargar
from pages.pantalla import esperar_resultado, ir_por
from pages.tablas import accion, celda, fila, filas, tabla

# Los parámetros de búsqueda con las palabras del manual («Tratado o bloque Comercial»: se comparan sin
# distinguir mayúsculas, porque el manual y los portales no las escriben igual).
ETIQUETAS_DE_BUSQUEDA = {
    "regimen": "Régimen Aduanero",
    "mecanismo": "Mecanismo de Asignación",
    "tratado": "Tratado o bloque Comercial",
    "producto": "Producto",
    "subproducto": "Subproducto",
    "representacion_federal": "Representación Federal",
}
OPCIONALES = ("tratado", "producto", "subproducto", "representacion_federal")  # los demás, requeridos
PASOS = ("Captura de la Solicitud", "Firmar Solicitud")
FOLIO_DE_TRAMITE = re.compile(r"folio de trámite\D{0,80}?\d{25}", re.IGNORECASE)


class IndicadorDePasos:
    """La lista de los pasos del trámite: la que muestra los dos pasos del manual."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.lista = page.get_by_role("list").filter(has_text=PASOS[0]).filter(has_text=PASOS[1]).filter(
            has_not=page.get_by_role("list"))

    def paso(self, nombre: str) -> Locator:
        return self.lista.get_by_role("listitem").filter(has_text=nombre)

    def fondo(self, nombre: str) -> str:
        """El color de fondo con que se ve el paso: el de él mismo o, si es transparente, el del
        primero de sus contenedores que tenga uno (como lo ve una persona)."""
        paso = self.paso(nombre)
        expect(paso).to_have_count(1)
        return str(paso.evaluate("""e => {
            for (let n = e; n; n = n.parentElement) {
                const c = getComputedStyle(n).backgroundColor;
                if (c && c !== 'transparent' && !/^rgba\\(.*,\\s*0\\)$/.test(c)) return c;
            }
            return 'rgb(255, 255, 255)';
        }"""))


def _parametro(etiqueta: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(etiqueta)}(?!\w)", re.IGNORECASE)


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
        return self.grupo(grupo).get_by_label(re.compile(rf"^\s*{re.escape(etiqueta)}\s*:?\s*$", re.IGNORECASE))

    def grupo(self, nombre: str) -> Locator:
        """Un grupo de datos de la pestaña, por su título («Datos Generales», «Domicilio fiscal»)."""
        titulo = re.compile(rf"^\s*{re.escape(nombre)}\s*$", re.IGNORECASE)
        return self.page.get_by_role("group", name=titulo).or_(self.page.get_by_role("region", name=titulo))

    def parametro(self, campo: str) -> Locator:
        """La lista de un parámetro de búsqueda, por su etiqueta (con su * si es requerido)."""
        return self.page.get_by_label(_parametro(ETIQUETAS_DE_BUSQUEDA[campo]))

    @staticmethod
    def marcado_como_requerido(campo: str) -> re.Pattern[str]:
        """El nombre accesible de un parámetro marcado con *: su etiqueta y el asterisco."""
        return re.compile(rf"^\s*{re.escape(ETIQUETAS_DE_BUSQUEDA[campo])}\s*\*", re.IGNORECASE)

    def buscar_cupos(self, **parametros: str) -> None:
        """Elige los parámetros dados (por su nombre de campo) y pulsa «Buscar»."""
        self.abrir_pestana("Cancelación de Certificados de Cupo")
        for campo, valor in parametros.items():
            self.parametro(campo).select_option(label=valor)
        ir_por(self.page, self.page.get_by_role("button", name="Buscar").click)

    @property
    def tabla_de_cupos(self) -> Locator:
        return tabla(pantalla.contenido(self.page), "Cupos disponibles")

    @property
    def cupos_disponibles(self) -> Locator:
        return filas(self.tabla_de_cupos)

    def cupo_disponible(self, nombre: str) -> Locator:
        return fila(self.tabla_de_cupos, nombre)

    def seleccionar_cupo(self, nombre: str) -> None:
        ir_por(self.page, accion(self.cupo_disponible(nombre), "Seleccionar").click)

    @property
    def detalle_del_cupo(self) -> Locator:
        """La sección con el detalle del cupo elegido («…se mostrará su detalle…», dice el manual)."""
        return self.page.get_by_role("region", name=re.compile(r"detalle", re.IGNORECASE))

    @property
    def tabla_de_disponibles(self) -> Locator:
        return tabla(pantalla.contenido(self.page), "Certificados disponibles")

    @property
    def certificados_disponibles(self) -> Locator:
        return filas(self.tabla_de_disponibles)

    def certificado_disponible(self, folio: str) -> Locator:
        return fila(self.tabla_de_disponibles, folio)

    def agregar_certificado(self, folio: str, monto: str) -> None:
        """Selecciona el certificado, captura el monto a favor y lo agrega (CAN-08)."""
        ir_por(self.page, accion(self.certificado_disponible(folio), "Seleccionar").click)
        self.page.get_by_label(re.compile(r"^\s*monto a favor\s*\*?\s*$", re.IGNORECASE)).fill(monto)
        ir_por(self.page, self.page.get_by_role("button", name="Agregar").click)

    def por_cancelar(self, folio: str) -> Locator:
        return celda(self.tabla_de_disponibles, folio, "Monto por cancelar")

    @property
    def tabla_a_cancelar(self) -> Locator:
        return tabla(pantalla.contenido(self.page), "Certificados a cancelar")

    def monto_a_favor(self, folio: str) -> Locator:
        return celda(self.tabla_a_cancelar, folio, "Monto a favor")

    @property
    def certificados_a_cancelar(self) -> Locator:
        """Los renglones de «Certificados a cancelar»."""
        return filas(self.tabla_a_cancelar)

    def a_cancelar(self, folio: str) -> Locator:
        """El renglón de ese certificado en «Certificados a cancelar»."""
        return fila(self.tabla_a_cancelar, folio)

    def eliminar_certificado(self, folio: str) -> None:
        """Lo quita y espera a que su renglón ya no esté."""
        accion(self.a_cancelar(folio), "Eliminar").click()
        expect(self.a_cancelar(folio)).to_have_count(0)

    def vaciar(self) -> None:
        """Quita del borrador todos los certificados a cancelar que tenga."""
        self.abrir_pestana("Cancelación de Certificados de Cupo")
        for quedan in range(self.certificados_a_cancelar.count(), 0, -1):
            accion(self.certificados_a_cancelar.first, "Eliminar").click()
            expect(self.certificados_a_cancelar).to_have_count(quedan - 1)

    @property
    def motivo(self) -> Locator:
        return self.page.get_by_label(re.compile(r"^\s*motivo de cancelación", re.IGNORECASE))

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
    """La pantalla «en donde se muestra el número de folio de trámite y el acuse de recepción de trámite»."""

    def __init__(self, page: Page) -> None:
        self.page = page

    @property
    def folio(self) -> Locator:
        """El texto que dice el número de folio de trámite (25 dígitos)."""
        return pantalla.texto_con(self.page, FOLIO_DE_TRAMITE)

    def leer_folio(self) -> str:
        expect(self.folio.first).to_be_visible()
        hallado = FOLIO_DE_TRAMITE.search(self.folio.first.inner_text())
        assert hallado, f"la pantalla ya no dice el folio de trámite: {self.folio.first.inner_text()}"
        return hallado.group(0)[-25:]

    @property
    def liga_del_acuse(self) -> Locator:
        return self.page.get_by_role("link", name=re.compile(r"acuse de recepción de trámite", re.IGNORECASE))

    def descargar_acuse(self) -> tuple[str, bytes]:
        """Descarga el PDF por la liga; devuelve el nombre sugerido y el contenido."""
        return descargar(self.liga_del_acuse)
