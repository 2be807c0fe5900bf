"""Pasos del aviso por correo: se revisa lo que de verdad llegó al buzón SMTP del arnés."""

from __future__ import annotations

import pytest
from pytest_bdd import given, parsers, then

from fixtures.correo import Correo, Recibido
from fixtures.datos import Cupo, Fabrica, Persona
from steps.valores import Certificados

ASUNTO = "Aviso de Certificados de Exportación por Solicitud pendientes por Cancelar"


@given("que Nivel Central está registrado en la Ventanilla Única", target_fixture="nivel_central")
def nivel_central_registrado(fabrica: Fabrica) -> Persona:
    return fabrica.funcionario("nivel_central")


@pytest.fixture
def aviso(buzon: Correo, empresa: Persona, folio: str) -> Recibido:
    """El aviso de la solicitud del escenario, en cuanto llegue al buzón de la empresa (es un solo
    mensaje: los pasos revisan en él a todos sus destinatarios)."""
    return buzon.esperar(empresa.correo, asunto=ASUNTO, contiene=folio)


@then(parsers.parse('llega el aviso con el folio del trámite y el certificado "{alias}" a la empresa y al '
                    'dictaminador del cupo'))
def aviso_a_empresa_y_dictaminador(aviso: Recibido, empresa: Persona, cupo: Cupo,
                                   certificados: Certificados, alias: str) -> None:
    esperados = {empresa.correo.lower(), cupo.dictaminador.correo.lower()}
    assert esperados <= aviso.destinatarios, aviso.destinatarios
    assert certificados[alias].folio in aviso.texto


@then(parsers.re(r"el aviso (?P<llega>no llega|llega también) a Nivel Central"))
def aviso_y_nivel_central(aviso: Recibido, empresa: Persona, cupo: Cupo, nivel_central: Persona,
                          llega: str) -> None:
    """Sin Nivel Central, el aviso llega sólo a la empresa y al dictaminador; con él, también a él."""
    sin_nivel_central = {empresa.correo.lower(), cupo.dictaminador.correo.lower()}
    if llega == "no llega":
        assert aviso.destinatarios == sin_nivel_central, aviso.destinatarios
    else:
        assert aviso.destinatarios >= sin_nivel_central | {nivel_central.correo.lower()}, aviso.destinatarios
