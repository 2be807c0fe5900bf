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


def _culpables(carpeta: str, patron: re.Pattern[str]) -> list[str]:
    return [f"{archivo.relative_to(RAIZ)}: {hallado.group(0)}"
            for archivo in sorted((RAIZ / carpeta).glob("*.py"))
            for hallado in patron.finditer(archivo.read_text(encoding="utf-8"))]


def test_los_pasos_no_se_importan_unos_a_otros() -> None:
    """Los recorridos de varias pantallas están en pages/flujos.py; los valores entre pasos, en
    fixtures (steps/valores.py). Un módulo de pasos sólo importa de steps.valores y de steps.frases (las tablas de
    frases de un concepto)."""
    assert _culpables("steps", re.compile(r"^\s*from steps\.(?!valores\b|frases\b)\w+.*$|^\s*import steps\..*$",
                                          re.MULTILINE)) == []


def test_los_localizadores_viven_en_los_objetos_de_pagina() -> None:
    """Los pasos piden a las páginas lo que necesitan; no buscan elementos ni eligen por posición."""
    assert _culpables("steps", re.compile(
        r"\.(get_by_\w+|locator|filter|nth|first|last|query_selector\w*|inner_text|text_content)\b")) == []


def test_los_objetos_de_pagina_esperan_sin_expect_navigation() -> None:
    assert _culpables("pages", re.compile(r"expect_navigation")) == []


def test_los_objetos_de_pagina_buscan_como_una_persona() -> None:
    """Por rol y nombre accesible, etiqueta, texto visible o encabezado de columna: nunca por id, clase,
    atributo for, data-testid, CSS o XPath, ni por un nombre accesible armado con un valor («Seleccionar el
    cupo X»: ésa es la convención de un portal; otro escribe sólo «Seleccionar» en el renglón de X)."""
    patron = re.compile(r"get_by_test_id|\.locator\(|get_attribute\(|xpath=|css=|aria-(label|current)|name=f[\"']"
                        r"|\[(for|id|class|data-[\w-]+|aria-[\w-]+)\b")
    # formularios.py calcula, al leer el HTML de un formulario, el nombre accesible de cada campo como lo
    # calcula el navegador (aria-labelledby, aria-label, <label for> o que lo envuelve): es el único lugar.
    assert [c for c in _culpables("pages", patron) if not c.startswith("pages/formularios.py")] == []
