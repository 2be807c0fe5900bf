"""Solicitudes de cupo del beneficiario: asignación, expedición, y sus acuses y resoluciones."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response

from stub_portal import acuses, saldos, tramites_cupo
from stub_portal.acuses import SolicitudYaPresentada
from stub_portal.efirma import ErrorEfirma
from stub_portal.entrada import nombre_de_archivo_seguro
from stub_portal.modelo import Cupo, Solicitud
from stub_portal.permisos import FUNCIONARIOS, SOLICITANTES, puede_ver_solicitud
from stub_portal.reglas import ErrorCaptura
from stub_portal.vistas.comun import ahora, db, descarga, firma_de_la_sesion, portal, requiere

bp = Blueprint("solicitudes", __name__)


def _contexto() -> tramites_cupo.Contexto:
    p = portal()
    return tramites_cupo.Contexto(g.usuario, firma_de_la_sesion(), ahora, p.catalogos, p.firma_se)


def _archivo(campo: str) -> tramites_cupo.Archivo | None:
    subido: FileStorage | None = request.files.get(campo)
    if subido is None or not subido.filename:
        return None
    return tramites_cupo.Archivo(nombre_de_archivo_seguro(subido.filename), subido.read())


def _archivos(campo: str) -> list[tramites_cupo.Archivo]:
    return [tramites_cupo.Archivo(nombre_de_archivo_seguro(subido.filename), subido.read())
            for subido in request.files.getlist(campo) if subido.filename]


def _pantalla(plantilla: str, error: str | None = None, estado: int = 200) -> tuple[str, int]:
    sesion = db()
    anio = ahora().year
    asignaciones = saldos.asignaciones_de(sesion, g.usuario, anio)
    return render_template(
        plantilla, error=error, cupos=sesion.scalars(select(Cupo).order_by(Cupo.nombre)).all(),
        lugares=portal().catalogos.lugares, transportes=tramites_cupo.DOCUMENTOS_DE_TRANSPORTE,
        asignaciones=[(a, saldos.saldo_de_la_asignacion(sesion, a)) for a in asignaciones],
        envio=_clave_de_envio() or secrets.token_urlsafe(24),
    ), estado


def _clave_de_envio() -> str:
    """La clave que el formulario trae desde que se abrió: un doble envío trae la misma."""
    clave = request.form.get("envio", "")
    return clave if clave.isascii() and 16 <= len(clave) <= 64 else ""


def _ya_presentada(sesion: Session, clave: str) -> Solicitud | None:
    return sesion.scalars(select(Solicitud).where(
        Solicitud.solicitante_id == g.usuario.id, Solicitud.clave_envio == clave)).first()


def _presentar(plantilla: str, presentar: Callable[[Session, tramites_cupo.Contexto], Solicitud]
               ) -> Response | tuple[str, int]:
    sesion, clave = db(), _clave_de_envio()
    try:
        if not clave:
            raise ErrorCaptura("El formulario está incompleto: vuelva a abrirlo y capture la solicitud.")
        if (repetida := _ya_presentada(sesion, clave)) is not None:
            raise SolicitudYaPresentada(repetida)
        solicitud = presentar(sesion, _contexto())
        solicitud.clave_envio = clave
        sesion.commit()
    except IntegrityError:  # el mismo envío, al mismo tiempo, en otra petición
        sesion.rollback()
        repetida = _ya_presentada(sesion, clave)
        if repetida is None:
            raise
        return _repetida(SolicitudYaPresentada(repetida))
    except SolicitudYaPresentada as error:
        sesion.rollback()
        return _repetida(error)
    except (ErrorCaptura, ErrorEfirma) as error:
        sesion.rollback()
        return _pantalla(plantilla, str(error), 422)
    portal().cartero.despertar()
    return redirect(url_for("solicitudes.detalle", folio=solicitud.folio))


def _repetida(error: SolicitudYaPresentada) -> Response:
    flash(str(error))
    return redirect(url_for("solicitudes.detalle", folio=error.folio))


@bp.route("/asignacion", methods=["GET", "POST"])
@requiere(*SOLICITANTES)
def asignacion() -> Response | tuple[str, int]:
    if request.method == "GET":
        return _pantalla("solicitudes/asignacion.html")
    f = request.form
    return _presentar("solicitudes/asignacion.html", lambda sesion, contexto: tramites_cupo.presentar_asignacion(
        sesion, contexto, f.get("cupo", ""), f.get("lugar", ""), f.get("monto", ""),
        f.get("pedimentos", ""), _archivos("copias_pedimentos")))


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
    """La solicitud con ese folio, si el usuario puede verla (permisos.puede_ver_solicitud); si no,
    404: a quien no le corresponde no se le dice siquiera que existe."""
    solicitud = db().scalars(select(Solicitud).where(Solicitud.folio == folio)).first()
    if solicitud is None or not puede_ver_solicitud(g.usuario, solicitud):
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
    if documento == "acuse" and solicitud.acuse_json:
        contenido: bytes | None = acuses.acuse_en_pdf(portal().sesiones, solicitud, portal().firma_se)
    else:
        contenido = solicitud.resolucion_pdf if documento == "resolucion" else None
    if contenido is None:
        abort(404)
    nombre = "Acuse" if documento == "acuse" else (solicitud.documento_folio or "Resolucion")
    return descarga(contenido, f"{nombre}_{folio}.pdf", "application/pdf")
