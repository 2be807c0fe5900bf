"""Pasos de lo que el portal responde a una solicitud: registrada o rechazada (y por qué, en sus palabras),
su acuse con las copias adjuntas, y lo que la empresa ve cuando se resolvió."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import parsers, then

from fixtures.datos import Cupo, Persona
from fixtures.documentos import DocumentoPdf, leer_documento
from fixtures.hora_del_portal import anio_del_portal
from fixtures.mensajes import Mensajes, Momento
from pages import flujos, pantalla
from pages.solicitudes import DetalleDeSolicitud


@then("la empresa ve en la Ventanilla Única su solicitud autorizada, con su resolución")
def ve_autorizada(page: Page, mensajes: Mensajes, empresa: Persona, folio: str) -> None:
    """EXP-03: la resolución se notifica por la Ventanilla Única: en el detalle de su solicitud."""
    detalle = _detalle_de(page, empresa, folio)
    expect(pantalla.contenido(page)).to_contain_text(pantalla.dato("Estado", mensajes.valor("estado_autorizada")),
                                                     use_inner_text=True)
    expect(detalle.liga_de_la_resolucion).to_be_visible()


@then(parsers.parse('la empresa ve en la Ventanilla Única su solicitud rechazada porque "{motivo}"'))
def ve_rechazada(page: Page, mensajes: Mensajes, empresa: Persona, folio: str, motivo: str) -> None:
    detalle = _detalle_de(page, empresa, folio)
    contenido = pantalla.contenido(page)
    expect(contenido).to_contain_text(pantalla.dato("Estado", mensajes.valor("estado_rechazada")),
                                      use_inner_text=True)
    expect(contenido).to_contain_text(motivo)
    expect(detalle.liga_de_la_resolucion).to_be_visible()


def _detalle_de(page: Page, empresa: Persona, folio: str) -> DetalleDeSolicitud:
    flujos.abrir_sesion(page, empresa)
    return DetalleDeSolicitud(page).abrir(folio)


@then("la solicitud queda registrada")
def queda_registrada(page: Page, mensajes: Mensajes) -> None:
    folio = DetalleDeSolicitud(page).leer_folio()
    expect(mensajes.en(page, "solicitud_registrada", folio=folio)).to_be_visible()


def _rechazada(page: Page, mensajes: Mensajes, nombre: str, /, **valores: Decimal | Momento | str) -> None:
    expect(mensajes.en(page, nombre, **valores)).to_be_visible()
    expect(DetalleDeSolicitud(page).folio).to_have_count(0)


@then(parsers.parse('la solicitud se rechaza porque está fuera del horario de recepción, que reabre el '
                    '"{reabre}"'))
def fuera_de_horario(page: Page, mensajes: Mensajes, reabre: str) -> None:
    _rechazada(page, mensajes, "fuera_de_horario", reabre=Momento.leer(reabre))


@then("la solicitud se rechaza porque el cupo no tiene monto para el año del portal")
def cupo_sin_monto(page: Page, mensajes: Mensajes, cupo: Cupo) -> None:
    anio = anio_del_portal(page)
    if cupo.anios_con_monto is not None and anio in cupo.anios_con_monto:
        pytest.skip(f"No se corre: el cupo {cupo.clave} tiene monto para {anio}, el año del portal.")
    _rechazada(page, mensajes, "cupo_sin_monto", anio=str(anio))


@then("la solicitud se rechaza porque se presenta donde obtuvo la asignación, la Representación Federal del cupo")
def no_en_la_del_cupo(page: Page, mensajes: Mensajes, cupo: Cupo) -> None:
    _rechazada(page, mensajes, "otra_representacion_federal", representacion=cupo.representacion_federal)


@then("la solicitud se rechaza porque falta la copia de los pedimentos")
def falta_copia_de_pedimentos(page: Page, mensajes: Mensajes) -> None:
    _rechazada(page, mensajes, "falta_copia_pedimentos")


@then(parsers.parse('la solicitud se rechaza porque falta la copia de "{documento}"'))
def falta_copia(page: Page, mensajes: Mensajes, documento: str) -> None:
    if documento == "Factura comercial":
        _rechazada(page, mensajes, "falta_copia_factura")
    else:
        _rechazada(page, mensajes, "falta_copia_transporte", documento=documento)


@then(parsers.re(r'la solicitud se rechaza porque el pedimento "(?P<numero>[\d ]+)" (?P<falla>no tiene 15 dígitos|'
                 r'indica una aduana que no existe|no indica una patente aduanal válida|no empieza con el último '
                 r'dígito del año|es de un año posterior al año en curso)$'))
def pedimento_mal_formado(page: Page, mensajes: Mensajes, numero: str, falla: str) -> None:
    digitos = numero.replace(" ", "")
    por_falla: dict[str, tuple[str, dict[str, str]]] = {
        "no tiene 15 dígitos": ("pedimento_longitud", {"pedimento": digitos}),
        "indica una aduana que no existe": ("pedimento_aduana", {"aduana": digitos[2:4]}),
        "no indica una patente aduanal válida": ("pedimento_patente", {"pedimento": digitos}),
        "no empieza con el último dígito del año": ("pedimento_digito_del_anio",
                                                     {"pedimento": digitos, "digito": digitos[1]}),
        "es de un año posterior al año en curso": ("pedimento_anio_posterior", {"pedimento": digitos}),
    }
    nombre, valores = por_falla[falla]
    _rechazada(page, mensajes, nombre, **valores)


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
