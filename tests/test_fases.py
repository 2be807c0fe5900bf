"""scripts/fases.sh, con el que scripts/probar dice cuánto tardó cada fase: la tabla sale al terminar, también
si una fase falla, y una fase de varias órdenes falla con la primera que falle (no con la última)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]


def _correr(tmp_path: Path, cuerpo: str) -> subprocess.CompletedProcess[str]:
    guion = tmp_path / "guion.sh"
    guion.write_text(f"set -euo pipefail\nsource scripts/fases.sh {tmp_path / 'r'}\n{cuerpo}\n", encoding="utf-8")
    return subprocess.run(["bash", str(guion)], cwd=RAIZ, capture_output=True, text=True, timeout=60)


def test_una_fase_de_varias_ordenes_falla_con_la_primera_y_la_tabla_sale_igual(tmp_path: Path) -> None:
    hecho = _correr(tmp_path, 'varias() { true; false; echo "no llega" > "$1"; }\n'
                              'fase "primera" sleep 1\n'
                              f'fase "segunda, de varias" varias {tmp_path / "marca"}\n'
                              'fase "nunca" true')
    assert hecho.returncode == 1
    assert not (tmp_path / "marca").exists()
    tabla = (tmp_path / "r" / "fases.tsv").read_text(encoding="utf-8")
    filas = [linea.split("\t") for linea in tabla.splitlines()]
    assert [fila[0] for fila in filas] == ["fase", "primera", "segunda, de varias"]
    assert int(filas[1][1]) >= 1 and filas[1][3] == "bien" and filas[2][3] == "falló (1)"
    markdown = (tmp_path / "r" / "fases.md").read_text(encoding="utf-8")
    assert f"| segunda, de varias | 0 | {filas[2][2]} | falló (1) |" in markdown and "| total |" in markdown
    assert "falló (1)" in markdown.splitlines()[-1]
    assert "Fases y su tiempo" in hecho.stdout and "primera" in hecho.stdout


def test_si_todo_sale_bien_el_total_lo_dice(tmp_path: Path) -> None:
    """También si una fase borra la carpeta de la tabla (pytest-playwright borra su --output al empezar)."""
    hecho = _correr(tmp_path, f'fase "una" true\nfase "otra" rm -rf {tmp_path / "r"}')
    assert hecho.returncode == 0, hecho.stderr
    assert (tmp_path / "r" / "fases.md").read_text(encoding="utf-8").splitlines()[-1].endswith("| bien |")


def test_cada_fase_dice_cuantos_nucleos_de_la_maquina_estuvieron_ocupados(tmp_path: Path) -> None:
    """Una fase que ocupa un núcleo lo muestra (los de toda la máquina: con otras pruebas a la vez, más)."""
    quema = "import time; fin = time.monotonic() + 1.5\nwhile time.monotonic() < fin: pass"
    hecho = _correr(tmp_path, f"fase 'quema un núcleo' python3 -c '{quema}'")
    assert hecho.returncode == 0, hecho.stderr
    fila = (tmp_path / "r" / "fases.tsv").read_text(encoding="utf-8").splitlines()[1].split("\t")
    ocupados, de, nucleos = fila[2].split()
    assert de == "de" and int(nucleos) == os.cpu_count()
    assert 0.8 <= float(ocupados) <= int(nucleos) + 0.01, fila
    total = (tmp_path / "r" / "fases.md").read_text(encoding="utf-8").splitlines()[-1]
    assert re.fullmatch(r"\| total \| \d+ \| \d+\.\d\d de \d+ \| bien \|", total), total


def test_la_bateria_corre_cada_parte_como_una_fase() -> None:
    """Cada corrida de pytest de scripts/probar está dentro de una fase (o de una función que una fase corre)."""
    probar = (RAIZ / "scripts" / "probar").read_text(encoding="utf-8")
    assert "source scripts/fases.sh resultados" in probar
    assert probar.count('fase "') >= 8
