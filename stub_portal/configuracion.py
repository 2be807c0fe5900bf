"""La configuración de un despliegue: del entorno (gunicorn, wsgi.py) o de la línea de órdenes
(`python -m stub_portal`). La clave secreta se configura; nunca se regenera en silencio."""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

VARIABLE_CLAVE, VARIABLE_ARCHIVO_CLAVE = "CUPOS_CLAVE_SECRETA", "CUPOS_CLAVE_SECRETA_ARCHIVO"
LARGO_MINIMO_DE_CLAVE = 32
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


def del_entorno(entorno: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """La configuración de create_app para un despliegue servido por gunicorn (ver wsgi.py)."""
    base = entorno.get("CUPOS_BASE_DE_DATOS")
    if not base:
        raise ErrorDeConfiguracion("Falta CUPOS_BASE_DE_DATOS (una URL de SQLAlchemy).")
    return {
        "BASE_DE_DATOS": base,
        "SMTP": entorno.get("CUPOS_SMTP") or None,
        "API_DE_PRUEBAS": entorno.get("CUPOS_API_DE_PRUEBAS") == "1",
        "SESSION_COOKIE_SECURE": entorno.get("CUPOS_COOKIE_SEGURA") == "1",
        "SECRET_KEY": leer_clave_secreta(entorno),
    }
