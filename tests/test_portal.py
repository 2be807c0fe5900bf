"""El portal por HTTP con el cliente de pruebas de Flask: base SQLite real, SMTP real, PDF real."""

from __future__ import annotations

import hashlib
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

import stub_portal
from fixtures.correo import BuzonSmtp
from fixtures.documentos import leer_documento, validar_firma_pdf
from sat_pruebas import verificar_sello
from stub_portal import base_de_datos
from stub_portal.app import create_app
from stub_portal.modelo import Aviso
from tests.mundo import CLAVE_SECRETA, Mundo, csrf_de

ASUNTO = "Aviso de Certificados de Exportación por Solicitud pendientes por Cancelar"


def test_sin_configurarla_no_hay_api_de_pruebas(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    base_de_datos.preparar(url)
    app = create_app({"BASE_DE_DATOS": url, "SECRET_KEY": CLAVE_SECRETA})
    respuesta = app.test_client().post("/_pruebas/usuarios", json={})
    assert respuesta.status_code == 404
    assert "No se encontró la página" in respuesta.text


def test_una_solicitud_firmada_con_el_smtp_caido_se_guarda_y_su_aviso_sale_despues(mundo: Mundo) -> None:
    cliente = mundo.cliente("AAA010101AAA")
    folio = mundo.firmar(cliente, "AAA010101AAA", "SE-A", "30")
    assert cliente.get(f"/cancelacion/acuse/{folio}").status_code == 200
    buzon = BuzonSmtp(puerto=mundo.puerto_smtp).iniciar()
    try:
        assert mundo.api().post("/_pruebas/correo/entregar").json == {"enviados": 1}
        aviso = buzon.esperar_que(lambda r: folio in r.texto, plazo=5)
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
    respuesta = mundo.agregar(cliente, "SE-B", "5")
    assert respuesta.status_code == 422
    assert "El certificado SE-B no está disponible para cancelar." in respuesta.text
    assert "No ha agregado certificados a cancelar." in respuesta.text


def test_un_monto_apartado_se_descuenta_del_saldo_por_cancelar(mundo: Mundo) -> None:
    cliente = mundo.cliente("AAA010101AAA")
    mundo.firmar(cliente, "AAA010101AAA", "SE-A", "80")
    respuesta = mundo.agregar(cliente, "SE-A", "0.001")
    assert respuesta.status_code == 422
    assert "no está disponible para cancelar" in respuesta.text


@pytest.mark.parametrize("archivos", [
    {"certificado": (b"x" * 10, "a.cer"), "clave_privada": (b"y", "a.key"), "contrasena": "z"},
    {"contrasena": "z"},
    {},
])
def test_el_acceso_con_basura_responde_en_espanol_sin_error_del_servidor(
        mundo: Mundo, archivos: dict[str, object]) -> None:
    cliente = mundo.app.test_client()
    archivos = {c: (io.BytesIO(v[0]), v[1]) if isinstance(v, tuple) else v for c, v in archivos.items()}
    archivos["csrf_token"] = csrf_de(cliente.get("/ingresar"))
    respuesta = cliente.post("/ingresar", data=archivos, content_type="multipart/form-data")
    assert respuesta.status_code == 422
    assert re.search(r'role="alert"[^>]*>[^<]*(certificado|clave privada)', respuesta.text)


def test_sin_sesion_el_tramite_manda_al_acceso(mundo: Mundo) -> None:
    respuesta = mundo.app.test_client().get("/cancelacion")
    assert respuesta.status_code == 302 and respuesta.headers["Location"].endswith("/ingresar")


def test_un_cupo_sin_dictaminador_asignado_no_impide_firmar_la_cancelacion(mundo: Mundo) -> None:
    api = mundo.api()
    assert api.post("/_pruebas/cupos", json={
        "clave": "C2", "nombre": "Leche", "regimen": "Importación", "mecanismo": "Licitación Pública",
        "tratado": "OMC", "pais_origen": "Cualquiera", "producto": "Leche", "subproducto": "En polvo",
        "representacion_federal": "RF CDMX", "monto_total": "100"}).status_code == 201
    assert api.post("/_pruebas/certificados", json={
        "folio": "SE-L", "cupo": "C2", "titular_rfc": "AAA010101AAA", "monto_expedido": "10"}).status_code == 201
    folio = mundo.firmar(mundo.cliente("AAA010101AAA"), "AAA010101AAA", "SE-L", "1")
    [aviso] = mundo.consultar(lambda s: list(s.scalars(select(Aviso))))
    assert folio in aviso.cuerpo
    assert set(aviso.destinatarios.split(",")) == {"aaa010101aaa@x.example", "niv800101ab1@x.example"}


def test_los_archivos_estaticos_van_con_su_huella_y_se_guardan_en_cache_un_anio(mundo: Mundo) -> None:
    """Cada página los pide por una dirección con la huella de su contenido: el navegador los guarda
    sin volver a preguntar, y un cambio en el archivo cambia la dirección."""
    cliente = mundo.app.test_client()
    pagina = cliente.get("/ingresar").text
    for nombre in ("estilo.css", "portal.js"):
        contenido = (Path(stub_portal.__file__).parent / "static" / nombre).read_bytes()
        direccion = re.search(rf'"(/static/{re.escape(nombre)}\?v=[0-9a-f]+)"', pagina)
        assert direccion, pagina
        assert direccion.group(1).endswith(hashlib.sha256(contenido).hexdigest()[:16])
        with cliente.get(direccion.group(1)) as respuesta:
            assert respuesta.status_code == 200 and respuesta.data == contenido
            assert "max-age=31536000" in respuesta.headers["Cache-Control"]
            assert "immutable" in respuesta.headers["Cache-Control"]
