"""Apertura de la e.firma (portal) y credenciales y sellos de prueba (sat_pruebas)."""

import io
from datetime import UTC, datetime, timedelta

import pytest
from asn1crypto import core, keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from reportlab.pdfgen import canvas

from fixtures.documentos import validar_firma_pdf
from sat_pruebas import AutoridadCertificadora, Representante, verificar_sello
from stub_portal.efirma import MAX_ITERACIONES_CLAVE, ErrorEfirma, abrir_efirma, sellar
from stub_portal.firma_documentos import FirmaDeLaSecretaria

AHORA = datetime.now(UTC)


@pytest.fixture(scope="module")
def ac() -> AutoridadCertificadora:
    return AutoridadCertificadora()


@pytest.fixture(scope="module")
def credencial(ac: AutoridadCertificadora):
    return ac.emitir("QSU990817KJ4", "Quesos de Prueba", "secreta", curp="")


def test_abre_una_efirma_valida_y_lee_rfc_y_numero(ac, credencial) -> None:
    firmante = abrir_efirma(credencial.cer, credencial.key, "secreta", [ac.certificado], AHORA)
    assert firmante.rfc == "QSU990817KJ4"
    assert firmante.nombre == "QUESOS DE PRUEBA"
    assert len(firmante.numero_certificado) == 20 and firmante.numero_certificado.isdigit()


def test_cada_defecto_tiene_su_mensaje(ac, credencial) -> None:
    ajena = AutoridadCertificadora("Otra AC")
    otra = ac.emitir("AAA010101AAA", "Otra", "secreta")
    vencida = ac.emitir("QSU990817KJ4", "Quesos", "secreta", desde=AHORA - timedelta(days=10),
                        hasta=AHORA - timedelta(days=1))
    sin_clave = ajena.emitir("QSU990817KJ4", "Quesos", "secreta")
    casos = [
        ((b"", credencial.key, "secreta"), "Seleccione el archivo del certificado"),
        ((credencial.cer, b"", "secreta"), "Seleccione el archivo de la clave privada"),
        ((credencial.cer, credencial.key, ""), "Escriba la contraseña"),
        ((b"basura", credencial.key, "secreta"), "no es un certificado"),
        ((sin_clave.cer, sin_clave.key, "secreta"), "autoridad certificadora reconocida"),
        ((vencida.cer, vencida.key, "secreta"), "no está vigente"),
        ((credencial.cer, b"\x30\x03basura", "secreta"), "no es una clave privada"),
        ((credencial.cer, credencial.key, "otra"), "contraseña de la clave privada es incorrecta"),
        ((credencial.cer, otra.key, "secreta"), "no corresponde al certificado"),
    ]
    for (cer, key, contrasena), mensaje in casos:
        with pytest.raises(ErrorEfirma, match=mensaje):
            abrir_efirma(cer, key, contrasena, [ac.certificado], AHORA)


def test_el_sello_se_verifica_con_el_certificado_y_solo_para_su_cadena(ac, credencial) -> None:
    firmante = abrir_efirma(credencial.cer, credencial.key, "secreta", [ac.certificado], AHORA)
    sello = sellar(firmante.clave, "||CANCELACION|1|Queso añejo||")
    assert verificar_sello(credencial.cer, "||CANCELACION|1|Queso añejo||", sello)
    assert not verificar_sello(credencial.cer, "||CANCELACION|2|Queso añejo||", sello)
    assert not verificar_sello(credencial.cer, "||CANCELACION|1|Queso añejo||", "no-es-base64!")
    otro = ac.emitir("AAA010101AAA", "Otra", "x")
    assert not verificar_sello(otro.cer, "||CANCELACION|1|Queso añejo||", sello)


class _ParametrosScrypt(core.Sequence):
    """scrypt-params de RFC 7914, sección 7: asn1crypto no los conoce."""

    _fields = [("salt", core.OctetString), ("cost_parameter", core.Integer),
               ("block_size", core.Integer), ("parallelization_parameter", core.Integer)]


