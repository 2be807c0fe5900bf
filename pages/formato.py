"""Cómo muestra el portal los datos, para comparar en pantalla con `expect`."""

from __future__ import annotations

import re
from decimal import Decimal

from playwright.sync_api import Locator


def texto_del_monto(monto: str) -> re.Pattern[str]:
    """Cómo se ve el monto en pantalla, con separador de miles y ceros de más o sin ellos: 25 → «25.0»."""
    valor = Decimal(monto).normalize()
    entero, _, decimales = f"{valor:,f}".partition(".")
    decimal = rf"\.{decimales}0*" if decimales else r"(\.0+)?"
    return re.compile(rf"^\s*{re.escape(entero)}{decimal}\s*$")


def celda(tabla: Locator, fila_con: str, encabezado: str) -> Locator:
    """La celda de la fila que contiene ese texto, en la columna con ese encabezado (no por posición)."""
    encabezados = [t.strip() for t in tabla.get_by_role("columnheader").all_inner_texts()]
    assert encabezado in encabezados, f"la tabla no tiene la columna «{encabezado}»: {encabezados}"
    fila = tabla.locator("tbody tr").filter(has_text=fila_con)
    return fila.get_by_role("cell").nth(encabezados.index(encabezado))
