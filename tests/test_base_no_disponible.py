"""Con la base caída (PostgreSQL detenido de golpe): cada página responde 503 con Retry-After, las
cabeceras de seguridad y un mensaje en español que no vuelve a leer la base; la API de pruebas, su
error en JSON; una línea en la bitácora por petición, sin rastro; y al volver la base, todo vuelve."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from fixtures.postgres import ClusterPostgres
from sat_pruebas import AutoridadCertificadora
from tests.mundo import EMPRESA_A, Mundo

RUTAS = ("/cupos", "/tramites", "/solicitudes/1", "/no-existe")  # con la sesión de una empresa


@pytest.fixture
def propio() -> Iterator[ClusterPostgres]:
    """Un clúster sólo para esta prueba: se apaga a media prueba."""
    with ClusterPostgres() as cluster:
        yield cluster


def test_sin_base_cada_pagina_dice_503_con_retry_after_y_vuelve_con_la_base(
        propio: ClusterPostgres, ac: AutoridadCertificadora, caplog: pytest.LogCaptureFixture) -> None:
    mundo = Mundo(propio.crear_base("portal"), ac)
    cliente, anonimo = mundo.cliente(EMPRESA_A), mundo.app.test_client()
    antes = {ruta: cliente.get(ruta).status_code for ruta in RUTAS}
    assert all(estado < 500 for estado in antes.values()), antes
    propio.apagar()
    caplog.clear()
    with caplog.at_level(logging.INFO):
        for ruta in RUTAS:
            respuesta = cliente.get(ruta)
            assert respuesta.status_code == 503, (ruta, respuesta.status_code)
            assert respuesta.headers["Retry-After"] == "30"
            assert respuesta.headers["X-Content-Type-Options"] == "nosniff"
            assert "default-src" in respuesta.headers["Content-Security-Policy"]
            assert "El portal no está disponible por el momento" in respuesta.text
        assert anonimo.get("/").status_code == 302  # sin sesión, al acceso: no hace falta la base
        assert anonimo.get("/acceso/").status_code == 503
        api = mundo.api().get("/_pruebas/reloj")
        assert api.status_code == 503 and api.headers["Retry-After"] == "30"
        assert api.is_json and api.json["codigo"] == "no_disponible" and "no responde" in api.json["mensaje"]
        assert api.headers["Cache-Control"] == "no-store"
    errores = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errores) == len(RUTAS) + 2, [r.getMessage() for r in errores]
    assert all(r.exc_info is None and "La base de datos no respondió" in r.getMessage() for r in errores)
    propio.encender()
    despues = {ruta: cliente.get(ruta).status_code for ruta in RUTAS}
    assert despues == antes
    mundo.cerrar()
