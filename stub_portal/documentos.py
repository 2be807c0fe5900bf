"""Los documentos del portal en PDF: acuses y resoluciones (reportlab, fuente Vera embebida).

Todos siguen la misma forma: encabezado, «Etiqueta: valor» por renglón, secciones, y al final la
cadena original y el sello de quien firmó el trámite, en renglones de ancho fijo para que quien
los lea del PDF recupere el texto exacto uniendo los renglones.
"""

from __future__ import annotations

import dataclasses
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

_FUENTES = Path(reportlab.__file__).parent / "fonts"
pdfmetrics.registerFont(TTFont("Vera", str(_FUENTES / "Vera.ttf")))
pdfmetrics.registerFont(TTFont("Vera-Bold", str(_FUENTES / "VeraBd.ttf")))

_MARGEN = 20 * mm
_ALTO_LINEA = 5 * mm
_ANCHO_BLOQUE = 90


@dataclass
class Documento:
    titulo: str
    tramite: str
    campos: list[tuple[str, str]] = field(default_factory=list)
    secciones: list[tuple[str, list[str]]] = field(default_factory=list)
    numero_certificado: str = ""
    cadena_original: str = ""
    sello: str = ""
    quien_sella: str = "del solicitante"


    def a_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False)

    @classmethod
    def de_json(cls, texto: str) -> Documento:
        datos = json.loads(texto)
        return cls(**{**datos, "campos": [tuple(c) for c in datos["campos"]],
                      "secciones": [(t, list(r)) for t, r in datos["secciones"]]})


class _Hoja:
    """Un lienzo que escribe renglón tras renglón y salta de página cuando se acaba."""

    def __init__(self, destino: io.BytesIO, titulo: str) -> None:
        self.lienzo = Canvas(destino, pagesize=LETTER, pageCompression=1)
        self.lienzo.setTitle(titulo)
        self.lienzo.setAuthor("Ventanilla Única de Comercio Exterior Mexicana (portal de referencia)")
        self.y = LETTER[1] - _MARGEN

    def linea(self, texto: str, fuente: str = "Vera", tamano: int = 10) -> None:
        if self.y < _MARGEN:
            self.lienzo.showPage()
            self.y = LETTER[1] - _MARGEN
        self.lienzo.setFont(fuente, tamano)
        self.lienzo.drawString(_MARGEN, self.y, texto)
        self.y -= _ALTO_LINEA * tamano / 10

    def bloque(self, texto: str) -> None:
        for inicio in range(0, len(texto), _ANCHO_BLOQUE):
            self.linea(texto[inicio:inicio + _ANCHO_BLOQUE], "Vera", 8)

    def espacio(self) -> None:
        self.y -= _ALTO_LINEA


def generar_pdf(documento: Documento) -> bytes:
    destino = io.BytesIO()
    hoja = _Hoja(destino, documento.titulo)
    hoja.linea("Ventanilla Única de Comercio Exterior Mexicana", "Vera-Bold", 12)
    hoja.linea("Secretaría de Economía")
    hoja.espacio()
    hoja.linea(documento.titulo, "Vera-Bold", 14)
    hoja.linea(documento.tramite)
    hoja.espacio()
    for etiqueta, valor in documento.campos:
        hoja.linea(f"{etiqueta}: {valor}")
    for titulo, renglones in documento.secciones:
        hoja.espacio()
        hoja.linea(titulo, "Vera-Bold", 11)
        for renglon in renglones:
            hoja.linea(renglon)
    hoja.espacio()
    hoja.linea(f"Número de certificado de la e.firma: {documento.numero_certificado}")
    hoja.linea("Cadena original:", "Vera-Bold", 10)
    hoja.bloque(documento.cadena_original)
    hoja.linea(f"Sello digital {documento.quien_sella} (RSA-SHA256, base64):", "Vera-Bold", 10)
    hoja.bloque(documento.sello)
    hoja.lienzo.save()
    return destino.getvalue()
