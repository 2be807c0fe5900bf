"""Pasos de la captura de la cancelación: cupos, certificados, montos a favor."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.datos import Fabrica
from pages.cancelacion import (
    ETIQUETAS_DE_BUSQUEDA,
    AcuseDeRecepcion,
    CapturaDeCancelacion,
    FirmaDeSolicitud,
)
from pages.formato import texto_del_monto
from steps.escena import Escena
from steps.sesion import iniciar_sesion

SOLICITANTE = "Solicitante"
CANCELACION = "Cancelación de Certificados de Cupo"


def buscar_el_cupo(page: Page, escena: Escena) -> CapturaDeCancelacion:
    """Abre la captura y busca el cupo del escenario por sus parámetros."""
    cupo = escena.requiere_cupo()
    captura = CapturaDeCancelacion(page).abrir()
    captura.buscar_cupos(regimen=cupo.regimen, mecanismo=cupo.mecanismo, producto=cupo.producto)
    return captura


def agregar(page: Page, escena: Escena, alias: str, monto: str) -> CapturaDeCancelacion:
    captura = buscar_el_cupo(page, escena)
    captura.seleccionar_cupo(escena.requiere_cupo().nombre)
    captura.agregar_certificado(escena.certificado(alias).folio, monto)
    return captura


def firmar_cancelacion(page: Page, escena: Escena, alias: str, monto: str) -> None:
    """Todo el trámite por el portal, desde el inicio de sesión hasta el folio."""
    empresa = escena.requiere_empresa()
    iniciar_sesion(page, empresa)
    agregar(page, escena, alias, monto).siguiente()
    FirmaDeSolicitud(page).firmar(empresa.efirma.cer, empresa.efirma.key, empresa.efirma.contrasena)
    escena.folio = AcuseDeRecepcion(page).folio.inner_text()


@given(parsers.parse('un cupo de "{mecanismo}"'))
def un_cupo(escena: Escena, fabrica: Fabrica, mecanismo: str) -> None:
    escena.cupo = fabrica.cupo(mecanismo)


@given(parsers.parse('otro cupo del mismo producto por "{mecanismo}"'))
def otro_cupo_mismo_producto(escena: Escena, fabrica: Fabrica, mecanismo: str) -> None:
    cupo = escena.requiere_cupo()
    escena.otro_cupo = fabrica.cupo(mecanismo, producto=cupo.producto, dictaminador=cupo.dictaminador)


@given(parsers.parse('que la empresa tiene en ese cupo el certificado "{alias}" por {expedido:d} '
                     'toneladas, {ejercido:d} ya ejercidas'))
def certificado_de_la_empresa(escena: Escena, fabrica: Fabrica, alias: str, expedido: int,
                              ejercido: int) -> None:
    escena.certificados[alias] = fabrica.certificado(
        escena.requiere_cupo(), escena.requiere_empresa(), Decimal(expedido), Decimal(ejercido))


@given(parsers.parse('que otra empresa tiene en ese cupo el certificado "{alias}" por {expedido:d} '
                     'toneladas, {ejercido:d} ya ejercidas'))
def certificado_de_otra(escena: Escena, fabrica: Fabrica, alias: str, expedido: int,
                        ejercido: int) -> None:
    escena.otra_empresa = escena.otra_empresa or fabrica.solicitante()
    escena.certificados[alias] = fabrica.certificado(
        escena.requiere_cupo(), escena.otra_empresa, Decimal(expedido), Decimal(ejercido))


@given(parsers.parse('que la empresa tiene en ese cupo el certificado "{alias}", que venció ayer'))
def certificado_vencido(escena: Escena, fabrica: Fabrica, alias: str) -> None:
    ayer = fabrica.ayer()
    escena.certificados[alias] = fabrica.certificado(
        escena.requiere_cupo(), escena.requiere_empresa(), Decimal(50),
        fecha_expedicion=(ayer - timedelta(days=30)).isoformat(),
        vigencia_hasta=ayer.isoformat())


@given(parsers.parse('que la empresa tiene en ese cupo el certificado "{alias}", ya cancelado'))
def certificado_cancelado(escena: Escena, fabrica: Fabrica, alias: str) -> None:
    escena.certificados[alias] = fabrica.certificado(
        escena.requiere_cupo(), escena.requiere_empresa(), Decimal(50), estado="cancelado")


@given(parsers.parse('que la empresa tiene el certificado "{alias}" en un cupo de "{mecanismo}"'))
def certificado_en_cupo_nuevo(escena: Escena, fabrica: Fabrica, alias: str, mecanismo: str) -> None:
    escena.cupo = fabrica.cupo(mecanismo)
    escena.certificados[alias] = fabrica.certificado(
        escena.cupo, escena.requiere_empresa(), Decimal(100))


@given(parsers.re(r'que la empresa agregó el certificado "(?P<alias>[^"]+)" con un monto a favor '
                  r'de (?P<monto>[\d.]+)'))
def ya_agrego(page: Page, escena: Escena, alias: str, monto: str) -> None:
    captura = agregar(page, escena, alias, monto)
    expect(captura.certificados_a_cancelar.filter(
        has_text=escena.certificado(alias).folio)).to_have_count(1)


@given(parsers.parse('que la empresa ya firmó la cancelación de {monto} toneladas del certificado '
                     '"{alias}"'))
@when(parsers.parse('la empresa firma la cancelación de {monto} toneladas del certificado "{alias}"'))
def firma_cancelacion(page: Page, escena: Escena, alias: str, monto: str) -> None:
    firmar_cancelacion(page, escena, alias, monto)


@when(parsers.parse('la empresa abre la pestaña "{pestana}" de la solicitud de cancelación'))
def abre_pestana(page: Page, pestana: str) -> None:
    CapturaDeCancelacion(page).abrir().abrir_pestana(pestana)


@when("la empresa busca cupos sin indicar el mecanismo de asignación")
def busca_sin_mecanismo(page: Page, escena: Escena) -> None:
    cupo = escena.requiere_cupo()
    CapturaDeCancelacion(page).abrir().buscar_cupos(regimen=cupo.regimen, producto=cupo.producto)


@when(parsers.parse('la empresa busca cupos de ese producto por "{mecanismo}"'))
def busca_por_mecanismo(page: Page, escena: Escena, mecanismo: str) -> None:
    cupo = escena.requiere_cupo()
    CapturaDeCancelacion(page).abrir().buscar_cupos(
        regimen=cupo.regimen, mecanismo=mecanismo, producto=cupo.producto)


@when("la empresa selecciona el cupo en la solicitud de cancelación")
def selecciona_cupo(page: Page, escena: Escena) -> None:
    buscar_el_cupo(page, escena).seleccionar_cupo(escena.requiere_cupo().nombre)


@when(parsers.re(r'la empresa agrega el certificado "(?P<alias>[^"]+)" con un monto a favor de '
                 r'"?(?P<monto>[^"]*)"?$'))
def agrega(page: Page, escena: Escena, alias: str, monto: str) -> None:
    agregar(page, escena, alias, monto)


@when(parsers.parse('la empresa quita el certificado "{alias}" de los certificados a cancelar'))
def quita(page: Page, escena: Escena, alias: str) -> None:
    CapturaDeCancelacion(page).eliminar_certificado(escena.certificado(alias).folio)


@when("la empresa intenta pasar a la firma sin certificados a cancelar")
def siguiente_sin_certificados(page: Page) -> None:
    CapturaDeCancelacion(page).abrir().siguiente()


@when("la empresa pasa a la firma")
def pasa_a_firma(page: Page) -> None:
    CapturaDeCancelacion(page).siguiente()


@then("ve sus datos generales y su domicilio fiscal, de sólo lectura")
def datos_solo_lectura(page: Page, escena: Escena) -> None:
    empresa = escena.requiere_empresa()
    captura = CapturaDeCancelacion(page)
    esperados = {
        "RFC": empresa.rfc,
        "Nombre, denominación o razón social": empresa.nombre,
        "Correo electrónico": empresa.correo,
        "Calle": empresa.datos["calle"],
        "Número exterior": empresa.datos["numero_exterior"],
        "Colonia": empresa.datos["colonia"],
        "Código postal": empresa.datos["codigo_postal"],
        "Municipio o alcaldía": empresa.datos["municipio"],
        "Entidad federativa": empresa.datos["entidad_federativa"],
        "País": "México",
    }
    for etiqueta, valor in esperados.items():
        campo = captura.campo(etiqueta)
        expect(campo).to_have_value(valor)
        expect(campo).not_to_be_editable()
    expect(captura.grupo("Datos Generales")).to_be_visible()
    expect(captura.grupo("Domicilio fiscal")).to_be_visible()


@then(parsers.parse('los parámetros marcados como requeridos son "{primero}" y "{segundo}"'))
def requeridos(page: Page, primero: str, segundo: str) -> None:
    captura, campos = CapturaDeCancelacion(page), {e: c for c, e in ETIQUETAS_DE_BUSQUEDA.items()}
    for etiqueta in (primero, segundo):
        assert etiqueta in campos, f"«{etiqueta}» no es uno de los parámetros de búsqueda {sorted(campos)}"
        expect(captura.etiqueta_del_parametro(campos[etiqueta])).to_have_text(f"{etiqueta} *")


@then("los demás parámetros no están marcados como requeridos")
def no_requeridos(page: Page) -> None:
    captura = CapturaDeCancelacion(page)
    for campo in ("tratado", "producto", "subproducto", "representacion_federal"):
        expect(captura.etiqueta_del_parametro(campo)).not_to_contain_text("*")


@then("no se lista ningún cupo")
def sin_cupos(page: Page) -> None:
    expect(CapturaDeCancelacion(page).seccion_cupos_disponibles).to_have_count(0)


@then(parsers.parse('entre los cupos disponibles está el cupo de "{mecanismo}"'))
def cupo_listado(page: Page, escena: Escena, mecanismo: str) -> None:
    cupo = escena.requiere_cupo()
    assert cupo.mecanismo == mecanismo
    expect(CapturaDeCancelacion(page).cupos_disponibles.filter(has_text=cupo.nombre)).to_have_count(1)


@then(parsers.parse('no está el de "{mecanismo}"'))
def cupo_no_listado(page: Page, escena: Escena, mecanismo: str) -> None:
    assert escena.otro_cupo is not None and escena.otro_cupo.mecanismo == mecanismo
    disponibles = CapturaDeCancelacion(page).cupos_disponibles
    expect(disponibles.first).to_be_visible()
    expect(disponibles.filter(has_text=escena.otro_cupo.nombre)).to_have_count(0)


@then("ve el detalle del cupo")
def detalle_del_cupo(page: Page, escena: Escena) -> None:
    cupo = escena.requiere_cupo()
    detalle = CapturaDeCancelacion(page).detalle_del_cupo
    for dato in (cupo.nombre, cupo.regimen, cupo.mecanismo, cupo.tratado, cupo.producto,
                 cupo.subproducto, cupo.representacion_federal):
        expect(detalle).to_contain_text(dato)


@then(parsers.parse('los certificados disponibles son "{alias}" con {monto} toneladas por cancelar'))
def disponibles(page: Page, escena: Escena, alias: str, monto: str) -> None:
    captura = CapturaDeCancelacion(page)
    folio = escena.certificado(alias).folio
    expect(captura.certificados_disponibles).to_have_text([folio])
    expect(captura.por_cancelar(folio)).to_have_text(texto_del_monto(monto))


@then(parsers.parse('los certificados a cancelar son "{alias}" por {monto}'))
def a_cancelar(page: Page, escena: Escena, alias: str, monto: str) -> None:
    filas = CapturaDeCancelacion(page).certificados_a_cancelar
    expect(filas).to_have_count(1)
    folio = escena.certificado(alias).folio
    expect(filas.get_by_role("cell").first).to_have_text(folio)
    expect(CapturaDeCancelacion(page).monto_a_favor(folio)).to_have_text(texto_del_monto(monto))


@then("no hay certificados a cancelar")
def sin_certificados_a_cancelar(page: Page) -> None:
    captura = CapturaDeCancelacion(page)
    expect(captura.seccion_certificados_a_cancelar).to_contain_text(
        "No ha agregado certificados a cancelar.")
    expect(captura.certificados_a_cancelar).to_have_count(0)


@then(parsers.parse('ve el motivo "{motivo}" sin poder cambiarlo'))
def motivo_solo_lectura(page: Page, motivo: str) -> None:
    campo = CapturaDeCancelacion(page).motivo
    expect(campo).to_have_value(motivo)
    expect(campo).not_to_be_editable()
