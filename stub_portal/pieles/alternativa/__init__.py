"""La piel alternativa: otras plantillas delante de las de referencia, y los filtros que usan.

Sus plantillas (plantillas/, con los mismos nombres que stub_portal/templates) se buscan primero; lo
que no tienen se toma de las de referencia. Los mensajes que el portal produce en Python llegan a las
plantillas con las palabras de la referencia y el filtro «mensaje» los dice con las de esta piel
(mensajes.py). Los montos se escriben con tres decimales (filtro «cantidad») y los estados de una
solicitud con otras palabras (filtro «estado»).
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader

from stub_portal.pieles.alternativa.mensajes import cantidad, estado, para_pantalla

CARPETA_DE_PLANTILLAS = Path(__file__).parent / "plantillas"
ASUNTO_DE_LA_RESOLUCION = "Ya hay respuesta a su trámite {folio} en la Ventanilla Única"


def instalar(app: Flask) -> None:
    cargadores: list[BaseLoader] = [FileSystemLoader(CARPETA_DE_PLANTILLAS)]
    if app.jinja_loader is not None:
        cargadores.append(app.jinja_loader)
    app.jinja_loader = ChoiceLoader(cargadores)
    app.add_template_filter(para_pantalla, "mensaje")
    app.add_template_filter(cantidad, "cantidad")
    app.add_template_filter(estado, "estado")
