"""Descargar lo que una liga entrega, como lo hace una persona: un clic y el archivo."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator


def descargar(liga: Locator) -> tuple[str, bytes]:
    """Pulsa la liga y devuelve el nombre sugerido y el contenido del archivo descargado."""
    with liga.page.expect_download() as descarga:
        liga.click()
    return descarga.value.suggested_filename, Path(descarga.value.path()).read_bytes()
