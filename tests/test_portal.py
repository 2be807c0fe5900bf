"""El portal por HTTP con el cliente de pruebas de Flask: base SQLite real, SMTP real, PDF real."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from fixtures.correo import BuzonSmtp
from fixtures.documentos import leer_documento, validar_firma_pdf
from sat_pruebas import AutoridadCertificadora, Credencial, verificar_sello
from stub_portal.app import create_app

ASUNTO = "Aviso de Certificados de Exportación por Solicitud pendientes por Cancelar"


def _puerto_sin_servidor() -> int:
    buzon = BuzonSmtp().iniciar()
    puerto = int(buzon.direccion.rpartition(":")[2])
    buzon.detener()
    return puerto


@pytest.fixture(scope="module")
def ac() -> AutoridadCertificadora:
    return AutoridadCertificadora()


class Mundo:
    """Un portal con su API de pruebas, un cupo y dos empresas con un certificado cada una."""

    def __init__(self, tmp_path: Path, ac: AutoridadCertificadora) -> None:
        self.puerto_smtp = _puerto_sin_servidor()
        self.app = create_app({
            "BASE_DE_DATOS": f"sqlite:///{tmp_path / 'portal.sqlite3'}",
            "SMTP": f"127.0.0.1:{self.puerto_smtp}",
            "API_DE_PRUEBAS": True,
        })
        api = self.app.test_client()
        assert api.post("/_pruebas/autoridades", json={"certificado_pem": ac.certificado_pem}).status_code == 201
        self.efirmas: dict[str, Credencial] = {}
        for rfc, perfil in [("AAA010101AAA", "solicitante"), ("BBB010101BBB", "solicitante"),
                            ("DIC800101AB1", "dictaminador")]:
            self.efirmas[rfc] = ac.emitir(rfc, f"Persona {rfc}", "secreta")
            respuesta = api.post("/_pruebas/usuarios", json={
                "rfc": rfc, "perfil": perfil, "nombre": f"Persona {rfc}",
                "correo": f"{rfc.lower()}@x.example"})
            assert respuesta.status_code == 201, respuesta.json
        assert api.post("/_pruebas/cupos", json={
            "clave": "C1", "nombre": "Queso", "regimen": "Importación",
            "mecanismo": "Primero en Tiempo, Primero en Derecho", "tratado": "TLC",
            "pais_origen": "Guatemala", "producto": "Quesos", "subproducto": "Fresco",
            "representacion_federal": "RF Chiapas", "monto_total": "580",
            "dictaminador_rfc": "DIC800101AB1"}).status_code == 201
        for folio, rfc in [("SE-A", "AAA010101AAA"), ("SE-B", "BBB010101BBB")]:
            assert api.post("/_pruebas/certificados", json={
                "folio": folio, "cupo": "C1", "titular_rfc": rfc, "monto_expedido": "100",
                "monto_ejercido": "20"}).status_code == 201

    def cliente(self, rfc: str) -> FlaskClient:
        cliente = self.app.test_client()
        respuesta = cliente.post("/ingresar", data=self._efirma(rfc),
                                 content_type="multipart/form-data")
        assert respuesta.status_code == 302, respuesta.text
        return cliente

    def _efirma(self, rfc: str) -> dict[str, object]:
        credencial = self.efirmas[rfc]
        return {"certificado": (io.BytesIO(credencial.cer), "a.cer"),
                "clave_privada": (io.BytesIO(credencial.key), "a.key"), "contrasena": "secreta"}

    def firmar(self, cliente: FlaskClient, rfc: str, folio: str, monto: str) -> str:
        respuesta = cliente.post("/cancelacion/certificados", data={"certificado": folio, "monto": monto})
        assert respuesta.status_code == 302, respuesta.text
        respuesta = cliente.post("/cancelacion/firma", data=self._efirma(rfc),
                                 content_type="multipart/form-data")
        assert respuesta.status_code == 302, respuesta.text
        return respuesta.headers["Location"].rsplit("/", 1)[1]


@pytest.fixture
def mundo(tmp_path: Path, ac: AutoridadCertificadora) -> Mundo:
    return Mundo(tmp_path, ac)


def test_sin_configurarla_no_hay_api_de_pruebas(tmp_path: Path) -> None:
    app = create_app({"BASE_DE_DATOS": f"sqlite:///{tmp_path / 'p.sqlite3'}"})
    respuesta = app.test_client().post("/_pruebas/usuarios", json={})
    assert respuesta.status_code == 404
    assert "No se encontró la página" in respuesta.text


def test_una_solicitud_firmada_con_el_smtp_caido_se_guarda_y_su_aviso_sale_despues(mundo: Mundo) -> None:
    cliente = mundo.cliente("AAA010101AAA")
    folio = mundo.firmar(cliente, "AAA010101AAA", "SE-A", "30")
    assert cliente.get(f"/cancelacion/acuse/{folio}").status_code == 200
    buzon = BuzonSmtp(puerto=mundo.puerto_smtp).iniciar()
    try:
        assert mundo.app.test_client().post("/_pruebas/correo/entregar").json == {"enviados": 1}
        aviso = buzon.esperar(lambda r: folio in r.texto, plazo=5)
    finally:
        buzon.detener()
    assert aviso.asunto == ASUNTO
    assert aviso.destinatarios == {"aaa010101aaa@x.example", "dic800101ab1@x.example"}


def test_el_acuse_se_lee_del_pdf_y_su_sello_se_verifica(mundo: Mundo) -> None:
    cliente = mundo.cliente("AAA010101AAA")
    folio = mundo.firmar(cliente, "AAA010101AAA", "SE-A", "12.345")
    pdf = cliente.get(f"/solicitudes/{folio}/acuse")
    assert pdf.mimetype == "application/pdf"
    assert f'filename="Acuse_{folio}.pdf"' in pdf.headers["Content-Disposition"]
    acuse = leer_documento(pdf.data)
    assert acuse.campo("Número de folio de trámite") == folio
    assert acuse.campo("RFC del solicitante") == "AAA010101AAA"
    assert acuse.certificados == {"SE-A": Decimal("12.345")}
    assert verificar_sello(mundo.efirmas["AAA010101AAA"].cer, acuse.cadena_original, acuse.sello)
    raiz = mundo.app.test_client().get("/documentos/ac-secretaria.pem").text
    firma = validar_firma_pdf(pdf.data, raiz)
    assert (firma.intacta, firma.valida, firma.confiable) == (True, True, True)
    alterado = bytearray(pdf.data)
    alterado[len(alterado) // 4] ^= 0x01  # un bit dentro de lo firmado
    assert not validar_firma_pdf(bytes(alterado), raiz).intacta


def test_otra_empresa_no_descarga_el_acuse_ajeno(mundo: Mundo) -> None:
    folio = mundo.firmar(mundo.cliente("AAA010101AAA"), "AAA010101AAA", "SE-A", "1")
    ajeno = mundo.cliente("BBB010101BBB").get(f"/solicitudes/{folio}/acuse")
    assert ajeno.status_code == 404


def test_el_certificado_de_otra_empresa_no_se_agrega_ni_a_mano(mundo: Mundo) -> None:
    cliente = mundo.cliente("AAA010101AAA")
    respuesta = cliente.post("/cancelacion/certificados", data={"certificado": "SE-B", "monto": "5"})
    assert respuesta.status_code == 422
    assert "El certificado SE-B no está disponible para cancelar." in respuesta.text
    assert "No ha agregado certificados a cancelar." in respuesta.text


def test_un_monto_apartado_se_descuenta_del_saldo_por_cancelar(mundo: Mundo) -> None:
    cliente = mundo.cliente("AAA010101AAA")
    mundo.firmar(cliente, "AAA010101AAA", "SE-A", "80")
    respuesta = cliente.post("/cancelacion/certificados", data={"certificado": "SE-A", "monto": "0.001"})
    assert respuesta.status_code == 422
    assert "no está disponible para cancelar" in respuesta.text


@pytest.mark.parametrize("archivos", [
    {"certificado": (io.BytesIO(b"x" * 10), "a.cer"), "clave_privada": (io.BytesIO(b"y"), "a.key"),
     "contrasena": "z"},
    {"contrasena": "z"},
    {},
])
def test_el_acceso_con_basura_responde_en_espanol_sin_error_del_servidor(
        mundo: Mundo, archivos: dict[str, object]) -> None:
    respuesta = mundo.app.test_client().post("/ingresar", data=archivos,
                                             content_type="multipart/form-data")
    assert respuesta.status_code == 422
    assert re.search(r'role="alert"[^>]*>[^<]*(certificado|clave privada)', respuesta.text)


def test_sin_sesion_el_tramite_manda_al_acceso(mundo: Mundo) -> None:
    respuesta = mundo.app.test_client().get("/cancelacion")
    assert respuesta.status_code == 302 and respuesta.headers["Location"].endswith("/ingresar")
