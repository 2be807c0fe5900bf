"""El código pasa ruff y mypy estricto, y el arnés no duerme: espera condiciones."""

import re
import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent


def test_ruff_no_encuentra_problemas() -> None:
    resultado = subprocess.run([sys.executable, "-m", "ruff", "check", str(RAIZ)],
                               capture_output=True, text=True)
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr


def test_mypy_estricto_no_encuentra_problemas() -> None:
    """El portal, el arnés y el banco de pruebas, con la configuración de pyproject.toml."""
    resultado = subprocess.run([sys.executable, "-m", "mypy"], capture_output=True, text=True, cwd=RAIZ)
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr


def test_el_arnes_no_usa_pausas() -> None:
    pausa = re.compile(r"time\.sleep\(|wait_for_timeout\(|asyncio\.sleep\(")
    culpables = [
        str(archivo.relative_to(RAIZ))
        for carpeta in ("steps", "pages", "fixtures", "features")
        for archivo in (RAIZ / carpeta).rglob("*.py")
        if pausa.search(archivo.read_text(encoding="utf-8"))
    ]
    assert culpables == []


def test_pasos_y_paginas_no_importan_el_portal() -> None:
    importa = re.compile(r"^\s*(from|import) stub_portal", re.MULTILINE)
    culpables = [
        str(archivo.relative_to(RAIZ))
        for carpeta in ("steps", "pages", "fixtures")
        for archivo in (RAIZ / carpeta).rglob("*.py")
        if importa.search(archivo.read_text(encoding="utf-8"))
    ]
    assert culpables == []
