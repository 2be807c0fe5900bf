"""Lo que toda pantalla del portal tiene: su título y el aviso de lo que acaba de pasar."""

from __future__ import annotations

from playwright.sync_api import Locator, Page


def titulo(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def aviso(page: Page) -> Locator:
    """El mensaje de estado (role="status") que deja una acción: «Su solicitud ha sido registrada…»."""
    return page.get_by_role("status")
