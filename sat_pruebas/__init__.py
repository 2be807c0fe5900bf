"""Un SAT de pruebas: autoridad certificadora desechable que emite credenciales de e.firma.

Ni el portal ni el arnés son el SAT. El portal la usa para su demostración y el arnés para sus
escenarios; en ambos casos las credenciales son de juguete: nunca use archivos de e.firma reales.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from asn1crypto import algos, keys
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives import padding as relleno
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.x509.oid import NameOID

OID_RFC = x509.ObjectIdentifier("2.5.4.45")  # x500UniqueIdentifier, donde el SAT pone el RFC
OID_CURP = NameOID.SERIAL_NUMBER  # 2.5.4.5, donde el SAT pone la CURP


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


def _cifrar_clave(clave: rsa.RSAPrivateKey, contrasena: str, iteraciones: int) -> bytes:
    """PKCS#8 cifrado como el de BestAvailableEncryption (PBES2, PBKDF2 con HMAC-SHA256 y AES-256-CBC),
    pero con las iteraciones que se pidan: cryptography no deja escogerlas para PKCS#8."""
    sal, iv = secrets.token_bytes(16), secrets.token_bytes(16)
    llave = PBKDF2HMAC(hashes.SHA256(), 32, sal, iteraciones).derive(contrasena.encode())
    claro = clave.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    rellenador = relleno.PKCS7(128).padder()
    cifrador = Cipher(algorithms.AES(llave), modes.CBC(iv)).encryptor()
    cifrado = cifrador.update(rellenador.update(claro) + rellenador.finalize()) + cifrador.finalize()
    derivacion = {"salt": algos.Pbkdf2Salt(name="specified", value=sal), "iteration_count": iteraciones,
                  "prf": {"algorithm": "sha256"}}
    algoritmo = {"algorithm": "pbes2", "parameters": {
        "key_derivation_func": {"algorithm": "pbkdf2", "parameters": derivacion},
        "encryption_scheme": {"algorithm": "aes256_cbc", "parameters": iv}}}
    cifrada: bytes = keys.EncryptedPrivateKeyInfo(
        {"encryption_algorithm": algoritmo, "encrypted_data": cifrado}).dump()
    return cifrada


class AutoridadCertificadora:
    """Una AC raíz de pruebas que firma certificados con el formato de los del SAT."""

    def __init__(self, nombre: str = "AC de pruebas del SAT") -> None:
        self._clave = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        sujeto = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, nombre)])
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
        iteraciones_clave: int | None = None,
    ) -> Credencial:
        """Emite la e.firma de un contribuyente, vigente entre desde y hasta (por omisión, 4 años).

        Con iteraciones_clave, el .key se cifra con ese número de iteraciones de PBKDF2 (para probar
        claves caras de abrir); sin él, con el cifrado por omisión de cryptography.
        """
        desde = desde or datetime.now(UTC) - timedelta(days=1)
        hasta = hasta or desde + timedelta(days=4 * 365)
        clave = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        atributos = [
            x509.NameAttribute(NameOID.COMMON_NAME, nombre),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, nombre),
            x509.NameAttribute(OID_RFC, rfc),
        ]
        if curp:
            atributos.append(x509.NameAttribute(OID_CURP, curp))
        numero = _numero_de_certificado()
        certificado = (
            x509.CertificateBuilder()
            .subject_name(x509.Name(atributos))
            .issuer_name(self.certificado.subject)
            .public_key(clave.public_key())
            .serial_number(int.from_bytes(numero.encode("ascii"), "big"))
            .not_valid_before(desde)
            .not_valid_after(hasta)
            .sign(self._clave, hashes.SHA256())
        )
        if iteraciones_clave is None:
            key = clave.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.BestAvailableEncryption(contrasena.encode()),
            )
        else:
            key = _cifrar_clave(clave, contrasena, iteraciones_clave)
        return Credencial(
            rfc=rfc,
            nombre=nombre,
            cer=certificado.public_bytes(serialization.Encoding.DER),
            key=key,
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
