"""Lo que cualquiera necesita para validar los PDF del portal: la raíz de la Secretaría."""

from __future__ import annotations

from flask import Blueprint
from werkzeug.wrappers import Response

from stub_portal.permisos import CUALQUIERA, permitir
from stub_portal.vistas.comun import portal

bp = Blueprint("documentos", __name__, url_prefix="/documentos")


@bp.get("/ac-secretaria.pem")
@permitir(CUALQUIERA)
def raiz_de_la_secretaria() -> Response:
    return Response(portal().firma_se.raiz_pem, mimetype="application/x-pem-file")
