"""Entrada hostil, como funciones puras: caracteres de control en lo capturado, nombres de archivo
subidos, la cabecera Content-Disposition de una descarga y los ids numéricos de una URL."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from werkzeug.http import quote_header_value
from werkzeug.routing import BaseConverter, ValidationError

MENSAJE_CARACTERES_DE_CONTROL = (
    "El texto capturado o el nombre de un archivo contiene caracteres no permitidos.")
LARGO_MAXIMO_DE_NOMBRE = 120
NOMBRE_POR_OMISION = "archivo"
MAXIMO_ID = 2**31 - 1  # los id son INTEGER: el mayor de PostgreSQL (SQLite admite más)

# C0 salvo tabulador, LF y CR; DEL; C1; y suplentes sueltos, que no son texto (no se codifican en
# UTF-8). PostgreSQL rechaza NUL en un campo de texto: sin esto, un %00 sería un error 500.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Invisibles que no van en un nombre de archivo: controles, formato (los bidireccionales, que
# disfrazan "factura\u202efdp.exe" de "factura.exe.pdf") y suplentes sueltos.
_INVISIBLES = frozenset({"Cc", "Cf", "Cs"})
_LARGO_MAXIMO_DE_EXTENSION = 16
_ENTERO_DE_RUTA = "[1-9][0-9]{0,9}"  # sin signo, sin ceros a la izquierda, dígitos ASCII
_ATTR_CHAR = "!#$&+-.^_`|~"  # RFC 5987: lo que va sin codificar en filename*, además de letras y dígitos


def texto_con_caracteres_de_control(valor: str) -> bool:
    """¿Trae el texto NUL u otro carácter de control (fuera de tabulador, CR y LF)?"""
    return _CONTROL.search(valor) is not None


def nombre_de_archivo_seguro(nombre: str) -> str:
    """El nombre con que se guarda y se descarga un archivo subido.

    Sólo el nombre, sin carpetas (ni / ni \\, así que tampoco ../), en NFC, sin caracteres
    invisibles, con los espacios juntos y sin puntos ni espacios en los extremos (".htaccess" o
    ".." no quedan ocultos ni son rutas); a lo más 120 caracteres, conservando la extensión. Las
    letras con acento, los guiones largos y los emoji se quedan: la descarga los lleva en filename*.
    Nunca vacío: "archivo" si no queda nada.
    """
    base = re.split(r"[/\\]", nombre or "")[-1]
    visible = "".join(c for c in unicodedata.normalize("NFC", base)
                      if c.isspace() or unicodedata.category(c) not in _INVISIBLES)
    limpio = " ".join(visible.split()).strip(" .")
    if len(limpio) > LARGO_MAXIMO_DE_NOMBRE:
        raiz, punto, extension = limpio.rpartition(".")
        if punto and 0 < len(extension) <= _LARGO_MAXIMO_DE_EXTENSION:
            raiz = raiz[:LARGO_MAXIMO_DE_NOMBRE - len(extension) - 1].rstrip(" .")
            limpio = f"{raiz}.{extension}"
        else:
            limpio = limpio[:LARGO_MAXIMO_DE_NOMBRE].rstrip(" .")
    return limpio or NOMBRE_POR_OMISION


def _respaldo_ascii(nombre: str) -> str:
    """El nombre para navegadores sin filename*: sin acentos y con "_" en lo que no es ASCII
    imprimible o podría leerse distinto (comillas, diagonales y %, que algunos decodifican)."""
    sin_acentos = (c for c in unicodedata.normalize("NFKD", nombre) if not unicodedata.combining(c))
    return "".join(c if " " <= c <= "~" and c not in '"\\/%' else "_" for c in sin_acentos)


def content_disposition(nombre: str) -> str:
    """El valor de Content-Disposition (RFC 6266) para descargar un archivo con ese nombre.

    El nombre pasa antes por nombre_de_archivo_seguro. filename lleva un respaldo ASCII entre
    comillas; si no coincide con el nombre, filename*=UTF-8''… lleva el nombre exacto, que es el que
    usan los navegadores actuales. Werkzeug no expone como pública la función con que send_file
    arma esta cabecera; sí quote_header_value, que se usa aquí.
    """
    seguro = nombre_de_archivo_seguro(nombre)
    respaldo = _respaldo_ascii(seguro)
    valor = f"attachment; filename={quote_header_value(respaldo, allow_token=False)}"
    if respaldo != seguro:
        valor += f"; filename*=UTF-8''{quote(seguro, safe=_ATTR_CHAR)}"
    return valor


def leer_entero_de_ruta(texto: str) -> int | None:
    """Un id de una URL: de 1 a MAXIMO_ID, en dígitos ASCII sin ceros a la izquierda; si no, None.

    Fuera de ese intervalo, el controlador de la base de datos lanzaría OverflowError (un 500).
    """
    if re.fullmatch(_ENTERO_DE_RUTA, texto) is None:
        return None
    numero = int(texto)
    return numero if numero <= MAXIMO_ID else None


class EnteroAcotado(BaseConverter):
    """Convertidor de rutas para ids: `app.url_map.converters["id"] = EnteroAcotado` y
    `@bp.get("/adjuntos/<id:numero>")`. Lo que leer_entero_de_ruta no acepta es un 404.

    Como <int(min=1, max=2**63 - 1):…> de Werkzeug, pero sin dígitos no ASCII (la expresión de <int>
    es \\d+: /adjuntos/١٢٣ sería el adjunto 123) ni ceros a la izquierda, y sin repetir el tope.
    """

    regex = _ENTERO_DE_RUTA
    weight = 50  # como los convertidores numéricos de Werkzeug: antes que una ruta de texto

    def to_python(self, value: str) -> int:
        numero = leer_entero_de_ruta(value)
        if numero is None:
            raise ValidationError()
        return numero

    def to_url(self, value: int) -> str:
        return str(int(value))
