"""Las pantallas ya revisadas con axe-core, compartidas: cada pantalla se revisa una vez por corrida, y no una
vez por proceso.

Cada proceso las guarda en memoria y en una carpeta, un archivo JSON por pantalla (escrito aparte y movido a
su nombre: quien lo lee lo ve entero o no lo ve). Los trabajadores de pytest-xdist reciben del controlador la
misma carpeta. Si dos procesos llegan a la vez a una pantalla nueva, uno la revisa y el otro espera su
resultado: la revisión de una pantalla se reserva con un candado del sistema (flock) sobre su archivo .candado.

Qué carpeta:

- si se sabe qué compilación del portal se prueba, una de la caché de pytest (.pytest_cache) con el nombre de
  esa compilación, de la versión de axe-core y de sus opciones: las corridas siguientes de la misma
  compilación no revisan otra vez lo ya revisado (ni lo que tuvo violaciones: se las vuelve a dar a cada
  escenario que llega a esa pantalla). La del portal de referencia embebido es la huella de sus archivos y
  de su piel; la de otro despliegue, la que diga el perfil (`[portal] compilacion`) o
  --compilacion-del-portal;
- si no se sabe, o sin la caché de pytest (-p no:cacheprovider), una carpeta temporal de esta corrida, que
  el controlador borra al terminar.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.util
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import pytest

from fixtures.objetivo import objetivo_de

ENTRADA = "cupos_accesibilidad"  # en workerinput: la carpeta que comparten los trabajadores
_CARPETA = pytest.StashKey[Path]()
_TEMPORAL = pytest.StashKey[bool]()


class Revisadas(MutableMapping[str, Any]):
    """Pantalla por clave (ver `clave_de_pantalla`): en memoria y, con carpeta, en disco para los demás."""

    def __init__(self, carpeta: Path | None = None) -> None:
        self.carpeta = carpeta
        self._memoria: dict[str, Any] = {}

    def _archivo(self, clave: str) -> Path:
        assert self.carpeta is not None
        return self.carpeta / f"{hashlib.sha256(clave.encode()).hexdigest()[:32]}.json"

    def __getitem__(self, clave: str) -> Any:
        if clave in self._memoria or self.carpeta is None:
            return self._memoria[clave]
        try:
            guardada = json.loads(self._archivo(clave).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise KeyError(clave) from None
        self._memoria[clave] = guardada
        return guardada

    def __setitem__(self, clave: str, pantalla: Any) -> None:
        self._memoria[clave] = pantalla
        if self.carpeta is not None:
            archivo = self._archivo(clave)
            descriptor, provisional = tempfile.mkstemp(dir=self.carpeta, suffix=".parcial")
            with os.fdopen(descriptor, "w", encoding="utf-8") as salida:
                json.dump(pantalla, salida, ensure_ascii=False)
            os.replace(provisional, archivo)

    @contextmanager
    def reservar(self, clave: str) -> Iterator[None]:
        """Mientras se revisa una pantalla nueva: los demás procesos de la carpeta esperan aquí por ella."""
        if self.carpeta is None:
            yield
            return
        with self._archivo(clave).with_suffix(".candado").open("a") as candado:
            fcntl.flock(candado, fcntl.LOCK_EX)  # espera a que lo suelte quien lo tenga
            try:
                yield
            finally:
                fcntl.flock(candado, fcntl.LOCK_UN)

    def __delitem__(self, clave: str) -> None:
        del self._memoria[clave]
        if self.carpeta is not None:
            self._archivo(clave).unlink(missing_ok=True)

    def __iter__(self) -> Iterator[str]:
        return iter(self._memoria)

    def __len__(self) -> int:
        return len(self._memoria)


def huella_de_archivos(raiz: Path) -> str:
    """La huella del contenido de los archivos bajo `raiz` (sin __pycache__), con sus rutas."""
    huella = hashlib.sha256()
    for ruta in sorted(p for p in raiz.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        huella.update(ruta.relative_to(raiz).as_posix().encode() + b"\0" + ruta.read_bytes() + b"\0")
    return huella.hexdigest()


def compilacion_del_portal(config: pytest.Config) -> str | None:
    """Qué compilación del portal se prueba, si se sabe."""
    objetivo = objetivo_de(config)
    if objetivo.portal.url:
        return objetivo.portal.compilacion
    especificacion = importlib.util.find_spec("stub_portal")
    if especificacion is None or not especificacion.submodule_search_locations:
        return None
    piel = config.getoption("--piel-del-portal", "referencia")
    return f"referencia {huella_de_archivos(Path(next(iter(especificacion.submodule_search_locations))))} {piel}"


def preparar_carpeta(config: pytest.Config, revision: str) -> Path:
    """En el controlador: la carpeta que comparte la corrida (`revision`: axe-core y sus opciones)."""
    compilacion = compilacion_del_portal(config)
    cache = getattr(config, "cache", None)
    if compilacion is not None and cache is not None:
        nombre = hashlib.sha256(f"{compilacion}\0{revision}".encode()).hexdigest()[:24]
        carpeta = Path(cache.mkdir("cupos-accesibilidad")) / nombre
        carpeta.mkdir(exist_ok=True)
        config.stash[_TEMPORAL] = False
    else:
        carpeta = Path(tempfile.mkdtemp(prefix="cupos-accesibilidad-"))
        config.stash[_TEMPORAL] = True
    config.stash[_CARPETA] = carpeta
    return carpeta


def carpeta_compartida(config: pytest.Config) -> Path | None:
    """La carpeta de la corrida: la del controlador, o la que recibió el trabajador."""
    entrada = cast("dict[str, Any]", getattr(config, "workerinput", {})).get(ENTRADA)
    return Path(entrada) if entrada else config.stash.get(_CARPETA, None)


def es_de_la_compilacion(config: pytest.Config) -> bool:
    """Si la carpeta de la corrida es la de su compilación (queda para las corridas siguientes)."""
    return _CARPETA in config.stash and not config.stash.get(_TEMPORAL, True)


def terminar(config: pytest.Config) -> None:
    """En el controlador, al final: la carpeta temporal se borra; la de la caché queda."""
    if config.stash.get(_TEMPORAL, False):
        shutil.rmtree(config.stash[_CARPETA], ignore_errors=True)


class AlRepartir:
    """Con pytest-xdist: cada trabajador recibe la carpeta del controlador."""

    def __init__(self, carpeta: Path) -> None:
        self.carpeta = carpeta

    def pytest_configure_node(self, node: Any) -> None:
        node.workerinput[ENTRADA] = str(self.carpeta)
