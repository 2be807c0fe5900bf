"""Pasos de la captura de la cancelación: la búsqueda de cupos, los certificados a cancelar y sus montos
a favor, y la firma (los cupos y certificados que la empresa tiene: steps/certificados.py)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.datos import Cupo, Fabrica, Persona
from fixtures.mensajes import Mensajes
from pages import flujos
from pages.cancelacion import ETIQUETAS_DE_BUSQUEDA, OPCIONALES, CapturaDeCancelacion
from pages.formato import texto_del_monto
from steps.valores import Certificados

CAMPOS_DE_BUSQUEDA = {etiqueta.lower(): campo for campo, etiqueta in ETIQUETAS_DE_BUSQUEDA.items()}


@given(parsers.re(r'que la empresa agregó el certificado "(?P<alias>[^"]+)" con un monto a favor '
                  r'de (?P<monto>[\d.]+)'))
def ya_agrego(page: Page, fabrica: Fabrica, cupo: Cupo, certificados: Certificados, alias: str,
              monto: str) -> None:
    folio = certificados[alias].folio
    captura = flujos.agregar(page, cupo, folio, monto)
    expect(captura.a_cancelar(folio)).to_have_count(1)
    fabrica.agregado(certificados[alias], Decimal(monto))


@given(parsers.parse('que la empresa ya firmó la cancelación de {monto} toneladas del certificado '
                     '"{alias}"'), target_fixture="folio")
@when(parsers.parse('la empresa firma la cancelación de {monto} toneladas del certificado "{alias}"'),
      target_fixture="folio")
def firma_cancelacion(page: Page, fabrica: Fabrica, empresa: Persona, cupo: Cupo, certificados: Certificados,
                      alias: str, monto: str) -> str:
    fabrica.agregado(certificados[alias], Decimal(monto))
    return fabrica.firmar_cancelacion(
        lambda: flujos.firmar_cancelacion(page, empresa, cupo, certificados[alias].folio, monto))


@when(parsers.parse('la empresa abre la pestaña "{pestana}" de la solicitud de cancelación'))
def abre_pestana(page: Page, pestana: str) -> None:
    CapturaDeCancelacion(page).abrir().abrir_pestana(pestana)


@when(parsers.parse('la empresa busca cupos sin indicar "{requerido}"'))
def busca_sin_requerido(page: Page, cupo: Cupo, requerido: str) -> None:
    requeridos = {"regimen": cupo.regimen, "mecanismo": cupo.mecanismo}
    del requeridos[CAMPOS_DE_BUSQUEDA[requerido.lower()]]
    CapturaDeCancelacion(page).abrir().buscar_cupos(**requeridos)


@when(parsers.parse('la empresa busca cupos por "{mecanismo}" sin parámetros opcionales'))
def busca_sin_opcionales(page: Page, cupo: Cupo, mecanismo: str) -> None:
    CapturaDeCancelacion(page).abrir().buscar_cupos(regimen=cupo.regimen, mecanismo=mecanismo)


@when(parsers.parse('la empresa busca cupos por "{mecanismo}" con el "{parametro}" del cupo'))
def busca_con_opcional(page: Page, cupo: Cupo, mecanismo: str, parametro: str) -> None:
    campo = CAMPOS_DE_BUSQUEDA[parametro.lower()]
    assert campo in OPCIONALES, f"«{parametro}» no es un parámetro opcional"
    CapturaDeCancelacion(page).abrir().buscar_cupos(
        regimen=cupo.regimen, mecanismo=mecanismo, **{campo: getattr(cupo, campo)})


@when("la empresa selecciona el cupo en la solicitud de cancelación")
def selecciona_cupo(page: Page, cupo: Cupo) -> None:
    flujos.buscar_el_cupo(page, cupo).seleccionar_cupo(cupo.nombre)


@when(parsers.re(r'la empresa agrega el certificado "(?P<alias>[^"]+)" con un monto a favor de '
                 r'"?(?P<monto>[^"]*)"?$'))
def agrega(page: Page, cupo: Cupo, certificados: Certificados, alias: str, monto: str) -> None:
    flujos.agregar(page, cupo, certificados[alias].folio, monto)


@given(parsers.parse('que la empresa quitó el certificado "{alias}" de los certificados a cancelar'))
@when(parsers.parse('la empresa quita el certificado "{alias}" de los certificados a cancelar'))
def quita(page: Page, fabrica: Fabrica, certificados: Certificados, alias: str) -> None:
    CapturaDeCancelacion(page).eliminar_certificado(certificados[alias].folio)
    fabrica.quitado(certificados[alias])


@when("la empresa intenta pasar a la firma")
@when("la empresa pasa a la firma")
def pasa_a_firma(page: Page) -> None:
    CapturaDeCancelacion(page).abrir().siguiente()


@then("ve sus datos generales y su domicilio fiscal, de sólo lectura")
def datos_solo_lectura(page: Page, empresa: Persona) -> None:
    if not empresa.datos:
        pytest.skip("No se corre: el perfil no dice los datos de la empresa que la pestaña debe mostrar "
                    "([actores.datos]: curp, telefono, calle, numero_exterior, colonia, codigo_postal, "
                    "municipio, entidad_federativa).")
    captura = CapturaDeCancelacion(page)
    esperados = {
        "Datos Generales": {
            "RFC": empresa.rfc,
            "Nombre, denominación o razón social": empresa.nombre,
            "CURP": empresa.datos["curp"],
            "Correo electrónico": empresa.correo,
            "Teléfono": empresa.datos["telefono"],
        },
        "Domicilio fiscal": {
            "Calle": empresa.datos["calle"],
            "Número exterior": empresa.datos["numero_exterior"],
            "Colonia": empresa.datos["colonia"],
            "Código postal": empresa.datos["codigo_postal"],
            "Municipio o alcaldía": empresa.datos["municipio"],
            "Entidad federativa": empresa.datos["entidad_federativa"],
            "País": "México",
        },
    }
    for grupo, campos in esperados.items():
        expect(captura.grupo(grupo)).to_be_visible()
        for etiqueta, valor in campos.items():
            campo = captura.campo(grupo, etiqueta)
            expect(campo).to_have_value(valor)
            expect(campo).not_to_be_editable()


@then(parsers.parse('los parámetros marcados como requeridos son "{primero}" y "{segundo}"'))
def requeridos(page: Page, primero: str, segundo: str) -> None:
    captura = CapturaDeCancelacion(page)
    for etiqueta in (primero, segundo):
        assert etiqueta.lower() in CAMPOS_DE_BUSQUEDA, f"«{etiqueta}» no es un parámetro de búsqueda"
        campo = CAMPOS_DE_BUSQUEDA[etiqueta.lower()]
        expect(captura.parametro(campo)).to_have_accessible_name(captura.marcado_como_requerido(campo))


@then("los demás parámetros no están marcados como requeridos")
def no_requeridos(page: Page) -> None:
    captura = CapturaDeCancelacion(page)
    for campo in OPCIONALES:
        expect(captura.parametro(campo)).to_be_visible()
        expect(captura.parametro(campo)).not_to_have_accessible_name(captura.marcado_como_requerido(campo))


@then(parsers.parse('se le avisa que falta el parámetro requerido "{requerido}"'))
def falta_requerido(page: Page, mensajes: Mensajes, requerido: str) -> None:
    expect(mensajes.en(page, "parametro_requerido", parametro=requerido)).to_be_visible()


@then("no se lista ningún cupo")
def sin_cupos(page: Page) -> None:
    expect(CapturaDeCancelacion(page).cupos_disponibles).to_have_count(0)


@then(parsers.parse('entre los cupos disponibles está el cupo de "{mecanismo}"'))
def cupo_listado(page: Page, cupo: Cupo, mecanismo: str) -> None:
    assert cupo.mecanismo == mecanismo
    expect(CapturaDeCancelacion(page).cupo_disponible(cupo.nombre)).to_have_count(1)


@then(parsers.re(r"(?P<esta>también está|no está) el otro cupo$"))
def otro_listado(page: Page, otro_cupo: Cupo, esta: str) -> None:
    """Está, o no está entre los que sí se listan."""
    captura = CapturaDeCancelacion(page)
    expect(captura.cupos_disponibles).not_to_have_count(0)
    expect(captura.cupo_disponible(otro_cupo.nombre)).to_have_count(1 if esta == "también está" else 0)


@then("ve el detalle del cupo")
def detalle_del_cupo(page: Page, cupo: Cupo) -> None:
    detalle = CapturaDeCancelacion(page).detalle_del_cupo
    for dato in (cupo.nombre, cupo.regimen, cupo.mecanismo, cupo.tratado, cupo.producto,
                 cupo.subproducto, cupo.representacion_federal):
        expect(detalle).to_contain_text(dato)


@then(parsers.parse('los certificados disponibles son "{alias}" con {monto} toneladas por cancelar'))
def disponibles(page: Page, certificados: Certificados, alias: str, monto: str) -> None:
    captura = CapturaDeCancelacion(page)
    folio = certificados[alias].folio
    expect(captura.certificado_disponible(folio)).to_have_count(1)
    expect(captura.certificados_disponibles).to_have_count(1)
    expect(captura.por_cancelar(folio)).to_have_text(texto_del_monto(monto))


@then(parsers.parse('entre los certificados disponibles está "{alias}"'))
def disponible(page: Page, certificados: Certificados, alias: str) -> None:
    expect(CapturaDeCancelacion(page).certificado_disponible(certificados[alias].folio)).to_have_count(1)


@then(parsers.parse('no está el certificado "{alias}"'))
def no_disponible(page: Page, certificados: Certificados, alias: str) -> None:
    captura = CapturaDeCancelacion(page)
    expect(captura.detalle_del_cupo).to_be_visible()  # la lista de sus certificados ya está en la pantalla
    expect(captura.certificado_disponible(certificados[alias].folio)).to_have_count(0)


@then(parsers.parse('el certificado "{alias}" tiene {monto} toneladas por cancelar'))
def tiene_por_cancelar(page: Page, empresa: Persona, cupo: Cupo, certificados: Certificados, alias: str,
                       monto: str) -> None:
    flujos.abrir_sesion(page, empresa)
    captura = flujos.buscar_el_cupo(page, cupo)
    captura.seleccionar_cupo(cupo.nombre)
    expect(captura.por_cancelar(certificados[alias].folio)).to_have_text(texto_del_monto(monto))


@then(parsers.parse('el certificado "{alias}" ya no está entre los certificados disponibles del cupo'))
def ya_no_disponible(page: Page, empresa: Persona, cupo: Cupo, certificados: Certificados, alias: str) -> None:
    flujos.abrir_sesion(page, empresa)
    captura = flujos.buscar_el_cupo(page, cupo)
    captura.seleccionar_cupo(cupo.nombre)
    expect(captura.detalle_del_cupo).to_contain_text(cupo.nombre)
    expect(captura.certificado_disponible(certificados[alias].folio)).to_have_count(0)


@then(parsers.parse('los certificados a cancelar son "{alias}" por {monto}'))
def a_cancelar(page: Page, certificados: Certificados, alias: str, monto: str) -> None:
    captura, folio = CapturaDeCancelacion(page), certificados[alias].folio
    expect(captura.a_cancelar(folio)).to_have_count(1)
    expect(captura.certificados_a_cancelar).to_have_count(1)
    expect(captura.monto_a_favor(folio)).to_have_text(texto_del_monto(monto))


@then("no hay certificados a cancelar")
def sin_certificados_a_cancelar(page: Page, mensajes: Mensajes) -> None:
    captura = CapturaDeCancelacion(page)
    ninguno = mensajes.si_lo_dice(page, "sin_certificados_a_cancelar")
    if ninguno is not None:
        expect(ninguno).to_be_visible()
    expect(captura.motivo).to_be_visible()  # la sección de la captura está en la pantalla
    expect(captura.certificados_a_cancelar).to_have_count(0)


@then("ve el motivo de cancelación, a petición del interesado, sin poder cambiarlo")
def motivo_solo_lectura(page: Page) -> None:
    campo = CapturaDeCancelacion(page).motivo
    expect(campo).to_have_value(re.compile(r"a petición del interesado", re.IGNORECASE))
    expect(campo).not_to_be_editable()


@then(parsers.parse('se le avisa que el certificado "{alias}" ya está en los certificados a cancelar'))
def ya_agregado(page: Page, mensajes: Mensajes, certificados: Certificados, alias: str) -> None:
    expect(mensajes.en(page, "certificado_ya_agregado", folio=certificados[alias].folio)).to_be_visible()


@then(parsers.parse("se le avisa que el monto a favor de {monto} excede el saldo por cancelar de {saldo}"))
def excede_el_saldo(page: Page, mensajes: Mensajes, monto: str, saldo: str) -> None:
    expect(mensajes.en(page, "monto_excede_saldo", monto=Decimal(monto), saldo=Decimal(saldo))).to_be_visible()
