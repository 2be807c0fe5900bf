"""Cada regla de ../shared/DOMAIN.md tiene al menos un escenario, y cada etiqueta usada está registrada.

Las reglas se leen de DOMAIN.md: una regla nueva allí sin escenario hace fallar esta prueba."""

import re
from pathlib import Path

import pytest

from cupos_conformidad.marcas import MARCAS, REGLAS

RAIZ = Path(__file__).resolve().parent.parent
DOMINIO = RAIZ.parent / "shared" / "DOMAIN.md"
_REGLA = re.compile(r"^\| ([A-Z]{3}-\d{2}) \|", re.MULTILINE)


def reglas_del_dominio() -> set[str]:
    if not DOMINIO.exists():
        pytest.skip(f"no está {DOMINIO}: la trazabilidad se revisa donde está la carpeta shared/")
    return set(_REGLA.findall(DOMINIO.read_text(encoding="utf-8")))


def _etiquetas_usadas() -> set[str]:
    etiquetas: set[str] = set()
    for archivo in (RAIZ / "features").rglob("*.feature"):
        texto = archivo.read_text(encoding="utf-8")
        assert texto.startswith("# language: es\n"), archivo
        etiquetas |= set(re.findall(r"(?<=@)[\w-]+", texto))
    return etiquetas


def test_domain_md_tiene_las_reglas_de_los_dos_textos() -> None:
    reglas = reglas_del_dominio()
    assert len(reglas) >= 35  # 17 del manual y 18 de la ficha
    assert {"CAN-01", "CAN-17", "CUP-01", "NOR-01"} <= reglas


def test_cada_regla_tiene_un_escenario() -> None:
    assert reglas_del_dominio() - _etiquetas_usadas() == set()


def test_cada_etiqueta_usada_esta_registrada_como_marca() -> None:
    """Las registra el plugin del arnés (cupos_conformidad/marcas.py), aquí y donde esté instalado."""
    marcas = {m.split(":")[0] for m in MARCAS}
    assert _etiquetas_usadas() - marcas == set()
    assert set(REGLAS) == reglas_del_dominio()
