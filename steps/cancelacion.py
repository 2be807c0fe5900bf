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


@when(parsers.re(r'la empresa busca cupos (?:sin indicar "(?P<sin>[^"]+)"|por "(?P<mecanismo>[^"]+)" '
                 r'(?:sin parámetros opcionales|con el "(?P<parametro>[^"]+)" del cupo))$'))
def busca_cupos(page: Page, cupo: Cupo, sin: str | None, mecanismo: str | None, parametro: str | None) -> None:
    """Con los dos requeridos del cupo (régimen y mecanismo) salvo el que falta, o por un mecanismo, sin
    opcionales o con uno del cupo."""
    parametros = {"regimen": cupo.regimen, "mecanismo": mecanismo or cupo.mecanismo}
    if sin is not None:
        del parametros[CAMPOS_DE_BUSQUEDA[sin.lower()]]
    if parametro is not None:
        campo = CAMPOS_DE_BUSQUEDA[parametro.lower()]
        assert campo in OPCIONALES, f"«{parametro}» no es un parámetro opcional"
        parametros[campo] = getattr(cupo, campo)
    CapturaDeCancelacion(page).abrir().buscar_cupos(**parametros)




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


@then(parsers.re(r'(?:los parámetros marcados como requeridos son "(?P<primero>[^"]+)" y "(?P<segundo>[^"]+)"|los '
                 r'demás parámetros no están marcados como requeridos)$'))
def marcados_como_requeridos(page: Page, primero: str | None, segundo: str | None) -> None:
    """Los dos que se nombran, marcados como requeridos (en su nombre accesible); o los opcionales, visibles
    y sin esa marca."""
    captura = CapturaDeCancelacion(page)
    if primero is None or segundo is None:
        for campo in OPCIONALES:
            expect(captura.parametro(campo)).to_be_visible()
            expect(captura.parametro(campo)).not_to_have_accessible_name(captura.marcado_como_requerido(campo))
        return
    for etiqueta in (primero, segundo):
        assert etiqueta.lower() in CAMPOS_DE_BUSQUEDA, f"«{etiqueta}» no es un parámetro de búsqueda"
        campo = CAMPOS_DE_BUSQUEDA[etiqueta.lower()]
        expect(captura.parametro(campo)).to_have_accessible_name(captura.marcado_como_requerido(campo))




@then(parsers.re(r'(?:(?P<ninguno>no se lista ningún cupo)|entre los cupos disponibles está el cupo de '
                 r'"(?P<mecanismo>[^"]+)"|(?P<otro>también está|no está) el otro cupo)$'))
def cupos_listados(request: pytest.FixtureRequest, page: Page, ninguno: str | None, mecanismo: str | None,
                   otro: str | None) -> None:
    """Ninguno; el del escenario, de ese mecanismo; o el otro cupo, que está o no entre los que sí se listan."""
    captura = CapturaDeCancelacion(page)
    if ninguno is not None:
        expect(captura.cupos_disponibles).to_have_count(0)
    elif mecanismo is not None:
        cupo: Cupo = request.getfixturevalue("cupo")
        assert cupo.mecanismo == mecanismo
        expect(captura.cupo_disponible(cupo.nombre)).to_have_count(1)
    else:
        otro_cupo: Cupo = request.getfixturevalue("otro_cupo")
        expect(captura.cupos_disponibles).not_to_have_count(0)
        expect(captura.cupo_disponible(otro_cupo.nombre)).to_have_count(1 if otro == "también está" else 0)




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


@then(parsers.re(r'(?:entre los certificados disponibles (?P<esta>está)|no está el certificado) '
                 r'"(?P<alias>[^"]+)"$'))
def disponible(page: Page, certificados: Certificados, esta: str | None, alias: str) -> None:
    captura = CapturaDeCancelacion(page)
    expect(captura.detalle_del_cupo).to_be_visible()  # la lista de sus certificados ya está en la pantalla
    expect(captura.certificado_disponible(certificados[alias].folio)).to_have_count(1 if esta else 0)



@then(parsers.re(r'el certificado "(?P<alias>[^"]+)" (?:tiene (?P<monto>[\d.]+) toneladas por cancelar|ya no está '
                 r'entre los certificados disponibles del cupo)$'))
def por_cancelar_en_el_cupo(page: Page, empresa: Persona, cupo: Cupo, certificados: Certificados, alias: str,
                            monto: str | None) -> None:
    """Vuelto a buscar: en la lista de los certificados disponibles del cupo, con ese saldo, o ya no."""
    flujos.abrir_sesion(page, empresa)
    captura = flujos.buscar_el_cupo(page, cupo)
    captura.seleccionar_cupo(cupo.nombre)
    folio = certificados[alias].folio
    if monto is not None:
        expect(captura.por_cancelar(folio)).to_have_text(texto_del_monto(monto))
    else:
        expect(captura.detalle_del_cupo).to_contain_text(cupo.nombre)
        expect(captura.certificado_disponible(folio)).to_have_count(0)



@then(parsers.re(r'(?:los certificados a cancelar son "(?P<alias>[^"]+)" por (?P<monto>\S+)|'
                 r'no hay certificados a cancelar)$'))
def a_cancelar(page: Page, mensajes: Mensajes, certificados: Certificados, alias: str | None,
               monto: str | None) -> None:
    """Sólo ése, con su monto a favor; o ninguno (con el aviso de la lista vacía, si el catálogo lo dice)."""
    captura = CapturaDeCancelacion(page)
    if alias is None:
        if (ninguno := mensajes.si_lo_dice(page, "sin_certificados_a_cancelar")) is not None:
            expect(ninguno).to_be_visible()
        expect(captura.motivo).to_be_visible()  # la sección de la captura está en la pantalla
        expect(captura.certificados_a_cancelar).to_have_count(0)
        return
    folio = certificados[alias].folio
    expect(captura.a_cancelar(folio)).to_have_count(1)
    expect(captura.certificados_a_cancelar).to_have_count(1)
    expect(captura.monto_a_favor(folio)).to_have_text(texto_del_monto(str(monto)))



@then("ve el motivo de cancelación, a petición del interesado, sin poder cambiarlo")
def motivo_solo_lectura(page: Page) -> None:
    campo = CapturaDeCancelacion(page).motivo
    expect(campo).to_have_value(re.compile(r"a petición del interesado", re.IGNORECASE))
    expect(campo).not_to_be_editable()

