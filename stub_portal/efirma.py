"""e.firma: abrir las credenciales que sube el usuario, firmar cadenas originales y verificar sellos.

Sin Flask: funciones puras que reciben los bytes subidos, las AC de confianza y la hora real (la vigencia
de un certificado no la decide el reloj del portal, que las pruebas mueven).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime

from asn1crypto.keys import EncryptedPrivateKeyInfo
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import load_der_private_key
from cryptography.x509.oid import NameOID

# Dónde pone el SAT el RFC y la CURP. De una persona moral: «RFC / RFC del representante legal» y
# « / CURP del representante» (la empresa no tiene CURP); de una física, el RFC y la CURP solos.
OID_RFC = x509.ObjectIdentifier("2.5.4.45")  # x500UniqueIdentifier, en PrintableString o UTF8String
OID_CURP = NameOID.SERIAL_NUMBER  # 2.5.4.5
# Tope de iteraciones de PBKDF2 al abrir un .key. El SAT cifra sus claves con 2048 (OpenSSL y
# cryptography usan las mismas por omisión); 100,000 cuestan de 10 a 30 ms por intento, según el
# HMAC. Sin tope, el archivo decide: con 4,000,000, medio segundo de CPU por intento de inicio de
# sesión, y nada impide pedir mil millones.
MAX_ITERACIONES_CLAVE = 100_000


class ErrorEfirma(ValueError):
    """Credenciales que no sirven; el mensaje, en español, es el que ve el usuario."""


@dataclass(frozen=True)
class Firmante:
    """Quien abrió su e.firma: el RFC con que entra y firma, y los datos de su certificado."""

    rfc: str
    nombre: str
    numero_certificado: str
    certificado: x509.Certificate
    clave: rsa.RSAPrivateKey
    curp: str = ""  # de una persona física
    rfc_representante: str = ""  # de una persona moral, su representante legal
    curp_representante: str = ""


def _atributo(certificado: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    """El texto del atributo; uno que no es texto (x500UniqueIdentifier como BIT STRING, según X.520,
    que el SAT no usa) cuenta como ausente."""
    valores = certificado.subject.get_attributes_for_oid(oid)
    return valores[0].value if valores and isinstance(valores[0].value, str) else ""


def _titular_y_representante(valor: str) -> tuple[str, str]:
    """«EKU9003173C9 / VADA800927DJ3» → (EKU9003173C9, VADA800927DJ3); «X» → (X, "")."""
    titular, _, representante = valor.partition("/")
    return titular.strip(), representante.strip()


def numero_de_certificado(certificado: x509.Certificate) -> str:
    """El número de certificado del SAT: 20 dígitos guardados como ASCII en el número de serie."""
    crudo = certificado.serial_number.to_bytes((certificado.serial_number.bit_length() + 7) // 8)
    texto = crudo.decode("ascii", errors="replace")
    return texto if texto.isdigit() else format(certificado.serial_number, "x")


def emitido_por(certificado: x509.Certificate, autoridades: list[x509.Certificate]) -> bool:
    """¿Lo emitió (y firmó) alguna de esas AC?"""
    for autoridad in autoridades:
        if autoridad.subject != certificado.issuer:
            continue
        try:
            certificado.verify_directly_issued_by(autoridad)
        except (ValueError, TypeError, InvalidSignature):
            continue
        return True
    return False


def numero_de_confianza(cer: bytes, autoridades: list[x509.Certificate]) -> str | None:
    """El número de certificado de un .cer que emitió una AC de confianza (para contar los intentos de acceso
    con él); None si no lo es: un .cer falsificado con el número de otro no cuenta contra ese otro."""
    try:
        certificado = x509.load_der_x509_certificate(cer)
    except ValueError:
        return None
    return numero_de_certificado(certificado) if emitido_por(certificado, autoridades) else None


def _es_de_firma(certificado: x509.Certificate) -> bool:
    """Los usos de una e.firma: firma digital y no repudio (los dos)."""
    try:
        usos = certificado.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return usos.digital_signature and usos.content_commitment


def abrir_efirma(
    cer: bytes, key: bytes, contrasena: str, autoridades: list[x509.Certificate], hora_real: datetime
) -> Firmante:
    """Valida las tres piezas de la e.firma como lo hace la Ventanilla Única, o lanza ErrorEfirma."""
    if not cer:
        raise ErrorEfirma("Seleccione el archivo del certificado (.cer).")
    if not key:
        raise ErrorEfirma("Seleccione el archivo de la clave privada (.key).")
    if not contrasena:
        raise ErrorEfirma("Escriba la contraseña de la clave privada.")
    try:
        certificado = x509.load_der_x509_certificate(cer)
    except ValueError:
        raise ErrorEfirma("El archivo .cer no es un certificado de e.firma válido.") from None
    if not emitido_por(certificado, autoridades):
        raise ErrorEfirma(
            "El certificado no fue emitido por una autoridad certificadora reconocida por la "
            "Ventanilla Única."
        )
    if not certificado.not_valid_before_utc <= hora_real <= certificado.not_valid_after_utc:
        raise ErrorEfirma("El certificado no está vigente.")
    if not _es_de_firma(certificado):
        raise ErrorEfirma("El certificado no es de una e.firma: sus usos no incluyen la firma digital y el no "
                          "repudio. Use el certificado (.cer) de su e.firma.")
    clave = _abrir_clave(key, contrasena)
    publica = certificado.public_key()
    if (not isinstance(publica, rsa.RSAPublicKey)
            or clave.public_key().public_numbers() != publica.public_numbers()
            or not _firma_y_verifica(clave, publica)):
        raise ErrorEfirma("La clave privada no corresponde al certificado.")
    rfc, rfc_representante = _titular_y_representante(_atributo(certificado, OID_RFC))
    if not rfc:
        raise ErrorEfirma("El certificado no contiene un RFC.")
    curp, curp_representante = _titular_y_representante(_atributo(certificado, OID_CURP))
    return Firmante(
        rfc=rfc,
        nombre=_atributo(certificado, NameOID.COMMON_NAME),
        numero_certificado=numero_de_certificado(certificado),
        certificado=certificado,
        clave=clave,
        curp=curp,
        rfc_representante=rfc_representante,
        curp_representante=curp_representante,
    )


def _firma_y_verifica(clave: rsa.RSAPrivateKey, publica: rsa.RSAPublicKey) -> bool:
    """La prueba de posesión: lo que la clave firma, el certificado lo verifica."""
    reto = b"prueba de posesion de la e.firma"
    try:
        publica.verify(clave.sign(reto, padding.PKCS1v15(), hashes.SHA256()), reto, padding.PKCS1v15(),
                       hashes.SHA256())
    except (InvalidSignature, ValueError):
        return False
    return True


def _abrir_clave(key: bytes, contrasena: str) -> rsa.RSAPrivateKey:
    # Sin contraseña, cryptography distingue una clave cifrada (TypeError) de bytes que no son una
    # clave (ValueError); con ella, un ValueError ya sólo puede ser la contraseña equivocada.
    try:
        load_der_private_key(key, password=None, unsafe_skip_rsa_key_validation=True)
    except TypeError:
        pass
    except ValueError:
        raise ErrorEfirma("El archivo .key no es una clave privada válida.") from None
    else:
        raise ErrorEfirma("La clave privada debe estar protegida con contraseña.")
    _validar_cifrado(key)
    try:
        # La revisión completa de la clave RSA cuesta ~40 ms por petición; en su lugar, abrir_efirma
        # comprueba que la clave corresponde al certificado y que firma lo que éste verifica.
        clave = load_der_private_key(key, password=contrasena.encode(), unsafe_skip_rsa_key_validation=True)
    except ValueError:
        raise ErrorEfirma("La contraseña de la clave privada es incorrecta.") from None
    if not isinstance(clave, rsa.RSAPrivateKey):
        raise ErrorEfirma("La clave privada debe ser RSA.")
    return clave


def _validar_cifrado(key: bytes) -> None:
    """Antes de descifrar, lee cómo está cifrado el .key y se niega si abrirlo costaría demasiado.

    Sólo PBES2 con PBKDF2, lo que usa el SAT. cryptography abriría también scrypt (cuyo costo en
    memoria y CPU decide el archivo) y los esquemas heredados PBES1 y PKCS#12 (DES, RC2, RC4, hasta
    cuatro veces más caros por iteración); el SAT no los emite, así que se rechazan.
    """
    try:
        algoritmo = EncryptedPrivateKeyInfo.load(key, strict=True)["encryption_algorithm"]
        pbkdf2 = algoritmo["algorithm"].native == "pbes2" and algoritmo.kdf == "pbkdf2"
        iteraciones = algoritmo.kdf_iterations if pbkdf2 else 0
    except (ValueError, TypeError, KeyError):
        raise ErrorEfirma("El archivo .key no es una clave privada válida.") from None
    if not pbkdf2:
        raise ErrorEfirma(
            "La clave privada está cifrada con un método que la Ventanilla Única no admite; "
            "use la clave privada (.key) que le entregó el SAT.")
    if iteraciones > MAX_ITERACIONES_CLAVE:
        raise ErrorEfirma(
            f"La clave privada está cifrada con más de {MAX_ITERACIONES_CLAVE:,} iteraciones y la "
            "Ventanilla Única no la abre; use la clave privada (.key) que le entregó el SAT.")


def sellar(clave: rsa.RSAPrivateKey, cadena_original: str) -> str:
    """El sello: base64 de la firma RSA PKCS#1 v1.5 con SHA-256 de la cadena original en UTF-8."""
    firma = clave.sign(cadena_original.encode("utf-8"), padding.PKCS1v15(), hashes.SHA256())
    return base64.b64encode(firma).decode("ascii")

