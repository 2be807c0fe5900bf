"""Lo que comparten las vistas: la base de datos de la petición, el reloj, el usuario y la e.firma."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from cryptography import x509
from flask import Response, abort, current_app, g, redirect, request, session, url_for
from sqlalchemy import delete, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from stub_portal import permisos
from stub_portal.efirma import Firmante, abrir_efirma, emitido_por
from stub_portal.entrada import content_disposition
from stub_portal.modelo import AutoridadConfiable, SesionDeUsuario, Usuario
from stub_portal.portal import Portal
from stub_portal.reglas import validar_misma_efirma
from stub_portal.reloj import hora_real

DURACION_DE_LA_SESION = timedelta(hours=8)
METODOS_QUE_CAMBIAN = ("POST", "PUT", "PATCH", "DELETE")


def portal() -> Portal:
    return cast(Portal, current_app.extensions["portal"])


def db() -> Session:
    """La sesión de base de la petición: de escritura si la petición cambia algo."""
    if "db" not in g:
        sesiones = portal().sesiones
        g.db = (sesiones.escritura if request.method in METODOS_QUE_CAMBIAN else sesiones.lectura)()
    return cast(Session, g.db)


def ahora() -> datetime:
    """La hora del portal, leída en la transacción de la petición."""
    return portal().reloj.ahora(db())


REINTENTAR_EN = 30  # segundos, en el Retry-After de un 503 cuando la base no responde


def base_no_disponible(error: OperationalError) -> None:
    """La base no responde: una línea en la bitácora (sin rastro: es la base, no el portal), la sesión
    de la petición cerrada, y la página de error no vuelve a leerla."""
    causa = next(iter(str(error.orig or error).strip().splitlines()), "")
    current_app.logger.error("La base de datos no respondió a %s %s: %s", request.method, request.path, causa)
    g.base_no_disponible = True
    if (sesion := g.pop("db", None)) is not None:
        with contextlib.suppress(SQLAlchemyError):
            sesion.close()


def cerrar_sesion_de_base(_error: BaseException | None) -> None:
    sesion = g.pop("db", None)
    if sesion is not None:
        sesion.close()


def _huella(testigo: str) -> str:
    return hashlib.sha256(testigo.encode()).hexdigest()


def abrir_sesion(usuario: Usuario, firmante: Firmante) -> None:
    """Una sesión nueva (la anterior, si había, se olvida): el testigo va en la cookie firmada. Si la e.firma
    sólo la emitió una AC de la API de pruebas, la sesión vale mientras la API esté encendida."""
    testigo = secrets.token_urlsafe(32)
    db().add(SesionDeUsuario(huella=_huella(testigo), usuario=usuario,
                             numero_certificado=firmante.numero_certificado, abierta_en=datetime.now(UTC),
                             por_la_api=solo_de_la_api(firmante.certificado)))
    session.clear()
    session.update(testigo=testigo, perfil_funcionario=usuario.perfil in permisos.FUNCIONARIOS)


def cerrar_sesion() -> None:
    """CAN-16: borra la sesión del servidor; una copia de la cookie ya no sirve."""
    testigo = session.get("testigo")
    if testigo:
        db().execute(delete(SesionDeUsuario).where(SesionDeUsuario.huella == _huella(testigo)))
    session.clear()


def _en_utc(momento: datetime) -> datetime:
    # SQLite devuelve la fecha sin zona (se guardó en UTC); PostgreSQL, con zona.
    return momento.replace(tzinfo=UTC) if momento.tzinfo is None else momento.astimezone(UTC)


def sesion_actual() -> SesionDeUsuario | None:
    if "sesion_de_usuario" not in g:
        testigo = session.get("testigo")
        abierta = db().get(SesionDeUsuario, _huella(testigo)) if isinstance(testigo, str) else None
        # La duración es de infraestructura, no una regla del trámite: se mide con la hora real.
        if abierta is not None and _en_utc(abierta.abierta_en) + DURACION_DE_LA_SESION < datetime.now(UTC):
            abierta = None
        if abierta is not None and abierta.por_la_api and not current_app.config["API_DE_PRUEBAS"]:
            abierta = None  # su AC ya no es de confianza: la registró la API, y la API está apagada
        g.sesion_de_usuario = abierta
    return cast(SesionDeUsuario | None, g.sesion_de_usuario)


def usuario_actual() -> Usuario | None:
    abierta = sesion_actual()
    return abierta.usuario if abierta is not None else None


def requiere(*perfiles: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declara y aplica la regla de la vista: sin sesión, al acceso; con otro perfil, 403."""

    def decorador(vista: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(vista)
        def envuelta(*args: Any, **kwargs: Any) -> Any:
            usuario = usuario_actual()
            if usuario is None:
                destino = "acceso.funcionarios" if perfiles == permisos.FUNCIONARIOS else "acceso.ingresar"
                return redirect(url_for(destino))
            if usuario.perfil not in perfiles:
                abort(403)
            g.usuario = usuario
            return vista(*args, **kwargs)

        return permisos.permitir(*perfiles)(envuelta)

    return decorador


def autoridades_de_confianza(con_las_de_la_api: bool | None = None) -> list[x509.Certificate]:
    """Las de la carpeta de la configuración y las de la base: la de la demostración y, sólo mientras la
    API de pruebas está encendida (o si se piden), las que ella registró."""
    if con_las_de_la_api is None:
        con_las_de_la_api = current_app.config["API_DE_PRUEBAS"]
    consulta = select(AutoridadConfiable.certificado_pem)
    if not con_las_de_la_api:
        consulta = consulta.where(AutoridadConfiable.por_la_api.is_(False))
    guardadas = [x509.load_pem_x509_certificate(pem.encode()) for pem in db().scalars(consulta)]
    return [*portal().autoridades, *guardadas]


def solo_de_la_api(certificado: x509.Certificate) -> bool:
    """¿Sólo lo emitió una AC que registró la API de pruebas (ninguna de las que valen siempre)?"""
    return not emitido_por(certificado, autoridades_de_confianza(con_las_de_la_api=False))


def efirma_del_formulario(autoridades: list[x509.Certificate] | None = None) -> Firmante:
    """Las tres piezas de la e.firma del formulario, validadas contra las AC de confianza (las dadas, si quien
    llama ya las leyó)."""
    autoridades = autoridades if autoridades is not None else autoridades_de_confianza()
    cer, key = request.files.get("certificado"), request.files.get("clave_privada")
    return abrir_efirma(
        cer.read() if cer else b"",
        key.read() if key else b"",
        request.form.get("contrasena", ""),
        autoridades,
        hora_real(),
    )


def firma_de_la_sesion() -> Firmante:
    """CAN-11 (reglas.validar_misma_efirma): la e.firma del formulario, la misma de la sesión."""
    firmante = efirma_del_formulario()
    abierta = sesion_actual()
    validar_misma_efirma(abierta.numero_certificado if abierta else None, firmante.numero_certificado)
    return firmante


def descarga(contenido: bytes, nombre: str, tipo: str) -> Response:
    """Un archivo para descargar, con su nombre en la forma de RFC 6266 (filename*, UTF-8)."""
    respuesta = Response(contenido, mimetype=tipo)
    respuesta.headers["Content-Disposition"] = content_disposition(nombre)
    return respuesta
