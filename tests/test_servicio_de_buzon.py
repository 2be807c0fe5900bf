"""El servicio de buzón (python -m fixtures.buzon) en su propio proceso: correo de verdad por SMTP, la API
por HTTP, y las características del correo leyendo de él."""

from __future__ import annotations

import contextlib
import os
import smtplib
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from fixtures.buzon.cliente import BuzonRemoto, arrancar_servicio
from tests.test_buzon import enviar

RAIZ = Path(__file__).resolve().parents[1]
PLAZO = 15.0
AVISO_DE_CANCELACION = "Aviso de Certificados de Exportación por Solicitud pendientes por Cancelar"


@pytest.fixture
def smtp(servicio_de_buzon: tuple[str, str]) -> str:
    return servicio_de_buzon[0]


@pytest.fixture
def api(servicio_de_buzon: tuple[str, str]) -> str:
    return servicio_de_buzon[1]


@pytest.fixture
def dominio() -> str:
    """Un dominio por prueba: las pruebas comparten el servicio y cada una mira sólo sus buzones."""
    return f"{uuid.uuid4().hex[:10]}.example"


def _mensajes(api: str, **filtro: str) -> list[dict[str, Any]]:
    respuesta = requests.get(f"{api}/mensajes", params=filtro, timeout=PLAZO)
    assert respuesta.status_code == 200, respuesta.text
    mensajes: list[dict[str, Any]] = respuesta.json()["mensajes"]
    return mensajes


def test_lista_y_busca_por_destinatario_asunto_y_texto(smtp: str, api: str, dominio: str) -> None:
    uno, dos = f"uno@{dominio}", f"dos@{dominio}"
    id_mensaje = enviar(smtp, [uno.upper(), dos], "Resolución de su solicitud 7", "Folio 7\nRechazada")
    enviar(smtp, [dos], "Resolución de su solicitud 8", "Folio 8\nAutorizada")
    [mensaje] = _mensajes(api, para=uno)
    assert set(mensaje) == {"id", "remitente", "destinatarios", "asunto", "texto", "recibido_en", "message_id"}
    assert (mensaje["remitente"], mensaje["destinatarios"], mensaje["asunto"], mensaje["texto"],
            mensaje["message_id"]) == ("a@x.example", sorted([uno, dos]), "Resolución de su solicitud 7",
                                       "Folio 7\nRechazada\n", id_mensaje)
    assert datetime.fromisoformat(mensaje["recibido_en"]).utcoffset() is not None
    assert _mensajes(api, para=uno.upper()) == [mensaje]
    assert [m["asunto"] for m in _mensajes(api, para=dos)] == ["Resolución de su solicitud 7",
                                                              "Resolución de su solicitud 8"]
    assert [m["texto"] for m in _mensajes(api, para=dos, asunto="Resolución de su solicitud 8")] == [
        "Folio 8\nAutorizada\n"]
    assert _mensajes(api, para=dos, asunto="Resolución de su solicitud") == []  # el asunto, entero
    assert _mensajes(api, para=dos, contiene="Rechazada") == [mensaje]
    assert _mensajes(api, para=dos, contiene="rechazada") == []
    assert _mensajes(api, para=f"tres@{dominio}") == []
    assert _mensajes(api, para=dos, desde=str(mensaje["id"]))[0]["asunto"] == "Resolución de su solicitud 8"


def test_la_espera_vuelve_en_cuanto_llega_el_mensaje(smtp: str, api: str, dominio: str) -> None:
    para = f"tarde@{dominio}"
    ya_esperaban = requests.get(f"{api}/salud", timeout=PLAZO).json()["esperas"]
    with ThreadPoolExecutor(1) as hilo:
        espera = hilo.submit(requests.get, f"{api}/mensajes/esperar",
                             params={"para": para, "contiene": "folio 42", "plazo": "60"}, timeout=90)
        limite = time.monotonic() + PLAZO
        while requests.get(f"{api}/salud", timeout=PLAZO).json()["esperas"] <= ya_esperaban:
            assert time.monotonic() < limite, "la espera no llegó al servicio"
            assert not espera.done(), espera.result().text
        enviar(smtp, [para], "Sin el folio", "otro texto")
        enviar(smtp, [para], "Con el folio", "folio 42")
        enviado = time.monotonic()
        respuesta = espera.result(timeout=PLAZO)
    assert respuesta.status_code == 200, respuesta.text
    assert respuesta.json()["asunto"] == "Con el folio"
    assert time.monotonic() - enviado < 2.0  # no esperó el plazo de 60 s


