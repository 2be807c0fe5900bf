"""Lo que toda pantalla tiene, hallado como lo halla una persona o un lector de pantalla.

Los mensajes que deja una acción se buscan en el contenido principal (role main): el encabezado, el
pie y los avisos permanentes de un portal (mantenimiento, sesión) no se confunden con ellos.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from playwright.sync_api import Locator, Page, expect

from pages.formato import MONTO, monto_de


def contenido(page: Page) -> Locator:
    """El contenido principal de la pantalla (role main), sin encabezado, menús ni pie."""
    return page.get_by_role("main")


def titulo(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def avisos(page: Page) -> Locator:
    """Los mensajes de estado (role status) del contenido: «Su solicitud ha sido registrada…»."""
    return contenido(page).get_by_role("status")


def mensaje_de_error(page: Page) -> Locator:
    """Los mensajes (role alert) con que el portal rechaza, en el contenido, lo que se le pidió."""
    return contenido(page).get_by_role("alert")


def menciones(page: Page, texto: str) -> Locator:
    """Dónde aparece ese texto en la pantalla (un folio, un nombre)."""
    return page.get_by_text(texto)


def texto_con(page: Page, patron: re.Pattern[str]) -> Locator:
    """El elemento más pequeño del contenido cuyo texto cumple el patrón."""
    return contenido(page).get_by_text(patron)


def dato(etiqueta: str, valor: str) -> re.Pattern[str]:
    """Un dato rotulado como lo lee una persona, en cualquier forma: «Estado: Autorizada», un término
    y su definición (dt/dd), o el encabezado de un renglón y su celda. La etiqueta y el valor son
    expresiones regulares; se comparan con el texto visible del contenido (inner_text)."""
    return re.compile(rf"(?:^|\n)[ \t]*(?:{etiqueta})[ \t]*:?[ \t\n]+(?:{valor})[ \t.]*(?:\n|\t|$)",
                      re.IGNORECASE)


def leer_dato(page: Page, etiqueta: str, valor: str = r"\S[^\n\t]*") -> str:
    """Espera a que el dato esté en el contenido y devuelve su valor (la primera vez que aparece)."""
    expect(contenido(page)).to_contain_text(dato(etiqueta, valor), use_inner_text=True)
    hallado = dato(etiqueta, f"(?P<valor>{valor})").search(contenido(page).inner_text())
    assert hallado, f"«{etiqueta}» dejó de estar en la pantalla"
    return hallado.group("valor").strip()


def leer_monto(page: Page, etiqueta: str, unidad: str = "") -> Decimal:
    """El monto de un dato rotulado («Monto solicitado: 1,250.500 toneladas»), como Decimal."""
    texto = leer_dato(page, etiqueta, rf"{MONTO}\s*{unidad}.*")
    hallado = re.match(MONTO, texto)
    assert hallado, f"«{etiqueta}» no dice un monto: {texto}"
    return monto_de(hallado.group())


_HORA_EN_PANTALLA = re.compile(r"(\d\d/\d\d/\d{4})\D{0,40}?(\d\d?:\d\d)(?:[^\n]{0,60}?)\b(?:hora del )?centro\b",
                               re.IGNORECASE)


def hora_en_pantalla(page: Page) -> tuple[str, str] | None:
    """La fecha y la hora del centro que el portal imprime en su encabezado (role banner), como
    («04/12/2026», «17:46»); None si no imprime una."""
    encabezados = page.get_by_role("banner")
    for numero in range(encabezados.count()):
        if hallado := _HORA_EN_PANTALLA.search(encabezados.nth(numero).inner_text()):
            return hallado.group(1), hallado.group(2)
    return None


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
