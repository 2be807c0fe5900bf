"""Las pieles del portal: el mismo trámite con otra presentación.

La piel «referencia» son las plantillas de stub_portal/templates. La «alternativa» (pieles/alternativa)
cambia el HTML de cada pantalla y las palabras de cada mensaje, pero no el trámite: los mismos campos,
las mismas rutas, las mismas reglas. Prueba que el arnés da el mismo veredicto a otro portal que sigue
los mismos documentos y los escribe distinto. Se elige al arrancar: create_app({"PIEL": …}),
`python -m stub_portal --piel …` o CUPOS_PIEL en un despliegue (configuracion.del_entorno).
"""

from __future__ import annotations

from flask import Flask, current_app

from stub_portal.configuracion import ALTERNATIVA, PIELES, REFERENCIA, validar_piel
from stub_portal.pieles import alternativa

__all__ = ["ALTERNATIVA", "PIELES", "REFERENCIA", "asunto_de_la_resolucion", "instalar", "validar_piel"]
ASUNTOS_DE_LA_RESOLUCION = {  # el del aviso de cancelación es el del manual en las dos pieles
    REFERENCIA: "Resolución de su solicitud {folio}",
    ALTERNATIVA: alternativa.ASUNTO_DE_LA_RESOLUCION,
}


def instalar(app: Flask) -> None:
    """Aplica a la app la piel de app.config["PIEL"]; la de referencia no cambia nada."""
    piel = validar_piel(app.config["PIEL"], "PIEL")
    app.extensions["piel"] = piel
    if piel == ALTERNATIVA:
        alternativa.instalar(app)


def asunto_de_la_resolucion(folio: str) -> str:
    """El asunto del aviso de resolución en la piel de la app actual; lleva el folio de la solicitud."""
    return ASUNTOS_DE_LA_RESOLUCION[current_app.extensions.get("piel", REFERENCIA)].format(folio=folio)
