"""Inicio y cierre de sesión con e.firma: solicitantes y, por separado, funcionarios."""

from __future__ import annotations

import logging

from cryptography import x509
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from stub_portal import intentos
from stub_portal.efirma import ErrorEfirma, Firmante, numero_de_confianza
from stub_portal.modelo import Usuario
from stub_portal.permisos import CUALQUIERA, FUNCIONARIOS, SOLICITANTES, permitir
from stub_portal.reloj import hora_real
from stub_portal.vistas.comun import (
    abrir_sesion,
    autoridades_de_confianza,
    cerrar_sesion,
    db,
    efirma_del_formulario,
    requiere,
    sesion_actual,
)

bp = Blueprint("acceso", __name__)
bitacora = logging.getLogger(__name__)


@bp.get("/")
@permitir(CUALQUIERA)
def raiz() -> Response:
    return redirect(url_for("acceso.inicio"))


def _frenos() -> intentos.Frenos:
    return intentos.Frenos(current_app.config["INTENTOS_POR_CERTIFICADO"],
                           current_app.config["INTENTOS_POR_DIRECCION"])


def _usuario(perfiles: tuple[str, ...], autoridades: list[x509.Certificate]) -> tuple[Usuario, Firmante]:
    """Quien abrió la e.firma del formulario, si está registrado con uno de esos perfiles."""
    firmante = efirma_del_formulario(autoridades)
    usuario = db().scalars(select(Usuario).where(Usuario.rfc == firmante.rfc)).first()
    if usuario is None or usuario.perfil not in perfiles:
        quien = "funcionario" if perfiles == FUNCIONARIOS else "usuario"
        raise ErrorEfirma(f"El RFC {firmante.rfc} no está registrado como {quien} de la Ventanilla Única.")
    return usuario, firmante


def _ingresar(perfiles: tuple[str, ...], plantilla: str,
              destino: str) -> Response | tuple[str, int] | tuple[str, int, dict[str, str]]:
    """Abre la sesión, con los frenos de stub_portal/intentos.py por certificado y por dirección."""
    subido = request.files.get("certificado")
    autoridades = autoridades_de_confianza()  # una lectura por intento: el número y la e.firma
    certificado = numero_de_confianza(subido.stream.read(), autoridades) if subido else None
    if subido:
        subido.stream.seek(0)
    direccion, ahora = request.remote_addr or "desconocida", hora_real()
    intento = intentos.empezar(db(), certificado, direccion, ahora, _frenos())
    if isinstance(intento, intentos.Freno):
        bitacora.warning("Inicio de sesión frenado por %s: certificado %s desde %s (%s s más)", intento.que,
                         certificado or "ilegible", direccion, intento.espera)
        return render_template(plantilla, error=intento.mensaje()), 429, {"Retry-After": str(intento.espera)}
    try:
        usuario, firmante = _usuario(perfiles, autoridades)
    except ErrorEfirma as error:
        bitacora.warning("Inicio de sesión fallido: certificado %s desde %s: %s", certificado or "ilegible",
                         direccion, error)
        return render_template(plantilla, error=str(error)), 422
    intentos.salio_bien(db(), intento)
    intentos.olvidar_los_viejos(db(), ahora, _frenos())
    cerrar_sesion()
    abrir_sesion(usuario, firmante)
    db().commit()
    return redirect(url_for(destino))


@bp.route("/ingresar", methods=["GET", "POST"])
@permitir(CUALQUIERA)
def ingresar() -> Response | str | tuple[str, int] | tuple[str, int, dict[str, str]]:
    if request.method == "GET":
        return render_template("acceso/ingresar.html")
    return _ingresar(SOLICITANTES, "acceso/ingresar.html", "acceso.inicio")


@bp.route("/funcionarios/ingresar", methods=["GET", "POST"])
@permitir(CUALQUIERA)
def funcionarios() -> Response | str | tuple[str, int] | tuple[str, int, dict[str, str]]:
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
