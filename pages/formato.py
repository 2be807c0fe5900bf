"""Cómo muestra el portal los datos, para comparar en pantalla con `expect`."""

from __future__ import annotations

import re
from decimal import Decimal

from playwright.sync_api import Locator, expect

TONELADAS = r"toneladas( métricas)?"


def texto_del_monto(monto: str, unidad: str = "") -> re.Pattern[str]:
    """Cómo se ve el monto en pantalla, con separador de miles y ceros de más o sin ellos: 25 → «25.0»;
    con `unidad` (una expresión regular, como TONELADAS), seguido de ella: «430.0 toneladas métricas»."""
    valor = Decimal(monto).normalize()
    entero, _, decimales = f"{valor:,f}".partition(".")
    decimal = rf"\.{decimales}0*" if decimales else r"(\.0+)?"
    sufijo = rf"\s+{unidad}" if unidad else ""
    return re.compile(rf"^\s*{re.escape(entero)}{decimal}{sufijo}\s*$", re.IGNORECASE)


def celda(tabla: Locator, fila_con: str, encabezado: str) -> Locator:
    """La celda de la fila que contiene ese texto, en la columna con ese encabezado (no por posición)."""
    expect(tabla.get_by_role("columnheader", name=encabezado, exact=True)).to_be_visible()
    encabezados = [t.strip() for t in tabla.get_by_role("columnheader").all_inner_texts()]
    assert encabezado in encabezados, f"la tabla no tiene la columna «{encabezado}»: {encabezados}"
    fila = tabla.locator("tbody tr").filter(has_text=fila_con)
    return fila.get_by_role("cell").nth(encabezados.index(encabezado))
