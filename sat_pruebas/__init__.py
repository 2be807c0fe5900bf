"""Un SAT de pruebas: autoridad certificadora desechable que emite credenciales de e.firma.

Ni el portal ni el arnés son el SAT. El portal la usa para su demostración y el arnés para sus
escenarios; en ambos casos las credenciales son de juguete: nunca use archivos de e.firma reales.

Las e.firmas tienen la forma de las que emite el SAT (revisada contra su e.firma de prueba publicada
para la empresa ficticia EKU9003173C9), para que el portal las lea como leería las de verdad:

- sujeto: CN, name (2.5.4.41) y O con el nombre o la razón social en mayúsculas y sin acentos; C=MX;
  emailAddress; x500UniqueIdentifier (2.5.4.45, PrintableString) con el RFC y serialNumber (2.5.4.5)
  con la CURP. De una persona moral: «RFC / RFC del representante legal» y « / CURP del
  representante» (con el espacio inicial: la empresa no tiene CURP). De una física: RFC y CURP solos.
- número de certificado: 20 dígitos, guardados como ASCII en el número de serie.
- uso de la clave: firma digital, no repudio, cifrado de datos y acuerdo de claves; uso extendido:
  protección de correo y autenticación de cliente.
- .key: PKCS#8 en DER cifrado con PBES2 (PBKDF2 con HMAC-SHA1, 2048 iteraciones) y 3DES.

El emisor se parece al de la AC de pruebas del SAT (CN, O, OU, C), pero con nombres propios del arnés:
esta AC no dice ser el SAT.
"""

from __future__ import annotations

import base64
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from asn1crypto import algos, keys
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives import padding as relleno
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

OID_RFC = x509.ObjectIdentifier("2.5.4.45")  # x500UniqueIdentifier, donde el SAT pone el RFC
OID_CURP = NameOID.SERIAL_NUMBER  # 2.5.4.5, donde el SAT pone la CURP
OID_NOMBRE = x509.ObjectIdentifier("2.5.4.41")  # name: el SAT repite ahí el nombre del CN
ITERACIONES_DEL_SAT = 2048  # las de PBKDF2 en los .key del SAT
ORGANIZACION_DE_LA_AC = "Arnés de pruebas de cupos VUCEM"
UNIDAD_DE_LA_AC = "Autoridad certificadora de pruebas (no es el SAT)"
# Los usos de la clave de una e.firma del SAT: firma digital y no repudio (y cifrado de datos y acuerdo de claves).
USOS_DE_EFIRMA = x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                               data_encipherment=True, key_agreement=True, key_cert_sign=False, crl_sign=False,
                               encipher_only=False, decipher_only=False)
# Lo que cabe en un PrintableString (X.680): el SAT guarda así el RFC; «&» o «Ñ» (que un RFC puede
# llevar) no caben, y entonces va en UTF8String.
_IMPRIMIBLES = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?")


@dataclass(frozen=True)
class Representante:
    """El representante legal de una persona moral: su RFC y su CURP van en la e.firma de la empresa."""

    rfc: str
    curp: str


@dataclass(frozen=True)
class Credencial:
    """Lo que entrega el SAT a un contribuyente: el .cer, el .key cifrado y su contraseña."""

    rfc: str
    nombre: str
    cer: bytes
    key: bytes
    contrasena: str

    @property
    def certificado(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(self.cer)

    def guardar(self, carpeta: Path, nombre: str) -> tuple[Path, Path]:
        """Escribe <nombre>.cer y <nombre>.key en la carpeta y devuelve sus rutas."""
        carpeta.mkdir(parents=True, exist_ok=True)
        cer, key = carpeta / f"{nombre}.cer", carpeta / f"{nombre}.key"
        cer.write_bytes(self.cer)
        key.write_bytes(self.key)
        return cer, key


def _numero_de_certificado() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(20))


def nombre_como_el_sat(nombre: str) -> str:
    """El nombre como lo escribe el SAT en la e.firma: mayúsculas sin acentos ni puntos ni comas
    («Escuela Kemper Urgate, S.A. de C.V.» → «ESCUELA KEMPER URGATE SA DE CV»). La Ñ se queda: es
    una letra, no un acento."""
    letras: list[str] = []
    for letra in unicodedata.normalize("NFD", nombre.upper()):
        if unicodedata.combining(letra) and not (letra == "\u0303" and letras and letras[-1] == "N"):
            continue
        letras.append(letra)
    sin_acentos = unicodedata.normalize("NFC", "".join(letras))
    return " ".join(sin_acentos.replace(".", "").replace(",", "").split())


def _texto(oid: x509.ObjectIdentifier, valor: str) -> x509.NameAttribute[str]:
    """Un atributo en PrintableString, como los pone el SAT, o en UTF8String si no cabe."""
    tipo = _ASN1Type.PrintableString if set(valor) <= _IMPRIMIBLES else _ASN1Type.UTF8String
    return x509.NameAttribute(oid, valor, tipo)


