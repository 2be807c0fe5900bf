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


@then(parsers.re(r'(?:llega el aviso con el folio del trámite y el certificado "(?P<alias>[^"]+)" a la empresa y '
                 r'al dictaminador del cupo|el aviso (?P<llega>no llega|llega también) a Nivel Central)$'))
def destinatarios_del_aviso(request: pytest.FixtureRequest, aviso: Recibido, empresa: Persona, cupo: Cupo,
                            alias: str | None, llega: str | None) -> None:
    """A la empresa y al dictaminador del cupo, con el folio del certificado; sin Nivel Central, sólo a ellos;
    con él, también a él."""
    a_ellos = {empresa.correo.lower(), cupo.dictaminador.correo.lower()}
    if alias is not None:
        certificados: Certificados = request.getfixturevalue("certificados")
        assert a_ellos <= aviso.destinatarios, aviso.destinatarios
        assert certificados[alias].folio in aviso.texto
    elif llega == "no llega":
        assert aviso.destinatarios == a_ellos, aviso.destinatarios
    else:
        nivel_central: Persona = request.getfixturevalue("nivel_central")
        assert aviso.destinatarios >= a_ellos | {nivel_central.correo.lower()}, aviso.destinatarios
