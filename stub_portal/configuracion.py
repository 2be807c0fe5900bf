"""La configuración de un despliegue: del entorno (gunicorn, wsgi.py) o de la línea de órdenes
(`python -m stub_portal`). La clave secreta se configura; nunca se regenera en silencio. Las AC de
confianza se leen de una carpeta al arrancar; un archivo que no sirve impide arrancar. La piel (la
presentación, stub_portal/pieles) se elige al arrancar; una que no existe también lo impide."""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cryptography import x509

VARIABLE_CLAVE, VARIABLE_ARCHIVO_CLAVE = "CUPOS_CLAVE_SECRETA", "CUPOS_CLAVE_SECRETA_ARCHIVO"
LARGO_MINIMO_DE_CLAVE = 32
VARIABLE_TOKEN, VARIABLE_ARCHIVO_TOKEN = "CUPOS_API_DE_PRUEBAS_TOKEN", "CUPOS_API_DE_PRUEBAS_TOKEN_ARCHIVO"
VARIABLE_AUTORIDADES = "CUPOS_AUTORIDADES"
EXTENSIONES_DE_CERTIFICADO = (".cer", ".crt", ".pem")
VARIABLE_PIEL = "CUPOS_PIEL"
REFERENCIA, ALTERNATIVA = "referencia", "alternativa"
PIELES = (REFERENCIA, ALTERNATIVA)  # las presentaciones del portal (stub_portal/pieles)
bitacora = logging.getLogger(__name__)


class ErrorDeConfiguracion(RuntimeError):
    """La configuración no permite arrancar; el mensaje dice qué falta."""


def _validar(clave: str, origen: str) -> str:
    clave = clave.strip()
    if len(clave) < LARGO_MINIMO_DE_CLAVE:
        raise ErrorDeConfiguracion(
            f"La clave secreta de {origen} es demasiado corta: use al menos {LARGO_MINIMO_DE_CLAVE} "
            "caracteres al azar (por ejemplo, python -c 'import secrets; print(secrets.token_hex(32))').")
    return clave


