"""requisitos.lock, el bloqueo que instalan scripts/demo, scripts/probar y la integración continua: cada
dependencia de pyproject.toml (las del portal y las de las pruebas) está fijada en él, en una versión que
cumple lo que pide pyproject, con sus hashes; scripts/preparar instala de él y nada más."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

RAIZ = Path(__file__).resolve().parents[1]
_FIJADA = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^ \\;]+)", re.MULTILINE)


def _fijadas() -> dict[str, Version]:
    return {canonicalize_name(nombre): Version(version)
            for nombre, version in _FIJADA.findall((RAIZ / "requisitos.lock").read_text(encoding="utf-8"))}


def _pedidas() -> list[Requirement]:
    proyecto = tomllib.loads((RAIZ / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in [*proyecto["dependencies"], *proyecto["optional-dependencies"]["pruebas"]]]


def test_cada_dependencia_de_pyproject_esta_fijada_en_una_version_que_la_cumple() -> None:
    fijadas = _fijadas()
    faltan = [str(r) for r in _pedidas() if canonicalize_name(r.name) not in fijadas]
    assert faltan == [], "no están en requisitos.lock (corra scripts/bloquear)"
    fuera = [f"{r} (fijada {fijadas[canonicalize_name(r.name)]})" for r in _pedidas()
             if fijadas[canonicalize_name(r.name)] not in r.specifier]
    assert fuera == [], "fijadas fuera de lo que pide pyproject.toml (corra scripts/bloquear)"


def test_cada_version_fijada_lleva_sus_hashes() -> None:
    bloques = re.split(r"\n(?=[A-Za-z0-9])", (RAIZ / "requisitos.lock").read_text(encoding="utf-8"))
    sin_hash = [b.split(" ", 1)[0] for b in bloques if _FIJADA.match(b) and "--hash=sha256:" not in b]
    assert sin_hash == []
    assert len(_fijadas()) > len(_pedidas())  # también las dependencias de las dependencias


def test_la_preparacion_instala_del_bloqueo_verificando_hashes() -> None:
    preparar = (RAIZ / "scripts" / "preparar").read_text(encoding="utf-8")
    assert "--require-hashes -r requisitos.lock" in preparar
    assert "--no-deps -e ." in preparar
    sin_fijar = re.search(r'pip install[^\n]*-e "?\.\[', preparar)
    assert sin_fijar is None, "instala el proyecto con sus dependencias sin fijar"


ARNES = RAIZ / "distribuciones" / "arnes"
DEL_PORTAL = ("flask", "sqlalchemy", "psycopg", "gunicorn", "alembic", "flask-wtf")


def _fijadas_en(bloqueo: Path) -> dict[str, Version]:
    return {canonicalize_name(nombre): Version(version)
            for nombre, version in _FIJADA.findall(bloqueo.read_text(encoding="utf-8"))}


def test_el_bloqueo_del_arnes_fija_lo_que_pide_en_las_versiones_del_de_desarrollo_y_nada_del_portal() -> None:
    """El arnés instalado solo corre con las mismas versiones que la batería del repositorio; su AC de
    prueba es de aquí (se instala de su rueda) y ni Flask ni el driver de PostgreSQL entran."""
    pedidas = [Requirement(r) for r in
               tomllib.loads((ARNES / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]]
    fijadas, del_desarrollo = _fijadas_en(ARNES / "requisitos.lock"), _fijadas()
    propias = [r for r in pedidas if canonicalize_name(r.name) == "cupos-sat-pruebas"]
    assert propias and all(canonicalize_name(r.name) not in fijadas for r in propias)
    faltan = [str(r) for r in pedidas if r not in propias and canonicalize_name(r.name) not in fijadas]
    assert faltan == [], "no están en distribuciones/arnes/requisitos.lock (corra scripts/bloquear)"
    assert [r for r in pedidas if r not in propias and fijadas[canonicalize_name(r.name)] not in r.specifier] == []
    distintas = {n: (v, del_desarrollo.get(n)) for n, v in fijadas.items() if del_desarrollo.get(n) != v}
    assert distintas == {}
    assert [n for n in DEL_PORTAL if n in fijadas] == []
