"""Pasos del lado del funcionario sobre las solicitudes de cupo: plazos, orden, resoluciones."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from playwright.sync_api import BrowserContext, Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.correo import BuzonSmtp
from fixtures.datos import Fabrica
from fixtures.documentos import leer_documento, validar_firma_pdf
from pages.acceso import mensaje_de_error
from pages.funcionario import BandejaDelFuncionario, SolicitudDelFuncionario
from pages.solicitudes import DetalleDeSolicitud
from sat_pruebas import verificar_sello
from steps.cancelacion import firmar_cancelacion
from steps.escena import Escena
from steps.sesion import iniciar_sesion
from steps.solicitudes import solicitar_asignacion, solicitar_certificado

NuevoContexto = Callable[..., BrowserContext]


def resolver_como_dictaminador(new_context: NuevoContexto, escena: Escena, folio: str,
                               autorizar: bool, motivo: str = "") -> Page:
    """El dictaminador del cupo, en su propio navegador, resuelve la solicitud desde su bandeja."""
    dictaminador = escena.requiere_cupo().dictaminador
    pagina = new_context().new_page()
    iniciar_sesion(pagina, dictaminador)
    BandejaDelFuncionario(pagina).abrir().atender(folio).resolver(
        autorizar, motivo, dictaminador.efirma.cer, dictaminador.efirma.key,
        dictaminador.efirma.contrasena)
    return pagina


def obtener(page: Page, new_context: NuevoContexto, escena: Escena) -> str:
    """Tras presentar una solicitud en page: el dictaminador la autoriza; devuelve el documento."""
    detalle = DetalleDeSolicitud(page)
    escena.folio = detalle.folio.inner_text()
    funcionario = resolver_como_dictaminador(new_context, escena, escena.folio, autorizar=True)
    expect(SolicitudDelFuncionario(funcionario).estado).to_have_text("Autorizada")
    detalle.abrir(escena.folio)
    return detalle.documento.inner_text()


@given(parsers.parse("que la empresa presentó una solicitud de asignación de {monto:d} toneladas"))
def presento_asignacion(escena: Escena, fabrica: Fabrica, monto: int) -> None:
    escena.folio = fabrica.solicitud_de_asignacion(escena.requiere_cupo(), escena.requiere_empresa(),
                                                   Decimal(monto))


@given(parsers.parse("que otra empresa presentó una solicitud de asignación de {monto:d} toneladas"))
def otra_presento_asignacion(escena: Escena, fabrica: Fabrica, monto: int) -> None:
    escena.otra_empresa = escena.otra_empresa or fabrica.solicitante()
    escena.folio_de_la_otra = fabrica.solicitud_de_asignacion(
        escena.requiere_cupo(), escena.otra_empresa, Decimal(monto))


@given(parsers.parse("que la empresa presentó una solicitud de certificado de {pedido:d} toneladas con "
                     "factura por {factura:d} toneladas"))
def presento_certificado(escena: Escena, fabrica: Fabrica, pedido: int, factura: int) -> None:
    escena.folio = fabrica.solicitud_de_certificado(escena.asignacion, escena.requiere_empresa(),
                                                    Decimal(pedido), Decimal(factura))


@given(parsers.parse("que otra empresa ya tiene certificados por {expedido:d} toneladas de ese cupo"))
def otra_con_certificados(escena: Escena, fabrica: Fabrica, expedido: int) -> None:
    if expedido:
        escena.otra_empresa = escena.otra_empresa or fabrica.solicitante()
        fabrica.certificado(escena.requiere_cupo(), escena.otra_empresa, Decimal(expedido))


@when("el dictaminador del cupo autoriza la solicitud", target_fixture="pagina_del_funcionario")
@when("el dictaminador del cupo intenta autorizar primero la solicitud de la empresa",
      target_fixture="pagina_del_funcionario")
def autoriza(new_context: NuevoContexto, escena: Escena) -> Page:
    return resolver_como_dictaminador(new_context, escena, escena.folio, autorizar=True)


@when(parsers.re(r'el dictaminador del cupo rechaza la solicitud porque "(?P<motivo>[^"]*)"'),
      target_fixture="pagina_del_funcionario")
def rechaza(new_context: NuevoContexto, escena: Escena, motivo: str) -> Page:
    return resolver_como_dictaminador(new_context, escena, escena.folio, autorizar=False, motivo=motivo)


@when(parsers.parse("la empresa obtiene una asignación de {monto} toneladas del cupo"))
def obtiene_asignacion(page: Page, new_context: NuevoContexto, escena: Escena, monto: str) -> None:
    iniciar_sesion(page, escena.requiere_empresa())
    solicitar_asignacion(page, escena, monto)
    escena.asignacion = obtener(page, new_context, escena)


@when(parsers.parse("la empresa obtiene con esa asignación un certificado de {monto} toneladas"))
def obtiene_certificado(page: Page, new_context: NuevoContexto, escena: Escena, fabrica: Fabrica,
                        monto: str) -> None:
    solicitar_certificado(page, escena, fabrica, monto, monto)
    folio = obtener(page, new_context, escena)
    escena.certificados["obtenido"] = fabrica.certificado_existente(
        folio, escena.requiere_cupo(), escena.requiere_empresa(), Decimal(monto))


@when(parsers.parse("la empresa obtiene la cancelación de {monto} toneladas de ese certificado"))
def obtiene_cancelacion(page: Page, new_context: NuevoContexto, escena: Escena, monto: str) -> None:
    firmar_cancelacion(page, escena, "obtenido", monto)
    funcionario = resolver_como_dictaminador(new_context, escena, escena.folio, autorizar=True)
    expect(SolicitudDelFuncionario(funcionario).estado).to_have_text("Autorizada")


@then(parsers.parse('la solicitud aparece con fecha límite de resolución "{vence}"'))
def fecha_limite(pagina_del_funcionario: Page, escena: Escena, vence: str) -> None:
    fila = BandejaDelFuncionario(pagina_del_funcionario).solicitud(escena.folio)
    expect(fila).to_have_count(1)
    expect(BandejaDelFuncionario(pagina_del_funcionario).dato(escena.folio, "Fecha límite de resolución")
           ).to_have_text(vence)


@then("se le pide resolver antes la solicitud de la otra empresa, que llegó primero")
def orden_de_prelacion(pagina_del_funcionario: Page, escena: Escena) -> None:
    expect(mensaje_de_error(pagina_del_funcionario)).to_contain_text(
        f"resuelva primero la {escena.folio_de_la_otra}, que llegó antes al mismo cupo")
    expect(SolicitudDelFuncionario(pagina_del_funcionario).estado).to_have_text("Pendiente")
    bandeja = BandejaDelFuncionario(pagina_del_funcionario).abrir()
    expect(bandeja.folios).to_have_text([escena.folio_de_la_otra, escena.folio])


@then(parsers.parse("el certificado se expide por {otorgado} toneladas, por ser el menor «{criterio}»"))
def expedido_por(pagina_del_funcionario: Page, otorgado: str, criterio: str) -> None:
    solicitud = SolicitudDelFuncionario(pagina_del_funcionario)
    expect(solicitud.estado).to_have_text("Autorizada")
    expect(solicitud.criterio).to_have_text(criterio)
    assert Decimal(solicitud.monto_otorgado.inner_text().replace(",", "")) == Decimal(otorgado)


@then(parsers.parse('el dictaminador ve el mensaje "{mensaje}"'))
def dictaminador_ve_mensaje(pagina_del_funcionario: Page, mensaje: str) -> None:
    expect(mensaje_de_error(pagina_del_funcionario)).to_contain_text(mensaje)


@then("la solicitud sigue pendiente")
def sigue_pendiente(pagina_del_funcionario: Page) -> None:
    expect(SolicitudDelFuncionario(pagina_del_funcionario).estado).to_have_text("Pendiente")


@then(parsers.parse('llega a la empresa el aviso de que su solicitud fue rechazada porque "{motivo}"'))
def aviso_de_rechazo(buzon: BuzonSmtp, escena: Escena, motivo: str) -> None:
    aviso = buzon.esperar(lambda r: r.asunto == f"Resolución de su solicitud {escena.folio}",
                          que=f"el aviso de la resolución de {escena.folio}")
    assert escena.requiere_empresa().correo.lower() in aviso.destinatarios
    assert "Resolución: Rechazada" in aviso.texto and f"Motivo del rechazo: {motivo}" in aviso.texto


def _resolucion(pagina: Page, escena: Escena) -> bytes:
    if not escena.resolucion:
        escena.resolucion = SolicitudDelFuncionario(pagina).descargar_resolucion()
    return escena.resolucion


@then(parsers.parse('el certificado de cupo dice "{etiqueta}": "{valor}"'))
def certificado_dice(pagina_del_funcionario: Page, escena: Escena, etiqueta: str, valor: str) -> None:
    documento = leer_documento(_resolucion(pagina_del_funcionario, escena))
    assert documento.titulo == "Certificado de cupo", documento.texto
    assert documento.campo(etiqueta) == valor


@then("la firma de la Secretaría en el certificado de cupo es íntegra, válida y de confianza")
def firma_valida(pagina_del_funcionario: Page, escena: Escena, raiz_de_la_secretaria: str) -> None:
    firma = validar_firma_pdf(_resolucion(pagina_del_funcionario, escena), raiz_de_la_secretaria)
    assert (firma.intacta, firma.valida, firma.confiable) == (True, True, True), firma
    assert "Secretaría de Economía" in firma.firmante


@then("el sello del certificado de cupo se verifica con el certificado del dictaminador")
def sello_del_dictaminador(pagina_del_funcionario: Page, escena: Escena) -> None:
    documento = leer_documento(_resolucion(pagina_del_funcionario, escena))
    cer = escena.requiere_cupo().dictaminador.efirma.cer.read_bytes()
    assert f"|{escena.folio}|" in documento.cadena_original
    assert verificar_sello(cer, documento.cadena_original, documento.sello)


@then("la firma de la Secretaría ya no es íntegra si se altera un bit del certificado de cupo")
def firma_alterada(pagina_del_funcionario: Page, escena: Escena, raiz_de_la_secretaria: str) -> None:
    alterado = bytearray(_resolucion(pagina_del_funcionario, escena))
    alterado[len(alterado) // 4] ^= 0x01
    assert not validar_firma_pdf(bytes(alterado), raiz_de_la_secretaria).intacta
