"""La consulta de cupos y la ficha de un cupo."""

from __future__ import annotations

import re
from decimal import Decimal

from playwright.sync_api import Locator, Page

from pages import pantalla
from pages.formato import TONELADAS, patron_del_monto
from pages.pantalla import ir_por
from pages.tablas import celdas, fila, filas, tabla


class ConsultaDeCupos:
    RUTA = "/cupos"

    def __init__(self, page: Page) -> None:
        self.page = page

    def abrir_ficha(self, nombre: str) -> FichaDelCupo:
        """Abre la ficha por la liga del renglón del cupo (el renglón cuyo cupo se llama así)."""
        self.page.goto(self.RUTA)
        del_cupo = self.page.get_by_role("cell", name=nombre, exact=True).or_(
            self.page.get_by_role("rowheader", name=nombre, exact=True))
        renglon = pantalla.contenido(self.page).get_by_role("row").filter(has=del_cupo)
        ir_por(self.page, renglon.get_by_role("link").first.click)
        return FichaDelCupo(self.page)


class FichaDelCupo:
    def __init__(self, page: Page) -> None:
        self.page = page

    @staticmethod
    def dice(titulo: str, texto: str) -> re.Pattern[str]:
        """Lo que la ficha dice bajo un título, sea una sección con su encabezado, un término y su
        definición o un renglón rotulado: el título y, en lo que sigue, el texto."""
        return pantalla.dato(re.escape(titulo), rf"[^\n]*{re.escape(texto)}[^\n]*")

    def tabla(self, nombre: str) -> Locator:
        return tabla(pantalla.contenido(self.page), nombre)

    def renglones(self, nombre: str) -> Locator:
        return filas(self.tabla(nombre))

    def renglon(self, tabla: str, con: str) -> Locator:
        """Los renglones de la tabla que muestran ese texto (un año, una fracción)."""
        return fila(self.tabla(tabla), con)

    def celdas(self, tabla: str, con: str, que_dicen: re.Pattern[str]) -> Locator:
        """Las celdas (o el encabezado) del renglón de la tabla que muestra `con` cuyo texto es `que_dicen`."""
        return celdas(self.renglon(tabla, con)).filter(has_text=que_dicen)

    def leer_saldo(self, anio: int) -> Decimal:
        """El saldo del cupo en ese año, como la ficha lo muestre."""
        return pantalla.leer_monto(self.page, rf"Saldo del cupo en {anio}", TONELADAS)

    @staticmethod
    def saldo(anio: int, toneladas: Decimal) -> re.Pattern[str]:
        """«Saldo del cupo en 2022: 485.0 toneladas métricas», en la forma en que la pantalla lo rotule."""
        return pantalla.dato(rf"Saldo del cupo en {anio}", rf"{patron_del_monto(toneladas)}\s*{TONELADAS}")
