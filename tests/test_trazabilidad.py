"""Cada regla CAN de DOMAIN.md tiene al menos un escenario, y cada etiqueta usada está registrada."""

import re
import tomllib
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
REGLAS_CAN = {f"CAN-{n:02d}" for n in range(1, 18)}


def _etiquetas_usadas() -> set[str]:
    etiquetas: set[str] = set()
    for archivo in (RAIZ / "features").rglob("*.feature"):
        texto = archivo.read_text(encoding="utf-8")
        assert texto.startswith("# language: es\n"), archivo
        etiquetas |= set(re.findall(r"(?<=@)[\w-]+", texto))
    return etiquetas


def test_cada_regla_de_cancelacion_tiene_un_escenario() -> None:
    assert REGLAS_CAN - _etiquetas_usadas() == set()


def test_cada_etiqueta_usada_esta_registrada_como_marca() -> None:
    config = tomllib.loads((RAIZ / "pyproject.toml").read_text(encoding="utf-8"))
    marcas = {m.split(":")[0] for m in config["tool"]["pytest"]["ini_options"]["markers"]}
    assert _etiquetas_usadas() - marcas == set()
