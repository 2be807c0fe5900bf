"""Lo que comparten las pruebas rápidas del portal: la AC de prueba y un portal sobre cada base."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fixtures.postgres import FabricaDeBases
from sat_pruebas import AutoridadCertificadora
from tests.mundo import Mundo


@pytest.fixture(scope="session")
def ac() -> AutoridadCertificadora:
    return AutoridadCertificadora()


@pytest.fixture(params=["sqlite", "postgresql"])
def url_de_base(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Una base vacía: un archivo SQLite o una base nueva en el PostgreSQL de la sesión."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    fabrica: FabricaDeBases = request.getfixturevalue("base_postgres")
    return fabrica()


@pytest.fixture
def mundo(url_de_base: str, ac: AutoridadCertificadora) -> Iterator[Mundo]:
    mundo = Mundo(url_de_base, ac)
    yield mundo
    mundo.cerrar()
