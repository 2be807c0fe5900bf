"""`cupos-conformidad`: las características empaquetadas contra un despliegue, con sus informes.

    cupos-conformidad --objetivo perfil.toml [--salida CARPETA] [opciones de pytest] [características]

Corre pytest con el plugin del arnés sobre las características que trae el paquete (o las que se le den:
archivos .feature, o -k para elegir escenarios) y deja en la carpeta de salida (por omisión, ./resultados)
la evidencia, Cucumber JSON, JUnit XML, la documentación viva y el resumen de conformidad. Todo lo demás
se le pasa a pytest tal cual (-n 2, --semilla, --conformidad-minimo 35…); lo que se dé después de las
opciones por omisión las reemplaza.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pytest

import cupos_conformidad

_PAQUETE = Path(cupos_conformidad.__file__).resolve().parent


def _instalado() -> bool:
    """Si el paquete trae sus características (la rueda instalada) o es el del repositorio (editable)."""
    return (_PAQUETE / "features").is_dir()


def caracteristicas() -> Path:
    """Las del paquete instalado; en el repositorio (instalación editable), su carpeta features/."""
    return _PAQUETE / "features" if _instalado() else _PAQUETE.parent / "features"


def configuracion() -> Path:
    """El pytest.ini del paquete instalado (la raíz de la corrida es el paquete, así los escenarios se
    llaman features/….feature::… como en el repositorio); en el repositorio, su pyproject.toml."""
    return _PAQUETE / "pytest.ini" if _instalado() else _PAQUETE.parent / "pyproject.toml"


def cache_del_usuario() -> Path:
    """La caché de pytest de la orden (lo que se recuerda entre corridas: las pantallas que axe-core ya revisó
    en una compilación del portal), en la del usuario y no en el paquete instalado."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cupos-conformidad"


def orden_de_pytest(argumentos: list[str]) -> list[str]:
    """Los argumentos de pytest: la configuración del arnés, los informes en la carpeta de salida y, si
    no se nombra ninguna característica, todas las del paquete."""
    lector = argparse.ArgumentParser(add_help=False)
    lector.add_argument("--salida", default="resultados")
    propios, resto = lector.parse_known_args(argumentos)
    salida = Path(propios.salida).resolve()
    por_omision = [
        "-c", str(ini := configuracion()), "--rootdir", str(ini.parent),
        f"--output={salida / 'evidencia'}", f"--cucumberjson={salida / 'cucumber.json'}",
        f"--junitxml={salida / 'junit.xml'}", f"--documentacion={salida / 'documentacion'}",
        f"--conformidad={salida / 'conformidad.json'}", "-o", f"cache_dir={cache_del_usuario()}",
    ]
    resto = [_del_paquete(argumento) for argumento in resto]
    nombradas = [argumento for argumento in resto if ".feature" in argumento]
    objetivos = [] if nombradas else [str(caracteristicas())]
    return [*por_omision, *resto, *objetivos]


def _del_paquete(argumento: str) -> str:
    """«inicio_de_sesion.feature» o «features/inicio_de_sesion.feature[::prueba]»: si no es un archivo de la
    carpeta de trabajo, la característica de ese nombre que trae el paquete."""
    archivo, separador, prueba = argumento.partition("::")
    if not archivo.endswith(".feature") or Path(archivo).exists():
        return argumento
    return f"{caracteristicas() / Path(archivo).name}{separador}{prueba}"


def main(argv: list[str] | None = None) -> int:
    argumentos = sys.argv[1:] if argv is None else argv
    if argumentos[:1] in (["-h"], ["--help"]):
        print(__doc__.strip())
        print(f"\n{cupos_conformidad.linea_de_versiones()}; las opciones de pytest y del arnés: "
              "cupos-conformidad --help-pytest")
        return 0
    if argumentos[:1] == ["--help-pytest"]:
        argumentos = ["--help", *argumentos[1:]]
    if argumentos[:1] == ["--version"]:
        print(cupos_conformidad.linea_de_versiones())
        return 0
    return int(pytest.main(orden_de_pytest(argumentos)))


if __name__ == "__main__":
    sys.exit(main())
