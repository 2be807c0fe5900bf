"""El arnés como lo instala un equipo de QA: su rueda (scripts/construir) en un entorno virtual vacío, de su
bloqueo (distribuciones/arnes/requisitos.lock), sin el portal de referencia; y la prueba aprovisionada
corrida con su orden cupos-conformidad desde una carpeta fuera del repositorio, contra un despliegue de la
demostración servido por gunicorn. Larga: se corre con --despliegues (scripts/probar lo hace)."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import cupos_conformidad
import stub_portal
from fixtures.conformidad_de_despliegues import RAIZ, correr
from tests.test_conformidad_de_despliegues import MINIMO_SIN_API, revisar_la_demostracion_aprovisionada

pytestmark = pytest.mark.despliegue


def _ejecutar(*orden: str | Path) -> str:
    """Desde una carpeta fuera del repositorio: nada de aquí entra por la carpeta de trabajo."""
    hecho = subprocess.run([str(parte) for parte in orden], capture_output=True, text=True, timeout=900,
                           cwd=tempfile.gettempdir())
    assert hecho.returncode == 0, hecho.stdout[-3000:] + hecho.stderr[-3000:]
    return hecho.stdout


@pytest.fixture(scope="session")
def entorno_del_arnes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Un entorno virtual nuevo con sólo el arnés (y la AC de prueba que usa); devuelve su carpeta bin.

    Uno por corrida, en la carpeta temporal de la corrida (la de todos sus trabajadores): el primero que lo
    pide lo construye con el candado tomado, y los demás lo esperan y lo usan. (La marca xdist_group no basta:
    con pytest 9.2, --dist loadgroup ya no agrupa, pytest-xdist#1386.)"""
    base = tmp_path_factory.getbasetemp()  # con -n, la de cada trabajador está en la de la corrida
    carpeta = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "arnes-instalado"
    carpeta.mkdir(exist_ok=True)
    entorno, hecho = carpeta / "venv", carpeta / "hecho"
    with (carpeta / ".candado").open("w") as candado:
        fcntl.flock(candado, fcntl.LOCK_EX)
        if not hecho.is_file():
            shutil.rmtree(entorno, ignore_errors=True)  # uno a medias, de un trabajador que murió
            _ejecutar(RAIZ / "scripts" / "construir")
            ruedas = {rueda.name.split("-")[0]: rueda for rueda in (RAIZ / "dist").glob("*.whl")}
            _ejecutar(sys.executable, "-m", "venv", entorno)
            pip = [entorno / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
            _ejecutar(*pip, "--require-hashes", "-r", RAIZ / "distribuciones" / "arnes" / "requisitos.lock")
            _ejecutar(*pip, "--no-deps", ruedas["cupos_sat_pruebas"], ruedas["cupos_conformidad"])
            hecho.touch()
    return entorno / "bin"


def test_la_rueda_del_arnes_se_instala_sin_el_portal_ni_sus_dependencias(entorno_del_arnes: Path) -> None:
    faltan = _ejecutar(entorno_del_arnes / "python", "-c",
                       "import importlib.util as u; print([m for m in ('stub_portal', 'flask', 'psycopg', "
                       "'sqlalchemy', 'gunicorn') if u.find_spec(m) is None])")
    assert faltan.strip() == "['stub_portal', 'flask', 'psycopg', 'sqlalchemy', 'gunicorn']"
    version = _ejecutar(entorno_del_arnes / "cupos-conformidad", "--version")
    assert version.strip() == f"versiones: cupos-conformidad {cupos_conformidad.__version__}"
    recogidos = _ejecutar(entorno_del_arnes / "cupos-conformidad", "--collect-only", "-q")
    assert "features/inicio_de_sesion.feature::" in recogidos
    assert recogidos.count(".feature::") == len(_ejecutar(
        sys.executable, "-m", "pytest", "--collect-only", "-q", RAIZ / "features").split(".feature::")) - 1


def test_sin_portal_que_probar_lo_dice_y_no_corre_nada(entorno_del_arnes: Path, tmp_path: Path) -> None:
    hecho = subprocess.run([entorno_del_arnes / "cupos-conformidad", "--salida", tmp_path,
                            "features/inicio_de_sesion.feature"], cwd=tmp_path, capture_output=True, text=True,
                           timeout=300)
    assert hecho.returncode == pytest.ExitCode.USAGE_ERROR, hecho.stdout[-2000:]
    assert "No hay portal que probar" in hecho.stdout + hecho.stderr


def test_instalado_fuera_del_repositorio_prueba_la_demostracion_sin_api(entorno_del_arnes: Path) -> None:
    salida = RAIZ / "resultados" / "arnes-instalado"
    corrida = correr("aprovisionado", salida, "--conformidad-minimo", str(MINIMO_SIN_API),
                     arnes=entorno_del_arnes / "cupos-conformidad")
    revisar_la_demostracion_aprovisionada(corrida)
    # Los veredictos, con las reglas que el paquete lleva; y la versión del arnés, en el resumen y en pytest.
    assert corrida.conformidad["dominio"].endswith("cupos_conformidad/reglas/DOMAIN.md")
    assert "site-packages" in corrida.conformidad["dominio"]
    assert corrida.conformidad["versiones"] == {"cupos-conformidad": cupos_conformidad.__version__}
    bitacora = (corrida.salida / "pytest.log").read_text(encoding="utf-8")
    assert f"versiones: cupos-conformidad {cupos_conformidad.__version__}" in bitacora
    assert stub_portal.__version__  # el despliegue es el de este repositorio; el arnés, el de la rueda
    cucumber = json.loads((salida / "cucumber.json").read_text(encoding="utf-8"))
    assert {c["uri"].split("/")[-1] for c in cucumber} >= {"inicio_de_sesion.feature", "ciclo_de_vida.feature"}
