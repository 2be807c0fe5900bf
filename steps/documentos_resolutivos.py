"""Pasos del documento resolutivo (la constancia de asignación o el certificado de cupo, en PDF): lo que
dice, lo que ampara, su vigencia, el sello del dictaminador y la firma de la Secretaría."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import Page
from pytest_bdd import parsers, then

from fixtures.calendario import CENTRO, Calendario
from fixtures.datos import Cupo
from fixtures.documentos import DocumentoPdf, leer_documento, validar_firma_pdf
from fixtures.hora_del_portal import anotar_lado, hora_mostrada
from pages.funcionario import SolicitudDelFuncionario
from sat_pruebas import verificar_sello

MONTO_OTORGADO = r"monto (otorgado|expedido|asignado|autorizado)"
TITULOS = {"certificado de cupo": "Certificado de cupo",
           "constancia de asignación": "Constancia de asignación de cupo"}

TITULOS = {"certificado de cupo": "Certificado de cupo",
           "constancia de asignación": "Constancia de asignación de cupo"}


@pytest.fixture
def resolucion(pagina_del_funcionario: Page) -> bytes:
    """El documento resolutivo (en PDF), descargado una vez por escenario."""
    return SolicitudDelFuncionario(pagina_del_funcionario).descargar_resolucion()


@pytest.fixture
def documento_resolutivo(resolucion: bytes) -> DocumentoPdf:
    return leer_documento(resolucion)


def _del_tipo(documento: DocumentoPdf, tipo: str) -> DocumentoPdf:
    titulo = TITULOS[tipo]
    assert documento.titulo == titulo, f"Se esperaba «{titulo}»: {documento.texto}"
    return documento


@then(parsers.re(r'(el|la) (?P<tipo>certificado de cupo|constancia de asignación) (?:dice "(?P<etiqueta>[^"]+)": '
                 r'"(?P<valor>[^"]*)"|ampara (?P<monto>[\d.]+) toneladas)$'))
def documento_dice(documento_resolutivo: DocumentoPdf, tipo: str, etiqueta: str | None, valor: str | None,
                   monto: str | None) -> None:
    """Un dato (con «Vigencia», cada renglón que la dice), o el monto que ampara: cada renglón que dice un
    monto, salvo lo que se solicitó, dice el otorgado (las fechas las juzgan los pasos de la vigencia, EXP-02)."""
    documento = _del_tipo(documento_resolutivo, tipo)
    if etiqueta is not None:
        assert documento.campo(etiqueta) == valor
        if etiqueta == "Vigencia":
            assert [f"del {desde} al {hasta}" for desde, hasta in documento.vigencias] == [valor], \
                documento.vigencias
        return
    otorgado = Decimal(documento.campo("Monto otorgado").replace(",", ""))
    montos = [(etiqueta, valor) for etiqueta, valor in documento.montos if etiqueta != "Monto solicitado"]
    assert otorgado == Decimal(str(monto)) and len(montos) >= 2, (otorgado, montos)
    assert all(valor == otorgado for _, valor in montos), montos



@then("el certificado de cupo vale desde el día en que el portal lo expidió hasta el 31 de diciembre de ese año")
def vale_hasta_fin_de_anio(request: pytest.FixtureRequest, pagina_del_funcionario: Page,
                           documento_resolutivo: DocumentoPdf) -> None:
    """EXP-02 a la hora del portal: el día de la resolución es el que el portal mostraba al autorizar, y cada
    renglón de vigencia va de ese día al 31 de diciembre de su año (el calendario del arnés)."""
    certificado = _del_tipo(documento_resolutivo, "certificado de cupo")
    expedido = datetime.strptime(certificado.campo("Fecha de resolución"), "%d/%m/%Y").date()
    mostrada = hora_mostrada(pagina_del_funcionario)
    assert expedido in (mostrada.desde.astimezone(CENTRO).date(), mostrada.hasta.astimezone(CENTRO).date()), (
        f"El certificado dice que se expidió el {expedido:%d/%m/%Y}; el portal mostraba el "
        f"{mostrada.desde.astimezone(CENTRO):%d/%m/%Y}")
    vence = Calendario.vigencia(expedido)
    assert certificado.vigencias == [(f"{expedido:%d/%m/%Y}", f"{vence:%d/%m/%Y}")], certificado.vigencias
    anotar_lado(request, "EXP-02", f"expedido el {expedido:%d/%m/%Y}, vale hasta el {vence:%d/%m/%Y}")





@then("el sello del certificado de cupo se verifica con el certificado del dictaminador")
def sello_del_dictaminador(documento_resolutivo: DocumentoPdf, cupo: Cupo, folio: str) -> None:
    certificado = _del_tipo(documento_resolutivo, "certificado de cupo")
    cer = cupo.dictaminador.efirma.cer.read_bytes()
    assert f"|{folio}|" in certificado.cadena_original
    assert verificar_sello(cer, certificado.cadena_original, certificado.sello)


@then("la firma de la Secretaría ya no es íntegra si se altera un bit del certificado de cupo")
def firma_alterada(resolucion: bytes, raiz_de_la_secretaria: str) -> None:
    assert validar_firma_pdf(resolucion, raiz_de_la_secretaria).intacta
    alterado = bytearray(resolucion)
    alterado[len(alterado) // 4] ^= 0x01
    assert not validar_firma_pdf(bytes(alterado), raiz_de_la_secretaria).intacta
