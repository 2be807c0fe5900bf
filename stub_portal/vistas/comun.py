"""Lo que comparten las vistas: la base de datos de la petición, el reloj, el usuario y la e.firma."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from flask import current_app, g, redirect, request, session, url_for
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from stub_portal.catalogo import Catalogos
from stub_portal.correo import Cartero
from stub_portal.efirma import ErrorEfirma, Firmante, abrir_efirma
from stub_portal.firma_documentos import FirmaDeLaSecretaria
from stub_portal.modelo import AutoridadConfiable, Usuario
from stub_portal.reloj import Reloj

FUNCIONARIOS = ("dictaminador", "nivel_central")


@dataclass(frozen=True)
class Portal:
    sesiones: sessionmaker[Session]
    reloj: Reloj
    cartero: Cartero
    catalogos: Catalogos
    firma_se: FirmaDeLaSecretaria


def portal() -> Portal:
    return current_app.extensions["portal"]


def db() -> Session:
    if "db" not in g:
        g.db = portal().sesiones()
    return g.db


def cerrar_sesion_de_base(_error: BaseException | None) -> None:
    sesion = g.pop("db", None)
    if sesion is not None:
        sesion.close()


def usuario_actual() -> Usuario | None:
    identificador = session.get("usuario_id")
    return db().get(Usuario, identificador) if identificador else None


def requiere(*perfiles: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Deja pasar sólo a un usuario con sesión y alguno de los perfiles; a los demás, al acceso."""

    def decorador(vista: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(vista)
        def envuelta(*args: Any, **kwargs: Any) -> Any:
            usuario = usuario_actual()
            if usuario is None or usuario.perfil not in perfiles:
                destino = "acceso.funcionarios" if perfiles == FUNCIONARIOS else "acceso.ingresar"
                return redirect(url_for(destino))
            g.usuario = usuario
            return vista(*args, **kwargs)

        return envuelta

    return decorador


def efirma_del_formulario() -> Firmante:
    """Las tres piezas de la e.firma del formulario, validadas contra las AC de confianza."""
    autoridades = [
        x509.load_pem_x509_certificate(pem.encode())
        for pem in db().scalars(select(AutoridadConfiable.certificado_pem))
    ]
    cer, key = request.files.get("certificado"), request.files.get("clave_privada")
    return abrir_efirma(
        cer.read() if cer else b"",
        key.read() if key else b"",
        request.form.get("contrasena", ""),
        autoridades,
        portal().reloj.ahora(),
    )


def firma_de_la_sesion(error_si_otra: str = "") -> Firmante:
    """La e.firma del formulario, que debe ser la misma con que se inició la sesión."""
    firmante = efirma_del_formulario()
    if firmante.numero_certificado != session.get("numero_certificado"):
        raise ErrorEfirma(error_si_otra or (
            "La e.firma no corresponde a la que usó para iniciar la sesión. Firme con los mismos "
            "datos con que inició la sesión."))
    return firmante
