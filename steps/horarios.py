"""Pasos de los horarios y plazos a la hora del portal: nada fija su reloj; el arnés lee la hora que el
portal dice y calcula con su propio calendario (fixtures/calendario.py) lo que tenía que pasar."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.calendario import CENTRO, Calendario, Recepcion
from fixtures.datos import Cupo, Fabrica, Persona
from fixtures.hora_del_portal import HoraDelPortal, Intervalo, anotar_lado
from fixtures.mensajes import Mensajes, Momento
from pages import flujos, pantalla
from pages.flujos import VENTANILLA_UNICA, NuevoContexto
from pages.funcionario import BandejaDelFuncionario
from pages.solicitudes import DetalleDeSolicitud

_FECHA_Y_HORA = r"\d\d/\d\d/\d{4} \d\d:\d\d(?::\d\d)?"
MOTIVO_DE_LA_CORRIDA = "Solicitud presentada por la prueba de conformidad; no se tramita"
_PRIMER_DIA_DESCONOCIDO = date(2000, 1, 3)  # sin primer día declarado: hace mucho


@dataclass(frozen=True)
class Presentacion:
    lugar: str
    intervalo: Intervalo  # la hora del portal al responder: la que imprime o, si no, la del encabezado Date


@pytest.fixture
def solicitudes_de_la_corrida(request: pytest.FixtureRequest, new_context: NuevoContexto, cupo: Cupo,
                              fabrica: Fabrica) -> Iterator[list[str]]:
    """Las solicitudes que el escenario presentó y quedaron recibidas: al terminar, el dictaminador del cupo
    las rechaza (el ambiente queda como estaba, y la siguiente se puede resolver en su orden, CUP-07)."""
    folios: list[str] = []
    yield folios
    for folio in folios:
        pagina = new_context().new_page()
        flujos.abrir_sesion(pagina, cupo.dictaminador)
        bandeja = BandejaDelFuncionario(pagina).abrir()
        if bandeja.solicitud(folio).count():  # el escenario no la resolvió
            bandeja.atender(folio).resolver(False, MOTIVO_DE_LA_CORRIDA, cupo.dictaminador.efirma)
        pagina.close()


@given("un cupo que recibe solicitudes de asignación", target_fixture="cupo")
def cupo_para_solicitudes(fabrica: Fabrica) -> Cupo:
    return fabrica.cupo_para_solicitudes()


@given("una empresa sin asignación de ese cupo, registrada en la Ventanilla Única", target_fixture="empresa")
def empresa_sin_asignacion(fabrica: Fabrica, cupo: Cupo) -> Persona:
    return fabrica.solicitante_sin_asignacion(cupo)


def _presentar(page: Page, hora_del_portal: HoraDelPortal, empresa: Persona, cupo: Cupo, monto: str,
               lugar: str) -> Presentacion:
    marca = hora_del_portal.marcar()
    flujos.solicitar_asignacion(page, empresa, cupo.nombre, monto, lugar)
    expect(DetalleDeSolicitud(page).folio.or_(pantalla.mensaje_de_error(page))).to_be_visible()
    impresa = pantalla.hora_en_pantalla(page)
    if impresa is None:
        return Presentacion(lugar, hora_del_portal.desde(marca))
    desde = datetime.strptime(" ".join(impresa), "%d/%m/%Y %H:%M").replace(tzinfo=CENTRO)
    return Presentacion(lugar, Intervalo(desde, desde + timedelta(seconds=59)))


@when(parsers.parse('la empresa solicita ahora la asignación de {monto} toneladas en la "{lugar}"'),
      target_fixture="presentacion")
@when(parsers.parse("la empresa solicita ahora la asignación de {monto} toneladas en la Representación Federal "
                    "del cupo"), target_fixture="presentacion")
def solicita_ahora(page: Page, hora_del_portal: HoraDelPortal, empresa: Persona, cupo: Cupo, monto: str,
                   lugar: str = "") -> Presentacion:
    return _presentar(page, hora_del_portal, empresa, cupo, monto, lugar or cupo.representacion_federal)


def _recibida(page: Page, calendario: Calendario, cupo: Cupo, presentacion: Presentacion) -> Recepcion | None:
    """La recepción según la fecha que el portal muestra, si recibió la solicitud; None si la rechazó."""
    if not DetalleDeSolicitud(page).folio.is_visible():
        return None
    recibida = datetime.strptime(pantalla.leer_dato(page, "Fecha de recepción", _FECHA_Y_HORA)[:16],
                                 "%d/%m/%Y %H:%M").replace(tzinfo=CENTRO)
    return calendario.recepcion(presentacion.lugar, recibida, cupo.primer_dia or _PRIMER_DIA_DESCONOCIDO)


def _segun_la_hora_del_portal(calendario: Calendario, cupo: Cupo, presentacion: Presentacion) -> Recepcion:
    """Lo que el calendario da en los dos extremos de la hora que dijo el portal; si difieren, la
    presentación cayó en un cambio de horario y no se puede juzgar."""
    primer_dia = cupo.primer_dia or _PRIMER_DIA_DESCONOCIDO
    inicio, fin = (calendario.recepcion(presentacion.lugar, momento.astimezone(CENTRO), primer_dia)
                   for momento in (presentacion.intervalo.desde, presentacion.intervalo.hasta))
    if inicio.reabre != fin.reabre:
        pytest.skip(f"No se juzga: la solicitud se presentó justo en un cambio de horario ({inicio.lado} / "
                    f"{fin.lado}); repita la corrida.")
    return inicio


def _regla_del_horario(presentacion: Presentacion) -> str:
    return "HOR-01" if presentacion.lugar == VENTANILLA_UNICA else "HOR-02"


@then("la solicitud se recibe o se rechaza, con cuándo reabre, según el horario de ese lugar a la hora del portal")
def segun_el_horario(request: pytest.FixtureRequest, page: Page, mensajes: Mensajes, calendario: Calendario,
                     cupo: Cupo, presentacion: Presentacion, solicitudes_de_la_corrida: list[str]) -> None:
    recibida = _recibida(page, calendario, cupo, presentacion)
    if recibida is not None:
        solicitudes_de_la_corrida.append(DetalleDeSolicitud(page).leer_folio())
        assert recibida.recibe, (f"La {presentacion.lugar} recibió la solicitud {recibida.lado}; tenía que "
                                 f"rechazarla y decir que reabre el {recibida.reabre:%d/%m/%Y a las %H:%M}")
        folio = DetalleDeSolicitud(page).leer_folio()
        expect(mensajes.en(page, "solicitud_registrada", folio=folio)).to_be_visible()
        anotar_lado(request, _regla_del_horario(presentacion), recibida.lado)
        return
    esperada = _segun_la_hora_del_portal(calendario, cupo, presentacion)
    assert esperada.reabre is not None, (f"La {presentacion.lugar} rechazó la solicitud {esperada.lado}; tenía "
                                         "que recibirla")
    reabre = Momento(esperada.reabre.date(), f"{esperada.reabre:%H:%M}")
    expect(mensajes.en(page, "fuera_de_horario", reabre=reabre)).to_be_visible()
    anotar_lado(request, _regla_del_horario(presentacion), esperada.lado)


@given(parsers.parse("que la empresa presentó ahora una solicitud de asignación de {monto} toneladas en la "
                     '"{lugar}"'), target_fixture="folio")
def presento_ahora(page: Page, hora_del_portal: HoraDelPortal, calendario: Calendario, empresa: Persona,
                   cupo: Cupo, solicitudes_de_la_corrida: list[str], monto: str, lugar: str) -> str:
    presentacion = _presentar(page, hora_del_portal, empresa, cupo, monto, lugar)
    if _recibida(page, calendario, cupo, presentacion) is None:
        esperada = _segun_la_hora_del_portal(calendario, cupo, presentacion)
        assert esperada.reabre is not None, f"La {lugar} rechazó la solicitud {esperada.lado}; tenía que recibirla"
        pytest.skip(f"No se corre a esta hora: {esperada.lado}, la {lugar} no recibe solicitudes; se corre "
                    "cuando recibe.")
    folio = DetalleDeSolicitud(page).leer_folio()
    solicitudes_de_la_corrida.append(folio)
    return folio


@then("su fecha límite de resolución es el quinto día hábil después de su fecha de recepción",
      target_fixture="fecha_limite")
def quinto_dia_habil(request: pytest.FixtureRequest, page: Page, calendario: Calendario, folio: str) -> str:
    DetalleDeSolicitud(page).abrir(folio)
    recibida = datetime.strptime(pantalla.leer_dato(page, "Fecha de recepción", _FECHA_Y_HORA)[:16],
                                 "%d/%m/%Y %H:%M").replace(tzinfo=CENTRO)
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
