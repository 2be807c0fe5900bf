"""Las AC de confianza de la configuración: una carpeta de certificados (--autoridades o
CUPOS_AUTORIDADES), además de las que registra la API de pruebas. Así un equipo entra con las
e.firmas de prueba publicadas por el SAT poniendo el certificado de su AC de pruebas en la carpeta."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from fixtures.portal import arrancar_portal_de_referencia
from sat_pruebas import AutoridadCertificadora, Credencial, Representante
from stub_portal import base_de_datos
from stub_portal.__main__ import main
from stub_portal.app import create_app
from stub_portal.configuracion import ErrorDeConfiguracion, del_entorno
from tests.mundo import CLAVE_SECRETA, EMPRESA_A, Mundo, csrf_de, puerto_sin_servidor
from tests.navegador_http import ApiHttp, UsuarioHttp

NO_RECONOCIDA = ("El certificado no fue emitido por una autoridad certificadora reconocida por la "
                 "Ventanilla Única.")
REPRESENTANTE = Representante("ROPJ800101AB1", "ROPJ800101HDFDRN09")


@pytest.fixture(scope="module")
def ac_de_la_carpeta() -> AutoridadCertificadora:
    return AutoridadCertificadora("AC de pruebas de la carpeta")


@pytest.fixture(scope="module")
def otra_ac_de_la_carpeta() -> AutoridadCertificadora:
    return AutoridadCertificadora("Otra AC de pruebas de la carpeta")


@pytest.fixture
def carpeta(tmp_path: Path, ac_de_la_carpeta: AutoridadCertificadora,
            otra_ac_de_la_carpeta: AutoridadCertificadora) -> Path:
    """Una AC en DER (.cer, como publica el SAT las suyas) y otra en PEM, y un archivo oculto."""
    carpeta = tmp_path / "autoridades"
    carpeta.mkdir()
    (carpeta / "ac.cer").write_bytes(ac_de_la_carpeta.certificado.public_bytes(serialization.Encoding.DER))
    (carpeta / "otra.PEM").write_text(otra_ac_de_la_carpeta.certificado_pem)
    (carpeta / ".gitkeep").write_text("")
    return carpeta


@pytest.fixture
def mundo_con_carpeta(tmp_path: Path, ac: AutoridadCertificadora, carpeta: Path) -> Iterator[Mundo]:
    mundo = Mundo(f"sqlite:///{tmp_path / 'portal.sqlite3'}", ac, AUTORIDADES=str(carpeta))
    yield mundo
    mundo.cerrar()


def _emitir(autoridad: AutoridadCertificadora) -> Credencial:
    return autoridad.emitir(EMPRESA_A, f"Persona {EMPRESA_A}", "secreta", representante=REPRESENTANTE)


def _entrar(mundo: Mundo | Flask, credencial: Credencial) -> TestResponse:
    return _entrar_con((mundo.app if isinstance(mundo, Mundo) else mundo).test_client(), credencial)


def _entrar_con(cliente: FlaskClient, credencial: Credencial) -> TestResponse:
    datos = {"certificado": (io.BytesIO(credencial.cer), "e.cer"),
             "clave_privada": (io.BytesIO(credencial.key), "e.key"),
             "contrasena": credencial.contrasena, "csrf_token": csrf_de(cliente.get("/ingresar"))}
    return cliente.post("/ingresar", data=datos, content_type="multipart/form-data")


def test_entra_con_una_efirma_de_una_ac_de_la_carpeta_en_der_o_en_pem(
        mundo_con_carpeta: Mundo, ac_de_la_carpeta: AutoridadCertificadora,
        otra_ac_de_la_carpeta: AutoridadCertificadora) -> None:
    for autoridad in (ac_de_la_carpeta, otra_ac_de_la_carpeta):
        respuesta = _entrar(mundo_con_carpeta, _emitir(autoridad))
        assert respuesta.status_code == 302, respuesta.text


def test_las_ac_de_la_api_de_pruebas_siguen_valiendo_junto_a_las_de_la_carpeta(
        mundo_con_carpeta: Mundo) -> None:
    assert mundo_con_carpeta.cliente(EMPRESA_A)  # su e.firma es de la AC que registró la API


def test_las_ac_de_la_api_valen_solo_mientras_la_api_esta_encendida(
        url_de_base: str, ac: AutoridadCertificadora, carpeta: Path,
        ac_de_la_carpeta: AutoridadCertificadora) -> None:
    mundo = Mundo(url_de_base, ac, AUTORIDADES=str(carpeta))  # registra `ac` por la API
    de_la_api, de_la_carpeta = mundo.efirmas[EMPRESA_A], _emitir(ac_de_la_carpeta)
    try:
        assert _entrar(mundo, de_la_api).status_code == 302
        sin_api = create_app({"BASE_DE_DATOS": url_de_base, "SECRET_KEY": CLAVE_SECRETA,
                              "AUTORIDADES": str(carpeta)})
        try:
            rechazo = _entrar(sin_api, de_la_api)
            assert rechazo.status_code == 422 and NO_RECONOCIDA in rechazo.text
            assert _entrar(sin_api, de_la_carpeta).status_code == 302  # las configuradas, siempre
        finally:
            sin_api.extensions["portal"].sesiones.cerrar()
        assert _entrar(mundo, de_la_api).status_code == 302  # con la API otra vez encendida, otra vez
    finally:
        mundo.cerrar()


def test_una_sesion_abierta_con_una_ac_de_la_api_termina_al_apagar_la_api(
        url_de_base: str, ac: AutoridadCertificadora, carpeta: Path,
        ac_de_la_carpeta: AutoridadCertificadora) -> None:
    mundo = Mundo(url_de_base, ac, AUTORIDADES=str(carpeta))
    try:
        de_la_api = mundo.cliente(EMPRESA_A)  # su e.firma es de la AC que registró la API
        de_la_carpeta = mundo.app.test_client()
        entrada = _entrar_con(de_la_carpeta, _emitir(ac_de_la_carpeta))
        assert entrada.status_code == 302
        sin_api = create_app({"BASE_DE_DATOS": url_de_base, "SECRET_KEY": CLAVE_SECRETA,
                              "AUTORIDADES": str(carpeta)})
        try:
            for cliente, sigue in ((de_la_api, False), (de_la_carpeta, True)):
                cookie = cliente.get_cookie("session")
                assert cookie is not None
                otro = sin_api.test_client()
                otro.set_cookie("session", cookie.value)
                respuesta = otro.get("/inicio")
                assert (respuesta.status_code == 200) is sigue, (sigue, respuesta.status_code)
                if not sigue:
                    assert respuesta.status_code == 302 and respuesta.location.endswith("/ingresar")
        finally:
            sin_api.extensions["portal"].sesiones.cerrar()
        assert de_la_api.get("/inicio").status_code == 200  # con la API encendida, la sesión sigue
    finally:
        mundo.cerrar()


def test_una_efirma_de_una_ac_que_no_esta_en_la_carpeta_ni_en_la_base_se_rechaza(
        mundo_con_carpeta: Mundo) -> None:
    respuesta = _entrar(mundo_con_carpeta, _emitir(AutoridadCertificadora("AC desconocida")))
    assert respuesta.status_code == 422
    assert NO_RECONOCIDA in respuesta.text


def _configuracion(tmp_path: Path, carpeta: Path) -> dict[str, str]:
    url = f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    base_de_datos.preparar(url)
    return {"BASE_DE_DATOS": url, "SECRET_KEY": CLAVE_SECRETA, "AUTORIDADES": str(carpeta)}


@pytest.mark.parametrize(("nombre", "contenido", "motivo"), [
    ("notas.txt", b"la AC del SAT", "sólo admite archivos .cer, .crt, .pem"),
    ("ac.cer", b"esto no es un certificado", "que no es un certificado (PEM o DER)"),
    ("ac.pem", b"-----BEGIN CERTIFICATE-----\nbasura\n-----END CERTIFICATE-----\n",
     "que no es un certificado (PEM o DER)"),
    ("efirma.cer", None, "que no es el certificado de una AC"),
], ids=["otra-extension", "der-invalido", "pem-invalido", "una-efirma"])
def test_un_archivo_que_no_es_el_certificado_de_una_ac_impide_arrancar_y_se_nombra(
        tmp_path: Path, carpeta: Path, ac: AutoridadCertificadora, nombre: str, contenido: bytes | None,
        motivo: str) -> None:
    (carpeta / nombre).write_bytes(contenido if contenido is not None else _emitir(ac).cer)
    with pytest.raises(ErrorDeConfiguracion, match="autoridades certificadoras") as error:
        create_app(_configuracion(tmp_path, carpeta))
    assert str(carpeta / nombre) in str(error.value)
    assert motivo in str(error.value)


def test_una_carpeta_que_no_existe_impide_arrancar(tmp_path: Path) -> None:
    with pytest.raises(ErrorDeConfiguracion, match="No existe la carpeta de autoridades certificadoras"):
        create_app(_configuracion(tmp_path, tmp_path / "no-existe"))


def test_el_despliegue_toma_la_carpeta_de_cupos_autoridades(tmp_path: Path) -> None:
    entorno = {"CUPOS_BASE_DE_DATOS": "sqlite://", "CUPOS_CLAVE_SECRETA": CLAVE_SECRETA}
    assert del_entorno(entorno)["AUTORIDADES"] is None
    assert del_entorno({**entorno, "CUPOS_AUTORIDADES": str(tmp_path)})["AUTORIDADES"] == str(tmp_path)


def test_python_m_stub_portal_no_arranca_con_un_archivo_que_no_es_certificado(
        tmp_path: Path, carpeta: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (carpeta / "ac-del-sat.cer").write_bytes(b"no es un certificado")
    with pytest.raises(SystemExit) as salida:
        main(["--db", f"sqlite:///{tmp_path / 'portal.sqlite3'}", "--autoridades", str(carpeta),
              "--clave-secreta-archivo", str(tmp_path / "clave")])
    assert str(carpeta / "ac-del-sat.cer") in str(salida.value.code)


def test_python_m_stub_portal_con_autoridades_acepta_las_efirmas_de_esa_ac(
        tmp_path: Path, carpeta: Path, ac_de_la_carpeta: AutoridadCertificadora) -> None:
    arrancado = arrancar_portal_de_referencia(
        tmp_path, f"127.0.0.1:{puerto_sin_servidor()}", None, "--autoridades", str(carpeta))
    proceso, lector, url = arrancado.proceso, arrancado.lector, arrancado.url
    try:
        empresa = UsuarioHttp(url, _emitir(ac_de_la_carpeta))
        assert ApiHttp(url, arrancado.token).post("/usuarios", {
            "rfc": EMPRESA_A, "perfil": "solicitante", "nombre": "Empresa A", "correo": "a@x.example",
            "codigo_postal": "06000"}).status_code == 201
        assert empresa.entrar().status_code == 302
        ajena = UsuarioHttp(url, _emitir(AutoridadCertificadora("AC desconocida")))
        rechazo = ajena.entrar()
        assert rechazo.status_code == 422 and NO_RECONOCIDA in rechazo.text
    finally:
        proceso.terminate()
        proceso.wait(timeout=10)
        lector.join(timeout=10)
