"""Pasos de los cupos: su preparación, la consulta de la ficha y el saldo."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.datos import Cupo, Fabrica, Persona
from fixtures.hora_del_portal import anio_del_portal
from pages import flujos, pantalla
from pages.cancelacion import OPCIONALES
from pages.cupos import ConsultaDeCupos, FichaDelCupo
from pages.formato import TONELADAS, palabras, texto_del_monto
from steps.frases import Frases

CUPO_DE_QUESOS = ("Cupo de importación de queso fresco (sin madurar), incluido el del lactosuero, y "
                  "requesón; y los demás quesos de la República de Guatemala")



CUPOS: Frases[Callable[[Fabrica, dict[str, str]], Cupo]] = Frases({
    r'de "(?P<mecanismo>[^"]+)"': lambda fabrica, valores: fabrica.cupo(valores["mecanismo"]),
    r'de (?P<monto>\d+) toneladas en (?P<anio>\d{4}) que empieza a recibir solicitudes el "(?P<inicio>[^"]+)"':
        lambda fabrica, valores: fabrica.cupo(montos={int(valores["anio"]): Decimal(valores["monto"])},
                                              inicio=date.fromisoformat(valores["inicio"])),
    r"al que le quedan (?P<por_asignar>[\d.]+) toneladas por asignar en el año del portal, que recibe "
    r"solicitudes de asignación":
        lambda fabrica, valores: fabrica.cupo_por_asignar(Decimal(valores["por_asignar"])),
    r"al que le quedan (?P<saldo>[\d.]+) toneladas de saldo en el año del portal":
        lambda fabrica, valores: fabrica.cupo_con_saldo(Decimal(valores["saldo"])),
    "que recibe solicitudes de asignación": lambda fabrica, valores: fabrica.cupo_para_solicitudes(),
    "sin monto para el año del portal, que recibe solicitudes de asignación":
        lambda fabrica, valores: fabrica.cupo_sin_monto_este_anio(),
    r"que recibió solicitudes en (?P<anio>\d{4})":
        lambda fabrica, valores: fabrica.cupo_de_solicitudes_de(int(valores["anio"])),
})


@given(parsers.re(rf"un cupo {CUPOS.patron('como')}$"), target_fixture="cupo")
def un_cupo(fabrica: Fabrica, como: str) -> Cupo:
    """El cupo del escenario, como lo dice la frase: de un mecanismo, con su monto de un año y su inicio, con
    lo que le queda por asignar o de saldo, que recibe solicitudes (con monto o sin él) o que las recibió."""
    preparar, valores = CUPOS.elegir(como)
    return preparar(fabrica, valores)


@given(parsers.re(r'otro cupo (?P<como>del mismo producto por|de) "(?P<mecanismo>[^"]+)"(?P<distinto> con otro '
                  r'tratado, producto, subproducto y representación federal)?$'), target_fixture="otro_cupo")
def otro_cupo(fabrica: Fabrica, cupo: Cupo, como: str, mecanismo: str, distinto: str | None) -> Cupo:
    """Del mismo producto (y dictaminador) que el del escenario, o distinto en cada parámetro opcional."""
    if como == "del mismo producto por":
        return fabrica.cupo(mecanismo, producto=cupo.producto, dictaminador=cupo.dictaminador)
    assert distinto, "«otro cupo de …» dice en qué es distinto"
    otro = fabrica.cupo(mecanismo, distinto_de=cupo)
    assert all(getattr(otro, campo) != getattr(cupo, campo) for campo in OPCIONALES), (otro, cupo)
    return otro


@given(parsers.parse('que la Secretaría declaró inhábil el "{dia}"'))
def dia_inhabil(fabrica: Fabrica, dia: str) -> None:
    fabrica.declarar_inhabil(date.fromisoformat(dia))


@when("la empresa consulta el cupo de quesos de Guatemala")
def consulta_quesos(page: Page) -> None:
    ConsultaDeCupos(page).abrir_ficha(CUPO_DE_QUESOS)


@then(parsers.parse("el monto del cupo en {anio:d} es de {toneladas:d} toneladas métricas"))
def monto_del_anio(page: Page, anio: int, toneladas: int) -> None:
    """En el renglón del año, una celda con el monto; la unidad, en la tabla (su encabezado o su columna)."""
    ficha = FichaDelCupo(page)
    expect(ficha.renglon("Monto del cupo", str(anio))).to_have_count(1)
    monto = texto_del_monto(str(toneladas), f"({TONELADAS})?")
    expect(ficha.celdas("Monto del cupo", str(anio), monto)).to_have_count(1)
    expect(ficha.tabla("Monto del cupo")).to_contain_text(re.compile(r"toneladas métricas", re.IGNORECASE))


@then(parsers.re(r'la ficha (?:dice en "(?P<seccion>[^"]+)": "(?P<texto>[^"]*)"|se titula "(?P<titulo>[^"]+)")$'))
def ficha_dice(page: Page, seccion: str | None, texto: str | None, titulo: str | None) -> None:
    """Lo que dice una sección; o su título, el nombre del cupo como lo escribe la ficha (en mayúsculas): el
    mismo texto, sin distinguirlas."""
    if titulo is not None:
        expect(pantalla.titulo(page)).to_have_text(re.compile(rf"^\s*{palabras(titulo)}\s*$", re.IGNORECASE))
    else:
        expect(pantalla.contenido(page)).to_contain_text(FichaDelCupo.dice(str(seccion), str(texto)),
                                                         use_inner_text=True)


@then("las fracciones arancelarias del cupo son:")
def fracciones(page: Page, datatable: list[list[str]]) -> None:
    ficha, esperadas = FichaDelCupo(page), datatable[1:]
    expect(ficha.renglones("Fracciones arancelarias")).to_have_text(
        [re.compile(re.escape(fraccion)) for fraccion, _ in esperadas])
    for fraccion, descripcion in esperadas:  # la descripción completa, como la escribe la ficha
        completa = re.compile(rf"^\s*{palabras(descripcion)}\s*$")
        expect(ficha.celdas("Fracciones arancelarias", fraccion, completa)).to_have_count(1)



def _saldo(page: Page, empresa: Persona, cupo: Cupo) -> Decimal:
    flujos.abrir_sesion(page, empresa)
    return ConsultaDeCupos(page).abrir_ficha(cupo.nombre).leer_saldo(anio_del_portal(page))


@given("que se conoce el saldo del cupo en el año del portal", target_fixture="saldo_anterior")
def saldo_conocido(page: Page, fabrica: Fabrica, empresa: Persona, cupo: Cupo) -> Decimal:
    """El que muestra la ficha; si se preparó otro, la fábrica dice qué pasa (en un ambiente compartido,
    una corrida anterior no lo devolvió y el escenario no se corre)."""
    saldo = _saldo(page, empresa, cupo)
    if cupo.saldo is not None and saldo != cupo.saldo:
        fabrica.no_como_se_preparo(cupo, f"le quedan {saldo} t de saldo según la ficha, no {cupo.saldo} t")
    return saldo




@then("el saldo del cupo en el año del portal es el de antes")
@then(parsers.re(r"el saldo del cupo en el año del portal es el de antes (?P<signo>más|menos) "
                 r"(?P<monto>[\d.]+) toneladas(?:, .*)?"))
def saldo_de_antes(page: Page, empresa: Persona, cupo: Cupo, saldo_anterior: Decimal, signo: str = "más",
                   monto: str = "0") -> None:
    esperado = saldo_anterior + Decimal(monto) * (1 if signo == "más" else -1)
    flujos.abrir_sesion(page, empresa)
    ConsultaDeCupos(page).abrir_ficha(cupo.nombre)  # el año, el de la hora que muestra la ficha
    expect(pantalla.contenido(page)).to_contain_text(FichaDelCupo.saldo(anio_del_portal(page), esperado),
                                                     use_inner_text=True)