def leer_clave_secreta(entorno: Mapping[str, str], archivo: Path | None = None,
                       crear_si_falta: bool = False) -> str:
    """La clave de CUPOS_CLAVE_SECRETA, del archivo de CUPOS_CLAVE_SECRETA_ARCHIVO o del archivo
    dado. Sólo con crear_si_falta (la demostración y el servidor de desarrollo) se crea el archivo,
    una vez, y se avisa en la bitácora; después siempre se lee el mismo."""
    if entorno.get(VARIABLE_CLAVE):
        return _validar(entorno[VARIABLE_CLAVE], VARIABLE_CLAVE)
    if entorno.get(VARIABLE_ARCHIVO_CLAVE):
        archivo = Path(entorno[VARIABLE_ARCHIVO_CLAVE])
    if archivo is None:
        raise ErrorDeConfiguracion(
            f"Falta la clave secreta: defina {VARIABLE_CLAVE} o {VARIABLE_ARCHIVO_CLAVE}.")
    if not archivo.exists():
        if not crear_si_falta:
            raise ErrorDeConfiguracion(f"No existe el archivo de la clave secreta {archivo}.")
        archivo.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(archivo, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as salida:
            salida.write(secrets.token_hex(32) + "\n")
        bitacora.warning("Se creó la clave secreta del portal en %s; consérvela: sin ella se cierran "
                         "todas las sesiones.", archivo)
    return _validar(archivo.read_text(encoding="utf-8"), str(archivo))


def validar_token_de_la_api(token: object) -> str:
    """El token de la API de pruebas: sin él, con la API encendida, el portal no arranca."""
    if not token:
        raise ErrorDeConfiguracion(
            f"La API de pruebas está encendida y no tiene token: defina {VARIABLE_TOKEN} (o "
            f"{VARIABLE_ARCHIVO_TOKEN}, un archivo que lo tiene) con al menos {LARGO_MINIMO_DE_CLAVE} "
            "caracteres al azar. Quien tiene la API crea funcionarios y e.firmas: nadie la usa sin él.")
    if len(str(token)) < LARGO_MINIMO_DE_CLAVE:
        raise ErrorDeConfiguracion(
            f"El token de la API de pruebas es demasiado corto: use al menos {LARGO_MINIMO_DE_CLAVE} caracteres "
            "al azar (por ejemplo, python -c 'import secrets; print(secrets.token_urlsafe(32))').")
    return str(token)


def leer_token_de_la_api(entorno: Mapping[str, str]) -> str:
    """El token de CUPOS_API_DE_PRUEBAS_TOKEN o del archivo de CUPOS_API_DE_PRUEBAS_TOKEN_ARCHIVO."""
    if entorno.get(VARIABLE_ARCHIVO_TOKEN) and not entorno.get(VARIABLE_TOKEN):
        archivo = Path(entorno[VARIABLE_ARCHIVO_TOKEN])
        if not archivo.is_file():
            raise ErrorDeConfiguracion(f"No existe el archivo del token de la API de pruebas {archivo}.")
        return validar_token_de_la_api(archivo.read_text(encoding="utf-8").strip())
    return validar_token_de_la_api(entorno.get(VARIABLE_TOKEN, "").strip())


def validar_piel(valor: object, origen: str) -> str:
    """El nombre de la piel, o un error que dice cuáles hay; `origen` es la opción o la variable que
    la dio."""
    if valor not in PIELES:
        raise ErrorDeConfiguracion(
            f"No existe la piel «{valor}» ({origen}): use «{REFERENCIA}» (la de siempre, por omisión) "
            f"o «{ALTERNATIVA}».")
    return str(valor)


def _certificados_del_archivo(archivo: Path) -> list[x509.Certificate]:
    contenido = archivo.read_bytes()
    try:
        if b"-----BEGIN" in contenido:  # PEM, quizá con varias AC en el mismo archivo
            return x509.load_pem_x509_certificates(contenido)
        return [x509.load_der_x509_certificate(contenido)]
    except ValueError:
        raise ErrorDeConfiguracion(
            f"La carpeta de autoridades certificadoras tiene {archivo}, que no es un certificado "
            "(PEM o DER): quítelo o cámbielo por el certificado de la AC.") from None


def _es_autoridad(certificado: x509.Certificate) -> bool:
    try:
        return certificado.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        return False


def leer_autoridades(carpeta: Path) -> list[x509.Certificate]:
    """Los certificados de las AC en cuyas e.firmas confía el portal, además de las que registre la
    API de pruebas: cada archivo .cer, .crt o .pem de la carpeta, en PEM o DER (por ejemplo, el de la
    AC de pruebas del SAT, para entrar con sus e.firmas de prueba publicadas). Se confía en la AC que
    emite la e.firma, no en la cadena: ponga la AC emisora (la intermedia), no sólo la raíz.

    Cualquier otro archivo (salvo los ocultos), o uno que no sea el certificado de una AC, impide
    arrancar con un mensaje que lo nombra: una AC que no se carga en silencio sólo se notaría después,
    al rechazar todas sus e.firmas."""
    if not carpeta.is_dir():
        raise ErrorDeConfiguracion(f"No existe la carpeta de autoridades certificadoras {carpeta}.")
    autoridades: list[x509.Certificate] = []
    for archivo in sorted(carpeta.iterdir()):
        if archivo.name.startswith("."):
            continue
        if not archivo.is_file() or archivo.suffix.lower() not in EXTENSIONES_DE_CERTIFICADO:
            raise ErrorDeConfiguracion(
                f"La carpeta de autoridades certificadoras tiene {archivo}, que no es un certificado: "
                f"sólo admite archivos {', '.join(EXTENSIONES_DE_CERTIFICADO)} (PEM o DER).")
        for certificado in _certificados_del_archivo(archivo):
            if not _es_autoridad(certificado):
                sujeto = certificado.subject.rfc4514_string()
                raise ErrorDeConfiguracion(
                    f"La carpeta de autoridades certificadoras tiene {archivo}, que no es el certificado "
                    f"de una AC ({sujeto} no dice CA:TRUE en sus restricciones básicas): ponga el de la "
                    "AC que emite las e.firmas, no el de una e.firma.")
            autoridades.append(certificado)
    bitacora.info("Autoridades certificadoras de confianza de %s: %s", carpeta,
                  "; ".join(a.subject.rfc4514_string() for a in autoridades) or "ninguna")
    return autoridades


def _limite(entorno: Mapping[str, str], variable: str) -> dict[str, int]:
    """Un límite de intentos de acceso del entorno, si lo dice: un entero positivo."""
    valor = entorno.get(variable, "").strip()
    if not valor:
        return {}
    if not valor.isdigit() or int(valor) < 1:
        raise ErrorDeConfiguracion(f"{variable} debe ser un número entero positivo (dice «{valor}»).")
    return {variable.removeprefix("CUPOS_"): int(valor)}


def del_entorno(entorno: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """La configuración de create_app para un despliegue servido por gunicorn (ver wsgi.py)."""
    base = entorno.get("CUPOS_BASE_DE_DATOS")
    if not base:
        raise ErrorDeConfiguracion("Falta CUPOS_BASE_DE_DATOS (una URL de SQLAlchemy).")
    api = entorno.get("CUPOS_API_DE_PRUEBAS") == "1"
    return {
        "BASE_DE_DATOS": base,
        "SMTP": entorno.get("CUPOS_SMTP") or None,
        "API_DE_PRUEBAS": api,
        **({"TOKEN_API_DE_PRUEBAS": leer_token_de_la_api(entorno)} if api else {}),
        **_limite(entorno, "CUPOS_INTENTOS_POR_CERTIFICADO"),
        **_limite(entorno, "CUPOS_INTENTOS_POR_DIRECCION"),
        "SESSION_COOKIE_SECURE": entorno.get("CUPOS_COOKIE_SEGURA") == "1",
        "AUTORIDADES": entorno.get(VARIABLE_AUTORIDADES) or None,
        "PIEL": validar_piel(entorno.get(VARIABLE_PIEL) or REFERENCIA, VARIABLE_PIEL),
        "SECRET_KEY": leer_clave_secreta(entorno),
    }
