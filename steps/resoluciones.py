"""Pasos del lado del funcionario sobre las solicitudes de cupo: plazos, orden, resoluciones."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from faker import Faker
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.correo import Correo
from fixtures.datos import Cupo, Fabrica, Persona, certificado_existente, factura
from fixtures.mensajes import Mensajes
from pages import flujos, pantalla
from pages.flujos import NuevoContexto
from pages.formato import TONELADAS, patron_del_monto
from pages.funcionario import BandejaDelFuncionario, SolicitudDelFuncionario
from pages.solicitudes import DetalleDeSolicitud
from steps.valores import Certificados

MONTO_OTORGADO = r"monto (otorgado|expedido|asignado|autorizado)"


TRAMITES = {"asignación": "asignacion", "certificado": "expedicion"}



@given(parsers.re(r'una solicitud de (?P<tramite>asignación|certificado) presentada el "(?P<presentada>[^"]+)"'
                  r'(?: y autorizada el "(?P<autorizada>[^"]+)")?$'), target_fixture="folio")
def presentada_el(fabrica: Fabrica, new_context: NuevoContexto, cupo: Cupo, tramite: str, presentada: str,
                  autorizada: str | None) -> str:
    """Con la API, en ese momento del reloj del portal; si se autorizó, el dictaminador la autoriza con el
    reloj en ese otro momento."""
    if autorizada is None:
        return fabrica.solicitud_presentada_el(cupo, TRAMITES[tramite], datetime.fromisoformat(presentada))

    def autorizar(folio: str) -> None:
        flujos.resolver(new_context, cupo.dictaminador, folio, autorizar=True).close()

    return fabrica.solicitud_autorizada_el(cupo, TRAMITES[tramite], datetime.fromisoformat(presentada),
                                           datetime.fromisoformat(autorizada), autorizar)



@when("el dictaminador del cupo abre esa solicitud", target_fixture="pagina_del_funcionario")
def abre_esa_solicitud(new_context: NuevoContexto, cupo: Cupo, folio: str) -> Page:
    pagina = new_context().new_page()
    flujos.abrir_sesion(pagina, cupo.dictaminador)
    SolicitudDelFuncionario(pagina).abrir(folio)
    return pagina


@given(parsers.parse("que la empresa obtuvo con esa asignación el certificado \"{alias}\" de {monto} "
                     "toneladas"))
def obtuvo_certificado(page: Page, new_context: NuevoContexto, fabrica: Fabrica, fake: Faker, empresa: Persona,
                       cupo: Cupo, asignacion: str, certificados: Certificados, alias: str,
                       monto: str) -> None:
    fabrica.consumir_del_cupo(cupo, Decimal(monto), f"un certificado con la asignación {asignacion}")
    flujos.solicitar_certificado(page, empresa, asignacion, monto, monto, fabrica.archivo("factura.pdf"),
                                 fabrica.archivo("transporte.pdf"), factura(fake))
    certificados.guardar(alias, certificado_existente(
        flujos.obtener(page, new_context, cupo.dictaminador)[1], cupo, empresa))


def _en_estado(pagina: Page, mensajes: Mensajes, estado: str) -> None:
    """La solicitud abierta en la pantalla del funcionario está en ese estado («estado_autorizada»)."""
    expect(pantalla.contenido(pagina)).to_contain_text(pantalla.dato("Estado", mensajes.valor(estado)),
                                                        use_inner_text=True)


@given("que el dictaminador del cupo autorizó la solicitud de la otra empresa")
def autorizo_la_de_la_otra(new_context: NuevoContexto, fabrica: Fabrica, mensajes: Mensajes, cupo: Cupo,
                           folio_de_la_otra: str) -> None:
    """En un cupo con poco por asignar: si a la otra no se le otorgó lo que pidió, al cupo ya no le quedaba
    lo que se preparó (en un ambiente compartido, una corrida anterior lo agotó)."""
    pagina = flujos.resolver(new_context, cupo.dictaminador, folio_de_la_otra, autorizar=True)
    _en_estado(pagina, mensajes, "estado_autorizada")
    if cupo.por_asignar is not None:
        pedido, otorgado = (pantalla.leer_monto(pagina, etiqueta) for etiqueta in ("Monto solicitado",
                                                                                   MONTO_OTORGADO))
        if otorgado < pedido:
            fabrica.no_como_se_preparo(cupo, f"ya no le quedaban las {cupo.por_asignar} t por asignar")


@when("el dictaminador del cupo autoriza la solicitud", target_fixture="pagina_del_funcionario")
@when("el dictaminador del cupo intenta autorizar primero la solicitud de la empresa",
      target_fixture="pagina_del_funcionario")
@when(parsers.re(r'el dictaminador del cupo rechaza la solicitud porque "(?P<motivo>[^"]*)"'),
      target_fixture="pagina_del_funcionario")
def resuelve(new_context: NuevoContexto, cupo: Cupo, folio: str, motivo: str | None = None) -> Page:
    """La autoriza o, con un motivo (aunque esté vacío), la rechaza."""
    return flujos.resolver(new_context, cupo.dictaminador, folio, autorizar=motivo is None, motivo=motivo or "")



@when("el dictaminador del cupo descarga las copias adjuntas de la solicitud", target_fixture="copias_descargadas")
def descarga_copias(new_context: NuevoContexto, cupo: Cupo, folio: str,
                    copias: dict[str, bytes]) -> dict[str, bytes]:
    pagina = new_context().new_page()
    flujos.abrir_sesion(pagina, cupo.dictaminador)
    solicitud = SolicitudDelFuncionario(pagina).abrir(folio)
    return {nombre: solicitud.descargar_copia(nombre) for nombre in copias}


@then("son, byte por byte, las copias que la empresa adjuntó")
def mismas_copias(copias_descargadas: dict[str, bytes], copias: dict[str, bytes]) -> None:
    assert copias and set(copias_descargadas) == set(copias), (sorted(copias_descargadas), sorted(copias))
    for nombre, contenido in copias.items():
        assert copias_descargadas[nombre] == contenido, f"la copia «{nombre}» no es la que se adjuntó"


@when(parsers.parse("la empresa obtiene la cancelación de {monto} toneladas del certificado \"{alias}\""),
      target_fixture="folio")
def obtiene_cancelacion(page: Page, new_context: NuevoContexto, mensajes: Mensajes, empresa: Persona,
                        cupo: Cupo, certificados: Certificados, monto: str, alias: str) -> str:
    folio = flujos.firmar_cancelacion(page, empresa, cupo, certificados[alias].folio, monto)
    funcionario = flujos.resolver(new_context, cupo.dictaminador, folio, autorizar=True)
    _en_estado(funcionario, mensajes, "estado_autorizada")
    return folio


@when(parsers.parse("la empresa obtiene la cancelación de {monto} toneladas del certificado expedido"))
def cancela_lo_expedido(page: Page, new_context: NuevoContexto, mensajes: Mensajes, empresa: Persona, cupo: Cupo,
                        folio: str, monto: str) -> None:
    """El certificado que resultó de la solicitud autorizada en el escenario."""
    flujos.abrir_sesion(page, empresa)
    certificado = DetalleDeSolicitud(page).abrir(folio).leer_documento()
    cancelacion = flujos.firmar_cancelacion(page, empresa, cupo, certificado, monto)
    _en_estado(flujos.resolver(new_context, cupo.dictaminador, cancelacion, autorizar=True), mensajes,
               "estado_autorizada")


@then(parsers.parse('la solicitud aparece con fecha límite de resolución "{vence}"'))
def fecha_limite(pagina_del_funcionario: Page, folio: str, vence: str) -> None:
    bandeja = BandejaDelFuncionario(pagina_del_funcionario)
    expect(bandeja.solicitud(folio)).to_have_count(1)
    expect(bandeja.dato(folio, "Fecha límite de resolución")).to_have_text(vence)


@then("se le pide resolver antes la solicitud de la otra empresa, que llegó primero")
def orden_de_prelacion(pagina_del_funcionario: Page, mensajes: Mensajes, folio: str,
                       folio_de_la_otra: str) -> None:
    expect(mensajes.en(pagina_del_funcionario, "orden_de_prelacion", folio=folio_de_la_otra)).to_be_visible()
    _en_estado(pagina_del_funcionario, mensajes, "estado_pendiente")
    bandeja = BandejaDelFuncionario(pagina_del_funcionario).abrir()
    expect(bandeja.solicitud(folio_de_la_otra)).to_have_count(1)
    expect(bandeja.solicitud(folio)).to_have_count(1)
    renglones = bandeja.solicitudes.all_inner_texts()  # en un ambiente compartido puede haber más
    primero, despues = (next(i for i, texto in enumerate(renglones) if buscado in texto)
                        for buscado in (folio_de_la_otra, folio))
    assert primero < despues, f"la bandeja lista {folio} antes que {folio_de_la_otra}, que llegó primero"


@then(parsers.parse("el certificado se expide por {otorgado} toneladas, por ser el menor «{criterio}»"))
@then(parsers.parse("la asignación se otorga por {otorgado} toneladas, por ser el menor «{criterio}»"))
def otorgado_por(pagina_del_funcionario: Page, mensajes: Mensajes, otorgado: str, criterio: str) -> None:
    _en_estado(pagina_del_funcionario, mensajes, "estado_autorizada")
    contenido = pantalla.contenido(pagina_del_funcionario)
    monto = rf"{patron_del_monto(otorgado)}(\s*{TONELADAS})?"
    expect(contenido).to_contain_text(pantalla.dato(MONTO_OTORGADO, monto),
                                      use_inner_text=True)
    expect(contenido).to_contain_text(criterio)


@then("la solicitud sigue pendiente")
def sigue_pendiente(pagina_del_funcionario: Page, mensajes: Mensajes, folio: str) -> None:
    _en_estado(pagina_del_funcionario, mensajes, "estado_pendiente")
    bandeja = BandejaDelFuncionario(pagina_del_funcionario).abrir()
    expect(bandeja.dato(folio, "Estado")).to_have_text(mensajes.celda("estado_pendiente"))



@then(parsers.re(r'llega a la empresa el aviso de que su solicitud fue (?:rechazada porque "(?P<motivo>[^"]*)"|'
                 r'autorizada por (?P<monto>[\d.]+) toneladas)$'))
def aviso_de_la_resolucion(buzon: Correo, mensajes: Mensajes, empresa: Persona, folio: str, motivo: str | None,
                           monto: str | None) -> None:
    """Sólo a la empresa, con el folio de su solicitud en el asunto (el buzón de una empresa declarada lo
    comparten otros escenarios: el aviso es el que dice su folio), y lo que se resolvió."""
    asunto = mensajes.exigido("asunto_de_la_resolucion", folio=folio)
    aviso = buzon.esperar(empresa.correo, asunto_como=asunto.pattern)
    assert aviso.destinatarios == {empresa.correo.lower()}, aviso.destinatarios
    resuelto = (mensajes.exigido("resolucion_rechazada", motivo=motivo) if motivo is not None
                else mensajes.exigido("resolucion_autorizada", monto=Decimal(str(monto))))
    assert resuelto.search(aviso.texto), aviso.texto
