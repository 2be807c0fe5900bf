"""Plugin de pytest del banco (-p bench.navegador.turnos): repite cada escenario y lo corre por turnos.

--vueltas-del-banco N parametriza cada prueba N veces (como pytest-repeat). Con el canal del
orquestador en el entorno, cada escenario espera su salida antes de preparar nada y avisa cuando
terminó su desmontaje, con su resultado; sin canal, corre de seguido.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest

from bench.navegador.canal import Canal


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--vueltas-del-banco", type=int, default=1, metavar="N",
                     help="repetir cada escenario N veces (banco del navegador)")


@pytest.fixture
def vuelta_del_banco(request: pytest.FixtureRequest) -> int:
    vuelta: int = request.param
    return vuelta


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    vueltas: int = metafunc.config.getoption("--vueltas-del-banco")
    if vueltas > 1:
        metafunc.fixturenames.append("vuelta_del_banco")
        metafunc.parametrize("vuelta_del_banco", range(1, vueltas + 1), indirect=True,
                             ids=lambda v: f"vuelta-{v}")


class _PorTurnos:
    def __init__(self, canal: Canal) -> None:
        self._canal, self._resultado = canal, "passed"

    def pytest_collection_finish(self) -> None:
        self._canal.listo("preparado")

    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> Generator[None, Any, Any]:
        if not self._canal.esperar_turno():
            pytest.exit("el orquestador del banco cerró el canal", returncode=3)
        self._resultado = "passed"
        try:
            return (yield)
        finally:  # tras el desmontaje y los informes del escenario
            self._canal.listo(self._resultado)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.failed:
            self._resultado = f"failed en {report.when}"


def pytest_configure(config: pytest.Config) -> None:
    canal = Canal.del_entorno()
    if canal is not None:
        config.pluginmanager.register(_PorTurnos(canal), "turnos_del_banco")
