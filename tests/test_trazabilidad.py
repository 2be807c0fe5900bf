"""Cada regla CAN de DOMAIN.md tiene al menos un escenario, y cada etiqueta usada está registrada."""

import re
import tomllib
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
# Las reglas de ../shared/DOMAIN.md que los issues 2 y 3 piden probar con escenarios.
REGLAS = {f"CAN-{n:02d}" for n in range(1, 18)} | {f"CUP-{n:02d}" for n in range(1, 8)} | {
    "PRO-01", "ASG-01", "ASG-02", "CRT-01", "EXP-01", "EXP-02", "EXP-03", "PLZ-01", "HOR-01",
    "HOR-02", "NOR-01"}


def _etiquetas_usadas() -> set[str]:
    etiquetas: set[str] = set()
    for archivo in (RAIZ / "features").rglob("*.feature"):
        texto = archivo.read_text(encoding="utf-8")
        assert texto.startswith("# language: es\n"), archivo
        etiquetas |= set(re.findall(r"(?<=@)[\w-]+", texto))
    return etiquetas


def test_cada_regla_tiene_un_escenario() -> None:
    assert REGLAS - _etiquetas_usadas() == set()


def test_cada_etiqueta_usada_esta_registrada_como_marca() -> None:
    config = tomllib.loads((RAIZ / "pyproject.toml").read_text(encoding="utf-8"))
    marcas = {m.split(":")[0] for m in config["tool"]["pytest"]["ini_options"]["markers"]}
    assert _etiquetas_usadas() - marcas == set()
