"""La fábrica de la aplicación del portal de referencia."""

from __future__ import annotations

import secrets
from typing import Any

from flask import Flask, render_template
from werkzeug.exceptions import HTTPException

from stub_portal import catalogo
from stub_portal.acuses import NOMBRES
from stub_portal.correo import Cartero
from stub_portal.firma_documentos import FirmaDeLaSecretaria
from stub_portal.modelo import abrir_base
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
    "API_DE_PRUEBAS": False,  # la API que usa el arnés para preparar datos y fijar el reloj
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
}


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(PREDETERMINADA, SECRET_KEY=secrets.token_hex(32))
    app.config.update(config or {})
    sesiones = abrir_base(app.config["BASE_DE_DATOS"])
    app.extensions["portal"] = comun.Portal(
        sesiones=sesiones,
        reloj=Reloj(sesiones),
        cartero=Cartero(sesiones, app.config["SMTP"]),
        catalogos=catalogo.cargar(sesiones),
        firma_se=FirmaDeLaSecretaria.cargar_o_crear(sesiones),
    )
    app.teardown_appcontext(comun.cerrar_sesion_de_base)
    app.add_template_filter(formato_monto, "monto")
    app.add_template_filter(lambda clave: NOMBRES.get(clave, clave), "nombre_de_tramite")
    app.context_processor(lambda: {"reloj_del_portal": app.extensions["portal"].reloj.ahora()})
    for modulo in (acceso, tramites, cupos, solicitudes, cancelacion, funcionario, documentos):
        app.register_blueprint(modulo.bp)
    if app.config["API_DE_PRUEBAS"]:
        app.register_blueprint(pruebas.bp)

    @app.errorhandler(HTTPException)
    def error_http(error: HTTPException) -> tuple[str, int]:
        return render_template("error.html", error=error), error.code or 500

    @app.errorhandler(Exception)
    def error_inesperado(error: Exception) -> tuple[str, int]:
        app.logger.exception("Error no previsto")
        return render_template("error.html", error=None), 500

    return app