def _sujeto(rfc: str, nombre: str, correo: str, curp: str,
            representante: Representante | None) -> x509.Name:
    if representante is not None:
        if curp:
            raise ValueError("Una persona moral no tiene CURP: la de la e.firma es la de su representante.")
        identificador, poblacion = f"{rfc} / {representante.rfc}", f" / {representante.curp}"
    else:
        identificador, poblacion = rfc, curp
    nombre = nombre_como_el_sat(nombre)
    atributos = [
        x509.NameAttribute(NameOID.COMMON_NAME, nombre),
        x509.NameAttribute(OID_NOMBRE, nombre),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, nombre),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "MX"),
        x509.NameAttribute(NameOID.EMAIL_ADDRESS, correo or f"{rfc.lower()}@contribuyente.example"),
        _texto(OID_RFC, identificador),
    ]
    if poblacion:  # sin CURP (pruebas que no la necesitan), sin serialNumber
        atributos.append(_texto(OID_CURP, poblacion))
    return x509.Name(atributos)


def _cifrar_clave(clave: rsa.RSAPrivateKey, contrasena: str, iteraciones: int) -> bytes:
    """PKCS#8 cifrado como los .key del SAT: PBES2, PBKDF2 con HMAC-SHA1 (el predeterminado, que el
    archivo no nombra) y 3DES en modo CBC. cryptography no deja escoger ni el cifrado ni las
    iteraciones de un PKCS#8: se arma aquí con asn1crypto."""
    sal, iv = secrets.token_bytes(8), secrets.token_bytes(8)
    llave = PBKDF2HMAC(hashes.SHA1(), 24, sal, iteraciones).derive(contrasena.encode())
    claro = clave.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    rellenador = relleno.PKCS7(64).padder()
    cifrador = Cipher(TripleDES(llave), modes.CBC(iv)).encryptor()
    cifrado = cifrador.update(rellenador.update(claro) + rellenador.finalize()) + cifrador.finalize()
    derivacion = {"salt": algos.Pbkdf2Salt(name="specified", value=sal), "iteration_count": iteraciones}
    algoritmo = {"algorithm": "pbes2", "parameters": {
        "key_derivation_func": {"algorithm": "pbkdf2", "parameters": derivacion},
        "encryption_scheme": {"algorithm": "tripledes_3key", "parameters": iv}}}
    cifrada: bytes = keys.EncryptedPrivateKeyInfo(
        {"encryption_algorithm": algoritmo, "encrypted_data": cifrado}).dump()
    return cifrada


class AutoridadCertificadora:
    """Una AC raíz de pruebas que firma certificados con el formato de los del SAT.

    Su nombre imita la forma del de la AC de pruebas del SAT (CN, O, OU, C), no su contenido."""

    def __init__(self, nombre: str = "AC de pruebas del arnés") -> None:
        self._clave = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        sujeto = x509.Name([
            x509.NameAttribute(NameOID.COMMON_NAME, nombre),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANIZACION_DE_LA_AC),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, UNIDAD_DE_LA_AC),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "MX"),
        ])
        ahora = datetime.now(UTC)
        self.certificado = (
            x509.CertificateBuilder()
            .subject_name(sujeto)
            .issuer_name(sujeto)
            .public_key(self._clave.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(ahora - timedelta(days=3650))
            .not_valid_after(ahora + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                           critical=True)
            .sign(self._clave, hashes.SHA256())
        )

    @property
    def certificado_pem(self) -> str:
        return self.certificado.public_bytes(serialization.Encoding.PEM).decode()

    def emitir(
        self,
        rfc: str,
        nombre: str,
        contrasena: str,
        curp: str = "",
        desde: datetime | None = None,
        hasta: datetime | None = None,
        *,
        representante: Representante | None = None,
        correo: str = "",
        iteraciones_clave: int = ITERACIONES_DEL_SAT,
        usos: x509.KeyUsage | None = USOS_DE_EFIRMA,
    ) -> Credencial:
        """Emite la e.firma de un contribuyente, vigente entre desde y hasta (por omisión, 4 años).

        Con representante, la de una persona moral (RFC y CURP del representante legal); sin él, la
        de una física, con su curp. Sin correo, uno inventado a partir del RFC. iteraciones_clave
        cambia las de PBKDF2 del .key (para probar claves caras de abrir); `usos`, los de la clave (los de
        una e.firma del SAT; None: sin la extensión).
        """
        desde = desde or datetime.now(UTC) - timedelta(days=1)
        hasta = hasta or desde + timedelta(days=4 * 365)
        clave = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        numero = _numero_de_certificado()
        constructor = (
            x509.CertificateBuilder()
            .subject_name(_sujeto(rfc, nombre, correo, curp, representante))
            .issuer_name(self.certificado.subject)
            .public_key(clave.public_key())
            .serial_number(int.from_bytes(numero.encode("ascii"), "big"))
            .not_valid_before(desde)
            .not_valid_after(hasta)
        )
        if usos is not None:
            constructor = constructor.add_extension(usos, critical=True)
        certificado = constructor.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION, ExtendedKeyUsageOID.CLIENT_AUTH]),
            critical=False).sign(self._clave, hashes.SHA256())
        return Credencial(
            rfc=rfc,
            nombre=nombre,
            cer=certificado.public_bytes(serialization.Encoding.DER),
            key=_cifrar_clave(clave, contrasena, iteraciones_clave),
            contrasena=contrasena,
        )


def verificar_sello(cer: bytes, cadena_original: str, sello: str) -> bool:
    """¿Es sello (base64, RSA PKCS#1 v1.5, SHA-256) la firma de la cadena con la clave de ese .cer?"""
    llave = x509.load_der_x509_certificate(cer).public_key()
    if not isinstance(llave, rsa.RSAPublicKey):
        return False
    try:
        firma = base64.b64decode(sello, validate=True)
        llave.verify(firma, cadena_original.encode("utf-8"), padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, ValueError):
        return False
    return True
