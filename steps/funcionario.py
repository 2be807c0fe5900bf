"""Pasos del lado del funcionario: su acceso y su bandeja."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import parsers, then, when

from fixtures.datos import Cupo, Fabrica, Persona
from fixtures.mensajes import Mensajes
from pages import flujos, pantalla
from pages.flujos import NuevoContexto
from pages.funcionario import BandejaDelFuncionario, SolicitudDelFuncionario
from pages.solicitudes import DetalleDeSolicitud


def _bandeja_de(new_context: NuevoContexto, funcionario: Persona) -> Page:
    pagina = new_context().new_page()
    flujos.abrir_sesion(pagina, funcionario)
    return pagina


@when(parsers.re(r"el dictaminador (?P<de>del cupo|de otro cupo) revisa su bandeja$"),
      target_fixture="pagina_del_funcionario")
def dictaminador_revisa(new_context: NuevoContexto, fabrica: Fabrica, cupo: Cupo, de: str) -> Page:
    return _bandeja_de(new_context, cupo.dictaminador if de == "del cupo" else fabrica.otro_dictaminador(cupo))


@when("el dictaminador de otro cupo abre la solicitud por su folio", target_fixture="pagina_del_funcionario")
@when(parsers.re(r"(?P<otra>otra empresa) abre la solicitud por su folio$"), target_fixture="pagina_de_la_otra")
def otro_abre_por_folio(request: pytest.FixtureRequest, new_context: NuevoContexto, fabrica: Fabrica, cupo: Cupo,
                        folio: str, otra: str | None = None) -> Page:
    """Quien no tiene por qué verla, con su propia sesión, por la dirección de la solicitud."""
    if otra:
        pagina = _bandeja_de(new_context, request.getfixturevalue("otra_empresa"))
        DetalleDeSolicitud(pagina).abrir(folio)
    else:
        pagina = _bandeja_de(new_context, fabrica.otro_dictaminador(cupo))
        SolicitudDelFuncionario(pagina).abrir(folio)
    return pagina


@then(parsers.re(r'(?:(?P<ve>ve) la solicitud con su folio, de la empresa, como "Pendiente"|no ve la solicitud '
                 r'en su bandeja)$'))
def en_su_bandeja(request: pytest.FixtureRequest, pagina_del_funcionario: Page, mensajes: Mensajes, folio: str,
                  ve: str | None) -> None:
    """La bandeja del dictaminador: con la solicitud (de la empresa, pendiente), o sin mencionarla."""
    bandeja = BandejaDelFuncionario(pagina_del_funcionario)
    if ve:
        expect(bandeja.solicitud(folio)).to_have_count(1)
        expect(bandeja.solicitud(folio)).to_contain_text(request.getfixturevalue("empresa").rfc)
        expect(bandeja.dato(folio, "Estado")).to_have_text(mensajes.celda("estado_pendiente"))
        return
    expect(pantalla.titulo(pagina_del_funcionario)).to_have_text(mensajes.exigido("titulo_de_la_bandeja"))
    expect(bandeja.solicitud(folio)).to_have_count(0)
    expect(pantalla.menciones(pagina_del_funcionario, folio)).to_have_count(0)




@then(parsers.re(r"(?:(?P<otra>la otra empresa )?no encuentra la solicitud|no ve (?P<bandeja>la bandeja) ni la "
                 r"solicitud)$"))
def no_la_encuentra(request: pytest.FixtureRequest, mensajes: Mensajes, folio: str, otra: str | None,
                    bandeja: str | None) -> None:
    """Una página de error (no existe, o sin permiso) que no dice nada de la solicitud: ni sus datos ni el
    formulario para resolverla (el dictaminador), ni la liga a su resolución (otra empresa), ni la bandeja
    del funcionario (la empresa que la abre por su dirección)."""
    pagina: Page = request.getfixturevalue(
        "page" if bandeja else "pagina_de_la_otra" if otra else "pagina_del_funcionario")
    titulo = mensajes.patron("pagina_no_disponible")
    expect(pantalla.titulo(pagina)).to_have_text(titulo or re.compile(r"\S"))
    expect(pantalla.menciones(pagina, folio)).to_have_count(0)
    if bandeja:
        expect(pantalla.titulo(pagina)).not_to_have_text(mensajes.exigido("titulo_de_la_bandeja"))
        expect(BandejaDelFuncionario(pagina).solicitudes).to_have_count(0)
    elif otra:
        expect(DetalleDeSolicitud(pagina).liga_de_la_resolucion).to_have_count(0)
    else:
        expect(SolicitudDelFuncionario(pagina).firmar_resolucion).to_have_count(0)




@when("la empresa abre por su dirección la bandeja del funcionario")
def empresa_abre_bandeja(page: Page, empresa: Persona) -> None:
    flujos.abrir_sesion(page, empresa)
    BandejaDelFuncionario(page).abrir()
