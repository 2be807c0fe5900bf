"""El arnés de conformidad de los trámites de cupos: las características, sus pasos, sus páginas y sus
recursos, como un plugin de pytest (plugin.py) y una orden (`cupos-conformidad`, cli.py)."""

from __future__ import annotations

import importlib.util

__version__ = "0.2.0"


def versiones() -> dict[str, str]:
    """La del arnés y, si está instalado, la del portal de referencia (el que el arnés arranca cuando no se
    le da otro despliegue): los informes las imprimen."""
    resultado = {"cupos-conformidad": __version__}
    if importlib.util.find_spec("stub_portal") is not None:
        import stub_portal

        resultado["cupos-portal-de-referencia"] = stub_portal.__version__
    return resultado


def linea_de_versiones() -> str:
    return "versiones: " + ", ".join(f"{nombre} {version}" for nombre, version in versiones().items())
