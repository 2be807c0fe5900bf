"""Pasos de los horarios y plazos a la hora del portal: nada fija su reloj; el arnés lee la hora que el
portal dice y calcula con su propio calendario (fixtures/calendario.py) lo que tenía que pasar."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.calendario import Calendario
from fixtures.datos import Cupo, Persona
from fixtures.hora_del_portal import Presentacion, Ventanilla, anotar_lado, fecha_de_recepcion
from pages import flujos, pantalla
from pages.flujos import VENTANILLA_UNICA, NuevoContexto
from pages.funcionario import BandejaDelFuncionario
from pages.solicitudes import DetalleDeSolicitud


@given(parsers.re(r"que (?P<quien>otra empresa) presentó ahora en la Ventanilla Única una solicitud de asignación "
                  r"de (?P<monto>[\d.]+) toneladas$"), target_fixture="folio_de_la_otra")
@given(parsers.re(r"que después (?P<quien>la empresa) presentó en la Ventanilla Única una solicitud de asignación "
                  r"de (?P<monto>[\d.]+) toneladas$"), target_fixture="folio")
def presento_ahora_en_la_ventanilla(request: pytest.FixtureRequest, ventanilla: Ventanilla, page: Page,
                                    cupo: Cupo, quien: str, monto: str) -> str:
    """Con la sesión de quien la presenta, en la Ventanilla Única; si a esta hora no recibe, no se corre."""
    persona: Persona = request.getfixturevalue("otra_empresa" if quien == "otra empresa" else "empresa")
    flujos.abrir_sesion(page, persona)
    presentacion = _presentar(ventanilla, page, persona, cupo, monto, VENTANILLA_UNICA)
    ventanilla.si_no_recibe_no_se_corre(cupo, presentacion)
    return DetalleDeSolicitud(page).leer_folio()



def _presentar(ventanilla: Ventanilla, page: Page, empresa: Persona, cupo: Cupo, monto: str,
               lugar: str) -> Presentacion:
    return ventanilla.presentar(cupo, lugar, lambda: flujos.solicitar_asignacion(page, empresa, cupo.nombre, monto,
                                                                                 lugar))


@when(parsers.parse('la empresa solicita ahora la asignación de {monto} toneladas en la "{lugar}"'),
      target_fixture="presentacion")
@when(parsers.parse("la empresa solicita ahora la asignación de {monto} toneladas en la Representación Federal "
                    "del cupo"), target_fixture="presentacion")
def solicita_ahora(ventanilla: Ventanilla, page: Page, empresa: Persona, cupo: Cupo, monto: str,
                   lugar: str = "") -> Presentacion:
    return _presentar(ventanilla, page, empresa, cupo, monto, lugar or cupo.representacion_federal)


def _regla_del_horario(presentacion: Presentacion) -> str:
    return "HOR-01" if presentacion.lugar == VENTANILLA_UNICA else "HOR-02"


@then("la solicitud se recibe o se rechaza, con cuándo reabre, según el horario de ese lugar a la hora del portal")
def segun_el_horario(request: pytest.FixtureRequest, ventanilla: Ventanilla, cupo: Cupo,
                     presentacion: Presentacion) -> None:
    recibida = presentacion.recibida
    if recibida is not None:
        assert recibida.recibe, (f"La {presentacion.lugar} recibió la solicitud {recibida.lado}; tenía que "
                                 f"rechazarla y decir que reabre el {recibida.reabre:%d/%m/%Y a las %H:%M}")
        expect(ventanilla.mensajes.en(ventanilla.page, "solicitud_registrada",
                                      folio=presentacion.folio)).to_be_visible()
        anotar_lado(request, _regla_del_horario(presentacion), recibida.lado)
        return
    esperada = ventanilla.rechazada_por_el_horario(cupo, presentacion)
    anotar_lado(request, _regla_del_horario(presentacion), esperada.lado)


@given(parsers.parse("que la empresa presentó ahora una solicitud de asignación de {monto} toneladas en la "
                     '"{lugar}"'), target_fixture="folio")
def presento_ahora(ventanilla: Ventanilla, page: Page, empresa: Persona, cupo: Cupo, monto: str,
                   lugar: str) -> str:
    presentacion = _presentar(ventanilla, page, empresa, cupo, monto, lugar)
    ventanilla.si_no_recibe_no_se_corre(cupo, presentacion)
    assert presentacion.recibida is not None, "La solicitud no se recibió, y el lugar recibe a esa hora"
    return presentacion.folio


@then("su fecha límite de resolución es el quinto día hábil después de su fecha de recepción",
      target_fixture="fecha_limite")
def quinto_dia_habil(request: pytest.FixtureRequest, page: Page, calendario: Calendario, folio: str) -> str:
    DetalleDeSolicitud(page).abrir(folio)
    recibida = fecha_de_recepcion(page)
    limite = calendario.fecha_limite(recibida)
    expect(pantalla.contenido(page)).to_contain_text(
        pantalla.dato("Fecha límite de resolución", re.escape(f"{limite:%d/%m/%Y}")), use_inner_text=True)
    inhabiles = [f"{dia:%d/%m} ({motivo})" for dia, motivo in calendario.inhabiles_entre(recibida.date(), limite)]
    anotar_lado(request, "PLZ-01", f"recibida el {recibida:%d/%m/%Y %H:%M} (hora del centro), vence el "
                                   f"{limite:%d/%m/%Y}; no cuentan {', '.join(inhabiles)}")
    return f"{limite:%d/%m/%Y}"


@then("el dictaminador del cupo la ve en su bandeja con esa fecha límite")
def en_la_bandeja(new_context: NuevoContexto, cupo: Cupo, folio: str, fecha_limite: str) -> None:
    pagina = new_context().new_page()
    flujos.abrir_sesion(pagina, cupo.dictaminador)
    bandeja = BandejaDelFuncionario(pagina).abrir()
    expect(bandeja.solicitud(folio)).to_have_count(1)
    expect(bandeja.dato(folio, "Fecha límite de resolución")).to_have_text(fecha_limite)
    pagina.close()
