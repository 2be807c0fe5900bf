"""Pasos de las solicitudes del beneficiario: asignación y expedición de certificado."""

from __future__ import annotations

import re
from decimal import Decimal

from faker import Faker
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.datos import Fabrica
from fixtures.documentos import DocumentoPdf, leer_documento
from fixtures.portal import Portal
from pages import pantalla
from pages.acceso import mensaje_de_error
from pages.solicitudes import DetalleDeSolicitud, SolicitudDeAsignacion, SolicitudDeExpedicion
from steps.escena import Escena

VUCEM = "Ventanilla Única"


def pedimento(fake: Faker, anio: int) -> str:
    """Un número de pedimento bien formado del año: año, aduana 43, patente y consecutivo."""
    aa = f"{anio % 100:02d}"
    return f"{aa} 43 {fake.numerify('%###')} {aa[1]}{fake.numerify('######')}"


def solicitar_asignacion(page: Page, escena: Escena, monto: str, lugar: str = VUCEM,
                         pedimentos: str = "") -> None:
    empresa = escena.requiere_empresa()
    SolicitudDeAsignacion(page).abrir().presentar(
        escena.requiere_cupo().nombre, lugar, monto, pedimentos, empresa.efirma.cer,
        empresa.efirma.key, empresa.efirma.contrasena)


def solicitar_certificado(page: Page, escena: Escena, fabrica: Fabrica, monto: str, factura: str,
                          transporte: str = "Carta de porte", lugar: str = VUCEM,
                          sin: str = "") -> None:
    empresa = escena.requiere_empresa()
    SolicitudDeExpedicion(page).abrir().presentar(
        escena.asignacion, lugar, monto, f"F-{fabrica.hoy():%Y}-{monto}", factura, transporte,
        None if sin == "la factura comercial" else fabrica.archivo("factura.pdf"),
        None if sin == "el documento de transporte" else fabrica.archivo("transporte.pdf"),
        empresa.efirma.cer, empresa.efirma.key, empresa.efirma.contrasena)


@given(parsers.parse("una empresa con {dato} registrada en la Ventanilla Única"))
def empresa_extranjera(escena: Escena, fabrica: Fabrica, fake: Faker, dato: str) -> None:
    if dato == "un RFC que no es mexicano":  # mes 13: no es una fecha, no es un RFC
        rfc = f"{fake.lexify('???').upper()}{fake.numerify('##')}13{fake.numerify('##')}{fake.numerify('##A')}"
        escena.empresa = fabrica.solicitante(rfc=rfc)
    elif dato == "su domicilio fiscal en Guatemala":
        escena.empresa = fabrica.solicitante(pais="Guatemala", codigo_postal="01001",
                                             entidad_federativa="Guatemala")
    else:
        raise AssertionError(f"Dato no previsto: {dato}")


@given(parsers.parse("que la empresa ya tiene una asignación de {monto:d} toneladas de ese cupo"))
@given(parsers.parse('que la empresa ya tiene una asignación de {monto:d} toneladas de ese cupo obtenida '
                     'en la "{lugar}"'))
def ya_tiene_asignacion(escena: Escena, fabrica: Fabrica, monto: int, lugar: str = VUCEM) -> None:
    escena.asignacion = fabrica.asignacion(escena.requiere_cupo(), escena.requiere_empresa(),
                                           Decimal(monto), lugar)


@when(parsers.parse('la empresa solicita la asignación de {monto} toneladas en la "{lugar}"'))
def solicita_asignacion(page: Page, escena: Escena, monto: str, lugar: str) -> None:
    solicitar_asignacion(page, escena, monto, lugar)


@when(parsers.parse("la empresa solicita otra asignación de {monto} toneladas con pedimentos por "
                    "{acreditado} toneladas"))
def solicita_con_pedimentos(page: Page, escena: Escena, fake: Faker, portal: Portal, monto: str,
                            acreditado: str) -> None:
    anio, total = portal.api.ahora().year, Decimal(acreditado)
    renglones = [f"{pedimento(fake, anio)} 40", f"{pedimento(fake, anio)} {total - 40}"]
    solicitar_asignacion(page, escena, monto, pedimentos="\n".join(renglones))


@when(parsers.parse('la empresa solicita otra asignación de {monto} toneladas con el pedimento '
                    '"{numero}" por {cantidad} toneladas'))
def solicita_con_un_pedimento(page: Page, escena: Escena, monto: str, numero: str, cantidad: str) -> None:
    solicitar_asignacion(page, escena, monto, pedimentos=f"{numero} {cantidad}")


@when(parsers.parse('la empresa solicita un certificado de {monto} toneladas con factura por {factura} '
                    'toneladas y "{transporte}", en la "{lugar}"'))
def solicita_certificado(page: Page, escena: Escena, fabrica: Fabrica, monto: str, factura: str,
                         transporte: str, lugar: str) -> None:
    solicitar_certificado(page, escena, fabrica, monto, factura, transporte, lugar)


@when(parsers.parse("la empresa solicita un certificado de {monto} toneladas sin adjuntar {copia}"))
def solicita_sin_copia(page: Page, escena: Escena, fabrica: Fabrica, monto: str, copia: str) -> None:
    solicitar_certificado(page, escena, fabrica, monto, monto, sin=copia)


@then("la solicitud queda registrada")
def queda_registrada(page: Page) -> None:
    expect(pantalla.aviso(page)).to_contain_text(
        "Su solicitud ha sido registrada con el número de folio de trámite")
    expect(DetalleDeSolicitud(page).folio).to_have_text(re.compile(r"^\d{25}$"))


@then(parsers.parse('la solicitud se rechaza: "{mensaje}"'))
def se_rechaza(page: Page, mensaje: str) -> None:
    expect(mensaje_de_error(page)).to_contain_text(mensaje)
    expect(DetalleDeSolicitud(page).folio).to_have_count(0)


def _acuse(page: Page) -> DocumentoPdf:
    detalle = DetalleDeSolicitud(page)
    expect(detalle.folio).to_be_visible()
    return leer_documento(detalle.descargar("Acuse de recepción de trámite"))


@then(parsers.parse('el acuse de la solicitud dice "{etiqueta}": "{valor}"'))
def acuse_dice(page: Page, etiqueta: str, valor: str) -> None:
    assert _acuse(page).campo(etiqueta) == valor


@then(parsers.parse('el acuse de la solicitud lista las copias de "{primera}" y de "{segunda}"'))
def acuse_con_copias(page: Page, primera: str, segunda: str) -> None:
    acuse = _acuse(page)
    for tipo in (primera, segunda):
        assert "SHA-256" in acuse.campo(f"Copia adjunta ({tipo})")
