"""Pasos del menú Trámites, del indicador de pasos y de las pestañas de la solicitud."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from pytest_bdd import parsers, then, when

from pages.cancelacion import PASOS, CapturaDeCancelacion, IndicadorDePasos
from pages.formato import es_verde
from pages.tramites import MenuDeTramites

TRAMITE = "Cancelación de Certificados a Petición del Interesado"


@when(parsers.re(r'la empresa (?:abre el menú Trámites|elige en el menú Trámites "(?P<dependencia>[^"]+)" y '
                 r'luego "(?P<opcion>[^"]+)"|abre (?P<cancelacion>la cancelación de certificados) desde el menú '
                 r'Trámites)$'))
def en_el_menu(page: Page, dependencia: str | None, opcion: str | None, cancelacion: str | None) -> None:
    """Abre el menú y elige, una tras otra, las opciones que dice (la cancelación: la Secretaría, sus
    Cancelaciones y el trámite)."""
    menu = MenuDeTramites(page).abrir()
    opciones = ("Secretaría de Economía", "Cancelaciones", TRAMITE) if cancelacion else (dependencia, opcion)
    for elegida in filter(None, opciones):
        menu.elegir(elegida)




@then("ve los íconos de las dependencias, entre ellos:")
def ve_dependencias(page: Page, datatable: list[list[str]]) -> None:
    menu = MenuDeTramites(page)
    for (nombre,) in datatable[1:]:
        liga = menu.dependencia(nombre)
        expect(liga).to_be_visible()
        assert menu.tiene_icono(liga), f"«{nombre}» no se muestra con un ícono"


@then(parsers.parse('se ofrece el trámite "{tramite}"'))
def se_ofrece(page: Page, tramite: str) -> None:
    expect(MenuDeTramites(page).tramite(tramite)).to_be_visible()


@then(parsers.parse('el indicador de pasos resalta en verde "{paso}"'))
def paso_resaltado(page: Page, paso: str) -> None:
    """El paso en que va, en verde («aparece iluminado en verde los pasos que se siguen»); los que
    siguen, todavía no."""
    assert paso in PASOS, f"«{paso}» no es uno de los pasos del trámite {PASOS}"
    indicador = IndicadorDePasos(page)
    fondo = indicador.fondo(paso)
    assert es_verde(fondo), f"«{paso}» no está en verde: {fondo}"
    for siguiente in PASOS[PASOS.index(paso) + 1:]:
        fondo = indicador.fondo(siguiente)
        assert not es_verde(fondo), f"«{siguiente}» ya está en verde ({fondo}) y aún no se llega a él"


@then(parsers.parse('la solicitud muestra las pestañas "{primera}" y "{segunda}"'))
def pestanas(page: Page, primera: str, segunda: str) -> None:
    expect(CapturaDeCancelacion(page).pestanas).to_have_text([primera, segunda])
