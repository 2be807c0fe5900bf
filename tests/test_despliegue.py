"""El portal servido de verdad (el servidor de desarrollo y gunicorn con varios procesos), en SQLite y
en PostgreSQL: muchas solicitudes firmadas a la vez sin errores, y un corte a media ráfaga que no
deja nada a medias."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from sqlalchemy import create_engine, select
from sqlalchemy.pool import NullPool

from fixtures.despliegue import Despliegue
from fixtures.portal import arrancar_portal_de_referencia
from sat_pruebas import AutoridadCertificadora
from stub_portal.modelo import Solicitud
from tests.mundo import puerto_sin_servidor
from tests.navegador_http import ApiHttp, UsuarioHttp, preparar_por_api

EMPRESA = "AAA010101AAA"
CUPO = {"clave": "C1", "nombre": "Queso", "regimen": "Importación",
        "mecanismo": "Primero en Tiempo, Primero en Derecho", "tratado": "TLC", "pais_origen": "Guatemala",
        "producto": "Quesos", "subproducto": "Fresco", "representacion_federal": "RF Chiapas",
        "monto_total": "100000"}


def _solicitudes(base: str) -> list[Solicitud]:
    motor = create_engine(base, poolclass=NullPool)
    try:
        with motor.connect() as conexion:
            return list(conexion.execute(select(Solicitud.__table__)).all())  # type: ignore[arg-type]
    finally:
        motor.dispose()


@pytest.fixture(params=["desarrollo", "gunicorn"])
def servidor(request: pytest.FixtureRequest, url_de_base: str, tmp_path: Path) -> Iterator[ApiHttp]:
    """El portal en marcha sobre la base (`python -m stub_portal` o gunicorn con tres procesos), por su
    API de pruebas."""
    smtp = f"127.0.0.1:{puerto_sin_servidor()}"
    if request.param == "desarrollo":
        arrancado = arrancar_portal_de_referencia(tmp_path, smtp, url_de_base)
        yield ApiHttp(arrancado.url, arrancado.token)
        arrancado.proceso.terminate()
        arrancado.proceso.wait(timeout=30)
        arrancado.lector.join(timeout=10)
        return
    despliegue = Despliegue(tmp_path, url_de_base, procesos=3)
    despliegue.preparar()
    with despliegue:
        yield ApiHttp(despliegue.url, despliegue.token or "")


def _empresa(api: ApiHttp, ac: AutoridadCertificadora) -> UsuarioHttp:
    usuario = UsuarioHttp(api.url.removesuffix("/_pruebas"), preparar_por_api(api, ac, EMPRESA))
    assert api.post("/cupos", CUPO).status_code == 201
    assert usuario.entrar().status_code == 302
    return usuario


@pytest.fixture
def empresa(servidor: ApiHttp, ac: AutoridadCertificadora) -> UsuarioHttp:
    return _empresa(servidor, ac)


def test_el_servidor_no_dice_su_version(servidor: ApiHttp) -> None:
    respuesta = requests.get(servidor.url.replace("/_pruebas", "/ingresar"), timeout=30)
    nombres = respuesta.raw.headers.getlist("Server")
    assert len(nombres) == 1 and nombres[0] in ("portal-cupos", "gunicorn")
    assert respuesta.headers["X-Content-Type-Options"] == "nosniff"


def test_cuarenta_solicitudes_firmadas_a_la_vez_reciben_cada_una_su_folio(
        empresa: UsuarioHttp, url_de_base: str) -> None:
    pestanas = [empresa.otra_pestana() for _ in range(40)]
    formularios = [p.formulario_de_asignacion() for p in pestanas]
    with ThreadPoolExecutor(40) as hilos:
        respuestas = list(hilos.map(lambda p, f: p.pedir_asignacion("C1", "1", f), pestanas, formularios))
    fallidas = [r.text[:300] for r in respuestas if r.status_code != 302]
    assert fallidas == []
    folios = {r.headers["Location"].rsplit("/", 1)[1] for r in respuestas}
    assert len(folios) == 40
    assert sorted(s.folio for s in _solicitudes(url_de_base)) == sorted(folios)


def test_un_corte_a_media_rafaga_no_deja_solicitudes_a_medias_y_el_portal_vuelve_con_todo(
        url_de_base: str, tmp_path: Path, ac: AutoridadCertificadora) -> None:
    despliegue = Despliegue(tmp_path, url_de_base, procesos=2)
    despliegue.preparar()
    despliegue.arrancar()
    try:
        empresa = _empresa(ApiHttp(despliegue.url, despliegue.token or ""), ac)
        pestanas = [empresa.otra_pestana() for _ in range(30)]
        formularios = [p.formulario_de_asignacion() for p in pestanas]

        def enviar(indice: int) -> int | None:
            if indice == 10:
                despliegue.matar()  # a media ráfaga: unas ya respondidas, otras en curso, otras sin llegar
            try:
                return pestanas[indice].pedir_asignacion("C1", "1", formularios[indice]).status_code
            except requests.RequestException:
                return None

        with ThreadPoolExecutor(6) as hilos:
            codigos = list(hilos.map(enviar, range(30)))
    finally:
        despliegue.matar()
    assert 500 not in codigos
    antes = _solicitudes(url_de_base)
    assert len(antes) >= codigos.count(302)
    for solicitud in antes:  # todas completas: folio, sello, cadena y acuse, o no están
        assert solicitud.estado == "pendiente" and solicitud.folio and solicitud.sello
        assert solicitud.cadena_original and solicitud.acuse_json
    despliegue.preparar()  # el operador vuelve a levantar el servicio: preparar no cambia nada
    with despliegue:
        usuario = UsuarioHttp(despliegue.url, empresa.credencial)
        usuario.http.cookies.update(empresa.http.cookies)
        # Reenviar lo que quedó sin respuesta no duplica: la clave de envío ya tiene folio.
        for codigo, pestana, formulario in zip(codigos, pestanas, formularios, strict=True):
            if codigo != 302:
                pestana.url = despliegue.url
                assert pestana.pedir_asignacion("C1", "1", formulario).status_code == 302
        despues = _solicitudes(url_de_base)
        assert len(despues) == 30
        assert {s.folio for s in antes} <= {s.folio for s in despues}


def test_sin_clave_secreta_gunicorn_no_arranca(url_de_base: str, tmp_path: Path) -> None:
    despliegue = Despliegue(tmp_path, url_de_base)
    despliegue.preparar()
    entorno = {**despliegue.entorno, "CUPOS_CLAVE_SECRETA": ""}
    resultado = subprocess.run([sys.executable, "-c", "import stub_portal.wsgi"], env=entorno, capture_output=True,
                               text=True, timeout=60)
    assert resultado.returncode != 0
    assert "Falta la clave secreta" in resultado.stderr


def test_clientes_lentos_no_dejan_sin_respuesta_a_los_demas(url_de_base: str, tmp_path: Path) -> None:
    """Cuatro peticiones que se quedan a medias (sin terminar sus cabeceras) contra gunicorn con dos
    procesos: una página normal responde enseguida."""
    despliegue = Despliegue(tmp_path, url_de_base, procesos=2)
    despliegue.preparar()
    with despliegue, ExitStack() as abiertos:
        direccion = urlsplit(despliegue.url)
        assert direccion.hostname and direccion.port
        requests.get(f"{despliegue.url}/cupos", timeout=60, allow_redirects=False)  # ya cargó el portal
        for _ in range(4):
            lento = abiertos.enter_context(socket.create_connection((direccion.hostname, direccion.port)))
            lento.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Lento: ")
        # Con un proceso por petición (sync), esperaría a que gunicorn los mate, a los 30 s.
        respuesta = requests.get(f"{despliegue.url}/cupos", timeout=15, allow_redirects=False)
        assert respuesta.status_code in (200, 302), respuesta.status_code
