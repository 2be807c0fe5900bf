"""API de apoyo a las pruebas: el arnés prepara datos y fija el reloj por HTTP.

Sólo existe si la aplicación se configura con API_DE_PRUEBAS; un portal en producción no la tiene.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from cryptography import x509
from flask import Blueprint, jsonify, request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from werkzeug.exceptions import BadRequest
from werkzeug.wrappers import Response

from stub_portal import catalogo, tramites_cupo
from stub_portal.modelo import (
    Asignacion,
    AutoridadConfiable,
    Certificado,
    Cupo,
    DiaInhabil,
    Solicitud,
    Usuario,
)
from stub_portal.permisos import API_DE_PRUEBAS, permitir
from stub_portal.reglas import ErrorCaptura
from stub_portal.vistas.comun import ahora, db, portal

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
@permitir(API_DE_PRUEBAS)
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
@permitir(API_DE_PRUEBAS)
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


def _cupo(clave: str) -> Cupo:
    cupo = db().scalars(select(Cupo).where(Cupo.clave == clave)).first()
    if cupo is None:
        raise BadRequest("No existe el cupo indicado.")
    return cupo


@bp.post("/cupos")
@permitir(API_DE_PRUEBAS)
def crear_cupo() -> tuple[Response, int]:
    """Un cupo como los del catálogo. Sin «montos» por año, «monto_total» vale para el año en curso."""
    datos = _cuerpo()
    faltan = [c for c in ("clave", "nombre", "regimen", "mecanismo", "tratado", "pais_origen",
                          "producto", "subproducto", "representacion_federal") if not datos.get(c)]
    if faltan:
        raise BadRequest(f"Faltan: {', '.join(faltan)}.")
    if "montos" not in datos:
        anio = ahora().year
        datos["montos"] = {str(anio): str(_decimal(datos.get("monto_total", "0"), "monto_total"))}
    for anio, monto in datos["montos"].items():
        _decimal(monto, f"montos[{anio}]")
    if db().scalars(select(Cupo).where(Cupo.clave == datos["clave"])).first() is not None:
        raise BadRequest("Ya existe un registro con esa clave.")
    try:
        cupo = catalogo.guardar_cupo(db(), datos)
    except (ValueError, TypeError) as error:
        raise BadRequest(f"Datos de cupo inválidos: {error}") from None
    if datos.get("dictaminador_rfc"):
        cupo.dictaminador = _usuario(datos["dictaminador_rfc"])
    _guardar(cupo)
    return jsonify(id=cupo.id, clave=cupo.clave), 201


@bp.post("/certificados")
@permitir(API_DE_PRUEBAS)
def crear_certificado() -> tuple[Response, int]:
    datos = _cuerpo()
    cupo = _cupo(datos.get("cupo", ""))
    hoy = ahora().date()
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
        monto_cancelado=_decimal(datos.get("monto_cancelado", "0"), "monto_cancelado"),
    )
    if datos.get("asignacion"):
        certificado.asignacion = db().scalars(
            select(Asignacion).where(Asignacion.folio == datos["asignacion"])).first()
    if not certificado.folio:
        raise BadRequest("Falta el folio del certificado.")
    _guardar(certificado)
    return jsonify(id=certificado.id, folio=certificado.folio), 201


@bp.post("/asignaciones")
@permitir(API_DE_PRUEBAS)
def crear_asignacion() -> tuple[Response, int]:
    """Una constancia de asignación ya otorgada (del año del reloj, salvo que se diga otro)."""
    datos = _cuerpo()
    cupo = _cupo(datos.get("cupo", ""))
    hoy = ahora().date()
    asignacion = Asignacion(
        folio=datos.get("folio") or f"CA-PRUEBA-{secrets.token_hex(4).upper()}",
        cupo=cupo, titular=_usuario(datos.get("titular_rfc", "")),
        anio=int(datos.get("anio", hoy.year)), monto=_decimal(datos.get("monto"), "monto"),
        fecha=hoy, lugar=datos.get("lugar", "Ventanilla Única"),
    )
    _guardar(asignacion)
    return jsonify(id=asignacion.id, folio=asignacion.folio), 201


@bp.post("/dias-inhabiles")
@permitir(API_DE_PRUEBAS)
def agregar_dia_inhabil() -> tuple[Response, int]:
    datos = _cuerpo()
    try:
        fecha = date.fromisoformat(datos.get("fecha", ""))
    except ValueError:
        raise BadRequest("fecha va como AAAA-MM-DD.") from None
    db().merge(DiaInhabil(fecha=fecha, descripcion=datos.get("descripcion", "Día inhábil")))
    db().commit()
    return jsonify(fecha=fecha.isoformat()), 201


def _presentar(datos: dict[str, Any],
               presentar: Callable[[Session, tramites_cupo.Contexto], Solicitud]) -> Solicitud:
    """Presenta una solicitud recibida ahora (reloj del portal) y sin sello, con las mismas reglas
    que la pantalla del solicitante: sirve para preparar la bandeja del funcionario."""
    p = portal()
    contexto = tramites_cupo.Contexto(_usuario(datos.get("solicitante_rfc", "")), None,
                                      ahora, p.catalogos, p.firma_se)
    try:
        solicitud = presentar(db(), contexto)
    except ErrorCaptura as error:
        db().rollback()
        raise BadRequest(str(error)) from None
    db().commit()
    return solicitud


@bp.post("/solicitudes/asignacion")
@permitir(API_DE_PRUEBAS)
def presentar_asignacion() -> tuple[Response, int]:
    datos = _cuerpo()
    solicitud = _presentar(datos, lambda sesion, contexto: tramites_cupo.presentar_asignacion(
        sesion, contexto, datos.get("cupo", ""), datos.get("lugar", "Ventanilla Única"),
        str(datos.get("monto", "")), datos.get("pedimentos", "")))
    return jsonify(folio=solicitud.folio, vence_el=solicitud.vence_el.isoformat()
                   if solicitud.vence_el else None), 201


@bp.post("/solicitudes/expedicion")
@permitir(API_DE_PRUEBAS)
def presentar_expedicion() -> tuple[Response, int]:
    """Con copias de prueba adjuntas en lugar de la factura y el documento de transporte."""
    datos = _cuerpo()
    copia = tramites_cupo.Archivo("copia.pdf", b"%PDF-1.4 copia de prueba")
    solicitud = _presentar(datos, lambda sesion, contexto: tramites_cupo.presentar_expedicion(
        sesion, contexto, datos.get("asignacion", ""), datos.get("lugar", "Ventanilla Única"),
        str(datos.get("monto", "")), datos.get("numero_factura", "F-PRUEBA"),
        str(datos.get("monto_factura", "")), datos.get("documento_transporte", "Carta de porte"),
        copia, copia))
    return jsonify(folio=solicitud.folio), 201


@bp.get("/reloj")
@permitir(API_DE_PRUEBAS)
def leer_reloj() -> Response:
    return jsonify(ahora=portal().reloj.ahora().isoformat())


@bp.put("/reloj")
@permitir(API_DE_PRUEBAS)
def fijar_reloj() -> Response:
    try:
        momento = datetime.fromisoformat(_cuerpo().get("ahora", ""))
    except ValueError:
        raise BadRequest("ahora debe ser una fecha y hora ISO 8601.") from None
    portal().reloj.fijar(momento, corre=bool(_cuerpo().get("corre", False)))
    return jsonify(ahora=portal().reloj.ahora().isoformat())


@bp.delete("/reloj")
@permitir(API_DE_PRUEBAS)
def liberar_reloj() -> Response:
    portal().reloj.liberar()
    return jsonify(ahora=portal().reloj.ahora().isoformat())


@bp.post("/correo/entregar")
@permitir(API_DE_PRUEBAS)
def entregar_correo() -> Response:
    """Entrega ya la bandeja de salida, sin esperar al siguiente reintento del cartero."""
    return jsonify(enviados=portal().cartero.entregar_pendientes(incluso_en_espera=True))
