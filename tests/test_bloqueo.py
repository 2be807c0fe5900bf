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
