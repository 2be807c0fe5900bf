"""Las copias de documentos que adjunta el solicitante (pedimentos, factura comercial, documento de
transporte), como funciones puras: cada copia es lo que dice ser, un PDF.

Un PDF aceptable empieza con «%PDF-», pypdf lo abre, no está cifrado, tiene al menos una página y no
trae JavaScript. El JavaScript se busca en los objetos, no en los bytes: dentro de un flujo de objetos
comprimido (/ObjStm) no se ve, y un nombre puede escribirse con «#» (/J#53 es /JS). Se recorre todo lo
que se alcanza desde el trailer (el catálogo con su /OpenAction, su /AA y su árbol /Names /JavaScript,
las páginas con sus anotaciones y acciones, /Info…), cada objeto indirecto una sola vez y a lo más
MAXIMO_DE_OBJETOS contenedores. También se rechazan los formularios XFA, que traen sus propios scripts, y
el contenido activo que no es JavaScript: acciones que abren programas o envían o traen datos (/Launch,
/SubmitForm, /ImportData, /GoToE, /RichMediaExecute) y archivos incrustados (/EmbeddedFiles, /EF,
/RichMedia). Una liga a un sitio (/URI) sí se acepta: el lector pregunta antes de abrirla.
"""

from __future__ import annotations

import enum
import functools
import io

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from stub_portal.reglas import ErrorCaptura

ENCABEZADO = b"%PDF-"
# Diccionarios y arreglos que se revisan de un archivo: uno de 2 MB (lo más que recibe el portal) con
# texto y fuentes tiene unos cientos o miles; más es un archivo hecho para cansar al portal (revisar
# 20,000 toma alrededor de un segundo).
MAXIMO_DE_OBJETOS = 20_000
# /JS: el código de una acción; /JavaScript: el árbol de nombres del catálogo (/Names /JavaScript);
# /XFA: un formulario XFA, con scripts propios dentro de su XML.
_CLAVES_CON_CODIGO = frozenset({"/JS", "/JavaScript", "/XFA"})
_ACCIONES_ACTIVAS = frozenset({"/Launch", "/SubmitForm", "/ImportData", "/GoToE", "/RichMediaExecute"})
_CLAVES_ACTIVAS = frozenset({"/EmbeddedFiles", "/EF", "/RichMedia"})
_FUENTE, _TAMANO, _MARGEN = "Helvetica", 11, 25 * mm


class Falla(enum.Enum):
    """Por qué una copia no es un PDF aceptable."""

    NO_ES_PDF = "no empieza con %PDF-"
    ILEGIBLE = "pypdf no lo puede leer"
    CIFRADO = "está cifrado: su contenido no se puede revisar"
    SIN_PAGINAS = "no tiene páginas"
    DEMASIADOS_OBJETOS = "tiene más objetos de los que se revisan"
    JAVASCRIPT = "trae JavaScript"
    ACTIVO = "trae acciones que abren programas o envían datos, o archivos incrustados"


class _DemasiadosObjetos(Exception):
    """El recorrido pasó de MAXIMO_DE_OBJETOS."""


def validar_copia(nombre: str, contenido: bytes) -> None:
    """Nada, si la copia es un PDF aceptable; si no, ErrorCaptura con el motivo y el nombre del archivo."""
    falla = revisar_pdf(contenido)
    if falla is Falla.NO_ES_PDF:
        raise ErrorCaptura(f"El archivo «{nombre}» no es un PDF: adjunte la copia del documento en PDF.")
    if falla is Falla.ILEGIBLE:
        raise ErrorCaptura(f"El archivo «{nombre}» está dañado o incompleto y no se puede abrir como PDF: "
                           "adjunte otra copia del documento.")
    if falla is Falla.CIFRADO:
        raise ErrorCaptura(f"El archivo «{nombre}» está cifrado o protegido con contraseña y no se puede "
                           "revisar: adjunte un PDF sin protección.")
    if falla is Falla.SIN_PAGINAS:
        raise ErrorCaptura(f"El archivo «{nombre}» es un PDF sin páginas: adjunte la copia completa del "
                           "documento.")
    if falla is Falla.DEMASIADOS_OBJETOS:
        raise ErrorCaptura(f"El archivo «{nombre}» tiene más de {MAXIMO_DE_OBJETOS:,} objetos y no se puede "
                           "revisar: adjunte una copia más sencilla del documento.")
    if falla is Falla.JAVASCRIPT:
        raise ErrorCaptura(f"El archivo «{nombre}» contiene JavaScript; adjunte un PDF sin código.")
    if falla is Falla.ACTIVO:
        raise ErrorCaptura(f"El archivo «{nombre}» contiene acciones que abren programas o envían datos, o "
                           "archivos incrustados; adjunte un PDF sin ellos.")


