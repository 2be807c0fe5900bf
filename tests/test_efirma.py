"""Apertura de la e.firma (portal) y credenciales y sellos de prueba (sat_pruebas)."""

from datetime import UTC, datetime, timedelta

import pytest
from asn1crypto import core, keys

from sat_pruebas import AutoridadCertificadora, verificar_sello
from stub_portal.efirma import MAX_ITERACIONES_CLAVE, ErrorEfirma, abrir_efirma, sellar

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
    assert firmante.nombre == "Quesos de Prueba"
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
