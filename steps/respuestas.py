"""Pasos de lo que el portal responde a una solicitud: registrada o rechazada (y por qué, en sus palabras),
su acuse con las copias adjuntas, y lo que la empresa ve cuando se resolvió."""

from __future__ import annotations

import hashlib
import re

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import parsers, then

from fixtures.datos import Persona
from fixtures.documentos import DocumentoPdf, leer_documento
from fixtures.mensajes import Mensajes
from pages import flujos, pantalla
from pages.solicitudes import DetalleDeSolicitud


@then(parsers.re(r'la empresa ve en la Ventanilla Única su solicitud (?:(?P<autorizada>autorizada), con su '
                 r'resolución|rechazada porque "(?P<motivo>[^"]*)")$'))
def ve_resuelta(page: Page, mensajes: Mensajes, empresa: Persona, folio: str, autorizada: str | None,
                motivo: str | None) -> None:
    """EXP-03: la resolución se notifica por la Ventanilla Única: en el detalle de su solicitud, su estado
    (y el motivo, si se rechazó) y la liga a su resolución."""
    flujos.abrir_sesion(page, empresa)
    detalle = DetalleDeSolicitud(page).abrir(folio)
    contenido = pantalla.contenido(page)
    estado = "estado_autorizada" if autorizada else "estado_rechazada"
    expect(contenido).to_contain_text(pantalla.dato("Estado", mensajes.valor(estado)), use_inner_text=True)
    if motivo is not None:
        expect(contenido).to_contain_text(motivo)
    expect(detalle.liga_de_la_resolucion).to_be_visible()














@pytest.fixture
def acuse_de_la_solicitud(page: Page) -> DocumentoPdf:
    """El acuse de la solicitud que se ve en pantalla, descargado una vez por escenario."""
    detalle = DetalleDeSolicitud(page)
    expect(detalle.folio).to_be_visible()
    return leer_documento(detalle.descargar("Acuse de recepción de trámite"))


@then(parsers.parse('el acuse de la solicitud dice "{etiqueta}": "{valor}"'))
def acuse_dice(acuse_de_la_solicitud: DocumentoPdf, etiqueta: str, valor: str) -> None:
    assert acuse_de_la_solicitud.campo(etiqueta) == valor


@then("el acuse de la solicitud lista la copia de cada pedimento, con su huella")
def acuse_con_copias_de_pedimentos(acuse_de_la_solicitud: DocumentoPdf, copias: dict[str, bytes]) -> None:
    """Un renglón «Copia adjunta (Pedimento …)» por pedimento, con la SHA-256 de lo que se adjuntó."""
    renglones = {etiqueta: valor for etiqueta, valor in acuse_de_la_solicitud.campos.items()
                 if re.match(r"Copia adjunta \(Pedimento", etiqueta)}
    huellas = {hashlib.sha256(contenido).hexdigest() for contenido in copias.values()}
    assert len(renglones) == len(copias) >= 1, renglones
    assert {huella for valor in renglones.values() for huella in re.findall(r"[0-9a-f]{64}", valor)} == huellas


@then(parsers.parse('el acuse de la solicitud lista las copias de "{primera}" y de "{segunda}"'))
def acuse_con_copias(acuse_de_la_solicitud: DocumentoPdf, primera: str, segunda: str) -> None:
    for tipo in (primera, segunda):
        assert re.search(r"SHA-256 [0-9a-f]{64}", acuse_de_la_solicitud.campo(f"Copia adjunta ({tipo})"))
