"""Quién puede usar qué, escrito una vez.

Cada vista declara su regla con `@permitir(...)`; la aplicación rechaza toda ruta que no la declare
(ver app.py), y tests/test_permisos.py recorre el mapa de rutas con cada perfil. Sobre las
solicitudes, la regla es `puede_ver_solicitud`: la usan el detalle, la bandeja y las descargas.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from stub_portal.modelo import Cupo, Solicitud, Usuario
from stub_portal.reglas import MECANISMO_LICITACION

SOLICITANTES = ("solicitante",)
FUNCIONARIOS = ("dictaminador", "nivel_central")
PERFILES = SOLICITANTES + FUNCIONARIOS
CUALQUIERA = "cualquiera"  # páginas de acceso, estáticos, la raíz pública de la Secretaría
API_DE_PRUEBAS = "api de pruebas"  # sólo existe si se habilita al arrancar; nunca en producción
V = TypeVar("V", bound=Callable[..., Any])


def permitir(*perfiles: str) -> Callable[[V], V]:
    """Declara quién puede usar la vista: perfiles de usuario, CUALQUIERA o API_DE_PRUEBAS."""

    def declarar(vista: V) -> V:
        vista.regla_de_acceso = perfiles  # type: ignore[attr-defined]
        return vista

    return declarar


def regla_de(vista: Callable[..., Any]) -> tuple[str, ...] | None:
    return getattr(vista, "regla_de_acceso", None)


def cupos_de(solicitud: Solicitud) -> set[Cupo]:
    if solicitud.cupo is not None:
        return {solicitud.cupo}
    return {p.certificado.cupo for p in solicitud.partidas}


def atiende(funcionario: Usuario, solicitud: Solicitud) -> bool:
    """Al dictaminador, las de los cupos que dictamina (y las de cupos sin dictaminador); a Nivel
    Central, las que tocan una Licitación Pública."""
    cupos = cupos_de(solicitud)
    if funcionario.perfil == "nivel_central":
        return any(c.mecanismo == MECANISMO_LICITACION for c in cupos)
    if funcionario.perfil == "dictaminador":
        return any(c.dictaminador_id in (funcionario.id, None) for c in cupos)
    return False


def puede_ver_solicitud(usuario: Usuario, solicitud: Solicitud) -> bool:
    """El solicitante, las suyas ya firmadas; el funcionario, las que atiende."""
    if solicitud.estado == "borrador":
        return False
    if usuario.perfil in SOLICITANTES:
        return solicitud.solicitante_id == usuario.id
    return atiende(usuario, solicitud)
