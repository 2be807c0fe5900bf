"""Solicitudes de cupo del beneficiario: asignación, expedición, y sus acuses y resoluciones."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, abort, g, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response

from stub_portal import saldos, tramites_cupo
from stub_portal.efirma import ErrorEfirma
from stub_portal.modelo import Cupo, Solicitud
from stub_portal.reglas import ErrorCaptura
from stub_portal.vistas.acceso import SOLICITANTES
from stub_portal.vistas.comun import FUNCIONARIOS, db, firma_de_la_sesion, portal, requiere

bp = Blueprint("solicitudes", __name__)


def _contexto() -> tramites_cupo.Contexto:
    p = portal()
    return tramites_cupo.Contexto(g.usuario, firma_de_la_sesion(), p.reloj.ahora(), p.catalogos,
                                  p.firma_se)


def _archivo(campo: str) -> tramites_cupo.Archivo | None:
    subido: FileStorage | None = request.files.get(campo)
    if subido is None or not subido.filename:
        return None
    return tramites_cupo.Archivo(subido.filename, subido.read())


def _pantalla(plantilla: str, error: str | None = None, estado: int = 200) -> tuple[str, int]:
    sesion = db()
    anio = portal().reloj.ahora().year
    asignaciones = saldos.asignaciones_de(sesion, g.usuario, anio)
    return render_template(
        plantilla, error=error, cupos=sesion.scalars(select(Cupo).order_by(Cupo.nombre)).all(),
        lugares=portal().catalogos.lugares, transportes=tramites_cupo.DOCUMENTOS_DE_TRANSPORTE,
        asignaciones=[(a, saldos.saldo_de_la_asignacion(sesion, a)) for a in asignaciones],
    ), estado


def _presentar(plantilla: str, presentar: Callable[[Session, tramites_cupo.Contexto], Solicitud]
               ) -> Response | tuple[str, int]:
    sesion = db()
    try:
        solicitud = presentar(sesion, _contexto())
    except (ErrorCaptura, ErrorEfirma) as error:
        sesion.rollback()
        return _pantalla(plantilla, str(error), 422)
    sesion.commit()
    return redirect(url_for("solicitudes.detalle", folio=solicitud.folio))


@bp.route("/asignacion", methods=["GET", "POST"])
@requiere(*SOLICITANTES)
def asignacion() -> Response | tuple[str, int]:
    if request.method == "GET":
        return _pantalla("solicitudes/asignacion.html")
    f = request.form
    return _presentar("solicitudes/asignacion.html", lambda sesion, contexto: tramites_cupo.presentar_asignacion(
        sesion, contexto, f.get("cupo", ""), f.get("lugar", ""), f.get("monto", ""),
        f.get("pedimentos", "")))


@bp.route("/expedicion", methods=["GET", "POST"])
@requiere(*SOLICITANTES)
def expedicion() -> Response | tuple[str, int]:
    if request.method == "GET":
        return _pantalla("solicitudes/expedicion.html")
    f = request.form
    return _presentar("solicitudes/expedicion.html", lambda sesion, contexto: tramites_cupo.presentar_expedicion(
        sesion, contexto, f.get("asignacion", ""), f.get("lugar", ""), f.get("monto", ""),
        f.get("numero_factura", ""), f.get("monto_factura", ""), f.get("documento_transporte", ""),
        _archivo("factura"), _archivo("transporte")))


def solicitud_visible(folio: str) -> Solicitud:
    solicitud = db().scalars(select(Solicitud).where(Solicitud.folio == folio)).first()
    if solicitud is None or (g.usuario.perfil not in FUNCIONARIOS and solicitud.solicitante_id != g.usuario.id):
        abort(404)
    return solicitud


@bp.get("/solicitudes")
@requiere(*SOLICITANTES)
def lista() -> str:
    solicitudes = db().scalars(select(Solicitud).where(
        Solicitud.solicitante_id == g.usuario.id, Solicitud.estado != "borrador",
    ).order_by(Solicitud.recibida_en.desc()))
    return render_template("solicitudes/lista.html", solicitudes=solicitudes)


@bp.get("/solicitudes/<folio>")
@requiere(*SOLICITANTES)
def detalle(folio: str) -> str:
    return render_template("solicitudes/detalle.html", solicitud=solicitud_visible(folio))


@bp.get("/solicitudes/<folio>/<documento>")
@requiere(*SOLICITANTES, *FUNCIONARIOS)
def descargar(folio: str, documento: str) -> Response:
    """El acuse de recepción o la resolución, en PDF."""
    solicitud = solicitud_visible(folio)
    contenido = {"acuse": solicitud.acuse_pdf, "resolucion": solicitud.resolucion_pdf}.get(documento)
    if contenido is None:
        abort(404)
    nombre = "Acuse" if documento == "acuse" else (solicitud.documento_folio or "Resolucion")
    return Response(contenido, mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{nombre}_{folio}.pdf"'})