def _con_otro_cifrado(key: bytes, algoritmo: dict) -> bytes:
    """La misma clave cifrada, declarando otro esquema: el portal debe negarse antes de descifrar."""
    cifrada = keys.EncryptedPrivateKeyInfo.load(key)["encrypted_data"]
    return keys.EncryptedPrivateKeyInfo({"encryption_algorithm": algoritmo, "encrypted_data": cifrada}).dump()


@pytest.mark.parametrize("iteraciones", [2048, MAX_ITERACIONES_CLAVE])
def test_abre_claves_con_iteraciones_razonables(ac, iteraciones: int) -> None:
    credencial = ac.emitir("QSU990817KJ4", "Quesos", "secreta", iteraciones_clave=iteraciones)
    assert keys.EncryptedPrivateKeyInfo.load(credencial.key)["encryption_algorithm"].kdf_iterations == iteraciones
    assert abrir_efirma(credencial.cer, credencial.key, "secreta", [ac.certificado], AHORA).rfc == "QSU990817KJ4"
    with pytest.raises(ErrorEfirma, match="contraseña de la clave privada es incorrecta"):
        abrir_efirma(credencial.cer, credencial.key, "otra", [ac.certificado], AHORA)


@pytest.mark.parametrize("iteraciones", [MAX_ITERACIONES_CLAVE + 1, 4_000_000])
def test_rechaza_sin_descifrarla_una_clave_cara_de_abrir(ac, iteraciones: int) -> None:
    cara = ac.emitir("QSU990817KJ4", "Quesos", "secreta", iteraciones_clave=iteraciones)
    with pytest.raises(ErrorEfirma, match="más de 100,000 iteraciones"):
        abrir_efirma(cara.cer, cara.key, "secreta", [ac.certificado], AHORA)


@pytest.mark.parametrize("algoritmo", [
    {"algorithm": "pbes2", "parameters": {
        "key_derivation_func": {"algorithm": "1.3.6.1.4.1.11591.4.11", "parameters": _ParametrosScrypt({
            "salt": b"sal-de-prueba", "cost_parameter": 2**30, "block_size": 8, "parallelization_parameter": 1})},
        "encryption_scheme": {"algorithm": "aes256_cbc", "parameters": b"0123456789abcdef"}}},
    {"algorithm": "pkcs12_sha1_tripledes_3key", "parameters": {"salt": b"sal-de-p", "iterations": 2048}},
    {"algorithm": "pbes1_md5_des", "parameters": {"salt": b"sal-de-p", "iterations": 2048}},
], ids=["scrypt", "pkcs12", "pbes1"])
def test_rechaza_claves_cifradas_con_otros_esquemas(ac, credencial, algoritmo: dict) -> None:
    key = _con_otro_cifrado(credencial.key, algoritmo)
    with pytest.raises(ErrorEfirma, match="cifrada con un método que la Ventanilla Única no admite"):
        abrir_efirma(credencial.cer, key, "secreta", [ac.certificado], AHORA)


@pytest.mark.parametrize("recorte", [slice(0, -7), slice(0, 40), slice(4, None)])
def test_una_clave_truncada_no_es_una_clave(ac, credencial, recorte: slice) -> None:
    with pytest.raises(ErrorEfirma, match="no es una clave privada válida"):
        abrir_efirma(credencial.cer, credencial.key[recorte], "secreta", [ac.certificado], AHORA)


# --- La forma de las e.firmas del SAT (la de prueba de EKU9003173C9, empresa ficticia del SAT) --------

EMPRESA, REPRESENTANTE = "EKU9003173C9", Representante("VADA800927DJ3", "VADA800927HSRSRL05")
RAZON_SOCIAL = "Escuela Kemper Urgate, S.A. de C.V."


