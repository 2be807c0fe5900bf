"""La API de pruebas de un ambiente compartido: nadie la usa sin el token del despliegue.

Con la API encendida, cada llamada (también el documento) pide `Authorization: Bearer <token>`; el
portal no arranca con la API y sin token; sólo admite cuerpos JSON (415), no responde a páginas de
otros sitios (ni CORS ni peticiones con Origin) y cada llamada queda en la bitácora con lo que cambió.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from stub_portal import base_de_datos
from stub_portal.app import create_app
from stub_portal.configuracion import ErrorDeConfiguracion, del_entorno
from stub_portal.modelo import AutoridadConfiable, Usuario
from stub_portal.vistas import pruebas
from tests.mundo import CLAVE_SECRETA, Mundo

DOCUMENTO = pruebas.api.documento(servidor=pruebas.PREFIJO)
USUARIO = {"rfc": "NUE010101AAA", "perfil": "nivel_central", "nombre": "Intrusa", "correo": "i@x.example"}
OTRO_SITIO = "https://sitio-ajeno.example"


def _operaciones() -> list[tuple[str, str]]:
    return [(metodo.upper(), pruebas.PREFIJO + ruta) for ruta, operaciones in DOCUMENTO["paths"].items()
            for metodo in operaciones] + [("GET", pruebas.PREFIJO + "/openapi.json")]


def _usuarios(mundo: Mundo) -> int:
    return int(mundo.consultar(lambda s: s.scalar(select(func.count()).select_from(Usuario))))


def test_con_la_api_y_sin_token_el_portal_no_arranca(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    base_de_datos.preparar(url)
    with pytest.raises(ErrorDeConfiguracion, match="CUPOS_API_DE_PRUEBAS_TOKEN"):
        create_app({"BASE_DE_DATOS": url, "SECRET_KEY": CLAVE_SECRETA, "API_DE_PRUEBAS": True})
    with pytest.raises(ErrorDeConfiguracion, match="al menos 32"):
        create_app({"BASE_DE_DATOS": url, "SECRET_KEY": CLAVE_SECRETA, "API_DE_PRUEBAS": True,
                    "TOKEN_API_DE_PRUEBAS": "corto"})
    entorno = {"CUPOS_BASE_DE_DATOS": url, "CUPOS_CLAVE_SECRETA": CLAVE_SECRETA, "CUPOS_API_DE_PRUEBAS": "1"}
    with pytest.raises(ErrorDeConfiguracion, match="CUPOS_API_DE_PRUEBAS_TOKEN"):
        del_entorno(entorno)
    archivo = tmp_path / "token"
    archivo.write_text("t" * 40 + "\n", encoding="utf-8")
    assert del_entorno({**entorno, "CUPOS_API_DE_PRUEBAS_TOKEN_ARCHIVO": str(archivo)})[
        "TOKEN_API_DE_PRUEBAS"] == "t" * 40
    # Sin la API, el token no hace falta.
    assert "TOKEN_API_DE_PRUEBAS" not in del_entorno({**entorno, "CUPOS_API_DE_PRUEBAS": "0"})


def test_el_servidor_de_desarrollo_con_la_api_y_sin_token_no_arranca(tmp_path: Path) -> None:
    resultado = subprocess.run(
        [sys.executable, "-m", "stub_portal", "--api-de-pruebas", "--port", "0",
         "--db", f"sqlite:///{tmp_path / 'p.sqlite3'}"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).parents[1])})
    assert resultado.returncode != 0
    assert "CUPOS_API_DE_PRUEBAS_TOKEN" in resultado.stderr


def test_sin_el_token_ninguna_operacion_responde_ni_cambia_nada(mundo: Mundo) -> None:
    anonimo = mundo.app.test_client()
    autoridades = mundo.consultar(lambda s: s.scalar(select(func.count()).select_from(AutoridadConfiable)))
    reloj = mundo.api().put("/_pruebas/reloj", json={"ahora": "2022-03-01T10:00:00-06:00"}).json
    usuarios = _usuarios(mundo)
    for encabezados in ({}, {"Authorization": "Bearer " + "x" * 40}, {"Authorization": f"Basic {mundo.token}"},
                        {"Authorization": "Bearer"}):
        for metodo, ruta in _operaciones():
            respuesta = anonimo.open(ruta, method=metodo, json={}, headers=encabezados)
            assert respuesta.status_code == 401, (metodo, ruta, encabezados, respuesta.text)
            assert respuesta.headers["WWW-Authenticate"].startswith("Bearer")
            assert respuesta.json["codigo"] == "no_autenticado"
            assert respuesta.headers["API-Version"] == pruebas.VERSION
        assert anonimo.post("/_pruebas/usuarios", json=USUARIO, headers=encabezados).status_code == 401
        assert anonimo.put("/_pruebas/reloj", json={"ahora": "2030-01-01T00:00:00-06:00"},
                           headers=encabezados).status_code == 401
    assert _usuarios(mundo) == usuarios
    assert mundo.consultar(lambda s: s.scalar(select(func.count()).select_from(AutoridadConfiable))) == autoridades
    assert mundo.api().get("/_pruebas/reloj").json == reloj


def test_con_el_token_del_despliegue_la_api_responde(mundo: Mundo) -> None:
    api = mundo.api()
    assert api.get("/_pruebas/openapi.json").status_code == 200
    assert api.post("/_pruebas/usuarios", json=USUARIO).status_code == 201


def test_solo_admite_cuerpos_json(mundo: Mundo) -> None:
    usuarios = _usuarios(mundo)
    for tipo in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"):
        respuesta = mundo.api().post("/_pruebas/usuarios", data='{"rfc": "NUE010101AAA"}', content_type=tipo)
        assert respuesta.status_code == 415, (tipo, respuesta.text)
        assert respuesta.json["codigo"] == "tipo_no_admitido"
        assert "JSON" in respuesta.json["mensaje"]
    assert mundo.api().post("/_pruebas/correo/entregar", data="x", content_type="text/plain").status_code == 415
    assert _usuarios(mundo) == usuarios


def test_no_atiende_a_paginas_de_otros_sitios(mundo: Mundo) -> None:
    usuarios = _usuarios(mundo)
    previa = mundo.app.test_client().options("/_pruebas/usuarios", headers={
        "Origin": OTRO_SITIO, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert not [k for k, _ in previa.headers.items() if k.lower().startswith("access-control-")]
    respuesta = mundo.api().post("/_pruebas/usuarios", json=USUARIO, headers={"Origin": OTRO_SITIO})
    assert respuesta.status_code == 403
    assert respuesta.json["codigo"] == "prohibido"
    assert not [k for k, _ in respuesta.headers.items() if k.lower().startswith("access-control-")]
    assert _usuarios(mundo) == usuarios


def test_cada_llamada_queda_en_la_bitacora_con_lo_que_cambio(mundo: Mundo,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        assert mundo.api().post("/_pruebas/usuarios", json=USUARIO).status_code == 201
        assert mundo.api().put("/_pruebas/reloj", json={"ahora": "2024-05-06T10:00:00-06:00"}).status_code == 200
        assert mundo.app.test_client().delete("/_pruebas/reloj").status_code == 401
    lineas = [r.getMessage() for r in caplog.records if "API de pruebas" in r.getMessage()]
    assert any("POST /_pruebas/usuarios" in linea and "201" in linea and "NUE010101AAA" in linea
               for linea in lineas), lineas
    assert any("PUT /_pruebas/reloj" in linea and "2024-05-06T10:00:00" in linea for linea in lineas), lineas
    rechazo = [r for r in caplog.records if "DELETE /_pruebas/reloj" in r.getMessage()]
    assert rechazo and rechazo[0].levelno == logging.WARNING and "127.0.0.1" in rechazo[0].getMessage()


def test_el_documento_declara_el_token() -> None:
    esquema = DOCUMENTO["components"]["securitySchemes"]["token"]
    assert (esquema["type"], esquema["scheme"]) == ("http", "bearer")
    assert DOCUMENTO["security"] == [{"token": []}]
    for ruta, operaciones in DOCUMENTO["paths"].items():
        for metodo, operacion in operaciones.items():
            assert "401" in operacion["responses"], (metodo, ruta)
            if "requestBody" in operacion:
                assert "415" in operacion["responses"], (metodo, ruta)
