"""El plugin de pytest del arnés: su entrada pytest11 lo carga en cualquier corrida del entorno donde esté
instalado, sin un conftest en la carpeta del usuario. Sólo enumera los plugins: recursos en fixtures/,
pasos en steps/; y registra las marcas que las características usan (una por regla del dominio)."""

from __future__ import annotations

import pytest

from cupos_conformidad import linea_de_versiones
from cupos_conformidad.marcas import MARCAS

pytest_plugins = [
    "fixtures.objetivo",
    "fixtures.mensajes",
    "fixtures.caracteristicas",
    "fixtures.correo",
    "fixtures.postgres",
    "fixtures.portal",
    "fixtures.navegador",
    "cupos_conformidad.informes.accesibilidad",
    "fixtures.efirma",
    "fixtures.datos",
    "fixtures.fabrica",
    "fixtures.hora_del_portal",
    "fixtures.documentos",
    "cupos_conformidad.informes.resultados",
    "cupos_conformidad.informes.conformidad",
    "cupos_conformidad.informes.documentacion.evidencia",
    "cupos_conformidad.informes.documentacion.recoleccion",
    "steps.valores",
    "steps.reloj",
    "steps.mensajes",
    "steps.sesion",
    "steps.tramites",
    "steps.cancelacion",
    "steps.certificados",
    "steps.firma",
    "steps.avisos",
    "steps.funcionario",
    "steps.cupos",
    "steps.solicitudes",
    "steps.respuestas",
    "steps.resoluciones",
    "steps.documentos_resolutivos",
    "steps.horarios",
]


def pytest_configure(config: pytest.Config) -> None:
    """Las etiquetas de las características son marcas: las reglas del dominio y las demás que usan, para
    que --strict-markers las acepte también fuera de este repositorio."""
    for marca in MARCAS:
        config.addinivalue_line("markers", marca)


def pytest_report_header() -> str:
    return linea_de_versiones()