@pytest.fixture(scope="module")
def de_empresa(ac: AutoridadCertificadora):
    return ac.emitir(EMPRESA, RAZON_SOCIAL, "12345678a", representante=REPRESENTANTE,
                     correo="tramites@kemper.example")


@pytest.fixture(scope="module")
def de_persona(ac: AutoridadCertificadora):
    return ac.emitir("VEGS750505TR3", "Saúl Vega Íñiguez", "12345678a", curp="VEGS750505HDFGXL08")


def _sujeto(credencial) -> list[tuple[str, str, _ASN1Type]]:
    return [(a.oid.dotted_string, a.value, a._type) for a in credencial.certificado.subject]


def test_la_efirma_de_una_empresa_tiene_el_sujeto_de_las_del_sat(de_empresa) -> None:
    nombre = ("ESCUELA KEMPER URGATE SA DE CV", _ASN1Type.UTF8String)
    assert _sujeto(de_empresa) == [
        ("2.5.4.3", *nombre),  # CN
        ("2.5.4.41", *nombre),  # name
        ("2.5.4.10", *nombre),  # O
        ("2.5.4.6", "MX", _ASN1Type.PrintableString),  # C
        ("1.2.840.113549.1.9.1", "tramites@kemper.example", _ASN1Type.IA5String),  # emailAddress
        ("2.5.4.45", "EKU9003173C9 / VADA800927DJ3", _ASN1Type.PrintableString),  # x500UniqueIdentifier
        ("2.5.4.5", " / VADA800927HSRSRL05", _ASN1Type.PrintableString),  # serialNumber
    ]


def test_la_efirma_de_una_persona_fisica_lleva_su_rfc_y_su_curp_solos(de_persona) -> None:
    sujeto = {oid: (valor, tipo) for oid, valor, tipo in _sujeto(de_persona)}
    assert sujeto["2.5.4.3"] == ("SAUL VEGA IÑIGUEZ", _ASN1Type.UTF8String)
    assert sujeto["2.5.4.45"] == ("VEGS750505TR3", _ASN1Type.PrintableString)
    assert sujeto["2.5.4.5"] == ("VEGS750505HDFGXL08", _ASN1Type.PrintableString)


def test_un_rfc_que_no_cabe_en_printablestring_va_en_utf8string_y_el_portal_lo_lee(ac) -> None:
    credencial = ac.emitir("AÑ&010101AB1", "Añejos & Asociados", "secreta", representante=REPRESENTANTE)
    assert ("2.5.4.45", "AÑ&010101AB1 / VADA800927DJ3", _ASN1Type.UTF8String) in _sujeto(credencial)
    assert abrir_efirma(credencial.cer, credencial.key, "secreta", [ac.certificado], AHORA).rfc == "AÑ&010101AB1"


def test_el_emisor_tiene_la_forma_de_la_ac_de_pruebas_del_sat_sin_decir_que_es_el_sat(ac, de_empresa) -> None:
    emisor = de_empresa.certificado.issuer
    assert emisor == ac.certificado.subject
    assert [a.oid for a in emisor] == [NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME,
                                       NameOID.ORGANIZATIONAL_UNIT_NAME, NameOID.COUNTRY_NAME]
    assert emisor.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "AC de pruebas del arnés"
    assert "SERVICIO DE ADMINISTRACION TRIBUTARIA" not in emisor.rfc4514_string().upper()
    assert not de_empresa.certificado.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)


