"""El reloj del portal: el paso que lo fija (los escenarios de horarios, plazos y vigencias).

El fixture `reloj` (fixtures/datos.py) lo deja fijar sólo si el objetivo lo permite, y al terminar lo
devuelve a la hora real."""

from __future__ import annotations

from datetime import datetime

from pytest_bdd import given, parsers

from fixtures.portal import PortalBajoPrueba


@given(parsers.parse('que el reloj del portal marca el "{momento}"'))
def reloj_fijo(reloj: PortalBajoPrueba, momento: str) -> None:
    reloj.api.fijar_reloj(datetime.fromisoformat(momento))