def revisar_pdf(contenido: bytes) -> Falla | None:
    """Por qué el contenido no es un PDF aceptable, o None si lo es."""
    if not contenido.startswith(ENCABEZADO):
        return Falla.NO_ES_PDF
    try:
        lector = PdfReader(io.BytesIO(contenido), strict=False)
        if lector.is_encrypted:
            return Falla.CIFRADO
        if len(lector.pages) == 0:
            return Falla.SIN_PAGINAS
        return _contenido_activo(lector.trailer)
    except _DemasiadosObjetos:
        return Falla.DEMASIADOS_OBJETOS
    except Exception:  # un archivo dañado hace fallar a pypdf de muchas maneras (PdfReadError, ValueError…)
        return Falla.ILEGIBLE


def _activo(diccionario: DictionaryObject) -> Falla | None:
    """Lo que trae el diccionario: JavaScript (una acción /S /JavaScript o una clave de _CLAVES_CON_CODIGO),
    otro contenido activo (una acción de _ACCIONES_ACTIVAS o una clave de _CLAVES_ACTIVAS), o nada."""
    claves = diccionario.keys()
    tipo = diccionario.get("/S")
    if isinstance(tipo, IndirectObject):
        tipo = tipo.get_object()
    if not _CLAVES_CON_CODIGO.isdisjoint(claves) or tipo == "/JavaScript":
        return Falla.JAVASCRIPT
    if not _CLAVES_ACTIVAS.isdisjoint(claves) or tipo in _ACCIONES_ACTIVAS:
        return Falla.ACTIVO
    return None


def _contenido_activo(raiz: DictionaryObject) -> Falla | None:
    """Recorre el grafo de objetos desde la raíz, sin recursión: cada objeto indirecto una sola vez
    (las páginas apuntan a su /Parent, que apunta a ellas) y a lo más MAXIMO_DE_OBJETOS contenedores."""
    pendientes: list[object] = [raiz]
    vistos: set[tuple[int, int]] = set()
    revisados = 0
    while pendientes:
        objeto = pendientes.pop()
        if isinstance(objeto, IndirectObject):
            if (objeto.idnum, objeto.generation) not in vistos:
                vistos.add((objeto.idnum, objeto.generation))
                pendientes.append(objeto.get_object())
            continue
        if isinstance(objeto, DictionaryObject):  # también los flujos (StreamObject): su diccionario
            if falla := _activo(objeto):
                return falla
            pendientes.extend(objeto.values())
        elif isinstance(objeto, ArrayObject):
            pendientes.extend(objeto)
        else:
            continue
        revisados += 1
        if revisados > MAXIMO_DE_OBJETOS:
            raise _DemasiadosObjetos
    return None


@functools.lru_cache(maxsize=16)
def pdf_de_una_pagina(texto: str) -> bytes:
    """Un PDF de una página tamaño carta con el texto en renglones (lo que no cabe, se queda fuera): la
    copia de un documento que adjuntan la API de pruebas y la demostración. El mismo texto da siempre
    los mismos bytes (sin fecha ni identificador al azar)."""
    destino = io.BytesIO()
    lienzo = Canvas(destino, pagesize=LETTER, invariant=True)
    ancho, alto = LETTER
    lienzo.setFont(_FUENTE, _TAMANO)
    y = alto - _MARGEN
    for renglon in simpleSplit(texto, _FUENTE, _TAMANO, ancho - 2 * _MARGEN):
        if y < _MARGEN:
            break
        lienzo.drawString(_MARGEN, y, renglon)
        y -= _TAMANO * 1.4
    lienzo.showPage()
    lienzo.save()
    return destino.getvalue()
