"""Lo que comparten las pruebas rápidas: la AC de prueba, un portal sobre cada base y el servicio de buzón."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fixtures.buzon.cliente import arrancar_servicio
from fixtures.postgres import FabricaDeBases
from sat_pruebas import AutoridadCertificadora
from tests.mundo import Mundo


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--despliegues", action="store_true",
                     help="correr también las pruebas de conformidad contra despliegues (largas; "
                          "tests/test_conformidad_de_despliegues.py)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--despliegues"):
        return
    omitir = pytest.mark.skip(reason="es una corrida completa contra un despliegue: se corre con --despliegues "
                                     "(scripts/probar lo hace)")
    for item in items:
        if item.get_closest_marker("despliegue"):
            item.add_marker(omitir)


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


@pytest.fixture(scope="session")
def servicio_de_buzon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """python -m fixtures.buzon en puertos libres: (HOST:PUERTO de su SMTP, URL de su API)."""
    proceso, smtp, api = arrancar_servicio(tmp_path_factory.mktemp("buzon"))
    try:
        yield smtp, api
    finally:
        proceso.terminate()
        assert proceso.wait(10) == 0, "el buzón no terminó limpio con SIGTERM"
