"""Pasos de la captura de la cancelación: cupos, certificados, montos a favor."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.calendario import CENTRO, Calendario
from fixtures.datos import Cupo, Fabrica, Persona
from fixtures.hora_del_portal import anio_del_portal, anotar_lado, hora_mostrada
from fixtures.mensajes import Mensajes
from pages import flujos
from pages.cancelacion import ETIQUETAS_DE_BUSQUEDA, CapturaDeCancelacion
from pages.formato import texto_del_monto
from steps.valores import Certificados

TITULARES = {"la empresa": "empresa", "otra empresa": "otra_empresa"}
CAMPOS_DE_BUSQUEDA = {etiqueta.lower(): campo for campo, etiqueta in ETIQUETAS_DE_BUSQUEDA.items()}
OPCIONALES = ("tratado", "producto", "subproducto", "representacion_federal")


@given(parsers.parse('un cupo de "{mecanismo}"'), target_fixture="cupo")
def un_cupo(fabrica: Fabrica, mecanismo: str) -> Cupo:
    return fabrica.cupo(mecanismo)


@given(parsers.parse('otro cupo del mismo producto por "{mecanismo}"'), target_fixture="otro_cupo")
def otro_cupo_mismo_producto(fabrica: Fabrica, cupo: Cupo, mecanismo: str) -> Cupo:
    return fabrica.cupo(mecanismo, producto=cupo.producto, dictaminador=cupo.dictaminador)


@given(parsers.parse('otro cupo de "{mecanismo}" con otro tratado, producto, subproducto y representación '
                     'federal'), target_fixture="otro_cupo")
def otro_cupo_distinto(fabrica: Fabrica, cupo: Cupo, mecanismo: str) -> Cupo:
    otro = fabrica.cupo(mecanismo, distinto_de=cupo)
    assert all(getattr(otro, campo) != getattr(cupo, campo) for campo in OPCIONALES), (otro, cupo)
    return otro


@given(parsers.parse('que {titular} tiene en ese cupo el certificado "{alias}" por {expedido:d} '
                     'toneladas, {ejercido:d} ya ejercidas'))
def certificado_en_el_cupo(request: pytest.FixtureRequest, fabrica: Fabrica, cupo: Cupo,
                           certificados: Certificados, titular: str, alias: str, expedido: int,
                           ejercido: int) -> None:
    persona = request.getfixturevalue(TITULARES[titular])
    certificados.guardar(alias, fabrica.certificado(cupo, persona, Decimal(expedido), Decimal(ejercido)))


@given(parsers.parse('que {titular} tiene en ese cupo un certificado vigente "{alias}"'))
def certificado_vigente(request: pytest.FixtureRequest, fabrica: Fabrica, cupo: Cupo,
                        certificados: Certificados, titular: str, alias: str) -> None:
    """Con la API, uno de 100 toneladas con 20 ejercidas; en un ambiente aprovisionado, uno de los suyos."""
    persona = request.getfixturevalue(TITULARES[titular])
    certificados.guardar(alias, fabrica.certificado_vigente(cupo, persona))


@given(parsers.parse('que la empresa tiene en el otro cupo un certificado vigente "{alias}"'))
def certificado_en_el_otro_cupo(fabrica: Fabrica, otro_cupo: Cupo, empresa: Persona, certificados: Certificados,
                                alias: str) -> None:
    certificados.guardar(alias, fabrica.certificado_vigente(otro_cupo, empresa))


@given(parsers.parse('que la empresa tiene en ese cupo el certificado "{alias}", ya vencido'))
def certificado_vencido(fabrica: Fabrica, cupo: Cupo, empresa: Persona, certificados: Certificados,
                        alias: str) -> None:
    certificados.guardar(alias, fabrica.certificado_vencido(cupo, empresa))


@given(parsers.parse('que la empresa tiene en ese cupo el certificado "{alias}", ya cancelado'))
def certificado_cancelado(fabrica: Fabrica, cupo: Cupo, empresa: Persona, certificados: Certificados,
                          alias: str) -> None:
    certificados.guardar(alias, fabrica.certificado(cupo, empresa, Decimal(50), estado="cancelado"))


@given(parsers.parse('que la empresa tiene el certificado "{alias}" en un cupo de "{mecanismo}"'),
       target_fixture="cupo")
def certificado_en_cupo_nuevo(fabrica: Fabrica, empresa: Persona, certificados: Certificados,
                              alias: str, mecanismo: str) -> Cupo:
    certificado = fabrica.cupo_con_certificado(mecanismo, empresa)
    certificados.guardar(alias, certificado)
    return certificado.cupo


@given(parsers.parse('que la empresa tiene el certificado "{alias}" por {expedido:d} toneladas, {ejercido:d} ya '
                     'ejercidas, en un cupo de "{mecanismo}"'), target_fixture="cupo")
def certificado_con_montos_en_un_cupo(fabrica: Fabrica, empresa: Persona, certificados: Certificados, alias: str,
                                      expedido: int, ejercido: int, mecanismo: str) -> Cupo:
    """En un ambiente aprovisionado, uno de la corrida: sus cancelaciones se rechazan al terminar."""
    certificado = fabrica.cupo_con_certificado(mecanismo, empresa, Decimal(expedido), Decimal(ejercido))
    certificados.guardar(alias, certificado)
    return certificado.cupo


@given(parsers.re(r'que la empresa tiene el certificado "(?P<alias>[^"]+)", expedido (?P<cuando>en el año del '
                  r'portal|el año anterior al del portal), en un cupo de "(?P<mecanismo>[^"]+)"'),
       target_fixture="cupo")
def certificado_de_un_anio(page: Page, fabrica: Fabrica, empresa: Persona, certificados: Certificados, alias: str,
                           cuando: str, mecanismo: str) -> Cupo:
    flujos.abrir_sesion(page, empresa)  # el año, el de la hora que muestra el portal
    anio = anio_del_portal(page) - (0 if cuando == "en el año del portal" else 1)
    certificado = fabrica.certificado_expedido_en(mecanismo, empresa, anio)
    certificados.guardar(alias, certificado)
    certificados.anio[alias] = anio
    return certificado.cupo


@given(parsers.re(r'que el reloj del portal marca, si se puede fijar, el (?P<minuto>último minuto del año|primer '
                  r'minuto del año siguiente) del certificado "(?P<alias>[^"]+)"'))
def al_fin_del_anio(request: pytest.FixtureRequest, page: Page, fabrica: Fabrica, certificados: Certificados,
                    minuto: str, alias: str) -> None:
    """Con la API, en ese minuto (la frontera exacta); sin ella, a la hora que tenga el portal, que tiene que
    estar del mismo lado del 31 de diciembre del año del certificado, o el escenario no se corre."""
    anio, ultimo = certificados.anio[alias], minuto.startswith("último")
    fabrica.fijar_reloj_si_se_puede(datetime(anio, 12, 31, 23, 59) if ultimo else datetime(anio + 1, 1, 1, 0, 0))
    page.reload()  # la hora que muestra, ya con el reloj como quedó
    hora = hora_mostrada(page)
    desde, hasta = (momento.astimezone(CENTRO) for momento in (hora.desde, hora.hasta))
    vence = Calendario.vigencia(date(anio, 1, 1))
    vigente = hasta.date() <= vence
    if (desde.date() <= vence) != vigente:
        pytest.skip("No se juzga: el portal marcaba justo el fin del año del certificado; repita la corrida.")
    if vigente != ultimo:
        necesita = "el año" if ultimo else "un año posterior al"
        pytest.skip(f"No se corre a esta hora: el portal marca el {desde:%d/%m/%Y %H:%M} (hora del centro) y el "
                    f"escenario necesita {necesita} del certificado ({anio}).")
    lado = "todavía en el" if vigente else "ya después del"
    anotar_lado(request, "EXP-02", f"el {desde:%d/%m/%Y a las %H:%M} (hora del centro), {lado} año de "
                                   f"expedición del certificado ({anio}): vigente hasta el 31/12/{anio}")


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


@then("también está el otro cupo")
def otro_listado(page: Page, otro_cupo: Cupo) -> None:
    expect(CapturaDeCancelacion(page).cupo_disponible(otro_cupo.nombre)).to_have_count(1)


@then("no está el otro cupo")
def otro_no_listado(page: Page, otro_cupo: Cupo) -> None:
    captura = CapturaDeCancelacion(page)
    expect(captura.cupos_disponibles).not_to_have_count(0)
    expect(captura.cupo_disponible(otro_cupo.nombre)).to_have_count(0)


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
