"""El lado del funcionario: su bandeja, el detalle de cada solicitud y su resolución firmada."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from stub_portal import correo, resoluciones
from stub_portal.acuses import NOMBRES
from stub_portal.efirma import ErrorEfirma
from stub_portal.modelo import Solicitud
from stub_portal.permisos import FUNCIONARIOS
from stub_portal.pieles import asunto_de_la_resolucion
from stub_portal.reglas import ErrorCaptura
from stub_portal.vistas.comun import ahora, db, descarga, firma_de_la_sesion, portal, requiere
from stub_portal.vistas.solicitudes import solicitud_visible

bp = Blueprint("funcionario", __name__, url_prefix="/funcionario")


@bp.get("/bandeja")
@requiere(*FUNCIONARIOS)
def bandeja() -> str:
    return render_template("funcionario/bandeja.html", tramites=NOMBRES,
                           solicitudes=resoluciones.bandeja(db(), g.usuario))


def _solicitud(folio: str) -> Solicitud:
    return solicitud_visible(folio)


def _detalle(solicitud: Solicitud, error: str | None = None, estado: int = 200) -> tuple[str, int]:
    return render_template(
        "funcionario/solicitud.html", solicitud=solicitud, tramites=NOMBRES, error=error,
        propuesta=resoluciones.propuesta(db(), solicitud) if solicitud.estado == "pendiente" else None,
        antes=resoluciones.anterior_pendiente(db(), solicitud),
    ), estado


@bp.get("/solicitudes/<folio>")
@requiere(*FUNCIONARIOS)
def solicitud(folio: str) -> tuple[str, int]:
    return _detalle(_solicitud(folio))


@bp.post("/solicitudes/<folio>")
@requiere(*FUNCIONARIOS)
def resolver(folio: str) -> Response | tuple[str, int]:
    """EXP-03/CAN-15: autorizar o rechazar, firmado con la e.firma del funcionario."""
    sesion, solicitud = db(), _solicitud(folio)
    sentido = request.form.get("sentido")
    try:
        if sentido not in ("autorizar", "rechazar"):
            raise ErrorCaptura("Indique si autoriza o rechaza la solicitud.")
        momento = ahora()
        resoluciones.resolver(sesion, solicitud, resoluciones.Resolucion(
            autorizar=sentido == "autorizar", motivo=request.form.get("motivo", ""),
            funcionario=g.usuario, firmante=firma_de_la_sesion(), ahora=momento,
            firma_se=portal().firma_se))
    except (ErrorCaptura, ErrorEfirma) as error:
        sesion.rollback()
        return _detalle(_solicitud(folio), str(error), 422)
    correo.encolar(sesion, [solicitud.solicitante.correo], asunto_de_la_resolucion(solicitud.folio or ""),
                   "resolucion", momento, solicitud=solicitud, tramite=NOMBRES[solicitud.tramite])
    sesion.commit()
    portal().cartero.despertar()
    flash(f"La solicitud {solicitud.folio} quedó {solicitud.estado}.")
    return redirect(url_for("funcionario.solicitud", folio=solicitud.folio))


@bp.get("/solicitudes/<folio>/adjuntos/<id:numero>")
@requiere(*FUNCIONARIOS)
def adjunto(folio: str, numero: int) -> Response:
    solicitud = _solicitud(folio)
    archivo = next((a for a in solicitud.adjuntos if a.id == numero), None)
    if archivo is None:
        abort(404)
    return descarga(archivo.contenido, archivo.nombre, "application/octet-stream")
