"""La apertura del primer día bajo carga, en tamaño de CI: Locust, en otro proceso, lanza 40
solicitudes firmadas a la vez contra gunicorn con 3 procesos y PostgreSQL, a las 11:00 del primer
día. Se comprueban los invariantes, no la velocidad (ésa la mide `python -m bench.carga.rafaga`):
ningún error, cada solicitud guardada una vez, un solo orden de llegada y, al resolverlas en ese
orden, ni una tonelada de más ni un reparto fuera de turno (CUP-07, CRT-01, HOR-01)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bench.carga import rafaga
from bench.carga.verificacion import Recibida, repartir, revisar_registro
from fixtures.postgres import FabricaDeBases

USUARIOS = 40


@pytest.mark.parametrize("reloj_corre", [False, True], ids=["reloj quieto", "reloj andando"])
def test_cuarenta_solicitudes_a_la_apertura_se_atienden_en_orden_sin_errores_ni_sobreasignacion(
        base_postgres: FabricaDeBases, tmp_path: Path, reloj_corre: bool) -> None:
    # Con el reloj andando, la hora de recepción y el consecutivo del folio deben dar el mismo orden.
    resultado = rafaga.correr(base_postgres(), tmp_path, usuarios=USUARIOS, procesos_gunicorn=3, plazo=120,
                              reloj_corre=reloj_corre)
    medicion, reparto = resultado.medicion, resultado.reparto
    contexto = rafaga.tabla(resultado)
    assert medicion.errores == 0, contexto
    assert len(medicion.folios) == len(set(medicion.folios.values())) == USUARIOS, contexto
    assert resultado.problemas == [], contexto
    assert reparto is not None
    assert reparto.sobreasignacion == 0, contexto
    assert reparto.fuera_de_orden == 0 and reparto.distintas_del_ideal == [], contexto
    # El 40 % de lo pedido más media solicitud: 16 completas, una parcial y 23 sin monto.
    assert (reparto.completas, reparto.parciales, reparto.sin_monto) == (16, 1, 23), contexto
    assert reparto.otorgado == resultado.escenario.monto_anual, contexto


def _recibida(consecutivo: int, pedido: str, otorgado: str) -> Recibida:
    return Recibida(consecutivo, f"040220260101{consecutivo:013d}", "2026-01-01T11:00:00-06:00", "resuelta",
                    Decimal(pedido), Decimal(otorgado), f"AAA0101{consecutivo:02d}AA1")


def test_el_reparto_delata_montos_de_mas_y_turnos_saltados() -> None:
    en_orden = [_recibida(1, "10", "10"), _recibida(2, "10", "0"), _recibida(3, "10", "10")]
    reparto = repartir(en_orden, anual=Decimal(15), asignado_en_la_base=Decimal(20))
    assert reparto.sobreasignacion == 5
    assert reparto.fuera_de_orden == 1  # la 3 obtuvo monto después de que la 2 se quedó corta
    assert reparto.distintas_del_ideal == [en_orden[1].folio, en_orden[2].folio]


def test_el_registro_delata_folios_fuera_de_orden_y_solicitudes_repetidas() -> None:
    primera, segunda = _recibida(2, "10", "0"), _recibida(1, "10", "0")
    repetida = Recibida(3, f"040220260101{3:013d}", primera.recibida_en, "pendiente", Decimal(10), Decimal(0),
                        primera.rfc)
    problemas = revisar_registro([primera, segunda, repetida], {primera.rfc: primera.folio}, 2,
                                 [segunda.folio, primera.folio])
    assert any("más de una solicitud" in p for p in problemas)
    assert any("no es el de los folios" in p for p in problemas)
    assert any("bandeja" in p for p in problemas)
    assert any("se guardaron 3 solicitudes de 2" in p for p in problemas)
