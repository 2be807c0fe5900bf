"""Pasos del aviso por correo: se revisa lo que de verdad llegó al buzón SMTP del arnés."""

from __future__ import annotations

import pytest
from pytest_bdd import given, then

from fixtures.correo import BuzonSmtp, Recibido
from fixtures.datos import Fabrica
from steps.escena import Escena

ASUNTO = "Aviso de Certificados de Exportación por Solicitud pendientes por Cancelar"


@given("que Nivel Central está registrado en la Ventanilla Única")
def nivel_central(escena: Escena, fabrica: Fabrica) -> None:
    escena.nivel_central = fabrica.funcionario("nivel_central")


@pytest.fixture
def aviso(buzon: BuzonSmtp, escena: Escena) -> Recibido:
    """El aviso de la solicitud del escenario, en cuanto llegue."""
    assert escena.folio, "El escenario no firmó ninguna solicitud"
    return buzon.esperar(
        lambda r: r.asunto == ASUNTO and escena.folio in r.texto,
        que=f"el aviso de la solicitud {escena.folio}")


@then("llega el aviso con el folio del trámite a la empresa y al dictaminador del cupo")
def aviso_a_empresa_y_dictaminador(aviso: Recibido, escena: Escena) -> None:
    empresa, cupo = escena.requiere_empresa(), escena.requiere_cupo()
    esperados = {empresa.correo.lower(), cupo.dictaminador.correo.lower()}
    assert esperados <= aviso.destinatarios, aviso.destinatarios
    assert escena.certificado("A").folio in aviso.texto


@then("el aviso no llega a Nivel Central")
def aviso_sin_nivel_central(aviso: Recibido, escena: Escena) -> None:
    assert escena.nivel_central is not None
    assert escena.nivel_central.correo.lower() not in aviso.destinatarios, aviso.destinatarios
    empresa, cupo = escena.requiere_empresa(), escena.requiere_cupo()
    assert aviso.destinatarios == {empresa.correo.lower(), cupo.dictaminador.correo.lower()}


@then("el aviso llega también a Nivel Central")
def aviso_a_nivel_central(aviso: Recibido, escena: Escena) -> None:
    assert escena.nivel_central is not None
    assert escena.nivel_central.correo.lower() in aviso.destinatarios, aviso.destinatarios
