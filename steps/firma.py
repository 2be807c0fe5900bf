"""Pasos de la firma de la solicitud y del acuse de recepción en PDF."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.calendario import CENTRO
from fixtures.datos import Fabrica, Persona
from fixtures.documentos import DocumentoPdf, leer_documento, validar_firma_pdf
from fixtures.efirma import Archivos
from fixtures.hora_del_portal import hora_mostrada
from fixtures.mensajes import Mensajes
from pages import flujos
from pages.cancelacion import AcuseDeRecepcion, CapturaDeCancelacion, FirmaDeSolicitud
from pages.formato import es_verde, texto_del_monto
from sat_pruebas import verificar_sello
from steps.valores import Certificados

MOTIVO = re.compile(r"a petición del interesado", re.IGNORECASE)


@dataclass(frozen=True)
class Descarga:
    nombre: str
    contenido: bytes


def _firmar(page: Page, efirma: Archivos) -> None:
    CapturaDeCancelacion(page).siguiente()
    FirmaDeSolicitud(page).firmar(efirma)


@given("que la empresa firmó la solicitud con su e.firma", target_fixture="folio")
@when("la empresa firma la solicitud con su e.firma", target_fixture="folio")
@when(parsers.re(r"la empresa intenta firmar la solicitud con (?P<cual>la e\.firma de la otra empresa|su otra "
                 r"e\.firma|una contraseña equivocada)$"))
def firma(request: pytest.FixtureRequest, page: Page, fabrica: Fabrica, empresa: Persona,
          cual: str | None = None) -> str | None:
    """Con su e.firma (lo que se consume al firmar lo lleva la fábrica; devuelve el folio); o el intento con
    una que no sirve: la de la otra empresa, o la otra de la empresa (las creó un paso anterior: se piden
    sólo si se usan), o la suya con una contraseña equivocada."""
    if cual is None:
        def firmar() -> str:
            _firmar(page, empresa.efirma)
            return flujos.leer_folio(page)

        return fabrica.firmar_cancelacion(firmar)
    if cual == "una contraseña equivocada":
        buena = empresa.efirma
        efirma = Archivos(buena.cer, buena.key, buena.contrasena + "x")
    elif cual == "su otra e.firma":
        efirma = request.getfixturevalue("otra_efirma")
    else:
        efirma = request.getfixturevalue("otra_empresa").efirma
    _firmar(page, efirma)
    return None


@given("que la empresa tiene otra e.firma vigente", target_fixture="otra_efirma")
def otra_efirma_vigente(fabrica: Fabrica, empresa: Persona) -> Archivos:
    otra = fabrica.efirma(empresa.rfc, empresa.nombre)
    assert otra.cer.read_bytes() != empresa.efirma.cer.read_bytes()
    return otra



@when("la empresa descarga el acuse de recepción de trámite", target_fixture="acuse_descargado")
def descarga_acuse(page: Page) -> Descarga:
    return Descarga(*AcuseDeRecepcion(page).descargar_acuse())


@pytest.fixture
def acuse(acuse_descargado: Descarga) -> DocumentoPdf:
    """El acuse que el escenario descargó, leído del PDF."""
    return leer_documento(acuse_descargado.contenido)


@then(parsers.re(r"(?:ve el número de folio de trámite|la solicitud queda registrada)$"))
def registrada_con_folio(page: Page, mensajes: Mensajes) -> None:
    """El aviso de que la solicitud quedó registrada, con su número de folio de trámite."""
    folio = flujos.leer_folio(page)
    expect(mensajes.en(page, "solicitud_registrada", folio=folio)).to_be_visible()


@then("ve la liga al acuse de recepción de trámite")
def ve_liga(page: Page) -> None:
    expect(AcuseDeRecepcion(page).liga_del_acuse).to_be_visible()


@then(parsers.parse('la solicitud sigue sin firmar, con el certificado "{alias}" por {monto} a cancelar'))
def sigue_sin_firmar(page: Page, certificados: Certificados, alias: str, monto: str) -> None:
    fondo = FirmaDeSolicitud(page).pasos.fondo("Firmar Solicitud")
    assert es_verde(fondo), f"ya no está en «Firmar Solicitud» ({fondo})"
    expect(AcuseDeRecepcion(page).folio).to_have_count(0)
    captura = CapturaDeCancelacion(page).abrir()
    captura.abrir_pestana("Cancelación de Certificados de Cupo")
    folio = certificados[alias].folio
    expect(captura.certificados_a_cancelar).to_have_count(1)
    expect(captura.a_cancelar(folio)).to_have_count(1)
    expect(captura.monto_a_favor(folio)).to_have_text(texto_del_monto(monto))


@then("el acuse es un PDF con el folio del trámite, y la fecha y la hora en que el portal recibió la solicitud")
def acuse_a_la_hora_del_portal(page: Page, acuse_descargado: Descarga, acuse: DocumentoPdf, folio: str) -> None:
    """La hora del acuse es la del portal: la que mostraba la pantalla a la que llevó la firma (o su encabezado
    Date), con el minuto que tarda en dibujarse."""
    assert acuse_descargado.nombre.endswith(".pdf"), acuse_descargado.nombre
    assert acuse_descargado.contenido.startswith(b"%PDF-")
    assert acuse.titulo == "Acuse de recepción de trámite"
    assert acuse.campo("Número de folio de trámite") == folio
    recibida = datetime.strptime(f"{acuse.campo('Fecha de recepción')} {acuse.campo('Hora de recepción')[:8]}",
                                 "%d/%m/%Y %H:%M:%S").replace(tzinfo=CENTRO)
    mostrada = hora_mostrada(page)
    assert mostrada.desde - timedelta(minutes=2) <= recibida <= mostrada.hasta, (
        f"El acuse dice {recibida:%d/%m/%Y %H:%M:%S}; el portal mostraba {mostrada.desde:%d/%m/%Y %H:%M}")


@then(parsers.parse('el acuse muestra el RFC y el nombre de la empresa, el certificado "{alias}" '
                    'por {monto} y el motivo'))
def acuse_con_datos(acuse: DocumentoPdf, empresa: Persona, certificados: Certificados, alias: str,
                    monto: str) -> None:
    assert acuse.campo("RFC del solicitante") == empresa.rfc
    assert acuse.campo("Nombre o razón social") == empresa.nombre
    assert acuse.certificados == {certificados[alias].folio: Decimal(monto)}
    assert MOTIVO.search(acuse.campo("Motivo de cancelación")), acuse.campo("Motivo de cancelación")


@then(parsers.re(r"el sello del acuse (?:se verifica con el certificado de la empresa|(?P<no>no) se verifica "
                 r"si la cadena original cambia en un solo carácter)$"))
def sello_del_acuse(acuse: DocumentoPdf, empresa: Persona, folio: str, no: str | None) -> None:
    """La cadena original dice el folio, el RFC y cada certificado, y el sello se verifica con el certificado
    de la e.firma de la empresa; con un carácter cambiado en la cadena, ya no."""
    cer = empresa.efirma.cer.read_bytes()
    for dato in (folio, empresa.rfc, *acuse.certificados):
        assert f"|{dato}|" in acuse.cadena_original, (dato, acuse.cadena_original)
    assert verificar_sello(cer, acuse.cadena_original, acuse.sello)
    if no:
        alterada = acuse.cadena_original.replace(folio, folio[:-1] + "X")
        assert alterada != acuse.cadena_original
        assert not verificar_sello(cer, alterada, acuse.sello)



@then(parsers.re(r"la firma de la Secretaría en (?P<documento>el acuse|el certificado de cupo) es íntegra, "
                 r"válida y de confianza$"))
def firma_de_la_secretaria(request: pytest.FixtureRequest, raiz_de_la_secretaria: str, documento: str) -> None:
    """La del PDF que el escenario descargó: el acuse, o el documento resolutivo del dictaminador."""
    contenido = (request.getfixturevalue("acuse_descargado").contenido if documento == "el acuse"
                 else request.getfixturevalue("resolucion"))
    firma = validar_firma_pdf(contenido, raiz_de_la_secretaria)
    assert (firma.intacta, firma.valida, firma.confiable) == (True, True, True), firma
    assert "Secretaría de Economía" in firma.firmante
