"""Las tablas de frases de los pasos (steps/frases.py): un paso para varias maneras de decir un concepto."""

from __future__ import annotations

import re

import pytest

from steps.frases import Frases

CUPOS = Frases({
    r'de "(?P<mecanismo>[^"]+)"': "por mecanismo",
    r"al que le quedan (?P<saldo>[\d.]+) toneladas de saldo": "con saldo",
    r"que recibió solicitudes en (?P<anio>\d{4})": "de un año",
    r"que recibe solicitudes(?: de (?P<tramite>asignación))?": "que recibe",
})


def test_el_patron_junta_las_frases_sin_sus_grupos_y_nombra_el_suyo() -> None:
    patron = re.compile(rf"un cupo {CUPOS.patron('como')}$")
    assert patron.groupindex.keys() == {"como"}  # dos frases podrían nombrar igual un valor
    hallado = patron.fullmatch("un cupo al que le quedan 0.5 toneladas de saldo")
    assert hallado is not None and hallado["como"] == "al que le quedan 0.5 toneladas de saldo"
    assert patron.fullmatch("un cupo de tres colores y medio") is None


def test_elegir_dice_que_frase_fue_y_sus_valores() -> None:
    assert CUPOS.elegir('de "Licitación Pública"') == ("por mecanismo", {"mecanismo": "Licitación Pública"})
    assert CUPOS.elegir("que recibió solicitudes en 2021") == ("de un año", {"anio": "2021"})
    assert CUPOS.elegir("que recibe solicitudes") == ("que recibe", {})  # el grupo que no aparece, fuera


def test_un_texto_que_no_es_ninguna_frase_lo_dice() -> None:
    with pytest.raises(AssertionError, match="no es ninguna de las frases"):
        CUPOS.elegir("que no existe")
