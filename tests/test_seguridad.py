"""Nadie entra donde no le corresponde: CSRF, sesiones que de verdad se cierran, cookies, cabeceras,
la clave secreta configurada, y ninguna escritura por sólo mirar."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sat_pruebas import AutoridadCertificadora
from stub_portal.app import create_app
from stub_portal.modelo import Partida, Solicitud
from tests.mundo import CLAVE_SECRETA, DICTAMINADOR, EMPRESA_A, Mundo, csrf_de
from tests.test_concurrencia import a_la_vez


def _partidas(mundo: Mundo) -> int:
    return mundo.consultar(lambda s: s.scalar(select(func.count()).select_from(Partida)))


@pytest.mark.parametrize("testigo_enviado", [None, "inventado", "otro-de-otra-sesion"])
def test_sin_el_testigo_csrf_de_su_sesion_ningun_formulario_cambia_nada(
        mundo: Mundo, testigo_enviado: str | None) -> None:
    victima = mundo.cliente(EMPRESA_A)
    if testigo_enviado == "otro-de-otra-sesion":
        testigo_enviado = csrf_de(mundo.app.test_client().get("/ingresar"))
    datos = {"certificado": "SE-A", "monto": "5"} | ({"csrf_token": testigo_enviado} if testigo_enviado else {})
    respuesta = victima.post("/cancelacion/certificados", data=datos)
    assert respuesta.status_code == 400
    assert "El formulario venció o no se envió desde el portal" in respuesta.text
    assert _partidas(mundo) == 0
    # Ni cerrar la sesión: la página de otro sitio no saca al usuario.
    assert victima.post("/salir").status_code == 400
    assert victima.get("/inicio").status_code == 200


def test_el_acceso_tambien_pide_el_testigo_para_que_nadie_entre_a_la_victima_como_el_atacante(
        mundo: Mundo) -> None:
    victima = mundo.app.test_client()
    respuesta = victima.post("/ingresar", data=mundo.efirma(EMPRESA_A), content_type="multipart/form-data")
    assert respuesta.status_code == 400
    assert victima.get("/inicio").status_code == 302


def test_la_cookie_de_sesion_es_samesite_lax_httponly_y_secure_bajo_https(
        url_de_base: str, ac: AutoridadCertificadora) -> None:
    mundo = Mundo(url_de_base, ac, SESSION_COOKIE_SECURE=True)
    try:
        cliente = mundo.app.test_client()
        respuesta = cliente.get("/ingresar", base_url="https://localhost")
        cookie = respuesta.headers["Set-Cookie"]
        assert "SameSite=Lax" in cookie and "HttpOnly" in cookie and "Secure" in cookie
    finally:
        mundo.cerrar()


def test_cerrar_la_sesion_la_termina_en_el_servidor_y_una_copia_de_la_cookie_ya_no_sirve(mundo: Mundo) -> None:
    cliente = mundo.cliente(EMPRESA_A)
    copia = mundo.otra_pestana(cliente)
    assert copia.get("/inicio").status_code == 200
    respuesta = cliente.post("/salir", data={"csrf_token": csrf_de(cliente.get("/inicio"))})
    assert respuesta.status_code == 302
    assert copia.get("/inicio").status_code == 302
    assert copia.get("/inicio").headers["Location"].endswith("/ingresar")


def test_las_paginas_llevan_cabeceras_de_seguridad_y_ningun_nombre_de_servidor(mundo: Mundo) -> None:
    respuesta = mundo.app.test_client().get("/ingresar")
    cabeceras = respuesta.headers
    assert "frame-ancestors 'none'" in cabeceras["Content-Security-Policy"]
    assert "script-src" not in cabeceras["Content-Security-Policy"]  # sólo 'self', de default-src
    assert cabeceras["X-Content-Type-Options"] == "nosniff"
    assert cabeceras["Referrer-Policy"] == "same-origin"
    assert "Server" not in cabeceras  # lo pone el servidor (ver test_despliegue)
    assert "onclick" not in respuesta.text  # la política prohíbe JavaScript en línea


def test_sin_clave_secreta_configurada_el_portal_no_arranca(url_de_base: str) -> None:
    with pytest.raises(RuntimeError, match="Falta la clave secreta"):
        create_app({"BASE_DE_DATOS": url_de_base})


def test_dos_procesos_con_la_misma_clave_comparten_las_sesiones(mundo: Mundo) -> None:
    otro = create_app({"BASE_DE_DATOS": mundo.url, "SECRET_KEY": CLAVE_SECRETA, "API_DE_PRUEBAS": True,
                       "TOKEN_API_DE_PRUEBAS": mundo.token})  # el mismo despliegue: su e.firma es de la API
    try:
        cliente = mundo.cliente(EMPRESA_A)
        cookie = cliente.get_cookie("session")
        assert cookie is not None
        en_el_otro = otro.test_client()
        en_el_otro.set_cookie("session", cookie.value)
        assert en_el_otro.get("/inicio").status_code == 200
    finally:
        otro.extensions["portal"].sesiones.cerrar()


def test_ver_la_captura_no_crea_borradores_ni_con_cinco_primeras_visitas_a_la_vez(mundo: Mundo) -> None:
    cliente = mundo.cliente(EMPRESA_A)
    pestanas = [mundo.otra_pestana(cliente) for _ in range(5)]
    respuestas = a_la_vez(*((lambda p=p: p.get("/cancelacion?pestana=cancelacion")) for p in pestanas))
    assert {r.status_code for r in respuestas} == {200}
    assert mundo.consultar(lambda s: s.scalar(select(func.count()).select_from(Solicitud))) == 0


def test_dos_primeras_agregadas_a_la_vez_comparten_un_solo_borrador(mundo: Mundo) -> None:
    api = mundo.api()
    assert api.post("/_pruebas/certificados", json={
        "folio": "SE-A2", "cupo": "C1", "titular_rfc": EMPRESA_A, "monto_expedido": "50"}).status_code == 201
    cliente = mundo.cliente(EMPRESA_A)
    pestanas = [mundo.otra_pestana(cliente) for _ in range(2)]
    respuestas = a_la_vez(*((lambda p=p, f=f: mundo.agregar(p, f, "1"))
                            for p, f in zip(pestanas, ["SE-A", "SE-A2"], strict=True)))
    assert [r.status_code for r in respuestas] == [302, 302]
    assert len(mundo.solicitudes("borrador")) == 1
    assert _partidas(mundo) == 2


def test_un_funcionario_de_otros_cupos_no_descarga_acuses_ni_resoluciones_ajenos(mundo: Mundo) -> None:
    folio = mundo.firmar(mundo.cliente(EMPRESA_A), EMPRESA_A, "SE-A", "5")
    dictaminador = mundo.cliente(DICTAMINADOR)
    assert mundo.resolver(dictaminador, folio, mundo.formulario_de_resolucion(
        dictaminador, DICTAMINADOR, folio)).status_code == 302
    assert dictaminador.get(f"/solicitudes/{folio}/acuse").status_code == 200
    otro = mundo.cliente("OTR800101AB1")
    for documento in ("acuse", "resolucion"):
        assert otro.get(f"/solicitudes/{folio}/{documento}").status_code == 404
    assert otro.get(f"/funcionario/solicitudes/{folio}").status_code == 404
