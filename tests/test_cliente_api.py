"""El cliente tipado del arnés (fixtures/api.py) frente al portal de referencia, por HTTP: cubre cada
operación del documento, reconoce los errores por su código y exige la versión del contrato."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.serving import make_server

from fixtures.api import VERSION_MAYOR, ZONA_DEL_PORTAL, ApiPruebas, Codigo, ContratoIncumplido, ErrorDeApi
from sat_pruebas import AutoridadCertificadora
from stub_portal import base_de_datos
from stub_portal.app import create_app
from stub_portal.vistas import pruebas
from tests.mundo import CLAVE_SECRETA, DICTAMINADOR, EMPRESA_A, Mundo

DOCUMENTO = pruebas.api.documento(servidor=pruebas.PREFIJO)


@contextmanager
def _servir(app: Flask) -> Iterator[str]:
    """El portal en un puerto libre, con el servidor de Werkzeug en un hilo."""
    servidor = make_server("127.0.0.1", 0, app, threaded=True)
    hilo = threading.Thread(target=servidor.serve_forever, daemon=True)
    hilo.start()
    try:
        yield f"http://127.0.0.1:{servidor.server_port}"
    finally:
        servidor.shutdown()
        hilo.join(timeout=10)


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory, ac: AutoridadCertificadora) -> Iterator[ApiPruebas]:
    mundo = Mundo(f"sqlite:///{tmp_path_factory.mktemp('cliente') / 'portal.sqlite3'}", ac)
    with _servir(mundo.app) as url:
        yield ApiPruebas(url, mundo.token)
    mundo.cerrar()


def test_el_cliente_tiene_un_metodo_por_operacion_y_los_codigos_del_documento() -> None:
    operaciones = {op["operationId"] for ruta in DOCUMENTO["paths"].values() for op in ruta.values()}
    assert operaciones <= set(dir(ApiPruebas))
    assert {str(c) for c in Codigo} == set(DOCUMENTO["components"]["schemas"]["Codigo"]["enum"])
    assert DOCUMENTO["info"]["version"].split(".")[0] == VERSION_MAYOR


def test_una_clave_repetida_es_ya_existe(api: ApiPruebas) -> None:
    assert api.crear_usuario("REP010101AAA", "solicitante", "Repetida", "r@x.example").rfc == "REP010101AAA"
    with pytest.raises(ErrorDeApi) as rechazo:
        api.crear_usuario("REP010101AAA", "solicitante", "Otra", "o@x.example")
    assert (rechazo.value.estado, rechazo.value.codigo) == (409, Codigo.YA_EXISTE)


def test_lo_que_no_existe_es_no_encontrado_y_dice_que_campo(api: ApiPruebas) -> None:
    with pytest.raises(ErrorDeApi) as rechazo:
        api.crear_certificado("SE-NADA", "NO-EXISTE", EMPRESA_A, Decimal(5))
    assert (rechazo.value.estado, rechazo.value.codigo) == (404, Codigo.NO_ENCONTRADO)
    assert [d.campo for d in rechazo.value.errores] == ["cupo"]


def test_un_dato_fuera_del_esquema_es_datos_invalidos_por_campo(api: ApiPruebas) -> None:
    with pytest.raises(ErrorDeApi) as rechazo:
        api.crear_certificado("SE-MAL", "C1", EMPRESA_A, Decimal("1.2345"), estado="perdido")
    assert (rechazo.value.estado, rechazo.value.codigo) == (422, Codigo.DATOS_INVALIDOS)
    assert {d.campo for d in rechazo.value.errores} == {"monto_expedido", "estado"}


def test_crea_cupo_certificado_asignacion_y_solicitudes(api: ApiPruebas) -> None:
    anio = api.ahora().year
    cupo = api.crear_cupo("C-CLIENTE", "Leche", "Importación", "Licitación Pública", "OMC", "Cualquiera",
                          "Leche", "En polvo", "RF CDMX", montos={anio: Decimal("1000.5")},
                          fracciones=["0402.10.01"], dictaminador_rfc=DICTAMINADOR)
    assert cupo.clave == "C-CLIENTE"
    certificado = api.crear_certificado("SE-CLIENTE", cupo.clave, EMPRESA_A, Decimal(10),
                                        fecha_expedicion=date(anio, 1, 2), estado="cancelado")
    assert certificado.folio == "SE-CLIENTE"
    asignacion = api.crear_asignacion(cupo.clave, EMPRESA_A, Decimal(50))
    assert asignacion.folio.startswith("CA-PRUEBA-")
    expedicion = api.presentar_expedicion(EMPRESA_A, asignacion.folio, Decimal(5), Decimal(5))
    asignada = api.presentar_asignacion("BBB010101BBB", cupo.clave, Decimal(20))
    assert expedicion.folio != asignada.folio
    assert asignada.vence_el is not None and asignada.vence_el >= api.ahora().date()


def test_una_regla_del_tramite_es_regla_incumplida(api: ApiPruebas) -> None:
    with pytest.raises(ErrorDeApi) as rechazo:
        api.presentar_asignacion(EMPRESA_A, "C1", Decimal(0))
    assert (rechazo.value.estado, rechazo.value.codigo) == (409, Codigo.REGLA_INCUMPLIDA)
    assert "mayor que cero" in rechazo.value.mensaje


def test_el_reloj_sin_zona_es_la_hora_del_centro(api: ApiPruebas) -> None:
    try:
        fijado = api.fijar_reloj(datetime(2024, 3, 1, 10, 30))
        assert fijado == datetime(2024, 3, 1, 10, 30, tzinfo=ZONA_DEL_PORTAL) == api.ahora()
        assert api.declarar_inhabil(date(2024, 3, 4), "Puente").fecha == date(2024, 3, 4)
    finally:
        api.liberar_reloj()
    assert api.ahora().year >= 2025
    assert api.entregar_correo() >= 0


def test_sin_la_api_de_pruebas_el_cliente_lo_dice(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sin-api.sqlite3'}"
    base_de_datos.preparar(url)
    app = create_app({"BASE_DE_DATOS": url, "SECRET_KEY": CLAVE_SECRETA})
    with _servir(app) as portal, pytest.raises(ContratoIncumplido, match="sin API-Version"):
        ApiPruebas(portal, None).ahora()


def test_sin_el_token_o_con_otro_el_cliente_dice_donde_ponerlo(
        tmp_path: Path, ac: AutoridadCertificadora) -> None:
    mundo = Mundo(f"sqlite:///{tmp_path / 'portal.sqlite3'}", ac)
    with _servir(mundo.app) as portal:
        for token, falta in ((None, "no tiene ninguno"), ("y" * 40, "mandó otro")):
            with pytest.raises(ContratoIncumplido, match=f"401.*{falta}.*CUPOS_API_DE_PRUEBAS_TOKEN.*token_env"):
                ApiPruebas(portal, token).ahora()
        assert ApiPruebas(portal, mundo.token).ahora().year >= 2025
    mundo.cerrar()


def test_los_informes_leen_la_version_de_la_api_sin_el_token(api: ApiPruebas) -> None:
    from cupos_conformidad.informes.documentacion.recoleccion import _version_del_portal

    assert _version_del_portal(api.url_del_portal) == f"API de pruebas {DOCUMENTO['info']['version']}"
