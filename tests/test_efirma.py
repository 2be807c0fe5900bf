"""Apertura de la e.firma (portal) y credenciales y sellos de prueba (sat_pruebas)."""

from datetime import UTC, datetime, timedelta

import pytest

from sat_pruebas import AutoridadCertificadora, verificar_sello
from stub_portal.efirma import ErrorEfirma, abrir_efirma, sellar

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
