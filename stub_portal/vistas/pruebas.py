"""API de apoyo a las pruebas: el arnés prepara datos y fija el reloj por HTTP.

Sólo existe si la aplicación se configura con API_DE_PRUEBAS; un portal en producción no la tiene.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from cryptography import x509
from flask import Blueprint, jsonify, request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import BadRequest
from werkzeug.wrappers import Response

from stub_portal.modelo import AutoridadConfiable, Certificado, Cupo, Usuario
from stub_portal.vistas.comun import db, portal

bp = Blueprint("pruebas", __name__, url_prefix="/_pruebas")
PERFILES = ("solicitante", "dictaminador", "nivel_central")


def _cuerpo() -> dict[str, Any]:
    datos = request.get_json(silent=True)
    if not isinstance(datos, dict):
        raise BadRequest("Se esperaba un objeto JSON.")
    return datos


def _decimal(valor: Any, campo: str) -> Decimal:
    try:
        return Decimal(str(valor))
    except InvalidOperation:
        raise BadRequest(f"{campo} debe ser un número decimal.") from None


def _guardar(objeto: object) -> None:
    sesion = db()
    sesion.add(objeto)
    try:
        sesion.commit()
    except IntegrityError:
        sesion.rollback()
        raise BadRequest("Ya existe un registro con esa clave.") from None


@bp.errorhandler(BadRequest)
def solicitud_invalida(error: BadRequest) -> tuple[Response, int]:
    return jsonify(error=error.description), 400


@bp.post("/autoridades")
def confiar_en_autoridad() -> tuple[Response, int]:
    pem = _cuerpo().get("certificado_pem", "")
    try:
        x509.load_pem_x509_certificate(pem.encode())
    except ValueError:
        raise BadRequest("certificado_pem no es un certificado PEM.") from None
    existe = db().scalars(select(AutoridadConfiable).where(AutoridadConfiable.certificado_pem == pem))
    if existe.first() is None:
        _guardar(AutoridadConfiable(certificado_pem=pem))
    return jsonify(ok=True), 201


@bp.post("/usuarios")
def crear_usuario() -> tuple[Response, int]:
    datos = _cuerpo()
    if datos.get("perfil") not in PERFILES:
        raise BadRequest(f"perfil debe ser uno de {', '.join(PERFILES)}.")
    columnas = set(Usuario.__table__.columns.keys()) - {"id"}
    desconocidos = set(datos) - columnas
    if desconocidos:
        raise BadRequest(f"Campos desconocidos: {', '.join(sorted(desconocidos))}.")
    usuario = Usuario(**datos)
    _guardar(usuario)
    return jsonify(id=usuario.id, rfc=usuario.rfc), 201


def _usuario(rfc: str) -> Usuario:
    usuario = db().scalars(select(Usuario).where(Usuario.rfc == rfc)).first()
    if usuario is None:
        raise BadRequest(f"No hay usuario con RFC {rfc}.")
    return usuario


@bp.post("/cupos")
def crear_cupo() -> tuple[Response, int]:
    datos = _cuerpo()
    campos = ("clave", "nombre", "regimen", "mecanismo", "tratado", "pais_origen", "producto",
              "subproducto", "representacion_federal")
    faltan = [c for c in campos if not datos.get(c)]
    if faltan:
        raise BadRequest(f"Faltan: {', '.join(faltan)}.")
    cupo = Cupo(
        **{c: datos[c] for c in campos},
        fracciones=", ".join(datos.get("fracciones", [])),
        unidad=datos.get("unidad", "Toneladas métricas"),
        monto_total=_decimal(datos.get("monto_total", "0"), "monto_total"),
        dictaminador=_usuario(datos.get("dictaminador_rfc", "")),
    )
    _guardar(cupo)
    return jsonify(id=cupo.id, clave=cupo.clave), 201


@bp.post("/certificados")
def crear_certificado() -> tuple[Response, int]:
    datos = _cuerpo()
    cupo = db().scalars(select(Cupo).where(Cupo.clave == datos.get("cupo", ""))).first()
    if cupo is None:
        raise BadRequest("No existe el cupo indicado.")
    hoy = portal().reloj.ahora().date()
    try:
        expedicion = date.fromisoformat(datos.get("fecha_expedicion", hoy.isoformat()))
        vigencia = date.fromisoformat(datos.get("vigencia_hasta", f"{expedicion.year}-12-31"))
    except ValueError:
        raise BadRequest("Las fechas van como AAAA-MM-DD.") from None
    certificado = Certificado(
        folio=datos.get("folio", ""),
        cupo=cupo,
        titular=_usuario(datos.get("titular_rfc", "")),
        monto_expedido=_decimal(datos.get("monto_expedido"), "monto_expedido"),
        monto_ejercido=_decimal(datos.get("monto_ejercido", "0"), "monto_ejercido"),
        fecha_expedicion=expedicion,
        vigencia_hasta=vigencia,
        estado=datos.get("estado", "vigente"),
    )
    if not certificado.folio:
        raise BadRequest("Falta el folio del certificado.")
    _guardar(certificado)
    return jsonify(id=certificado.id, folio=certificado.folio), 201


@bp.get("/reloj")
def leer_reloj() -> Response:
    return jsonify(ahora=portal().reloj.ahora().isoformat())


@bp.put("/reloj")
def fijar_reloj() -> Response:
    try:
        momento = datetime.fromisoformat(_cuerpo().get("ahora", ""))
    except ValueError:
        raise BadRequest("ahora debe ser una fecha y hora ISO 8601.") from None
    portal().reloj.fijar(momento)
    return jsonify(ahora=portal().reloj.ahora().isoformat())


@bp.delete("/reloj")
def liberar_reloj() -> Response:
    portal().reloj.liberar()
    return jsonify(ahora=portal().reloj.ahora().isoformat())


@bp.post("/correo/entregar")
def entregar_correo() -> Response:
    """Entrega ya la bandeja de salida, sin esperar al siguiente reintento del cartero."""
    return jsonify(enviados=portal().cartero.entregar_pendientes(portal().reloj.ahora()))
