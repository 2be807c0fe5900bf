"""Cómo muestra el portal los datos, para comparar en pantalla con `expect`."""

from __future__ import annotations

import re
from decimal import Decimal


def texto_del_monto(monto: str) -> re.Pattern[str]:
    """Cómo se ve el monto en pantalla, con separador de miles y ceros de más o sin ellos: 25 → «25.0»."""
    valor = Decimal(monto).normalize()
    entero, _, decimales = f"{valor:,f}".partition(".")
    decimal = rf"\.{decimales}0*" if decimales else r"(\.0+)?"
    return re.compile(rf"^\s*{re.escape(entero)}{decimal}\s*$")
