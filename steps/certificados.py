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
from steps.valores import Certificados

TITULARES = {"la empresa": "empresa", "otra empresa": "otra_empresa"}





@given(parsers.re(r'que (?P<titular>la empresa|otra empresa) tiene en (?P<cual>ese|el otro) cupo '
                  r'(?:un certificado vigente "(?P<vigente>[^"]+)"|el certificado "(?P<alias>[^"]+)"'
                  r'(?: por (?P<expedido>\d+) toneladas, (?P<ejercido>\d+) ya ejercidas|'
                  r', ya (?P<estado>vencido|cancelado)))$'))
def certificado_en_el_cupo(request: pytest.FixtureRequest, fabrica: Fabrica, certificados: Certificados,
                           titular: str, cual: str, vigente: str | None, alias: str | None, expedido: str | None,
                           ejercido: str | None, estado: str | None) -> None:
    """En el cupo del escenario (o en el otro): uno vigente (con la API, de 100 toneladas con 20 ejercidas;
    en un ambiente aprovisionado, uno de los suyos), uno con sus montos, o uno ya vencido o cancelado."""
    persona = request.getfixturevalue(TITULARES[titular])
    cupo: Cupo = request.getfixturevalue("cupo" if cual == "ese" else "otro_cupo")
    if vigente is not None:
        certificados.guardar(vigente, fabrica.certificado_vigente(cupo, persona))
    elif estado == "vencido":
        certificados.guardar(str(alias), fabrica.certificado_vencido(cupo, persona))
    elif estado == "cancelado":
        certificados.guardar(str(alias), fabrica.certificado(cupo, persona, Decimal(50), estado="cancelado"))
    else:
        certificados.guardar(str(alias), fabrica.certificado(cupo, persona, Decimal(str(expedido)),
                                                             Decimal(str(ejercido))))


@given(parsers.re(r'que la empresa tiene el certificado "(?P<alias>[^"]+)"(?: por (?P<expedido>\d+) toneladas, '
                  r'(?P<ejercido>\d+) ya ejercidas,|, expedido (?P<cuando>en el año del portal|el año anterior al '
                  r'del portal),)? en un cupo de "(?P<mecanismo>[^"]+)"$'), target_fixture="cupo")
def certificado_en_un_cupo_nuevo(page: Page, fabrica: Fabrica, empresa: Persona, certificados: Certificados,
                                 alias: str, expedido: str | None, ejercido: str | None, cuando: str | None,
                                 mecanismo: str) -> Cupo:
    """En un cupo nuevo de ese mecanismo: con sus montos (en un ambiente aprovisionado, uno de la corrida: sus
    cancelaciones se rechazan al terminar), expedido en el año del portal o en el anterior (el de la hora
    que muestra el portal), o uno cualquiera."""
    if cuando is not None:
        flujos.abrir_sesion(page, empresa)
        anio = anio_del_portal(page) - (0 if cuando == "en el año del portal" else 1)
        certificado = fabrica.certificado_expedido_en(mecanismo, empresa, anio)
        certificados.anio[alias] = anio
    elif expedido is not None:
        certificado = fabrica.cupo_con_certificado(mecanismo, empresa, Decimal(expedido), Decimal(str(ejercido)))
    else:
        certificado = fabrica.cupo_con_certificado(mecanismo, empresa)
    certificados.guardar(alias, certificado)
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
