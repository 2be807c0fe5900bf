"""Cómo muestra una pantalla los datos, para comparar con `expect` sin depender de una redacción."""

from __future__ import annotations

import colorsys
import re
from decimal import Decimal

TONELADAS = r"(toneladas( métricas)?|t|ton)\.?"


def patron_del_monto(monto: Decimal | str) -> str:
    """Un monto como lo escribe una pantalla: con o sin separador de miles y ceros de más (25 → «25»,
    «25.0», «25.000»; 1250.5 → «1,250.5»), sin ser parte de un número más largo."""
    valor = Decimal(monto).normalize()
    entero, _, decimales = f"{valor:,f}".partition(".")
    entero = re.escape(entero).replace(",", ",?")
    decimal = rf"\.{decimales}0*" if decimales else r"(?:\.0+)?"
    return rf"(?<![\d.,]){entero}{decimal}(?![\d]|[.,]\d)"


MONTO = r"\d{1,3}(?:,?\d{3})*(?:\.\d+)?"  # «1,250.5», «1250.5», «25»


def monto_de(texto: str) -> Decimal:
    """El monto que escribe una pantalla («1,250.500»), como Decimal."""
    return Decimal(texto.replace(",", ""))


def palabras(texto: str) -> str:
    """El texto como expresión regular, con cualquier espacio (o salto de renglón) entre sus palabras."""
    return r"\s+".join(re.escape(palabra) for palabra in texto.split())


def texto_del_monto(monto: str, unidad: str = "") -> re.Pattern[str]:
    """Todo el texto de un elemento que muestra el monto: 25 → «25.0»; con `unidad` (una expresión
    regular, como TONELADAS), seguido de ella: «430.0 toneladas métricas»."""
    sufijo = rf"\s*{unidad}" if unidad else ""
    return re.compile(rf"^\s*{patron_del_monto(monto)}{sufijo}\s*$", re.IGNORECASE)


def es_verde(color: str) -> bool:
    """Si un color CSS («rgb(30, 123, 52)», «rgba(…)») se ve verde: tono entre 75° y 165°, con color
    (saturación de al menos 20 %) y ni casi negro ni casi blanco."""
    hallado = re.fullmatch(r"rgba?\(\s*(\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\s*\)", color.strip())
    if not hallado or (hallado.group(4) is not None and float(hallado.group(4)) == 0):
        return False
    rojo, verde, azul = (int(c) / 255 for c in hallado.group(1, 2, 3))
    tono, luz, saturacion = colorsys.rgb_to_hls(rojo, verde, azul)
    return 75 <= tono * 360 <= 165 and saturacion >= 0.2 and 0.1 <= luz <= 0.92
