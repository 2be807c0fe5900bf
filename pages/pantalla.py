"""Lo que toda pantalla del portal tiene, y cómo esperar a la pantalla que sigue a una acción."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect


def titulo(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def aviso(page: Page) -> Locator:
    """El mensaje de estado (role="status") que deja una acción: «Su solicitud ha sido registrada…»."""
    return page.get_by_role("status")


def mensaje_de_error(page: Page) -> Locator:
    """El mensaje (role="alert") con que el portal rechaza lo que se le pidió."""
    return page.get_by_role("alert")


def menciones(page: Page, texto: str) -> Locator:
    """Dónde aparece ese texto en la pantalla (un folio, un nombre)."""
    return page.get_by_text(texto)


def ir_por(page: Page, accion: Callable[[], None]) -> None:
    """Hace la acción (una liga, un botón) y espera a que cargue la dirección nueva (wait_for_url).

    Sólo para acciones cuyo resultado, bueno o malo, está en otra dirección que la actual."""
    antes = page.url
    accion()
    page.wait_for_url(lambda url: url != antes)


def esperar_resultado(page: Page, exito: Locator) -> None:
    """Tras enviar un formulario que responde en la misma dirección: espera a su resultado, lo que
    muestra cuando sale bien (`exito`) o el mensaje con que se rechaza."""
    expect(exito.or_(mensaje_de_error(page)).first).to_be_visible()
