"""Tablas como las lee una persona: por su nombre, sus encabezados de columna y lo que muestra cada
renglón; nunca por la posición de una columna ni por cómo está escrito el HTML."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect


def _nombre(texto: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(texto)}\s*$", re.IGNORECASE)


def tabla(raiz: Page | Locator, nombre: str) -> Locator:
    """La tabla con ese nombre accesible (su caption, su etiqueta ARIA o el título al que apunta), o la tabla
    de la sección (region) que se llama así."""
    return raiz.get_by_role("table", name=_nombre(nombre)).or_(
        raiz.get_by_role("region", name=_nombre(nombre)).get_by_role("table")).first


def filas(tabla: Locator) -> Locator:
    """Los renglones de datos (los que tienen celdas), sin el de los encabezados."""
    return tabla.get_by_role("row").filter(has=tabla.page.get_by_role("cell"))


def fila(tabla: Locator, con: str) -> Locator:
    """Los renglones de datos que muestran ese texto (un folio, el nombre de un cupo)."""
    return filas(tabla).filter(has_text=con)


def celda(tabla: Locator, fila_con: str, encabezado: str) -> Locator:
    """La celda del renglón que muestra ese texto, en la columna con ese encabezado (no por posición).
    Cuenta las celdas de encabezado de renglón (th scope=row) como una celda más."""
    expect(tabla.get_by_role("columnheader", name=_nombre(encabezado)).first).to_be_visible()
    encabezados = [" ".join(t.split()).lower() for t in tabla.get_by_role("columnheader").all_inner_texts()]
    assert encabezado.lower() in encabezados, f"la tabla no tiene la columna «{encabezado}»: {encabezados}"
    return celdas(fila(tabla, fila_con)).nth(encabezados.index(encabezado.lower()))


def celdas(renglon: Locator) -> Locator:
    """Las celdas del renglón, con la de su encabezado (th scope=row) en su lugar."""
    return renglon.get_by_role("cell").or_(renglon.get_by_role("rowheader"))


def accion(renglon: Locator, nombre: str) -> Locator:
    """La liga o el botón de ese renglón cuyo nombre empieza con `nombre` («Seleccionar», «Eliminar»):
    el renglón ya dice de qué cupo o certificado se trata."""
    patron = re.compile(rf"^\s*{re.escape(nombre)}\b", re.IGNORECASE)
    return renglon.get_by_role("link", name=patron).or_(renglon.get_by_role("button", name=patron)).first
