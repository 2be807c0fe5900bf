"""Cancelación de Certificados a Petición del Interesado: captura, firma y acuse (CAN-03 … CAN-14)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from stub_portal import cancelaciones, correo
from stub_portal.acuses import SolicitudYaPresentada
from stub_portal.catalogo import calendario
from stub_portal.efirma import ErrorEfirma
from stub_portal.entrada import MAXIMO_ID
from stub_portal.permisos import SOLICITANTES
from stub_portal.reglas import MOTIVO_CANCELACION, ErrorCaptura
from stub_portal.vistas.comun import ahora, db, firma_de_la_sesion, portal, requiere
from stub_portal.vistas.solicitudes import solicitud_visible

bp = Blueprint("cancelacion", __name__, url_prefix="/cancelacion")
ASUNTO_AVISO = "Aviso de Certificados de Exportación por Solicitud pendientes por Cancelar"


def _consulta() -> dict[str, str]:
    """Los parámetros de búsqueda y la selección que viajan en la dirección de la página."""
    campos = [*cancelaciones.PARAMETROS, "buscar", "cupo", "certificado"]
    return {c: request.values[c] for c in campos if request.values.get(c)}


def _captura(error: str | None = None, estado: int = 200) -> tuple[str, int]:
    sesion, hoy = db(), ahora().date()
    consulta = _consulta()
    # Tras capturar algo (POST) se vuelve a la pestaña de la cancelación, donde está lo capturado.
    pestana = request.values.get("pestana") or (
        "cancelacion" if request.method == "POST" else "solicitante")
    datos: dict[str, Any] = {"cupos": None, "cupo": None, "disponibles": [], "seleccionado": None}
    if pestana == "cancelacion" and consulta.get("buscar"):
        try:
            datos["cupos"] = cancelaciones.buscar_cupos(sesion, consulta)
        except ErrorCaptura as falta:
            error, estado = error or str(falta), 422
    if datos["cupos"] and consulta.get("cupo"):
        datos["cupo"] = next((c for c in datos["cupos"] if c.clave == consulta["cupo"]), None)
    if datos["cupo"]:
        datos["disponibles"] = cancelaciones.certificados_disponibles(
            sesion, g.usuario, datos["cupo"], hoy)
        datos["seleccionado"] = next(
            (d for d in datos["disponibles"] if d.certificado.folio == consulta.get("certificado")),
            None)
    return render_template(
        "cancelacion/captura.html", pestana=pestana, consulta=consulta, error=error,
        parametros=cancelaciones.PARAMETROS, opciones=cancelaciones.opciones_de_busqueda(sesion),
        solicitud=cancelaciones.borrador(sesion, g.usuario), motivo=MOTIVO_CANCELACION, **datos,
    ), estado


def _de_vuelta(**cambios: str | None) -> Response:
    consulta = {**_consulta(), "pestana": "cancelacion", **cambios}
    valores: dict[str, Any] = {k: v for k, v in consulta.items() if v}
    return redirect(url_for("cancelacion.captura", **valores))


@bp.get("")
@requiere(*SOLICITANTES)
def captura() -> tuple[str, int]:
    return _captura()


@bp.post("/certificados")
@requiere(*SOLICITANTES)
def agregar() -> Response | tuple[str, int]:
    sesion = db()
    folio = request.form.get("certificado", "")
    try:
        cancelaciones.agregar_certificado(sesion, g.usuario, folio, request.form.get("monto", ""),
                                          ahora().date())
    except ErrorCaptura as error:
        sesion.rollback()
        return _captura(str(error), 422)
    sesion.commit()
    flash(f"Se agregó el certificado {folio} a los certificados a cancelar.")
    return _de_vuelta(certificado=None)


@bp.post("/certificados/eliminar")
@requiere(*SOLICITANTES)
def eliminar() -> Response | tuple[str, int]:
    sesion = db()
    folio = request.form.get("folio", "")
    try:
        cancelaciones.quitar_certificado(sesion, g.usuario, folio)
    except ErrorCaptura as error:
        sesion.rollback()
        return _captura(str(error), 422)
    sesion.commit()
    flash(f"Se quitó el certificado {folio} de los certificados a cancelar.")
    return _de_vuelta()


@bp.post("/siguiente")
@requiere(*SOLICITANTES)
def siguiente() -> Response | tuple[str, int]:
    try:
        cancelaciones.validar_lista_para_firmar(cancelaciones.borrador(db(), g.usuario))
    except ErrorCaptura as error:
        return _captura(str(error), 422)
    return redirect(url_for("cancelacion.firma"))


def _firma(error: str | None = None, estado: int = 200) -> tuple[str, int]:
    solicitud = cancelaciones.borrador(db(), g.usuario)
    return render_template("cancelacion/firma.html", solicitud=solicitud, error=error), estado


@bp.get("/firma")
@requiere(*SOLICITANTES)
def firma() -> Response | tuple[str, int]:
    try:
        cancelaciones.validar_lista_para_firmar(cancelaciones.borrador(db(), g.usuario))
    except ErrorCaptura:
        return redirect(url_for("cancelacion.captura", pestana="cancelacion"))
    return _firma()


def _entero(campo: str) -> int:
    valor = request.form.get(campo, "")
    if not (valor.isascii() and valor.isdigit() and len(valor) <= 10 and int(valor) <= MAXIMO_ID):
        raise ErrorCaptura("El formulario de firma está incompleto: vuelva a abrir la firma de la solicitud.")
    return int(valor)


@bp.post("/firma")
@requiere(*SOLICITANTES)
def firmar() -> Response | tuple[str, int]:
    """CAN-11/12/14: firma con la misma e.firma de la sesión, folio, acuse y aviso por correo."""
    sesion = db()
    try:
        borrador, version = _entero("solicitud"), _entero("version")
        firmante = firma_de_la_sesion()
        momento = ahora()
        solicitud = cancelaciones.firmar(sesion, g.usuario, borrador, version, firmante, momento,
                                         calendario(sesion), portal().firma_se)
    except SolicitudYaPresentada as repetida:
        sesion.rollback()
        flash(str(repetida))
        return redirect(url_for("cancelacion.acuse", folio=repetida.folio))
    except (ErrorCaptura, ErrorEfirma) as error:
        sesion.rollback()
        return _firma(str(error), 422)
    correo.encolar(
        sesion, cancelaciones.destinatarios_del_aviso(sesion, solicitud), ASUNTO_AVISO,
        "aviso_cancelacion", momento, solicitud=solicitud)
    sesion.commit()
    portal().cartero.despertar()
    return redirect(url_for("cancelacion.acuse", folio=solicitud.folio))


@bp.get("/acuse/<folio>")
@requiere(*SOLICITANTES)
def acuse(folio: str) -> str:
    """CAN-12/13: el folio y la liga al acuse (la descarga es la de toda solicitud)."""
    return render_template("cancelacion/acuse.html", solicitud=solicitud_visible(folio))
