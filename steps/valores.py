"""Lo que un escenario va creando, un fixture por concepto.

El paso que crea un valor lo entrega con `target_fixture` (por ejemplo, «Dado una empresa
registrada…» entrega `empresa`); el paso que lo usa lo pide por su nombre. Si un escenario pide un
valor que ninguno de sus pasos creó, el fixture de aquí lo dice en vez de inventarlo.
"""

from __future__ import annotations

from typing import NoReturn

import pytest
from playwright.sync_api import Page

from fixtures.datos import Certificado, Cupo, Fabrica, Persona


def _falta(valor: str, paso: str) -> NoReturn:
    pytest.fail(f"El escenario usa {valor}, pero ninguno de sus pasos lo creó (falta «{paso}»).",
                pytrace=False)


class Certificados:
    """Los certificados del escenario, por el nombre que les da la característica («A», «VENCIDO»)."""

    def __init__(self) -> None:
        self._por_alias: dict[str, Certificado] = {}
        self.anio: dict[str, int] = {}  # el año de expedición, de los que el escenario lo dice

    def guardar(self, alias: str, certificado: Certificado) -> None:
        self._por_alias[alias] = certificado

    def __getitem__(self, alias: str) -> Certificado:
        if alias not in self._por_alias:
            _falta(f"el certificado «{alias}»", f'…el certificado "{alias}"…')
        return self._por_alias[alias]


@pytest.fixture
def certificados() -> Certificados:
    return Certificados()


@pytest.fixture
def copias() -> dict[str, bytes]:
    """Las copias que la empresa adjuntó a su solicitud en el escenario, por nombre de archivo."""
    return {}


@pytest.fixture
def empresa() -> Persona:
    _falta("a la empresa", "Dado una empresa registrada en la Ventanilla Única")


@pytest.fixture
def otra_empresa(fabrica: Fabrica) -> Persona:
    """Otra empresa registrada; la crea el primer paso que la menciona."""
    return fabrica.solicitante()


@pytest.fixture
def nivel_central() -> Persona:
    _falta("a Nivel Central", "Dado que Nivel Central está registrado en la Ventanilla Única")


@pytest.fixture
def cupo() -> Cupo:
    _falta("el cupo", 'Dado un cupo de "…"')


@pytest.fixture
def otro_cupo() -> Cupo:
    _falta("otro cupo", 'Dado otro cupo del mismo producto por "…"')


@pytest.fixture
def folio() -> str:
    _falta("el folio de una solicitud", "un paso que presente o firme una solicitud")


@pytest.fixture
def folio_de_la_otra() -> str:
    _falta("la solicitud de la otra empresa", "Dado que otra empresa presentó una solicitud…")


@pytest.fixture
def asignacion() -> str:
    _falta("una constancia de asignación", "Dado que la empresa ya tiene una asignación…")


@pytest.fixture
def pagina_del_funcionario() -> Page:
    _falta("la pantalla del funcionario", "Cuando el dictaminador del cupo …")


@pytest.fixture
def pagina_de_la_otra() -> Page:
    _falta("la pantalla de la otra empresa", "Cuando otra empresa abre la solicitud por su folio")
