"""La comparación de dos resúmenes de conformidad (cupos_conformidad/informes/conformidad_comparada.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cupos_conformidad.informes.conformidad_comparada import diferencias, main


def _resumen(**reglas: tuple[str, dict[str, str]]) -> dict[str, Any]:
    return {"reglas": [{"regla": regla, "veredicto": veredicto,
                        "escenarios": [{"nombre": n, "resultado": r} for n, r in escenarios.items()]}
                       for regla, (veredicto, escenarios) in reglas.items()]}


CAN_05 = ("probada", {"A": "aprobado", "B": "aprobado"})
BASE = _resumen(**{"CAN-05": CAN_05, "CAN-06": ("probada", {"C": "aprobado"})})


def test_dos_resumenes_iguales_no_tienen_diferencias() -> None:
    assert diferencias(BASE, json.loads(json.dumps(BASE))) == []


def test_un_escenario_que_cambia_de_resultado_o_falta_se_dice_con_su_regla() -> None:
    otro = _resumen(**{"CAN-05": ("falló", {"A": "aprobado", "B": "fallido"}), "CAN-06": ("probada", {})})
    assert diferencias(BASE, otro) == [
        "CAN-05: «probada» pasó a «falló»", "CAN-05: «B»: aprobado → fallido", "CAN-06: «C»: aprobado → no está"]


def test_una_regla_de_mas_o_de_menos_se_dice() -> None:
    otro = _resumen(**{"CAN-05": CAN_05, "CAN-07": ("probada", {})})
    assert diferencias(BASE, otro) == ["CAN-07: no está en el resumen base", "CAN-06: falta en el otro resumen"]


def test_la_orden_termina_con_1_si_algo_cambio(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base, otro = tmp_path / "base.json", tmp_path / "otro.json"
    base.write_text(json.dumps(BASE), encoding="utf-8")
    otro.write_text(json.dumps(BASE), encoding="utf-8")
    main([str(base), str(otro)])
    assert "dice lo mismo" in capsys.readouterr().out
    otro.write_text(json.dumps(_resumen(**{"CAN-05": ("probada", {"A": "aprobado"})})), encoding="utf-8")
    with pytest.raises(SystemExit) as salida:
        main([str(base), str(otro)])
    assert salida.value.code == 1 and "CAN-05: «B»: aprobado → no está" in capsys.readouterr().out