def test_la_espera_vencida_responde_408_con_un_error_claro(smtp: str, api: str, dominio: str) -> None:
    para = f"nadie@{dominio}"
    enviar(smtp, [para], "Otro asunto", "folio 1")
    inicio = time.monotonic()
    respuesta = requests.get(f"{api}/mensajes/esperar", params={"para": para, "asunto": "Aviso", "plazo": "0.3"},
                             timeout=PLAZO)
    assert 0.3 <= time.monotonic() - inicio < PLAZO
    assert respuesta.status_code == 408
    cuerpo = respuesta.json()
    assert cuerpo["error"] == (f"No llegó ningún mensaje para {para} con asunto «Aviso» en 0.3 s. "
                               f"En ese buzón hay 1:\n  - ['{para}']: Otro asunto")
    assert [m["asunto"] for m in cuerpo["en_el_buzon"]] == ["Otro asunto"]


def test_borrar_vacia_el_buzon_de_un_destinatario_y_no_los_demas(smtp: str, api: str, dominio: str) -> None:
    uno, dos = f"uno@{dominio}", f"dos@{dominio}"
    enviar(smtp, [uno], "Sólo a uno", "a")
    enviar(smtp, [uno, dos], "A los dos", "b")
    enviar(smtp, [dos], "Sólo a dos", "c")
    respuesta = requests.delete(f"{api}/mensajes", params={"para": uno.upper()}, timeout=PLAZO)
    assert respuesta.json() == {"borrados": 2}
    assert _mensajes(api, para=uno) == []
    assert [(m["asunto"], m["destinatarios"]) for m in _mensajes(api, para=dos)] == [
        ("A los dos", sorted([uno, dos])), ("Sólo a dos", [dos])]


def test_la_pagina_lista_los_mensajes_con_el_mas_nuevo_primero_y_todo_escapado(
        smtp: str, api: str, dominio: str) -> None:
    para = f"pagina@{dominio}"
    enviar(smtp, [para], "Primero", "uno")
    enviar(smtp, [para], '<script>alert("ñ")</script> & cía', "<b>dos</b>")
    respuesta = requests.get(f"{api}/", params={"para": para}, timeout=PLAZO)
    assert respuesta.headers["Content-Type"] == "text/html; charset=utf-8"
    pagina = respuesta.text
    assert "&lt;script&gt;alert(&quot;ñ&quot;)&lt;/script&gt; &amp; cía" in pagina
    assert "&lt;b&gt;dos&lt;/b&gt;" in pagina and "<script>" not in pagina and "<b>" not in pagina
    assert pagina.index("&lt;script&gt;") < pagina.index("Primero")
    assert para in pagina


@pytest.mark.parametrize(("ruta", "parametros", "error"), [
    ("/mensajes", {"destinatario": "x@x.example"}, "Parámetro desconocido: destinatario."),
    ("/mensajes/esperar", {"para": "x@x.example", "plazo": "muchos"}, "«plazo» debe ser un número entre 0 y 600."),
    ("/mensajes/esperar", {"para": "x@x.example", "plazo": "601"}, "«plazo» debe ser un número entre 0 y 600."),
    ("/mensajes", {"desde": "1.5"}, "«desde» debe ser el id de un mensaje."),
    ("/mensajes", {"asunto_como": "folio (1"}, "«asunto_como» no es una expresión regular válida"),
])
def test_una_peticion_mal_hecha_es_un_400_que_dice_por_que(api: str, ruta: str, parametros: dict[str, str],
                                                         error: str) -> None:
    respuesta = requests.get(api + ruta, params=parametros, timeout=PLAZO)
    assert respuesta.status_code == 400
    assert respuesta.json()["error"].startswith(error)


