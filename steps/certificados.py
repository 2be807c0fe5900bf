"""Pasos de los cupos y los certificados que la empresa (u otra) ya tiene, para cancelarlos: con sus
montos, vencidos, cancelados o expedidos en un año dado."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from playwright.sync_api import Page
from pytest_bdd import given, parsers

from fixtures.calendario import CENTRO, Calendario
from fixtures.datos import Cupo, Fabrica, Persona
from fixtures.hora_del_portal import anio_del_portal, anotar_lado, hora_mostrada
from pages import flujos
from pages.cancelacion import OPCIONALES
from steps.valores import Certificados

TITULARES = {"la empresa": "empresa", "otra empresa": "otra_empresa"}


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


@given(parsers.re(r'que la empresa tiene en ese cupo el certificado "(?P<alias>[^"]+)", ya '
                  r'(?P<estado>vencido|cancelado)$'))
def certificado_ya_no_vigente(fabrica: Fabrica, cupo: Cupo, empresa: Persona, certificados: Certificados,
                              alias: str, estado: str) -> None:
    certificado = (fabrica.certificado_vencido(cupo, empresa) if estado == "vencido"
                   else fabrica.certificado(cupo, empresa, Decimal(50), estado="cancelado"))
    certificados.guardar(alias, certificado)


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
