"""El reloj del portal: el paso que lo fija (los escenarios de horarios, plazos y vigencias).

Lo fija la fábrica del objetivo: quieto en ese momento hasta que el escenario termina; si el objetivo no
deja fijarlo, el escenario no se corre y dice por qué."""

from __future__ import annotations

from datetime import datetime

from pytest_bdd import given, parsers

from fixtures.datos import Fabrica


@given(parsers.parse('que el reloj del portal marca el "{momento}"'))
def reloj_fijo(fabrica: Fabrica, momento: str) -> None:
    fabrica.fijar_reloj(datetime.fromisoformat(momento))
