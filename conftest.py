"""La raíz sólo enumera los plugins del arnés: recursos en fixtures/, pasos en steps/."""

pytest_plugins = [
    "fixtures.objetivo",
    "fixtures.caracteristicas",
    "fixtures.correo",
    "fixtures.postgres",
    "fixtures.portal",
    "fixtures.navegador",
    "fixtures.efirma",
    "fixtures.datos",
    "fixtures.documentos",
    "fixtures.informes",
    "steps.valores",
    "steps.sesion",
    "steps.tramites",
    "steps.cancelacion",
    "steps.firma",
    "steps.avisos",
    "steps.funcionario",
    "steps.cupos",
    "steps.solicitudes",
    "steps.resoluciones",
]
