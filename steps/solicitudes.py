"""Pasos de las solicitudes del beneficiario: asignación y expedición de certificado."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from faker import Faker
from playwright.sync_api import Page
from pytest_bdd import given, parsers, when

from fixtures.calendario import Calendario
from fixtures.datos import Cupo, Fabrica, Persona, factura, pedimento
from fixtures.hora_del_portal import Ventanilla, anio_del_portal
from pages import flujos
from pages.flujos import VENTANILLA_UNICA
from pages.solicitudes import DetalleDeSolicitud


def _asignacion(ventanilla: Ventanilla, page: Page, empresa: Persona, cupo: Cupo, monto: str, lugar: str,
                pedimentos: str = "", copias: list[Path] | None = None) -> None:
    """Presenta la solicitud; en un cupo a la hora del portal, si el lugar no recibe ahora, no se corre."""
    presentacion = ventanilla.presentar(cupo, lugar, lambda: flujos.solicitar_asignacion(
        page, empresa, cupo.nombre, monto, lugar, pedimentos, copias))
    ventanilla.si_no_recibe_no_se_corre(cupo, presentacion)


def _certificado(ventanilla: Ventanilla, cupo: Cupo, lugar: str, enviar: Callable[[], None]) -> None:
    ventanilla.presentar(cupo, lugar, enviar, horario=False)





@given(parsers.re(r"que la empresa ya tiene una asignación de (?P<ya_tiene>\d+) toneladas de ese cupo$"),
       target_fixture="asignacion")
@given("su constancia de asignación de ese cupo, obtenida en la Representación Federal del cupo",
       target_fixture="asignacion")
@given(parsers.re(r"que la empresa obtuvo ahora una asignación de (?P<ahora>[\d.]+) toneladas del cupo$"),
       target_fixture="asignacion")
def su_asignacion(request: pytest.FixtureRequest, fabrica: Fabrica, cupo: Cupo, empresa: Persona,
                  ya_tiene: str | None = None, ahora: str | None = None) -> str:
    """La asignación de la empresa en el cupo (su folio): una que ya tiene, de ese monto; su constancia,
    obtenida en la Representación del cupo; o una que obtiene ahora: presentada como la que se va a
    autorizar, y el dictaminador la autoriza (el folio de la constancia)."""
    if ya_tiene is not None:
        return fabrica.asignacion(cupo, empresa, Decimal(ya_tiene))
    if ahora is None:
        return fabrica.constancia(cupo, empresa)
    page: Page = request.getfixturevalue("page")
    flujos.abrir_sesion(page, empresa)
    presento_asignacion_para_autorizar(request.getfixturevalue("ventanilla"), page, fabrica,
                                       request.getfixturevalue("fake"), empresa, cupo,
                                       request.getfixturevalue("copias"), ahora)
    return flujos.obtener(page, request.getfixturevalue("new_context"), cupo.dictaminador)[1]




@when(parsers.parse('la empresa solicita la asignación de {monto} toneladas en la "{lugar}"'))
def solicita_asignacion(ventanilla: Ventanilla, page: Page, empresa: Persona, cupo: Cupo, monto: str,
                        lugar: str) -> None:
    _asignacion(ventanilla, page, empresa, cupo, monto, lugar)


def _copias_de_pedimentos(fabrica: Fabrica, copias: dict[str, bytes], cuantas: int) -> list[Path]:
    archivos = [fabrica.archivo(f"pedimento-{numero}.pdf") for numero in range(1, cuantas + 1)]
    copias.update({archivo.name: archivo.read_bytes() for archivo in archivos})
    return archivos


@when(parsers.re(r'la empresa solicita otra asignación de (?P<monto>[\d.]+) toneladas con (?:pedimentos por '
                 r'(?P<acreditado>[\d.]+) toneladas(?:, (?P<sin>sin) sus copias)?|el pedimento '
                 r'"(?P<numero>[^"]+)" por (?P<cantidad>[\d.]+) toneladas)$'))
@given(parsers.re(r"que la empresa (?P<ya>solicitó) otra asignación de (?P<monto>[\d.]+) toneladas con pedimentos "
                  r"por (?P<acreditado>[\d.]+) toneladas y sus copias$"), target_fixture="folio")
def solicita_con_pedimentos(ventanilla: Ventanilla, page: Page, fabrica: Fabrica, empresa: Persona, cupo: Cupo,
                            fake: Faker, copias: dict[str, bytes], monto: str, acreditado: str | None = None,
                            sin: str | None = None, numero: str | None = None, cantidad: str | None = None,
                            ya: str | None = None) -> str | None:
    """Con el pedimento que se nombra, o con dos del año del portal (el que imprime) que suman lo acreditado;
    con la copia de cada uno (o, «sin sus copias», sin ellas). La que ya se solicitó devuelve su folio."""
    if numero is not None:
        renglones = [f"{numero} {cantidad}"]
    else:
        anio, total = anio_del_portal(page), Decimal(str(acreditado))
        renglones = [f"{pedimento(fake, anio)} 40", f"{pedimento(fake, anio)} {total - 40}"]
    adjuntas = [] if sin else _copias_de_pedimentos(fabrica, copias, len(renglones))
    _asignacion(ventanilla, page, empresa, cupo, monto, VENTANILLA_UNICA, "\n".join(renglones), adjuntas)
    return DetalleDeSolicitud(page).leer_folio() if ya else None




_CERTIFICADO = (
    r'la empresa solicita un certificado de (?P<monto>[\d.]+) toneladas con factura por (?P<cantidad>[\d.]+) '
    r'toneladas y "(?P<transporte>[^"]+)", en (?P<donde>la "(?P<lugar>[^"]+)"|la Representación Federal del '
    r'cupo|otra Representación Federal)$')


@when(parsers.re(_CERTIFICADO))
def solicita_certificado(ventanilla: Ventanilla, page: Page, fabrica: Fabrica, fake: Faker, calendario: Calendario,
                         empresa: Persona, cupo: Cupo, asignacion: str, monto: str, cantidad: str, transporte: str,
                         donde: str, lugar: str | None) -> None:
    """En el lugar nombrado; en la Representación del cupo (donde la fábrica entrega las constancias obtenidas);
    o en otra de las Representaciones que el arnés conoce (sus zonas horarias), que no es la del cupo."""
    destino = lugar or (cupo.representacion_federal if donde.endswith("del cupo") else next(
        otra for otra in sorted(calendario.zonas) if otra != cupo.representacion_federal))
    _certificado(ventanilla, cupo, destino, lambda: flujos.solicitar_certificado(
        page, empresa, asignacion, monto, cantidad, fabrica.archivo("factura.pdf"),
        fabrica.archivo("transporte.pdf"), factura(fake), transporte, destino))


@when(parsers.re(r'la empresa solicita un certificado de (?P<monto>[\d.]+) toneladas sin (?:elegir su constancia '
                 r'de asignación|adjuntar la copia de "(?P<documento>[^"]+)")$'))
def solicita_sin(request: pytest.FixtureRequest, ventanilla: Ventanilla, page: Page, fabrica: Fabrica, fake: Faker,
                 empresa: Persona, cupo: Cupo, monto: str, documento: str | None) -> None:
    """Sin elegir la constancia de asignación; o sin la copia de la factura («Factura comercial») o sin la
    del documento de transporte (el documento que se nombra, que es también el que se declara)."""
    factura_pdf: Path | None = fabrica.archivo("factura.pdf")
    transporte: Path | None = fabrica.archivo("transporte.pdf")
    declarado = None
    asignacion = "" if documento is None else request.getfixturevalue("asignacion")
    if documento == "Factura comercial":
        factura_pdf, declarado = None, "Carta de porte"
    elif documento is not None:
        transporte, declarado = None, documento
    _certificado(ventanilla, cupo, VENTANILLA_UNICA, lambda: flujos.solicitar_certificado(
        page, empresa, asignacion, monto, monto, factura_pdf, transporte, factura(fake),
        *((declarado,) if declarado else ())))


@given(parsers.re(r"que la empresa presentó (?:en la Ventanilla Única|con esa asignación) una solicitud de "
                  r"certificado de (?P<monto>[\d.]+) toneladas(?:, que se va a autorizar| con factura por "
                  r"(?P<cantidad>[\d.]+) toneladas)$"), target_fixture="folio")
@given(parsers.re(r"que la empresa solicitó por la Ventanilla Única un certificado de (?P<monto>[\d.]+) toneladas "
                  r"con (?P<copias_de>sus dos copias)$"), target_fixture="folio")
def presento_certificado(ventanilla: Ventanilla, page: Page, fabrica: Fabrica, fake: Faker, empresa: Persona,
                         cupo: Cupo, asignacion: str, copias: dict[str, bytes], monto: str,
                         cantidad: str | None = None, copias_de: str | None = None) -> str:
    """En la Ventanilla Única, con esa asignación; devuelve su folio. La que se presentó (para autorizarla, o
    con una factura por otra cantidad): lo que se autorice sale del cupo y de la asignación, y queda dicho
    (en un ambiente aprovisionado, un monto pequeño). La que se solicitó con sus dos copias: las copias
    quedan para compararlas con las que recibe el dictaminador."""
    if copias_de:
        copia_factura, transporte = fabrica.archivo("factura.pdf"), fabrica.archivo("carta-de-porte.pdf")
        copias.update({archivo.name: archivo.read_bytes() for archivo in (copia_factura, transporte)})
    else:
        fabrica.consumir_del_cupo(cupo, Decimal(monto), f"un certificado con la asignación {asignacion}")
        flujos.abrir_sesion(page, empresa)
        copia_factura, transporte = fabrica.archivo("factura.pdf"), fabrica.archivo("transporte.pdf")
    _certificado(ventanilla, cupo, VENTANILLA_UNICA, lambda: flujos.solicitar_certificado(
        page, empresa, asignacion, monto, cantidad or monto, copia_factura, transporte, factura(fake)))
    return DetalleDeSolicitud(page).leer_folio()




@given(parsers.parse("que la empresa presentó ahora una solicitud de asignación de {monto} toneladas, que se va "
                     "a autorizar"), target_fixture="folio")
def presento_asignacion_para_autorizar(ventanilla: Ventanilla, page: Page, fabrica: Fabrica, fake: Faker,
                                       empresa: Persona, cupo: Cupo, copias: dict[str, bytes], monto: str) -> str:
    """En la Ventanilla Única, con un pedimento por el 70% de una asignación como ésta (la anterior de esta
    empresa, si la tiene, es de otra corrida) y su copia; lo que se autorice sale del cupo, y queda dicho."""
    fabrica.consumir_del_cupo(cupo, Decimal(monto), "una asignación")
    acreditado = (Decimal(monto) * Decimal("0.8")).quantize(Decimal("0.001"))
    renglon = f"{pedimento(fake, anio_del_portal(page))} {acreditado}"
    _asignacion(ventanilla, page, empresa, cupo, monto, VENTANILLA_UNICA, renglon,
                _copias_de_pedimentos(fabrica, copias, 1))
    return DetalleDeSolicitud(page).leer_folio()