def test_las_caracteristicas_del_correo_pasan_leyendo_del_servicio(
        smtp: str, api: str, tmp_path: Path) -> None:
    """El portal de referencia entrega al SMTP del servicio y los pasos leen por su API, en paralelo."""
    antes = requests.get(f"{api}/salud", timeout=PLAZO).json()["ultimo"]
    corrida = subprocess.run(
        [sys.executable, "-m", "pytest", "features/avisos.feature", "features/expedicion_de_certificado.feature",
         "-k", "avisos or rechazada", "-q", "-n", "2", "--buzon-servicio", api, "--output", str(tmp_path / "a"),
         "--junitxml", str(tmp_path / "junit.xml"), "--cucumberjson", str(tmp_path / "cucumber.json")],
        cwd=RAIZ, capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "PYTHONPATH": str(RAIZ)})
    assert corrida.returncode == 0, corrida.stdout[-4000:] + corrida.stderr[-2000:]
    assert "3 passed" in corrida.stdout, corrida.stdout[-2000:]
    llegados = _mensajes(api, desde=str(antes))
    assert len([m for m in llegados if m["asunto"] == AVISO_DE_CANCELACION]) == 2
    assert any(m["asunto"].startswith("Resolución de su solicitud ") for m in llegados)


def test_borrar_sin_destinatario_se_rechaza_y_no_borra_nada(smtp: str, api: str, dominio: str) -> None:
    para = f"queda@{dominio}"
    enviar(smtp, [para], "Se queda", "x")
    respuesta = requests.delete(f"{api}/mensajes", timeout=PLAZO)
    assert respuesta.status_code == 400
    assert "necesita para=" in respuesta.json()["error"]
    assert [m["asunto"] for m in _mensajes(api, para=para)] == ["Se queda"]


@pytest.fixture
def servicio_con_testigo(tmp_path: Path) -> Iterator[tuple[str, str, str]]:
    """Un servicio propio con testigo, que también atiende el Host «buzon.qa.example»."""
    testigo = uuid.uuid4().hex
    proceso, smtp, api = arrancar_servicio(tmp_path, "127.0.0.1:0", "127.0.0.1:0", "--host-permitido",
                                           "buzon.qa.example", "--memoria", "3000", "--tamano", "2000",
                                           token=testigo)
    try:
        yield smtp, api, testigo
    finally:
        proceso.terminate()
        assert proceso.wait(10) == 0


def test_con_testigo_sin_el_o_con_otro_la_api_y_la_pagina_responden_401(
        servicio_con_testigo: tuple[str, str, str]) -> None:
    smtp, api, testigo = servicio_con_testigo
    enviar(smtp, ["a@testigo.example"], "Con testigo", "x")
    for ruta in ("/mensajes", "/", "/salud"):
        for encabezados in ({}, {"Authorization": "Bearer otro"}, {"Authorization": testigo}):
            respuesta = requests.get(api + ruta, headers=encabezados, timeout=PLAZO)
            assert respuesta.status_code == 401, (ruta, encabezados)
            assert respuesta.headers["WWW-Authenticate"].startswith("Bearer")
            assert "BUZON_TOKEN" in respuesta.json()["error"]
    borrar = requests.delete(f"{api}/mensajes", params={"para": "a@testigo.example"}, timeout=PLAZO)
    assert borrar.status_code == 401
    cliente = BuzonRemoto(api, testigo)
    assert cliente.direccion == smtp
    enviar(smtp, ["a@testigo.example"], "Después", "y")
    assert [m.asunto for m in cliente.mensajes("a@testigo.example")] == ["Después"]


