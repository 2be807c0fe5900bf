"""La fábrica de la aplicación del portal de referencia.

La fábrica no crea ni migra la base (eso es `python -m stub_portal --preparar`, ver base_de_datos):
sólo la abre. La clave secreta viene de la configuración y nunca se inventa aquí.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from flask import Flask, abort, current_app, g, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect  # type: ignore[import-untyped]
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, ServiceUnavailable
from werkzeug.wrappers import Response

from stub_portal import base_de_datos, catalogo, intentos, permisos, pieles
from stub_portal.acuses import NOMBRES
from stub_portal.configuracion import leer_autoridades, validar_token_de_la_api
from stub_portal.correo import Cartero
from stub_portal.entrada import (
    MENSAJE_CARACTERES_DE_CONTROL,
    EnteroAcotado,
    texto_con_caracteres_de_control,
)
from stub_portal.firma_documentos import FirmaDeLaSecretaria
from stub_portal.portal import Portal
from stub_portal.reglas import formato_monto
from stub_portal.reloj import Reloj
from stub_portal.vistas import (
    acceso,
    cancelacion,
    comun,
    cupos,
    documentos,
    funcionario,
    pruebas,
    solicitudes,
    tramites,
)

PREDETERMINADA = {
    "BASE_DE_DATOS": "sqlite:///portal-cupos.sqlite3",
    "SMTP": None,  # "host:puerto"; sin él los avisos se quedan en la bandeja de salida
    "AUTORIDADES": None,  # carpeta con los certificados de AC de confianza (además de los de la base)
    "API_DE_PRUEBAS": False,  # la API que usa el arnés para preparar datos y fijar el reloj
    "TOKEN_API_DE_PRUEBAS": None,  # con la API, obligatorio: cada llamada lo manda (Authorization: Bearer)
    "INTENTOS_POR_CERTIFICADO": intentos.POR_CERTIFICADO,  # fallidos en la ventana, antes de frenar
    "INTENTOS_POR_DIRECCION": intentos.POR_DIRECCION,
    "PIEL": pieles.REFERENCIA,  # o pieles.ALTERNATIVA: otro HTML y otras palabras, el mismo trámite
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SECURE": False,  # True detrás de https (COOKIE_SEGURA en wsgi.py)
    "WTF_CSRF_TIME_LIMIT": None,  # el testigo vale lo que dura la sesión
}
CABECERAS_DE_SEGURIDAD = {
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; object-src 'none'; "
                                "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}  # el encabezado Server lo pone el servidor: sin versión (gunicorn; __main__ para el de desarrollo)
MENSAJE_CSRF = ("El formulario venció o no se envió desde el portal. Vuelva a cargar la página e "
                "intente de nuevo; no se guardó ningún cambio.")
csrf = CSRFProtect()


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(PREDETERMINADA)
    app.config.update(config or {})
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError("Falta la clave secreta del portal (SECRET_KEY): configúrela; el portal no "
                           "inventa una, porque cada arranque cerraría las sesiones de todos.")
    if app.config["API_DE_PRUEBAS"]:
        validar_token_de_la_api(app.config["TOKEN_API_DE_PRUEBAS"])
    pieles.instalar(app)
    carpeta = app.config["AUTORIDADES"]
    autoridades = tuple(leer_autoridades(Path(carpeta))) if carpeta else ()
    sesiones = base_de_datos.abrir(app.config["BASE_DE_DATOS"])
    app.extensions["portal"] = Portal(
        sesiones=sesiones,
        reloj=Reloj(sesiones.escritura, sesiones.lectura),
        cartero=Cartero(sesiones.escritura, app.config["SMTP"]),
        catalogos=catalogo.leer(),
        firma_se=FirmaDeLaSecretaria.cargar(sesiones.lectura),
        autoridades=autoridades,
    )
    app.url_map.converters["id"] = EnteroAcotado  # un id fuera de rango es 404, no un error de la base
    csrf.init_app(app)
    app.teardown_appcontext(comun.cerrar_sesion_de_base)
    app.add_template_filter(formato_monto, "monto")
    app.add_template_filter(lambda clave: NOMBRES.get(clave, clave), "nombre_de_tramite")
    app.context_processor(_del_portal_en_pantalla)
    for modulo in (acceso, tramites, cupos, solicitudes, cancelacion, funcionario, documentos):
        app.register_blueprint(modulo.bp)
    if app.config["API_DE_PRUEBAS"]:
        csrf.exempt(pruebas.bp)  # JSON sin cookies de sesión, y sólo en un portal de pruebas
        app.register_blueprint(pruebas.bp)
    permisos.permitir(permisos.CUALQUIERA)(app.view_functions["static"])
    _estaticos_con_huella(app)
    app.before_request(_antes_de_cada_peticion)
    app.after_request(_cabeceras)
    _manejar_errores(app)
    return app


UN_ANIO = 365 * 24 * 3600


def _estaticos_con_huella(app: Flask) -> None:
    """url_for('static', …) lleva la huella del contenido (?v=…), así que el archivo puede guardarse en
    la caché del navegador un año sin volver a preguntar: si cambia, cambia su dirección."""
    carpeta = Path(app.static_folder or "")
    huellas = {archivo.relative_to(carpeta).as_posix(): hashlib.sha256(archivo.read_bytes()).hexdigest()[:16]
               for archivo in carpeta.rglob("*") if archivo.is_file()}

    def con_huella(endpoint: str, valores: dict[str, Any]) -> None:
        if endpoint == "static" and valores.get("filename") in huellas:
            valores.setdefault("v", huellas[valores["filename"]])

    app.url_defaults(con_huella)
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = UN_ANIO


def _antes_de_cada_peticion() -> None:
    """Ninguna ruta sin regla de acceso declarada; ningún texto con caracteres de control."""
    vista = current_app.view_functions.get(request.endpoint or "")
    if vista is not None and permisos.regla_de(vista) is None:
        abort(403)
    if texto_con_caracteres_de_control(request.path):
        abort(404)  # ninguna dirección del portal los lleva (y PostgreSQL no admite NUL en un texto)
    if any(texto_con_caracteres_de_control(v) for v in request.args.values()):
        abort(422, description=MENSAJE_CARACTERES_DE_CONTROL)
    if request.method in comun.METODOS_QUE_CAMBIAN and request.mimetype != "application/json":
        valores = [*request.form.values(), *(a.filename or "" for a in request.files.values())]
        if any(texto_con_caracteres_de_control(v) for v in valores):
            abort(422, description=MENSAJE_CARACTERES_DE_CONTROL)


def _cabeceras(respuesta: Response) -> Response:
    respuesta.headers.update(CABECERAS_DE_SEGURIDAD)
    if request.scheme == "https":
        respuesta.headers["Strict-Transport-Security"] = "max-age=31536000"
    if respuesta.mimetype in ("text/html", "application/pdf", "application/octet-stream"):
        respuesta.headers["Cache-Control"] = "no-store"  # nada de un usuario queda en cachés ajenas
    elif request.endpoint == "static" and request.args.get("v"):
        respuesta.cache_control.immutable = True
    return respuesta


def _del_portal_en_pantalla() -> dict[str, Any]:
    """La hora del portal y quién está en sesión, para el encabezado; sin base, ninguna de las dos (la
    página de «no disponible» no vuelve a intentarlo)."""
    if g.get("base_no_disponible"):
        return {"reloj_del_portal": None, "usuario_en_sesion": None}
    return {"reloj_del_portal": comun.ahora(), "usuario_en_sesion": comun.usuario_actual()}


Respuesta = tuple[str, int] | tuple[str, int, dict[str, str]] | Response


def _manejar_errores(app: Flask) -> None:
    @app.errorhandler(OperationalError)
    def base_no_disponible(error: OperationalError) -> Respuesta:
        """La base no responde: 503 con Retry-After (la API de pruebas tiene el suyo, en JSON)."""
        comun.base_no_disponible(error)
        return (render_template("error.html", fallo=ServiceUnavailable()), 503,
                {"Retry-After": str(comun.REINTENTAR_EN)})

    def pagina_de_error(codigo: int, fallo: Exception | None, mensaje: str | None = None) -> Respuesta:
        """La página de error; si al dibujarla la base no responde, la de «no disponible»."""
        try:
            return render_template("error.html", fallo=fallo, mensaje=mensaje), codigo
        except OperationalError as caida:
            return base_no_disponible(caida)

    @app.errorhandler(CSRFError)
    def error_csrf(error: CSRFError) -> Respuesta:
        return pagina_de_error(400, error, mensaje=MENSAJE_CSRF)

    @app.errorhandler(HTTPException)
    def error_http(error: HTTPException) -> Respuesta:
        if app.config["API_DE_PRUEBAS"] and request.path.startswith(pruebas.PREFIJO + "/"):
            return pruebas.api.error_http(error)  # ruta o método inexistentes: también en JSON
        return pagina_de_error(error.code or 500, error, error.description if error.code == 422 else None)

    @app.errorhandler(Exception)
    def error_inesperado(error: Exception) -> Respuesta:
        app.logger.exception("Error no previsto")
        if (sesion := g.get("db")) is not None:
            sesion.rollback()  # nada a medias, y la página de error puede volver a leer la base
        return pagina_de_error(500, None)
