"""El acuse de recepción de trámite en PDF (reportlab, con la fuente Vera que trae embebida)."""

from __future__ import annotations

import io
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from stub_portal.modelo import Solicitud
from stub_portal.reglas import formato_monto

_FUENTES = Path(reportlab.__file__).parent / "fonts"
pdfmetrics.registerFont(TTFont("Vera", str(_FUENTES / "Vera.ttf")))
pdfmetrics.registerFont(TTFont("Vera-Bold", str(_FUENTES / "VeraBd.ttf")))

_MARGEN = 20 * mm
_ALTO_LINEA = 5 * mm


class _Hoja:
    """Un lienzo que escribe línea tras línea y salta de página cuando se acaba."""

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

    def bloque(self, texto: str, ancho: int = 90) -> None:
        """Texto partido en renglones de ancho fijo sin tocar un carácter: quien lo lea del PDF
        recupera el original uniendo los renglones tal cual (la cadena original y el sello)."""
        for inicio in range(0, len(texto), ancho):
            self.linea(texto[inicio:inicio + ancho], "Vera", 8)

    def espacio(self) -> None:
        self.y -= _ALTO_LINEA


def acuse_de_cancelacion(solicitud: Solicitud) -> bytes:
    """El acuse de una solicitud de cancelación firmada: todo lo que la cadena original sella."""
    assert solicitud.folio and solicitud.recibida_en
    destino = io.BytesIO()
    hoja = _Hoja(destino, f"Acuse de recepción de trámite {solicitud.folio}")
    hoja.linea("Ventanilla Única de Comercio Exterior Mexicana", "Vera-Bold", 12)
    hoja.linea("Secretaría de Economía")
    hoja.espacio()
    hoja.linea("Acuse de recepción de trámite", "Vera-Bold", 14)
    hoja.linea("Cancelación de Certificados a Petición del Interesado")
    hoja.espacio()
    solicitante = solicitud.solicitante
    hoja.linea(f"Número de folio de trámite: {solicitud.folio}")
    hoja.linea(f"Fecha de recepción: {solicitud.recibida_en:%d/%m/%Y}")
    hoja.linea(f"Hora de recepción: {solicitud.recibida_en:%H:%M:%S} (hora del centro de México)")
    hoja.linea(f"RFC del solicitante: {solicitante.rfc}")
    hoja.linea(f"Nombre o razón social: {solicitante.nombre}")
    hoja.espacio()
    hoja.linea("Certificados a cancelar", "Vera-Bold", 11)
    for partida in solicitud.partidas:
        unidad = partida.certificado.cupo.unidad.lower()
        hoja.linea(
            f"Certificado: {partida.certificado.folio}    "
            f"Monto a favor: {formato_monto(partida.monto)} {unidad}"
        )
    hoja.espacio()
    hoja.linea(f"Motivo de cancelación: {solicitud.motivo}")
    hoja.espacio()
    hoja.linea(f"Número de certificado de la e.firma: {solicitud.numero_certificado_firmante}")
    hoja.linea("Cadena original:", "Vera-Bold", 10)
    hoja.bloque(solicitud.cadena_original)
    hoja.linea("Sello digital del solicitante (RSA-SHA256, base64):", "Vera-Bold", 10)
    hoja.bloque(solicitud.sello)
    hoja.lienzo.save()
    return destino.getvalue()
