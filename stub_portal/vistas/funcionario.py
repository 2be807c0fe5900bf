"""El lado del funcionario: su bandeja de solicitudes pendientes (CAN-15; resolver llega después)."""

from __future__ import annotations

from flask import Blueprint, g, render_template
from sqlalchemy import select

from stub_portal.modelo import Solicitud
from stub_portal.reglas import MECANISMO_LICITACION
from stub_portal.vistas.comun import FUNCIONARIOS, db, requiere

bp = Blueprint("funcionario", __name__, url_prefix="/funcionario")


def _le_corresponde(solicitud: Solicitud) -> bool:
    """Al dictaminador, las de sus cupos; a Nivel Central, las que tocan una Licitación Pública."""
    cupos = {p.certificado.cupo for p in solicitud.partidas}
    if g.usuario.perfil == "nivel_central":
        return any(c.mecanismo == MECANISMO_LICITACION for c in cupos)
    return any(c.dictaminador_id == g.usuario.id for c in cupos)


@bp.get("/bandeja")
@requiere(*FUNCIONARIOS)
def bandeja() -> str:
    pendientes = db().scalars(
        select(Solicitud).where(Solicitud.estado == "pendiente").order_by(Solicitud.recibida_en)
    )
    return render_template(
        "funcionario/bandeja.html", solicitudes=[s for s in pendientes if _le_corresponde(s)]
    )