def test_sin_testigo_en_el_cliente_se_usa_el_de_la_variable(servicio_con_testigo: tuple[str, str, str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _, api, testigo = servicio_con_testigo
    monkeypatch.setenv("BUZON_TOKEN", testigo)
    assert BuzonRemoto(api).mensajes("nadie@testigo.example") == []


def test_un_host_que_no_es_el_suyo_se_rechaza_aunque_traiga_el_testigo(
        servicio_con_testigo: tuple[str, str, str]) -> None:
    _, api, testigo = servicio_con_testigo
    autorizado = {"Authorization": f"Bearer {testigo}"}
    puerto = api.rsplit(":", 1)[1]
    rebote = requests.get(f"{api}/mensajes", headers={**autorizado, "Host": f"atacante.example:{puerto}"},
                          timeout=PLAZO)
    assert rebote.status_code == 403
    assert "Host no permitido: «atacante.example»" in rebote.json()["error"]
    for host in (f"buzon.qa.example:{puerto}", f"localhost:{puerto}", f"127.0.0.1:{puerto}"):
        assert requests.get(f"{api}/mensajes", headers={**autorizado, "Host": host}, timeout=PLAZO).ok, host


def test_lo_que_pasa_la_memoria_o_el_tamano_se_rechaza_por_smtp_y_cabe_al_vaciar(
        servicio_con_testigo: tuple[str, str, str]) -> None:
    smtp, api, testigo = servicio_con_testigo
    host, _, puerto = smtp.rpartition(":")
    with pytest.raises((smtplib.SMTPSenderRefused, smtplib.SMTPDataError)) as grande, \
            smtplib.SMTP(host, int(puerto)) as conversacion:  # el SIZE del EHLO, o al recibirlo
        conversacion.sendmail("a@x.example", ["g@lleno.example"], b"Subject: Grande\r\n\r\n" + b"x" * 2100)
    assert grande.value.smtp_code == 552
    llenos = 0
    with pytest.raises(smtplib.SMTPDataError) as lleno:
        while True:  # hasta que la memoria (3000 bytes) no alcanza
            enviar(smtp, ["l@lleno.example"], f"Lleno {llenos}", "x" * 800)
            llenos += 1
    assert lleno.value.smtp_code == 452 and b"Buzon lleno" in lleno.value.smtp_error
    assert 1 <= llenos <= 3
    cliente = BuzonRemoto(api, testigo)
    assert cliente.vaciar("l@lleno.example") >= llenos  # el cliente ve lo llegado desde que se creó: todos
    enviar(smtp, ["l@lleno.example"], "Ya cabe", "x" * 800)


def _cruda(api: str, peticion: bytes) -> bytes:
    """Una petición HTTP escrita a mano; lo que responde el servicio antes de cerrar (o en 5 s)."""
    host, _, puerto = api.removeprefix("http://").rpartition(":")
    with socket.create_connection((host, int(puerto)), timeout=5) as conexion:
        conexion.sendall(peticion)
        recibido = b""
        with contextlib.suppress(TimeoutError):
            while parte := conexion.recv(65536):
                recibido += parte
    return recibido


@pytest.mark.parametrize("encabezado", [b"Content-Length: 200000000", b"Content-Length: -1",
                                        b"Transfer-Encoding: chunked"])
def test_un_cuerpo_no_se_lee_y_la_conexion_se_cierra(api: str, encabezado: bytes) -> None:
    """Ninguna ruta lleva cuerpo: se rechaza sin leerlo (un cuerpo grande no llega a la memoria)."""
    inicio = time.monotonic()
    respuesta = _cruda(api, b"DELETE /mensajes?para=x@y.example HTTP/1.1\r\nHost: evil.example\r\n"
                            + encabezado + b"\r\n\r\n" + b"x" * 1000)
    assert time.monotonic() - inicio < 4, "esperó el cuerpo"
    linea = respuesta.split(b"\r\n", 1)[0]
    assert linea.split(b" ")[1] in (b"400", b"411", b"413"), respuesta[:300]
    assert b"Connection: close" in respuesta


def test_una_expresion_que_tarda_no_detiene_a_los_demas_y_se_corta(smtp: str, api: str, dominio: str) -> None:
    para = f"lento@{dominio}"
    enviar(smtp, [para], "a" * 30 + "!", "x")
    lenta = ThreadPoolExecutor(1).submit(requests.get, f"{api}/mensajes", timeout=120,
                                         params={"para": para, "asunto_como": "(a|aa)+$"})
    respuestas = []
    while not lenta.done():  # mientras la expresión corre, la salud responde en seguida
        inicio = time.monotonic()
        assert requests.get(f"{api}/salud", timeout=PLAZO).ok
        respuestas.append(time.monotonic() - inicio)
    assert respuestas and max(respuestas) < 0.5, respuestas
    cortada = lenta.result()
    assert cortada.status_code == 400 and "tardó más" in cortada.json()["error"]


def test_un_testigo_corto_no_deja_arrancar_el_servicio(tmp_path: Path) -> None:
    resultado = subprocess.run([sys.executable, "-m", "fixtures.buzon", "--smtp", "127.0.0.1:0", "--http",
                                "127.0.0.1:0"], cwd=RAIZ, capture_output=True, text=True, timeout=60,
                               env={**os.environ, "BUZON_TOKEN": "x"})
    assert resultado.returncode != 0
    assert "BUZON_TOKEN" in resultado.stderr and "16" in resultado.stderr
