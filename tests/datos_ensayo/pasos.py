"""Definiciones de juguete para las características de esta carpeta."""

from __future__ import annotations

from pytest_bdd import given, parsers, step, then, when


@given("una empresa registrada")
def empresa_registrada() -> None:
    """Sólo para el ensayo."""


@given(parsers.parse("un cupo de {toneladas:d} toneladas"))
def un_cupo(toneladas: int) -> None:
    """Sólo para el ensayo."""


@given("que el reloj marca la apertura")
def reloj_en_la_apertura() -> None:
    """Sólo `given`: no sirve para un paso Cuando."""


@when(parsers.re(r"la empresa consulta (el|su) cupo"))
def consulta_el_cupo() -> None:
    """Sólo para el ensayo."""


@then(parsers.parse("ve el saldo de {toneladas:d} toneladas"))
def ve_el_saldo(toneladas: int) -> None:
    """Sólo para el ensayo."""


@step("no ve ningún mensaje de error")
def sin_errores() -> None:
    """Sin tipo: vale para Dado, Cuando y Entonces."""


@then("una definición que ningún paso usa")
def sin_uso() -> None:
    """Sólo para el ensayo."""
