"""Quién entra con qué e.firma, en un ambiente compartido: la vigencia del certificado se juzga con la hora
real (quien mueve el reloj del portal no revive e.firmas vencidas), sólo entra un certificado de firma
(digitalSignature y nonRepudiation, como una e.firma del SAT) y los intentos fallidos se frenan por
certificado y por dirección del cliente, con su mensaje y su línea en la bitácora."""

from __future__ import annotations

import io
import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool
from werkzeug.test import TestResponse

from sat_pruebas import AutoridadCertificadora, Credencial
from stub_portal.configuracion import ErrorDeConfiguracion, del_entorno
from tests.mundo import EMPRESA_A, EMPRESA_B, REPRESENTANTE, Mundo, csrf_de

NO_VIGENTE = "El certificado no está vigente."
NO_ES_DE_FIRMA = "El certificado no es de una e.firma"
DEMASIADOS_CON_ESTA = "Hubo demasiados intentos fallidos con esta e.firma"
DEMASIADOS_DESDE_AQUI = "Hubo demasiados intentos fallidos desde esta conexión"
SOLO_PARA_EMITIR = x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                 data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                                 encipher_only=False, decipher_only=False)


def _entrar(mundo: Mundo, credencial: Credencial, contrasena: str | None = None,
            direccion: str = "127.0.0.1") -> TestResponse:
    cliente = mundo.app.test_client()
    cliente.environ_base["REMOTE_ADDR"] = direccion
    datos = {"certificado": (io.BytesIO(credencial.cer), "e.cer"),
             "clave_privada": (io.BytesIO(credencial.key), "e.key"),
             "contrasena": credencial.contrasena if contrasena is None else contrasena,
             "csrf_token": csrf_de(cliente.get("/ingresar"))}
    return cliente.post("/ingresar", data=datos, content_type="multipart/form-data")


def _fijar_reloj(mundo: Mundo, momento: str) -> None:
    assert mundo.api().put("/_pruebas/reloj", json={"ahora": momento}).status_code == 200


def test_la_vigencia_se_juzga_con_la_hora_real_y_no_con_el_reloj_del_portal(
        mundo: Mundo, ac: AutoridadCertificadora) -> None:
    de_2015_a_2023 = ac.emitir(EMPRESA_A, "Empresa A", "secreta", representante=REPRESENTANTE,
                               desde=datetime(2015, 1, 1, tzinfo=UTC), hasta=datetime(2023, 12, 31, tzinfo=UTC))
    _fijar_reloj(mundo, "2022-03-01T10:00:00-06:00")
    respuesta = _entrar(mundo, de_2015_a_2023)
    assert respuesta.status_code == 422 and NO_VIGENTE in respuesta.text
    _fijar_reloj(mundo, "2013-03-01T10:00:00-06:00")  # una e.firma vigente hoy sirve con cualquier reloj
    assert _entrar(mundo, mundo.efirmas[EMPRESA_A]).status_code == 302
    de_manana = ac.emitir(EMPRESA_A, "Empresa A", "secreta", representante=REPRESENTANTE,
                          desde=datetime.now(UTC) + timedelta(days=1))
    _fijar_reloj(mundo, "2030-03-01T10:00:00-06:00")
    respuesta = _entrar(mundo, de_manana)
    assert respuesta.status_code == 422 and NO_VIGENTE in respuesta.text


def test_solo_entra_un_certificado_de_firma(mundo: Mundo, ac: AutoridadCertificadora) -> None:
    for usos in (SOLO_PARA_EMITIR, None):
        credencial = ac.emitir(EMPRESA_A, "Empresa A", "secreta", representante=REPRESENTANTE, usos=usos)
        respuesta = _entrar(mundo, credencial)
        assert respuesta.status_code == 422 and NO_ES_DE_FIRMA in respuesta.text, usos
    assert _entrar(mundo, mundo.efirmas[EMPRESA_A]).status_code == 302


def _envejecer_intentos(mundo: Mundo, minutos: int) -> None:
    """Lo que pasaría si pasaran esos minutos: los intentos guardados, así de viejos."""
    motor = create_engine(mundo.url, poolclass=NullPool)
    with motor.begin() as conexion:
        for (identificador, momento) in conexion.execute(text("SELECT id, momento FROM intentos_de_acceso")).all():
            viejo = (momento if isinstance(momento, datetime) else datetime.fromisoformat(momento))
            conexion.execute(text("UPDATE intentos_de_acceso SET momento = :m WHERE id = :i"),
                             {"m": viejo - timedelta(minutes=minutos), "i": identificador})
    motor.dispose()


