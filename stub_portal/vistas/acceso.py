"""Inicio y cierre de sesión con e.firma: solicitantes y, por separado, funcionarios."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from stub_portal.efirma import ErrorEfirma
from stub_portal.modelo import Usuario
from stub_portal.permisos import CUALQUIERA, FUNCIONARIOS, SOLICITANTES, permitir
from stub_portal.vistas.comun import (
    abrir_sesion,
    cerrar_sesion,
    db,
    efirma_del_formulario,
    requiere,
    sesion_actual,
)

bp = Blueprint("acceso", __name__)


@bp.get("/")
@permitir(CUALQUIERA)
def raiz() -> Response:
    return redirect(url_for("acceso.inicio"))


def _ingresar(perfiles: tuple[str, ...], plantilla: str, destino: str) -> Response | tuple[str, int]:
    try:
        firmante = efirma_del_formulario()
    except ErrorEfirma as error:
        return render_template(plantilla, error=str(error)), 422
    usuario = db().scalars(select(Usuario).where(Usuario.rfc == firmante.rfc)).first()
    if usuario is None or usuario.perfil not in perfiles:
        quien = "funcionario" if perfiles == FUNCIONARIOS else "usuario"
        mensaje = f"El RFC {firmante.rfc} no está registrado como {quien} de la Ventanilla Única."
        return render_template(plantilla, error=mensaje), 422
    cerrar_sesion()
    abrir_sesion(usuario, firmante.numero_certificado)
    db().commit()
    return redirect(url_for(destino))


@bp.route("/ingresar", methods=["GET", "POST"])
@permitir(CUALQUIERA)
def ingresar() -> Response | str | tuple[str, int]:
    if request.method == "GET":
        return render_template("acceso/ingresar.html")
    return _ingresar(SOLICITANTES, "acceso/ingresar.html", "acceso.inicio")


@bp.route("/funcionarios/ingresar", methods=["GET", "POST"])
@permitir(CUALQUIERA)
def funcionarios() -> Response | str | tuple[str, int]:
    if request.method == "GET":
        return render_template("acceso/funcionarios.html")
    return _ingresar(FUNCIONARIOS, "acceso/funcionarios.html", "funcionario.bandeja")


@bp.get("/inicio")
@requiere(*SOLICITANTES)
def inicio() -> str:
    return render_template("acceso/inicio.html")


@bp.post("/salir")
@permitir(CUALQUIERA)
def salir() -> Response:
    """CAN-16: se llega aquí al confirmar con «Sí» el cierre de la sesión."""
    abierta = sesion_actual()
    era_funcionario = abierta is not None and abierta.usuario.perfil in FUNCIONARIOS
    cerrar_sesion()
    db().commit()
    flash("La sesión se cerró.")
    return redirect(url_for("acceso.funcionarios" if era_funcionario else "acceso.ingresar"))
