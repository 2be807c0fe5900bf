"""Pasos de la firma de la solicitud y del acuse de recepción en PDF."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.documentos import DocumentoPdf, leer_documento, validar_firma_pdf
from fixtures.efirma import Archivos
from fixtures.portal import Portal
from pages.cancelacion import AcuseDeRecepcion, CapturaDeCancelacion, FirmaDeSolicitud
from pages.formato import texto_del_monto
from sat_pruebas import verificar_sello
from steps.escena import Escena

MOTIVO = "Cancelación de certificado de cupo a petición del interesado."


def _firmar(page: Page, efirma: Archivos) -> None:
    CapturaDeCancelacion(page).siguiente()
    FirmaDeSolicitud(page).firmar(efirma.cer, efirma.key, efirma.contrasena)


@given(parsers.parse('que el reloj del portal marca el "{momento}"'))
def reloj_fijo(reloj: Portal, momento: str) -> None:
    reloj.api.fijar_reloj(datetime.fromisoformat(momento))


@when("la empresa firma la solicitud con su e.firma")
def firma(page: Page, escena: Escena) -> None:
    _firmar(page, escena.requiere_empresa().efirma)
    escena.folio = AcuseDeRecepcion(page).folio.inner_text()


@when("la empresa intenta firmar la solicitud con la e.firma de la otra empresa")
def firma_con_otra(page: Page, escena: Escena) -> None:
    assert escena.otra_empresa is not None
    _firmar(page, escena.otra_empresa.efirma)


@when("la empresa intenta firmar la solicitud con una contraseña equivocada")
def firma_con_contrasena_equivocada(page: Page, escena: Escena) -> None:
    buena = escena.requiere_empresa().efirma
    _firmar(page, Archivos(buena.cer, buena.key, buena.contrasena + "x"))


@when("la empresa descarga el acuse de recepción de trámite")
def descarga_acuse(page: Page, escena: Escena) -> None:
    escena.nombre_del_acuse, escena.acuse = AcuseDeRecepcion(page).descargar_acuse()


@pytest.fixture
def acuse(escena: Escena) -> DocumentoPdf:
    """El acuse que el escenario descargó, leído del PDF."""
    return leer_documento(escena.acuse)


@then("ve el número de folio de trámite")
def ve_folio(page: Page, escena: Escena) -> None:
    folio = AcuseDeRecepcion(page).folio
    expect(folio).to_have_text(re.compile(r"^\d{25}$"))
    escena.folio = escena.folio or folio.inner_text()
    expect(AcuseDeRecepcion(page).aviso).to_contain_text(
        f"Su solicitud ha sido registrada con el número de folio de trámite {escena.folio}")


@then("ve la liga al acuse de recepción de trámite")
def ve_liga(page: Page) -> None:
    expect(AcuseDeRecepcion(page).liga_del_acuse).to_be_visible()


@then(parsers.parse('la solicitud sigue sin firmar, con el certificado "{alias}" por {monto} a cancelar'))
def sigue_sin_firmar(page: Page, escena: Escena, alias: str, monto: str) -> None:
    expect(FirmaDeSolicitud(page).pasos.actual).to_contain_text("Firmar Solicitud")
    expect(AcuseDeRecepcion(page).folio).to_have_count(0)
    captura = CapturaDeCancelacion(page).abrir()
    captura.abrir_pestana("Cancelación de Certificados de Cupo")
    filas, folio = captura.certificados_a_cancelar, escena.certificado(alias).folio
    expect(filas).to_have_count(1)
    expect(filas).to_contain_text(folio)
    expect(captura.monto_a_favor(folio)).to_have_text(texto_del_monto(monto))


@then(parsers.parse('el acuse es un PDF con el folio del trámite, la fecha "{fecha}" y la hora '
                    '"{hora}"'))
def acuse_con_folio(escena: Escena, acuse: DocumentoPdf, fecha: str, hora: str) -> None:
    assert escena.nombre_del_acuse.endswith(".pdf"), escena.nombre_del_acuse
    assert acuse.titulo == "Acuse de recepción de trámite"
    assert acuse.campo("Número de folio de trámite") == escena.folio
    assert acuse.campo("Fecha de recepción") == fecha
    assert acuse.campo("Hora de recepción").startswith(hora)


@then(parsers.parse('el acuse muestra el RFC y el nombre de la empresa, el certificado "{alias}" '
                    'por {monto:d} y el motivo'))
def acuse_con_datos(escena: Escena, acuse: DocumentoPdf, alias: str, monto: int) -> None:
    empresa = escena.requiere_empresa()
    assert acuse.campo("RFC del solicitante") == empresa.rfc
    assert acuse.campo("Nombre o razón social") == empresa.nombre
    assert acuse.certificados == {escena.certificado(alias).folio: monto}
    assert acuse.campo("Motivo de cancelación") == MOTIVO


@then("el sello del acuse se verifica con el certificado de la empresa")
def sello_valido(escena: Escena, acuse: DocumentoPdf) -> None:
    empresa = escena.requiere_empresa()
    for dato in (escena.folio, empresa.rfc, *acuse.certificados):
        assert f"|{dato}|" in acuse.cadena_original, (dato, acuse.cadena_original)
    assert verificar_sello(empresa.efirma.cer.read_bytes(), acuse.cadena_original, acuse.sello)


@then("el sello del acuse no se verifica si la cadena original cambia en un solo carácter")
def sello_invalido_si_cambia(escena: Escena, acuse: DocumentoPdf) -> None:
    cer = escena.requiere_empresa().efirma.cer.read_bytes()
    assert verificar_sello(cer, acuse.cadena_original, acuse.sello)
    alterada = acuse.cadena_original.replace(escena.folio, escena.folio[:-1] + "X")
    assert not verificar_sello(cer, alterada, acuse.sello)


@then("la firma de la Secretaría en el acuse es íntegra, válida y de confianza")
def acuse_firmado(escena: Escena, raiz_de_la_secretaria: str) -> None:
    firma = validar_firma_pdf(escena.acuse, raiz_de_la_secretaria)
    assert (firma.intacta, firma.valida, firma.confiable) == (True, True, True), firma
    assert "Secretaría de Economía" in firma.firmante
