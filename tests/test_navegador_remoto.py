"""El navegador remoto: un servidor de Playwright en 127.0.0.1 (fixtures/navegador_remoto.py) y la opción
--navegador-remoto, que hace que pytest-playwright conecte cada navegador a él en vez de lanzarlo."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import psutil
import pytest
from playwright.sync_api import Error, sync_playwright

from fixtures.navegador import opciones_de_lanzamiento
from fixtures.navegador_remoto import ServidorDeNavegadores

pytest_plugins = ["pytester"]

RAIZ = Path(__file__).resolve().parents[1]
PAGINA = "<!doctype html><html lang='es'><title>Hola desde aquí</title><h1>Servida por la prueba</h1></html>"


class _Pagina(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        cuerpo = PAGINA.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(cuerpo)))
        self.end_headers()
        self.wfile.write(cuerpo)

    def log_message(self, formato: str, *argumentos: object) -> None:
        pass


@pytest.fixture
def sitio() -> Iterator[str]:
    """Un sitio mínimo en 127.0.0.1 (la biblioteca estándar), como el portal."""
    with ThreadingHTTPServer(("127.0.0.1", 0), _Pagina) as servidor:
        hilo = threading.Thread(target=servidor.serve_forever, daemon=True)
        hilo.start()
        yield f"http://127.0.0.1:{servidor.server_address[1]}/"
        servidor.shutdown()
        hilo.join()


def _chromiums(servidor: ServidorDeNavegadores) -> list[psutil.Process]:
    return [proceso for proceso in psutil.Process(servidor.pid).children(recursive=True)
            if "chrom" in proceso.name()]


def test_el_servidor_lanza_el_navegador_y_carga_una_pagina_local(
        browser_type_launch_args: dict[str, Any], sitio: str, tmp_path: Path) -> None:
    """Los argumentos de lanzamiento van primero: deciden el Chromium con su propio Playwright.

    Playwright se abre y se cierra aquí, no con el fixture de sesión de pytest-playwright: su bucle
    de eventos seguiría corriendo en el hilo principal y las pruebas siguientes del mismo proceso
    (pyHanko usa asyncio.run al firmar un PDF) fallarían."""
    lanzamiento = opciones_de_lanzamiento(browser_type_launch_args)
    with ServidorDeNavegadores(bitacora=tmp_path / "servidor.log", lanzamiento=lanzamiento) as servidor, \
            sync_playwright() as playwright:
        assert re.fullmatch(r"ws://127\.0\.0\.1:\d+/[\w-]{30,}", servidor.url), servidor.url  # camino secreto
        navegador = playwright.chromium.connect(servidor.url)
        pagina = navegador.new_page()
        pagina.goto(sitio)
        assert pagina.title() == "Hola desde aquí"
        chromiums = _chromiums(servidor)
        assert chromiums, "el Chromium no es del servidor"
        navegador.close()
    _, vivos = psutil.wait_procs(chromiums, timeout=10)
    assert vivos == []


def test_sin_el_camino_secreto_no_hay_navegador(browser_type_launch_args: dict[str, Any],
                                                tmp_path: Path) -> None:
    lanzamiento = opciones_de_lanzamiento(browser_type_launch_args)
    with ServidorDeNavegadores(bitacora=tmp_path / "servidor.log", lanzamiento=lanzamiento) as servidor, \
            sync_playwright() as playwright:
        sin_camino = servidor.url.rsplit("/", 1)[0] + "/"
        for direccion in (sin_camino, servidor.url + "x"):
            with pytest.raises(Error):
                playwright.chromium.connect(direccion, timeout=5_000)


def test_un_cliente_no_elige_el_programa_que_lanza_el_servidor(browser_type_launch_args: dict[str, Any],
                                                              tmp_path: Path) -> None:
    """Lo que con run-server --unsafe lograba un proceso local: lanzar su propio programa."""
    marca, programa = tmp_path / "se-ejecuto", tmp_path / "programa"
    programa.write_text(f"#!/bin/sh\ntouch {marca}\n", encoding="utf-8")
    programa.chmod(0o755)
    intruso = {"executablePath": str(programa), "args": ["--no-sandbox"], "headless": True}
    lanzamiento = opciones_de_lanzamiento(browser_type_launch_args)
    with ServidorDeNavegadores(bitacora=tmp_path / "servidor.log", lanzamiento=lanzamiento) as servidor, \
            sync_playwright() as playwright:
        navegador = playwright.chromium.connect(
            servidor.url, headers={"x-playwright-launch-options": json.dumps(intruso)})
        pagina = navegador.new_page()
        pagina.set_content("<title>del servidor</title>")
        assert pagina.title() == "del servidor"
        assert _chromiums(servidor), "el navegador no es el Chromium del servidor"
        navegador.close()
    assert not marca.exists(), "el servidor ejecutó el programa que eligió el cliente"


PRUEBA_INTERNA = '''
import psutil
from playwright.sync_api import BrowserType


def _prohibido(*argumentos, **opciones):
    raise AssertionError("con --navegador-remoto no se lanza Chromium aquí")


BrowserType.launch = _prohibido


def test_el_navegador_es_del_servidor(browser, servidor_de_navegadores, connect_options):
    assert "headers" not in connect_options  # el servidor fijó su navegador: el cliente no manda opciones
    assert servidor_de_navegadores.url in connect_options.values()
    pagina = browser.new_page()
    pagina.set_content("<title>remoto</title>")
    assert pagina.title() == "remoto"
    descendientes = psutil.Process(servidor_de_navegadores.pid).children(recursive=True)
    assert any("chrom" in proceso.name() for proceso in descendientes)
'''


def test_con_la_opcion_el_navegador_de_pytest_playwright_es_del_servidor(
        pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(RAIZ))
    # Por conftest, como en el arnés: un plugin de -p se registra antes que pytest-playwright y no
    # sustituiría su connect_options.
    pytester.makeconftest('pytest_plugins = ["fixtures.navegador"]')
    pytester.makepyfile(test_remoto=PRUEBA_INTERNA)
    resultado = pytester.runpytest_subprocess("--navegador-remoto", "local", "-p", "no:cacheprovider")
    resultado.assert_outcomes(passed=1)


def test_una_direccion_que_no_es_ws_es_un_error_de_uso(pytester: pytest.Pytester,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(RAIZ))
    resultado = pytester.runpytest_subprocess("-p", "fixtures.navegador", "--navegador-remoto",
                                              "http://127.0.0.1:3000/")
    assert resultado.ret == pytest.ExitCode.USAGE_ERROR
    resultado.stderr.fnmatch_lines(["*--navegador-remoto: «local» o una dirección ws://*"])
