"""API de apoyo a las pruebas: el arnés prepara datos y fija el reloj por HTTP.

Sólo existe si la aplicación se configura con API_DE_PRUEBAS; un portal en producción no la tiene.
Es un contrato con versión: el documento OpenAPI está en /_pruebas/openapi.json y cada respuesta
lleva la versión en el encabezado API-Version. Los esquemas están en pruebas_esquemas.

Quien la tiene puede crear funcionarios y e.firmas, así que cada llamada (también el documento) pide
el token del despliegue (`Authorization: Bearer …`, TOKEN_API_DE_PRUEBAS), sólo admite cuerpos JSON,
no atiende a páginas web (una petición con Origin se rechaza y no hay CORS) y queda en la bitácora con
lo que respondió: lo que creó o el reloj que fijó.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from cryptography import x509
from flask import Blueprint, current_app, g, jsonify, request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from werkzeug.exceptions import ServiceUnavailable
from werkzeug.wrappers import Response

from stub_portal import catalogo, tramites_cupo
from stub_portal.contrato import Codigo, Contrato, Detalle, Rechazo
from stub_portal.modelo import Asignacion, AutoridadConfiable, Certificado, Cupo, DiaInhabil, Solicitud, Usuario
from stub_portal.permisos import API_DE_PRUEBAS, permitir
from stub_portal.reglas import ErrorCaptura
from stub_portal.vistas import comun
from stub_portal.vistas import pruebas_esquemas as e
from stub_portal.vistas.comun import ahora, db, portal

PREFIJO = "/_pruebas"
VERSION = "2.0.0"  # SemVer: un cambio que rompa a un cliente de la 2 sube el primer número
bp = Blueprint("pruebas", __name__, url_prefix=PREFIJO)
api = Contrato(bp, "API de apoyo a las pruebas del portal de cupos", VERSION, (
    "Con ella el arnés prepara datos (autoridades certificadoras, usuarios, cupos, certificados, "
    "constancias, solicitudes pendientes, días inhábiles), fija el reloj del portal y entrega el "
    "correo pendiente. Sólo existe en un portal de pruebas. Todo error es JSON con un `codigo` estable "
    "y un `mensaje` en español: decida por el estado HTTP y el código, nunca por el mensaje."),
    permitir(API_DE_PRUEBAS), token=(
    "El token de la API de pruebas del despliegue (CUPOS_API_DE_PRUEBAS_TOKEN en el portal de "
    "referencia). Sin él, o con otro, cada operación responde 401 no_autenticado."))
bitacora = logging.getLogger(__name__)
_RESPUESTA_EN_LA_BITACORA = 300  # caracteres: basta para un id, un folio o la hora fijada


def _guardar(objeto: object) -> None:
    sesion = db()
    sesion.add(objeto)
    try:
        sesion.commit()
    except IntegrityError:
        sesion.rollback()
        raise Rechazo(Codigo.YA_EXISTE, "Ya existe un registro con esa clave.") from None


def _rechazo(codigo: Codigo, campo: str, mensaje: str) -> Rechazo:
    return Rechazo(codigo, mensaje, [Detalle(campo=campo, mensaje=mensaje)])


def _usuario(rfc: str, campo: str) -> Usuario:
    usuario = db().scalars(select(Usuario).where(Usuario.rfc == rfc)).first()
    if usuario is None:
        raise _rechazo(Codigo.NO_ENCONTRADO, campo, f"No hay usuario con RFC {rfc}.")
    return usuario


def _cupo(clave: str) -> Cupo:
    cupo = db().scalars(select(Cupo).where(Cupo.clave == clave)).first()
    if cupo is None:
        raise _rechazo(Codigo.NO_ENCONTRADO, "cupo", f"No existe el cupo {clave}.")
    return cupo


def _asignacion(folio: str) -> Asignacion:
    asignacion = db().scalars(select(Asignacion).where(Asignacion.folio == folio)).first()
    if asignacion is None:
        raise _rechazo(Codigo.NO_ENCONTRADO, "asignacion", f"No existe la constancia de asignación {folio}.")
    return asignacion


def _quien() -> str:
    return request.remote_addr or "?"


@bp.before_request
def _autenticar() -> None:
    """El token del despliegue (comparado en tiempo constante), sin Origin y, si hay cuerpo, JSON."""
    credencial = request.authorization
    dado = credencial.token if credencial is not None and credencial.type == "bearer" else None
    esperado = current_app.config["TOKEN_API_DE_PRUEBAS"]
    if not dado or not hmac.compare_digest(dado.encode(), esperado.encode()):
        bitacora.warning("API de pruebas: %s %s rechazada desde %s: %s", request.method, request.path, _quien(),
                         "token equivocado" if dado else "sin token")
        raise Rechazo(Codigo.NO_AUTENTICADO, "Falta el token de la API de pruebas, o no es el de este "
                      "despliegue: mándelo en Authorization: Bearer <token>.",
                      encabezados=[("WWW-Authenticate", 'Bearer realm="api de pruebas"')])
    if "Origin" in request.headers:
        bitacora.warning("API de pruebas: %s %s rechazada desde %s: viene de la página %s", request.method,
                         request.path, _quien(), request.headers["Origin"][:100])
        raise Rechazo(Codigo.PROHIBIDO, "La API de pruebas no atiende peticiones de páginas web.")
    if (request.content_length or request.mimetype) and request.mimetype != "application/json":
        raise Rechazo(Codigo.TIPO_NO_ADMITIDO, "El cuerpo de la petición tiene que ser JSON "
                      "(Content-Type: application/json).")


@bp.after_request
def _a_la_bitacora(respuesta: Response) -> Response:
    """Cada llamada atendida, con lo que respondió (lo que creó, el reloj que fijó) o el código del rechazo."""
    if respuesta.status_code not in (401, 403):  # ésas ya se anotaron al rechazarlas
        cuerpo = respuesta.get_data(as_text=True) if request.endpoint != "pruebas.documento" else "(el documento)"
        bitacora.info("API de pruebas: %s %s %s desde %s: %s", request.method, request.path,
                      respuesta.status_code, _quien(), cuerpo[:_RESPUESTA_EN_LA_BITACORA])
    return respuesta


@bp.errorhandler(OperationalError)
def base_no_disponible(error: OperationalError) -> Response:
    comun.base_no_disponible(error)
    return api.error_http(ServiceUnavailable(retry_after=comun.REINTENTAR_EN))


@bp.errorhandler(Exception)
def error_inesperado(error: Exception) -> Response:
    """Rechazo y HTTPException tienen los suyos (contrato.py), más precisos: éste es para los demás."""
    current_app.logger.exception("Error no previsto en la API de pruebas")
    if (sesion := g.get("db")) is not None:
        sesion.rollback()
    return api.respuesta_de_error(Rechazo(Codigo.ERROR_INTERNO, "Error interno del portal."))


@bp.get("/openapi.json")
@permitir(API_DE_PRUEBAS)
def documento() -> Response:
    """El contrato: el documento OpenAPI 3.1 de esta API."""
    return jsonify(api.documento(servidor=request.script_root + PREFIJO))


@api.operacion("POST", "/autoridades", e.AutoridadRegistrada, cuerpo=e.AutoridadNueva, estados=(201, 200))
def confiar_en_autoridad(datos: e.AutoridadNueva) -> tuple[e.AutoridadRegistrada, int]:
    """Hace confiable una autoridad certificadora de e.firmas (200 si ya lo era)."""
    try:
        x509.load_pem_x509_certificate(datos.certificado_pem.encode())
    except ValueError:
        raise _rechazo(Codigo.DATOS_INVALIDOS, "certificado_pem", "No es un certificado PEM.") from None
    existente = db().scalars(select(AutoridadConfiable).where(
        AutoridadConfiable.certificado_pem == datos.certificado_pem)).first()
    if existente is not None:
        return e.AutoridadRegistrada(id=existente.id), 200
    autoridad = AutoridadConfiable(certificado_pem=datos.certificado_pem, por_la_api=True)
    _guardar(autoridad)
    return e.AutoridadRegistrada(id=autoridad.id), 201


@api.operacion("POST", "/usuarios", e.UsuarioCreado, cuerpo=e.UsuarioNuevo, estados=(201,),
               errores=(Codigo.YA_EXISTE,))
def crear_usuario(datos: e.UsuarioNuevo) -> e.UsuarioCreado:
    """Registra un solicitante o un funcionario."""
    usuario = Usuario(**datos.model_dump())
    _guardar(usuario)
    return e.UsuarioCreado(id=usuario.id, rfc=usuario.rfc)


@api.operacion("POST", "/cupos", e.CupoCreado, cuerpo=e.CupoNuevo, estados=(201,),
               errores=(Codigo.YA_EXISTE, Codigo.NO_ENCONTRADO))
def crear_cupo(datos: e.CupoNuevo) -> e.CupoCreado:
    """Registra un cupo del catálogo y a quién le toca dictaminarlo."""
    if db().scalars(select(Cupo).where(Cupo.clave == datos.clave)).first() is not None:
        raise Rechazo(Codigo.YA_EXISTE, f"Ya existe el cupo {datos.clave}.")
    dictaminador = _usuario(datos.dictaminador_rfc, "dictaminador_rfc") if datos.dictaminador_rfc else None
    ficha = datos.model_dump(exclude_none=True, exclude={"montos", "monto_total", "dictaminador_rfc"})
    ficha["montos"] = datos.montos or {str(ahora().year): datos.monto_total or "0"}
    if datos.inicio_de_recepcion is not None:
        ficha["inicio_de_recepcion"] = datos.inicio_de_recepcion.isoformat()
    cupo = catalogo.guardar_cupo(db(), ficha)
    cupo.dictaminador = dictaminador
    _guardar(cupo)
    return e.CupoCreado(id=cupo.id, clave=cupo.clave)


@api.operacion("POST", "/certificados", e.CertificadoCreado, cuerpo=e.CertificadoNuevo, estados=(201,),
               errores=(Codigo.YA_EXISTE, Codigo.NO_ENCONTRADO))
def crear_certificado(datos: e.CertificadoNuevo) -> e.CertificadoCreado:
    """Registra un certificado de cupo ya expedido."""
    expedicion = datos.fecha_expedicion or ahora().date()
    certificado = Certificado(
        folio=datos.folio, cupo=_cupo(datos.cupo), titular=_usuario(datos.titular_rfc, "titular_rfc"),
        monto_expedido=Decimal(datos.monto_expedido), monto_ejercido=Decimal(datos.monto_ejercido),
        monto_cancelado=Decimal(datos.monto_cancelado), fecha_expedicion=expedicion,
        vigencia_hasta=datos.vigencia_hasta or date(expedicion.year, 12, 31), estado=datos.estado,
        asignacion=_asignacion(datos.asignacion) if datos.asignacion else None,
    )
    _guardar(certificado)
    return e.CertificadoCreado(id=certificado.id, folio=certificado.folio)


@api.operacion("POST", "/asignaciones", e.AsignacionCreada, cuerpo=e.AsignacionNueva, estados=(201,),
               errores=(Codigo.YA_EXISTE, Codigo.NO_ENCONTRADO))
def crear_asignacion(datos: e.AsignacionNueva) -> e.AsignacionCreada:
    """Registra una constancia de asignación ya otorgada, con fecha de hoy según el reloj."""
    hoy = ahora().date()
    asignacion = Asignacion(
        folio=datos.folio or f"CA-PRUEBA-{secrets.token_hex(4).upper()}", cupo=_cupo(datos.cupo),
        titular=_usuario(datos.titular_rfc, "titular_rfc"), anio=datos.anio or hoy.year,
        monto=Decimal(datos.monto), fecha=hoy, lugar=datos.lugar,
    )
    _guardar(asignacion)
    return e.AsignacionCreada(id=asignacion.id, folio=asignacion.folio)


@api.operacion("POST", "/dias-inhabiles", e.DiaInhabilDeclarado, cuerpo=e.DiaInhabilNuevo, estados=(201, 200))
def declarar_inhabil(datos: e.DiaInhabilNuevo) -> tuple[e.DiaInhabilDeclarado, int]:
    """Declara un día inhábil de la dependencia (200 si ya lo era: cambia su descripción)."""
    dia = db().get(DiaInhabil, datos.fecha)
    estado = 201 if dia is None else 200
    if dia is None:
        dia = DiaInhabil(fecha=datos.fecha)
        db().add(dia)
    dia.descripcion = datos.descripcion
    db().commit()
    return e.DiaInhabilDeclarado(fecha=dia.fecha, descripcion=dia.descripcion), estado


def _presentar(rfc: str,
               presentar: Callable[[Session, tramites_cupo.Contexto], Solicitud]) -> e.SolicitudPresentada:
    """Presenta una solicitud recibida ahora (reloj del portal) y sin sello, con las mismas reglas
    que la pantalla del solicitante: sirve para preparar la bandeja del funcionario."""
    p = portal()
    contexto = tramites_cupo.Contexto(_usuario(rfc, "solicitante_rfc"), None, ahora, p.catalogos, p.firma_se)
    try:
        solicitud = presentar(db(), contexto)
    except ErrorCaptura as error:
        db().rollback()
        raise Rechazo(Codigo.REGLA_INCUMPLIDA, str(error)) from None
    db().commit()
    return e.SolicitudPresentada(folio=solicitud.folio or "", vence_el=solicitud.vence_el)


@api.operacion("POST", "/solicitudes/asignacion", e.SolicitudPresentada, cuerpo=e.SolicitudDeAsignacionNueva,
               estados=(201,), errores=(Codigo.NO_ENCONTRADO, Codigo.REGLA_INCUMPLIDA))
def presentar_asignacion(datos: e.SolicitudDeAsignacionNueva) -> e.SolicitudPresentada:
    """Presenta una solicitud de asignación de cupo, pendiente de resolver, con una copia de prueba adjunta
    por cada renglón de pedimentos."""
    _cupo(datos.cupo)
    copias = [tramites_cupo.Archivo.pdf_con_texto(f"pedimento-{numero}.pdf", "Copia de prueba")
              for numero, renglon in enumerate(datos.pedimentos.splitlines(), 1) if renglon.strip()]
    return _presentar(datos.solicitante_rfc, lambda sesion, contexto: tramites_cupo.presentar_asignacion(
        sesion, contexto, datos.cupo, datos.lugar, datos.monto, datos.pedimentos, copias))


@api.operacion("POST", "/solicitudes/expedicion", e.SolicitudPresentada, cuerpo=e.SolicitudDeExpedicionNueva,
               estados=(201,), errores=(Codigo.NO_ENCONTRADO, Codigo.REGLA_INCUMPLIDA))
def presentar_expedicion(datos: e.SolicitudDeExpedicionNueva) -> e.SolicitudPresentada:
    """Presenta una solicitud de expedición de certificado, con copias de prueba adjuntas en lugar de
    la factura y el documento de transporte."""
    _asignacion(datos.asignacion)
    copia = tramites_cupo.Archivo.pdf_con_texto("copia.pdf", "Copia de prueba")
    return _presentar(datos.solicitante_rfc, lambda sesion, contexto: tramites_cupo.presentar_expedicion(
        sesion, contexto, datos.asignacion, datos.lugar, datos.monto, datos.numero_factura,
        datos.monto_factura, datos.documento_transporte, copia, copia))


@api.operacion("GET", "/reloj", e.HoraDelPortal, nombre="ahora")
def leer_reloj() -> e.HoraDelPortal:
    """La hora del portal."""
    return e.HoraDelPortal(ahora=portal().reloj.ahora())


@api.operacion("PUT", "/reloj", e.HoraDelPortal, cuerpo=e.RelojFijado)
def fijar_reloj(datos: e.RelojFijado) -> e.HoraDelPortal:
    """Fija el reloj del portal en un momento, quieto o corriendo desde ahí."""
    portal().reloj.fijar(datos.ahora, corre=datos.corre)
    return e.HoraDelPortal(ahora=portal().reloj.ahora())


@api.operacion("DELETE", "/reloj", e.HoraDelPortal)
def liberar_reloj() -> e.HoraDelPortal:
    """Devuelve el reloj del portal a la hora real del centro de México."""
    portal().reloj.liberar()
    return e.HoraDelPortal(ahora=portal().reloj.ahora())


@api.operacion("POST", "/correo/entregar", e.CorreoEntregado)
def entregar_correo() -> e.CorreoEntregado:
    """Entrega ya la bandeja de salida, sin esperar al siguiente reintento del cartero."""
    return e.CorreoEntregado(enviados=portal().cartero.entregar_pendientes(incluso_en_espera=True))