def test_cinco_contrasenas_equivocadas_frenan_esa_efirma_y_la_buena_vuelve_a_entrar_despues(
        mundo: Mundo, caplog: pytest.LogCaptureFixture) -> None:
    efirma = mundo.efirmas[EMPRESA_A]
    with caplog.at_level(logging.INFO):
        for _ in range(5):
            respuesta = _entrar(mundo, efirma, "equivocada")
            assert respuesta.status_code == 422
            assert "contraseña de la clave privada es incorrecta" in respuesta.text
        frenada = _entrar(mundo, efirma)  # también con la contraseña buena, mientras dura la ventana
    assert frenada.status_code == 429 and DEMASIADOS_CON_ESTA in frenada.text
    assert 0 < int(frenada.headers["Retry-After"]) <= 15 * 60
    fallidos = [r for r in caplog.records if "Inicio de sesión fallido" in r.getMessage()]
    assert len(fallidos) == 5 and all("127.0.0.1" in r.getMessage() for r in fallidos)
    frenos = [r for r in caplog.records if "Inicio de sesión frenado" in r.getMessage()]
    assert len(frenos) == 1 and frenos[0].levelno == logging.WARNING
    assert _entrar(mundo, mundo.efirmas[EMPRESA_B]).status_code == 302  # otra e.firma, la misma dirección
    _envejecer_intentos(mundo, 16)
    assert _entrar(mundo, efirma).status_code == 302


def test_muchos_fallos_desde_una_direccion_la_frenan_y_las_demas_siguen_entrando(
        url_de_base: str, ac: AutoridadCertificadora) -> None:
    mundo = Mundo(url_de_base, ac, INTENTOS_POR_DIRECCION=8)
    try:
        for numero in range(8):  # con e.firmas distintas: el freno por certificado no alcanza
            otra = ac.emitir(f"OTR0101{numero:02d}AAA", "Otra", "secreta", representante=REPRESENTANTE)
            assert _entrar(mundo, otra, direccion="203.0.113.7").status_code == 422
        frenada = _entrar(mundo, mundo.efirmas[EMPRESA_A], direccion="203.0.113.7")
        assert frenada.status_code == 429 and DEMASIADOS_DESDE_AQUI in frenada.text
        assert _entrar(mundo, mundo.efirmas[EMPRESA_A], direccion="198.51.100.2").status_code == 302
        _envejecer_intentos(mundo, 16)
        assert _entrar(mundo, mundo.efirmas[EMPRESA_A], direccion="203.0.113.7").status_code == 302
    finally:
        mundo.cerrar()


def test_veinte_intentos_a_la_vez_con_la_misma_efirma_no_pasan_del_freno(
        url_de_base: str, ac: AutoridadCertificadora) -> None:
    """Cada intento se anota antes de contar: a la vez, no más de cinco llegan a probar la contraseña, y en
    toda la ventana, cinco."""
    mundo = Mundo(url_de_base, ac)
    try:
        efirma = mundo.efirmas[EMPRESA_A]
        with ThreadPoolExecutor(10) as hilos:
            estados = list(hilos.map(lambda _: _entrar(mundo, efirma, "equivocada").status_code, range(20)))
        assert estados.count(422) <= 5 and estados.count(422) + estados.count(429) == 20, estados
        probadas = estados.count(422)  # los frenados no cuentan: los que faltan para cinco, uno por uno
        while (estado := _entrar(mundo, efirma, "equivocada").status_code) == 422:
            probadas += 1
        assert (estado, probadas) == (429, 5)
    finally:
        mundo.cerrar()


def test_los_limites_se_configuran_en_el_entorno_y_un_valor_que_no_sirve_no_deja_arrancar() -> None:
    entorno = {"CUPOS_BASE_DE_DATOS": "sqlite:///x.sqlite3", "CUPOS_CLAVE_SECRETA": "c" * 40}
    configuracion = del_entorno({**entorno, "CUPOS_INTENTOS_POR_DIRECCION": "200"})
    assert configuracion["INTENTOS_POR_DIRECCION"] == 200 and "INTENTOS_POR_CERTIFICADO" not in configuracion
    for valor in ("cero", "0", "-3"):
        with pytest.raises(ErrorDeConfiguracion, match="CUPOS_INTENTOS_POR_CERTIFICADO"):
            del_entorno({**entorno, "CUPOS_INTENTOS_POR_CERTIFICADO": valor})


def _falsificada(original: Credencial) -> Credencial:
    """Un .cer con el sujeto y el número de certificado de otra e.firma, firmado por una AC cualquiera."""
    autentico = x509.load_der_x509_certificate(original.cer)
    clave = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    falso = (x509.CertificateBuilder().subject_name(autentico.subject).issuer_name(autentico.issuer)
             .public_key(clave.public_key()).serial_number(autentico.serial_number)
             .not_valid_before(autentico.not_valid_before_utc).not_valid_after(autentico.not_valid_after_utc)
             .sign(clave, hashes.SHA256()))
    return Credencial(original.rfc, original.nombre, falso.public_bytes(serialization.Encoding.DER),
                      b"no es una clave", "cualquiera")


def test_nadie_frena_la_efirma_de_otro_con_un_cer_falsificado_con_su_numero(mundo: Mundo) -> None:
    victima = mundo.efirmas[EMPRESA_A]
    for _ in range(8):
        respuesta = _entrar(mundo, _falsificada(victima), direccion="203.0.113.9")
        assert respuesta.status_code == 422 and "autoridad certificadora" in respuesta.text
    assert _entrar(mundo, victima, direccion="198.51.100.4").status_code == 302
