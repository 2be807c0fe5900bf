"""Cada ruta del portal, con cada perfil: quién entra, a quién se manda al acceso, a quién se le
niega y a quién ni se le dice que la solicitud existe. Una ruta nueva sin regla hace fallar esto."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from stub_portal import permisos
from stub_portal.modelo import Adjunto, Solicitud
from tests.mundo import DICTAMINADOR, EMPRESA_A, EMPRESA_B, Mundo, csrf_de

ANONIMO, DUENA, OTRA_EMPRESA, OTRO_DICTAMINADOR, NIVEL_CENTRAL = (
    "anónimo", EMPRESA_A, EMPRESA_B, "OTR800101AB1", "NIV800101AB1")
ROLES = [ANONIMO, DUENA, OTRA_EMPRESA, DICTAMINADOR, OTRO_DICTAMINADOR, NIVEL_CENTRAL]
EMPRESAS, FUNCIONARIOS = {DUENA, OTRA_EMPRESA}, {DICTAMINADOR, OTRO_DICTAMINADOR, NIVEL_CENTRAL}

# Lo que ve cada rol: "entra", "acceso" (se le manda a iniciar sesión), "prohibido" (403) u
# "oculto" (404: la solicitud es de otro o de un cupo que no atiende).
def _de_solicitantes(rol: str) -> str:
    return "acceso" if rol == ANONIMO else "entra" if rol in EMPRESAS else "prohibido"


def _de_funcionarios(rol: str) -> str:
    return "acceso" if rol == ANONIMO else "entra" if rol in FUNCIONARIOS else "prohibido"


def _de_la_solicitud_de_la_duena(rol: str) -> str:
    return {ANONIMO: "acceso", DUENA: "entra", DICTAMINADOR: "entra"}.get(rol, "oculto")


def _de_la_solicitud_para_funcionarios(rol: str) -> str:
    return {ANONIMO: "acceso", DICTAMINADOR: "entra"}.get(rol, "prohibido" if rol in EMPRESAS else "oculto")


def _de_la_solicitud_para_la_duena(rol: str) -> str:
    return {ANONIMO: "acceso", DUENA: "entra"}.get(rol, "prohibido" if rol in FUNCIONARIOS else "oculto")


ESPERADO = {
    "acceso.raiz": lambda rol: "entra",
    "acceso.ingresar": lambda rol: "entra",
    "acceso.funcionarios": lambda rol: "entra",
    "acceso.salir": lambda rol: "entra",
    "documentos.raiz_de_la_secretaria": lambda rol: "entra",
    "acceso.inicio": _de_solicitantes,
    "tramites.menu": _de_solicitantes,
    "tramites.dependencia": _de_solicitantes,
    "tramites.categoria": _de_solicitantes,
    "cupos.lista": _de_solicitantes,
    "cupos.ficha": _de_solicitantes,
    "solicitudes.asignacion": _de_solicitantes,
    "solicitudes.expedicion": _de_solicitantes,
    "solicitudes.lista": _de_solicitantes,
    "solicitudes.detalle": _de_la_solicitud_para_la_duena,
    "solicitudes.descargar": _de_la_solicitud_de_la_duena,
    "cancelacion.captura": _de_solicitantes,
    "cancelacion.agregar": _de_solicitantes,
    "cancelacion.eliminar": _de_solicitantes,
    "cancelacion.siguiente": _de_solicitantes,
    "cancelacion.firma": _de_solicitantes,
    "cancelacion.firmar": _de_solicitantes,
    "cancelacion.acuse": _de_la_solicitud_para_la_duena,
    "funcionario.bandeja": _de_funcionarios,
    "funcionario.solicitud": _de_la_solicitud_para_funcionarios,
    "funcionario.resolver": _de_la_solicitud_para_funcionarios,
    "funcionario.adjunto": _de_la_solicitud_para_funcionarios,
}


@pytest.fixture
def folio_con_adjunto(mundo: Mundo) -> tuple[str, int]:
    """Una solicitud de expedición de la dueña, con sus copias adjuntas, pendiente en C1."""
    api = mundo.api()
    asignacion = api.post("/_pruebas/asignaciones", json={"cupo": "C1", "titular_rfc": DUENA, "monto": "50"})
    assert asignacion.status_code == 201, asignacion.json
    respuesta = api.post("/_pruebas/solicitudes/expedicion", json={
        "solicitante_rfc": DUENA, "asignacion": asignacion.json["folio"], "monto": "5", "monto_factura": "5"})
    assert respuesta.status_code == 201, respuesta.json
    folio = respuesta.json["folio"]
    numero = mundo.consultar(lambda s: s.scalars(select(Adjunto.id).join(
        Solicitud, Adjunto.solicitud_id == Solicitud.id).where(Solicitud.folio == folio)).first())
    return folio, numero


def _cliente(mundo: Mundo, rol: str) -> FlaskClient:
    return mundo.app.test_client() if rol == ANONIMO else mundo.cliente(rol)


def _veredicto(respuesta: TestResponse, rol: str) -> str:
    codigo, destino = respuesta.status_code, respuesta.headers.get("Location", "")
    if codigo == 302 and destino.endswith(("/ingresar", "/funcionarios/ingresar")) and rol == ANONIMO:
        return "acceso"
    return {403: "prohibido", 404: "oculto"}.get(codigo, "entra" if codigo < 500 else f"error {codigo}")


def test_cada_ruta_declara_quien_puede_usarla(mundo: Mundo) -> None:
    sin_regla = [e for e, vista in mundo.app.view_functions.items() if permisos.regla_de(vista) is None]
    assert sin_regla == []
    rutas = {r.endpoint for r in mundo.app.url_map.iter_rules()} - {"static"}
    assert {e for e in rutas if not e.startswith("pruebas.")} == set(ESPERADO)


@pytest.mark.parametrize("rol", ROLES)
def test_cada_rol_entra_solo_donde_le_corresponde(
        mundo: Mundo, folio_con_adjunto: tuple[str, int], rol: str) -> None:
    folio, adjunto = folio_con_adjunto
    valores = {"folio": folio, "documento": "acuse", "numero": adjunto, "clave": "C1", "siglas": "SE",
               "categoria": "Cupos"}
    cliente = _cliente(mundo, rol)
    testigo_csrf = csrf_de(cliente.get("/ingresar"))
    obtenido, esperado = {}, {}
    for regla in mundo.app.url_map.iter_rules():
        if regla.endpoint == "static" or regla.endpoint.startswith("pruebas.") or regla.endpoint == "acceso.salir":
            continue
        url = regla.build({a: valores[a] for a in regla.arguments})[1]
        for metodo in sorted((regla.methods or set()) - {"HEAD", "OPTIONS"}):
            if metodo == "GET":
                respuesta = cliente.get(url)
            else:
                respuesta = cliente.post(url, data={"csrf_token": testigo_csrf})
            clave = f"{metodo} {url}"
            obtenido[clave] = _veredicto(respuesta, rol)
            esperado[clave] = ESPERADO[regla.endpoint](rol)
    assert obtenido == esperado
