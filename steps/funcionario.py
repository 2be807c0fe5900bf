"""Pasos del lado del funcionario: su acceso y su bandeja."""

from __future__ import annotations

import re

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
def otro_dictaminador_abre(new_context: NuevoContexto, fabrica: Fabrica, cupo: Cupo, folio: str) -> Page:
    pagina = _bandeja_de(new_context, fabrica.otro_dictaminador(cupo))
    SolicitudDelFuncionario(pagina).abrir(folio)
    return pagina


@then('ve la solicitud con su folio, de la empresa, como "Pendiente"')
def ve_pendiente(pagina_del_funcionario: Page, mensajes: Mensajes, empresa: Persona, folio: str) -> None:
    bandeja = BandejaDelFuncionario(pagina_del_funcionario)
    expect(bandeja.solicitud(folio)).to_have_count(1)
    expect(bandeja.solicitud(folio)).to_contain_text(empresa.rfc)
    expect(bandeja.dato(folio, "Estado")).to_have_text(mensajes.celda("estado_pendiente"))


@then("no ve la solicitud en su bandeja")
def no_ve(pagina_del_funcionario: Page, mensajes: Mensajes, folio: str) -> None:
    bandeja = BandejaDelFuncionario(pagina_del_funcionario)
    expect(pantalla.titulo(pagina_del_funcionario)).to_have_text(mensajes.exigido("titulo_de_la_bandeja"))
    expect(bandeja.solicitud(folio)).to_have_count(0)
    expect(pantalla.menciones(pagina_del_funcionario, folio)).to_have_count(0)


def _no_disponible(pagina: Page, mensajes: Mensajes, folio: str) -> None:
    """Una página de error (no existe, o sin permiso) que no dice nada de la solicitud."""
    titulo = mensajes.patron("pagina_no_disponible")
    expect(pantalla.titulo(pagina)).to_have_text(titulo or re.compile(r"\S"))
    expect(pantalla.menciones(pagina, folio)).to_have_count(0)


@then("no encuentra la solicitud")
def no_la_encuentra(pagina_del_funcionario: Page, mensajes: Mensajes, folio: str) -> None:
    """Ni sus datos ni el formulario para resolverla."""
    _no_disponible(pagina_del_funcionario, mensajes, folio)
    expect(SolicitudDelFuncionario(pagina_del_funcionario).firmar_resolucion).to_have_count(0)


@when("otra empresa abre la solicitud por su folio", target_fixture="pagina_de_la_otra")
def otra_empresa_abre(new_context: NuevoContexto, otra_empresa: Persona, folio: str) -> Page:
    pagina = _bandeja_de(new_context, otra_empresa)
    DetalleDeSolicitud(pagina).abrir(folio)
    return pagina


@then("la otra empresa no encuentra la solicitud")
def otra_no_la_encuentra(pagina_de_la_otra: Page, mensajes: Mensajes, folio: str) -> None:
    _no_disponible(pagina_de_la_otra, mensajes, folio)
    expect(DetalleDeSolicitud(pagina_de_la_otra).liga_de_la_resolucion).to_have_count(0)


@when("la empresa abre por su dirección la bandeja del funcionario")
def empresa_abre_bandeja(page: Page, empresa: Persona) -> None:
    flujos.abrir_sesion(page, empresa)
    BandejaDelFuncionario(page).abrir()


@then("no ve la bandeja ni la solicitud")
def no_ve_bandeja(page: Page, mensajes: Mensajes, folio: str) -> None:
    _no_disponible(page, mensajes, folio)
    expect(pantalla.titulo(page)).not_to_have_text(mensajes.exigido("titulo_de_la_bandeja"))
    expect(BandejaDelFuncionario(page).solicitudes).to_have_count(0)
