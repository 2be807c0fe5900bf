"""Pasos del lado del funcionario: su acceso y su bandeja."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page, expect
from pytest_bdd import then, when

from fixtures.datos import Fabrica
from pages.funcionario import BandejaDelFuncionario
from steps.escena import Escena
from steps.sesion import iniciar_sesion


@when("el dictaminador del cupo revisa su bandeja", target_fixture="pagina_del_funcionario")
def dictaminador_revisa(new_context: Callable[..., BrowserContext], escena: Escena) -> Page:
    pagina = new_context().new_page()
    iniciar_sesion(pagina, escena.requiere_cupo().dictaminador)
    return pagina


@when("el dictaminador de otro cupo revisa su bandeja", target_fixture="pagina_del_funcionario")
def otro_dictaminador_revisa(new_context: Callable[..., BrowserContext], fabrica: Fabrica) -> Page:
    otro = fabrica.cupo().dictaminador
    pagina = new_context().new_page()
    iniciar_sesion(pagina, otro)
    return pagina


@then('ve la solicitud con su folio, de la empresa, como "Pendiente"')
def ve_pendiente(pagina_del_funcionario: Page, escena: Escena) -> None:
    fila = BandejaDelFuncionario(pagina_del_funcionario).solicitud(escena.folio)
    expect(fila).to_have_count(1)
    expect(fila).to_contain_text(escena.requiere_empresa().rfc)
    expect(BandejaDelFuncionario(pagina_del_funcionario).dato(escena.folio, "Estado")).to_have_text("Pendiente")


@then("no ve la solicitud en su bandeja")
def no_ve(pagina_del_funcionario: Page, escena: Escena) -> None:
    bandeja = BandejaDelFuncionario(pagina_del_funcionario)
    expect(pagina_del_funcionario.get_by_role("heading", level=1)).to_have_text(
        "Bandeja de solicitudes pendientes")
    expect(bandeja.vacia).to_be_visible()
    expect(bandeja.solicitud(escena.folio)).to_have_count(0)
