"""Firma de los PDF como documentos (PAdES, pyHanko) con el certificado de prueba de la Secretaría.

La primera vez que arranca, el portal crea una AC raíz de prueba de la Secretaría y un certificado
de firma de documentos, y los guarda en su base; publica la raíz para que cualquiera valide.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from datetime import UTC, datetime

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore
from sqlalchemy.orm import Session, sessionmaker

from stub_portal.modelo import Ajuste

# asn1crypto 1.5.1, con que pyHanko lee los certificados, espera x500UniqueIdentifier (2.5.4.45) como
# BIT STRING (X.520) y no abre un certificado del SAT, que pone ahí el RFC en PrintableString («tag should
# have been 3, but 19 was found»; wbond/asn1crypto#228, abierto). Se registra como DirectoryString al
# importar este módulo, antes de que pyHanko lea un certificado. El arnés hace lo mismo en
# fixtures/documentos.py.
asn1_x509.NameTypeAndValue._oid_specs[asn1_x509.NameType.map("2.5.4.45")] = asn1_x509.DirectoryString

_CLAVES = ("se_raiz_pem", "se_certificado_pem", "se_clave_pem")
_DESDE, _HASTA = datetime(2010, 1, 1, tzinfo=UTC), datetime(2045, 12, 31, tzinfo=UTC)


def _nombre(comun: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, comun),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Secretaría de Economía (pruebas)"),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "MX"),
    ])


def _crear() -> tuple[str, str, str]:
    clave_raiz = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    raiz = (
        x509.CertificateBuilder().subject_name(_nombre("AC de pruebas de la Secretaría de Economía"))
        .issuer_name(_nombre("AC de pruebas de la Secretaría de Economía"))
        .public_key(clave_raiz.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(_DESDE).not_valid_after(_HASTA)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                       critical=True)
        .sign(clave_raiz, hashes.SHA256())
    )
    clave = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    certificado = (
        x509.CertificateBuilder().subject_name(_nombre("Secretaría de Economía - Firma de documentos"))
        .issuer_name(raiz.subject).public_key(clave.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(_DESDE).not_valid_after(_HASTA)
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                       critical=True)
        .sign(clave_raiz, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    return (
        raiz.public_bytes(pem).decode(),
        certificado.public_bytes(pem).decode(),
        clave.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode(),
    )


class _FirmanteConHoraDelPortal(signers.PdfSigner):
    """pyHanko toma la hora de firma del sistema; aquí, como todo, sale del reloj del portal."""

    def __init__(self, *args: object, hora: datetime, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._hora = hora

    def init_signing_session(self, pdf_out, existing_fields_only=False):  # type: ignore[no-untyped-def]
        sesion = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        sesion.system_time = self._hora
        return sesion


@dataclass(frozen=True)
class FirmaDeLaSecretaria:
    raiz_pem: str
    certificado_pem: str
    clave_pem: str

    @classmethod
    def cargar_o_crear(cls, sesiones: sessionmaker[Session]) -> FirmaDeLaSecretaria:
        with sesiones.begin() as sesion:
            guardados = [sesion.get(Ajuste, clave) for clave in _CLAVES]
            if any(g is None for g in guardados):
                valores = _crear()
                for clave, valor in zip(_CLAVES, valores, strict=True):
                    sesion.merge(Ajuste(clave=clave, valor=valor))
                return cls(*valores)
            return cls(*(g.valor for g in guardados if g is not None))

    @classmethod
    def cargar(cls, sesiones: sessionmaker[Session]) -> FirmaDeLaSecretaria:
        """La firma ya creada al preparar la base; sin ella, el portal no arranca."""
        with sesiones() as sesion:
            guardados = [sesion.get(Ajuste, clave) for clave in _CLAVES]
        if any(g is None for g in guardados):
            raise RuntimeError("La base no está preparada: ejecute python -m stub_portal --preparar.")
        return cls(*(g.valor for g in guardados if g is not None))

    def firmar(self, pdf: bytes, razon: str, hora: datetime) -> bytes:
        """Agrega al PDF una firma PAdES invisible de la Secretaría, con la hora dada."""
        datos = signers.PdfSignatureMetadata(
            field_name="FirmaSecretaria", reason=razon, location="Ciudad de México",
            subfilter=fields.SigSeedSubFilter.PADES, name="Secretaría de Economía",
        )
        salida = _FirmanteConHoraDelPortal(datos, signer=_firmante(self), hora=hora).sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(pdf)))
        firmado: bytes = salida.getvalue()
        return firmado


class _FirmanteEnMemoria(signers.Signer):
    """Como el SimpleSigner de pyHanko, pero con la clave ya abierta: aquél vuelve a leer y validar
    la clave RSA en cada firma (unos 25 ms, dos veces por documento)."""

    def __init__(self, certificado: asn1_x509.Certificate, clave: rsa.RSAPrivateKey,
                 raiz: asn1_x509.Certificate) -> None:
        super().__init__(signing_cert=certificado,
                         cert_registry=SimpleCertificateStore.from_certs([raiz]))  # type: ignore[no-untyped-call]
        self._clave = clave

    async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run: bool = False) -> bytes:
        digestos = {"sha256": hashes.SHA256(), "sha384": hashes.SHA384(), "sha512": hashes.SHA512()}
        return self._clave.sign(data, padding.PKCS1v15(), digestos[digest_algorithm])


@functools.cache
def _firmante(firma: FirmaDeLaSecretaria) -> _FirmanteEnMemoria:
    def asn1(pem: str) -> asn1_x509.Certificate:
        return asn1_x509.Certificate.load(
            x509.load_pem_x509_certificate(pem.encode()).public_bytes(serialization.Encoding.DER))

    clave = serialization.load_pem_private_key(firma.clave_pem.encode(), password=None)
    assert isinstance(clave, rsa.RSAPrivateKey)
    return _FirmanteEnMemoria(asn1(firma.certificado_pem), clave, asn1(firma.raiz_pem))