def test_el_numero_de_certificado_son_20_digitos_en_ascii_en_el_numero_de_serie(ac, de_empresa) -> None:
    serie = de_empresa.certificado.serial_number
    numero = serie.to_bytes((serie.bit_length() + 7) // 8, "big").decode("ascii")
    assert len(numero) == 20 and numero.isdigit()
    assert abrir_efirma(de_empresa.cer, de_empresa.key, "12345678a", [ac.certificado], AHORA
                        ).numero_certificado == numero


def test_los_usos_de_la_clave_son_los_de_una_efirma_del_sat(de_empresa) -> None:
    extensiones = de_empresa.certificado.extensions
    uso = extensiones.get_extension_for_class(x509.KeyUsage)
    assert uso.critical
    assert uso.value == x509.KeyUsage(
        digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=True,
        key_agreement=True, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False)
    assert list(extensiones.get_extension_for_class(x509.ExtendedKeyUsage).value) == [
        ExtendedKeyUsageOID.EMAIL_PROTECTION, ExtendedKeyUsageOID.CLIENT_AUTH]


def test_el_key_es_pkcs8_der_con_pbes2_3des_y_2048_iteraciones(de_empresa) -> None:
    cifrado = keys.EncryptedPrivateKeyInfo.load(de_empresa.key, strict=True)["encryption_algorithm"]
    assert cifrado["algorithm"].native == "pbes2"
    assert (cifrado.kdf, cifrado.kdf_hmac, cifrado.kdf_iterations) == ("pbkdf2", "sha1", 2048)
    assert cifrado["parameters"]["encryption_scheme"]["algorithm"].native == "tripledes_3key"
    assert (cifrado.encryption_cipher, cifrado.encryption_mode, cifrado.key_length) == ("tripledes", "cbc", 24)
    clave = serialization.load_der_private_key(de_empresa.key, password=b"12345678a")
    assert isinstance(clave, rsa.RSAPrivateKey)
    assert clave.public_key().public_numbers() == de_empresa.certificado.public_key().public_numbers()
    with pytest.raises(ValueError):
        serialization.load_der_private_key(de_empresa.key, password=b"12345678b")


def test_el_portal_lee_rfc_y_curp_de_la_empresa_de_su_representante_y_de_una_fisica(
        ac, de_empresa, de_persona) -> None:
    empresa = abrir_efirma(de_empresa.cer, de_empresa.key, "12345678a", [ac.certificado], AHORA)
    assert (empresa.rfc, empresa.curp) == ("EKU9003173C9", "")
    assert (empresa.rfc_representante, empresa.curp_representante) == ("VADA800927DJ3", "VADA800927HSRSRL05")
    assert empresa.nombre == "ESCUELA KEMPER URGATE SA DE CV"
    persona = abrir_efirma(de_persona.cer, de_persona.key, "12345678a", [ac.certificado], AHORA)
    assert (persona.rfc, persona.curp, persona.rfc_representante) == ("VEGS750505TR3", "VEGS750505HDFGXL08", "")


def _pdf() -> bytes:
    salida = io.BytesIO()
    hoja = canvas.Canvas(salida)
    hoja.drawString(72, 720, "Documento de prueba")
    hoja.save()
    return salida.getvalue()


def test_pyhanko_firma_y_valida_un_pdf_con_una_efirma_con_el_rfc_en_printablestring(ac, de_empresa) -> None:
    """El arreglo de asn1crypto (wbond/asn1crypto#228) en el portal (firma_documentos) y en el arnés
    (fixtures/documentos): el PDF se firma con la e.firma por el camino de los acuses y se valida."""
    assert asn1_x509.Certificate.load(de_empresa.cer).subject.native["unique_identifier"] == (
        "EKU9003173C9 / VADA800927DJ3")
    clave = serialization.load_der_private_key(de_empresa.key, password=b"12345678a")
    firma = FirmaDeLaSecretaria(
        raiz_pem=ac.certificado_pem,
        certificado_pem=de_empresa.certificado.public_bytes(serialization.Encoding.PEM).decode(),
        clave_pem=clave.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()).decode())
    firmado = firma.firmar(_pdf(), "Prueba de la e.firma", AHORA)
    validada = validar_firma_pdf(firmado, ac.certificado_pem)
    assert (validada.intacta, validada.valida, validada.confiable) == (True, True, True)
    assert "Unique Identifier: EKU9003173C9 / VADA800927DJ3" in validada.firmante
