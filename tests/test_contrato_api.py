"""La API de pruebas cumple el documento OpenAPI que ella misma sirve (schemathesis).

Un portal de referencia con su propia base SQLite (el de tests/mundo.py: un cupo, dos empresas, un
dictaminador) sirve /_pruebas/openapi.json; schemathesis manda, para cada operación, cuerpos que
cumplen el esquema y otros que no: ninguna respuesta es un 5xx, cada estado está documentado, cada
cuerpo cumple su esquema, lo inválido se rechaza y lo válido no con 422, y cada respuesta lleva
API-Version. Con derandomize, los ejemplos son siempre los mismos.

schemathesis.pytest.from_fixture no funciona con pytest 9 (busca Node._nodeid), así que el documento
se carga al importar este módulo, sin base de datos; la primera prueba exige que sea idéntico al que
sirve el portal.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from sat_pruebas import AutoridadCertificadora
from stub_portal.vistas import pruebas
from tests.mundo import TOKEN_API, Mundo

EJEMPLOS_POR_OPERACION = 20
# Que un PEM sea de verdad un certificado X.509 no cabe en JSON Schema: ahí un texto con la forma
# correcta puede recibir un 422 (documentado), y schemathesis no debe tomarlo por un rechazo indebido.
MAS_ALLA_DEL_ESQUEMA = {("POST", "/autoridades")}
DOCUMENTO = pruebas.api.documento(servidor=pruebas.PREFIJO)
contrato = schemathesis.openapi.from_dict(DOCUMENTO)
TOKEN = {"Authorization": f"Bearer {TOKEN_API}"}


@pytest.fixture(scope="module")
def portal_de_pruebas(tmp_path_factory: pytest.TempPathFactory, ac: AutoridadCertificadora) -> Iterator[Flask]:
    """Uno para todas las operaciones: los datos de una (un usuario, el reloj) sirven a las otras."""
    mundo = Mundo(f"sqlite:///{tmp_path_factory.mktemp('contrato') / 'portal.sqlite3'}", ac)
    yield mundo.app
    mundo.cerrar()


def test_el_portal_sirve_el_documento_que_se_prueba(portal_de_pruebas: Flask) -> None:
    respuesta = portal_de_pruebas.test_client().get("/_pruebas/openapi.json", headers=TOKEN)
    assert respuesta.status_code == 200
    assert respuesta.headers["API-Version"] == DOCUMENTO["info"]["version"]
    assert respuesta.json == DOCUMENTO


@contrato.parametrize()
@settings(max_examples=EJEMPLOS_POR_OPERACION, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_cada_operacion_cumple_el_documento(case: schemathesis.Case, portal_de_pruebas: Flask) -> None:
    excluidas = [positive_data_acceptance] if (case.method, case.path) in MAS_ALLA_DEL_ESQUEMA else []
    # Con el token, schemathesis prueba además la operación sin él y con otro (ignored_auth): esas pruebas
    # salen por el transporte del esquema, que así también es el portal.
    case.operation.schema.app = case.operation.app = portal_de_pruebas
    case.call_and_validate(app=portal_de_pruebas, excluded_checks=excluidas, headers=TOKEN)
