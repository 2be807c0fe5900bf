"""CAN-01/02: el menú Trámites, con las dependencias de la Ventanilla Única y sus trámites."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from stub_portal.permisos import SOLICITANTES
from stub_portal.vistas.comun import requiere

bp = Blueprint("tramites", __name__, url_prefix="/tramites")

DEPENDENCIAS = {  # siglas: nombre; el orden es el del menú
    "SE": "Secretaría de Economía",
    "SADER": "Secretaría de Agricultura y Desarrollo Rural",
    "SEMARNAT": "Secretaría de Medio Ambiente y Recursos Naturales",
    "SALUD": "Secretaría de Salud",
    "SENER": "Secretaría de Energía",
    "SEDENA": "Secretaría de la Defensa Nacional",
    "INAH": "Instituto Nacional de Antropología e Historia",
}
# Los trámites de cada dependencia que implementa este portal, por categoría.
TRAMITES = {
    "SE": {
        "Cupos": [
            ("Consulta de cupos", "cupos.lista"),
            ("Solicitud de asignación de cupo", "solicitudes.asignacion"),
            ("Solicitud de expedición de certificado de cupo", "solicitudes.expedicion"),
        ],
        "Cancelaciones": [
            ("Cancelación de Certificados a Petición del Interesado", "cancelacion.captura"),
        ],
    },
}


@bp.get("")
@requiere(*SOLICITANTES)
def menu() -> str:
    return render_template("tramites/menu.html", dependencias=DEPENDENCIAS)


@bp.get("/<siglas>")
@requiere(*SOLICITANTES)
def dependencia(siglas: str) -> str:
    if siglas not in DEPENDENCIAS:
        abort(404)
    return render_template(
        "tramites/dependencia.html", siglas=siglas, nombre=DEPENDENCIAS[siglas],
        categorias=TRAMITES.get(siglas, {}),
    )


@bp.get("/<siglas>/<categoria>")
@requiere(*SOLICITANTES)
def categoria(siglas: str, categoria: str) -> str:
    tramites = TRAMITES.get(siglas, {}).get(categoria)
    if tramites is None:
        abort(404)
    return render_template(
        "tramites/categoria.html", siglas=siglas, nombre=DEPENDENCIAS[siglas],
        categoria=categoria, tramites=tramites,
    )
