"""Pasos de la sesión: registro, inicio con e.firma, mensajes y cierre."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.datos import Cupo, Fabrica, Persona
from fixtures.efirma import Defectos
from fixtures.mensajes import Mensajes
from pages import flujos, pantalla
from pages.acceso import Encabezado, PaginaDeAcceso
from pages.tramites import MenuDeTramites
from steps.frases import Frases

# Quién se registra, y lo que la distingue: cómo la prepara la fábrica (con el cupo del escenario, si lo nombra).
Registrar = Callable[[Fabrica, Callable[[], Cupo], dict[str, str]], Persona]
REGISTRADAS: Frases[Registrar] = Frases({
    "empresa": lambda fabrica, cupo, valores: fabrica.solicitante(),
    "persona física": lambda fabrica, cupo, valores: fabrica.persona_fisica(),
    "empresa con un RFC que no es mexicano":
        lambda fabrica, cupo, valores: fabrica.solicitante_con_rfc_extranjero(),
    r'empresa con domicilio fiscal en "(?P<pais>[^"]+)"':
        lambda fabrica, cupo, valores: fabrica.solicitante_domiciliado_en(valores["pais"]),
    r"empresa con una asignación(?: de (?P<monto>\d+) toneladas)? de ese cupo,":
        lambda fabrica, cupo, valores: fabrica.titular_de_una_asignacion(
            cupo(), Decimal(valores["monto"]) if "monto" in valores else None),
    "empresa sin asignación de ese cupo,":
        lambda fabrica, cupo, valores: fabrica.solicitante_sin_asignacion(cupo()),
    "empresa a la que la corrida puede autorizar asignaciones de ese cupo,":
        lambda fabrica, cupo, valores: fabrica.solicitante_de_asignaciones(cupo()),
})


_REGISTRADA = rf"{REGISTRADAS.patron('quien')} registrada en la Ventanilla Única$"


@given(parsers.re(rf"una {_REGISTRADA}"), target_fixture="empresa")
@given(parsers.re(rf"otra {_REGISTRADA}"), target_fixture="otra_empresa")
def registrada(request: pytest.FixtureRequest, fabrica: Fabrica, quien: str) -> Persona:
    """Una empresa que solicita (o una persona física), con lo que el escenario dice de ella: con un RFC
    que no es mexicano, con domicilio fiscal en otro país, con o sin una asignación de ese cupo, o una a la
    que la corrida puede autorizar asignaciones de ese cupo."""
    registrar, valores = REGISTRADAS.elegir(quien)
    return registrar(fabrica, lambda: request.getfixturevalue("cupo"), valores)


@given("que la empresa inició sesión")
def la_empresa_inicio_sesion(page: Page, empresa: Persona) -> None:
    flujos.abrir_sesion(page, empresa)


@when("la empresa inicia sesión con su e.firma")
def la_empresa_inicia_sesion(page: Page, empresa: Persona) -> None:
    flujos.iniciar_sesion(page, empresa)


@when(parsers.parse('la empresa intenta iniciar sesión con una e.firma con el defecto "{defecto}"'))
def inicia_sesion_con_defecto(page: Page, empresa: Persona, defectos: Defectos, defecto: str,
                              fabrica: Fabrica) -> None:
    buena = empresa.efirma
    hechas = {
        "contraseña equivocada": lambda: defectos.contrasena_equivocada(buena),
        "certificado de una autoridad desconocida":
            lambda: defectos.de_autoridad_desconocida(empresa.rfc, empresa.nombre),
        "certificado vencido": lambda: fabrica.efirma_vencida(empresa.rfc, empresa.nombre),
        "clave privada de otra e.firma": lambda: defectos.clave_de_otra(buena),
        ".cer que no es un certificado": lambda: defectos.cer_que_no_es_certificado(buena),
        ".key que no es una clave privada": lambda: defectos.key_que_no_es_clave(buena),
    }
    assert defecto in hechas, f"Defecto no previsto: «{defecto}»; los hay: {sorted(hechas)}"
    PaginaDeAcceso(page).abrir().ingresar(hechas[defecto]())


@when("una persona sin registro en la Ventanilla Única intenta iniciar sesión con su e.firma",
      target_fixture="sin_registro")
def inicia_sesion_sin_registro(page: Page, fabrica: Fabrica) -> Persona:
    persona = fabrica.sin_registro()
    PaginaDeAcceso(page).abrir().ingresar(persona.efirma)
    return persona


@given("que la empresa pidió cerrar la sesión")
@when("la empresa pide cerrar la sesión")
def pide_cerrar(page: Page) -> None:
    Encabezado(page).pedir_cierre_de_sesion()


@when(parsers.re(r"la empresa responde «(?P<respuesta>Si|No)»"))
def responde_al_cierre(page: Page, respuesta: str) -> None:
    if respuesta == "Si":
        Encabezado(page).confirmar_cierre()
    else:
        Encabezado(page).desistir_del_cierre()


@then(parsers.re(r"(?:se le pide confirmar el cierre con las opciones «Si» y «No»|ya no se le pregunta "
                 r"(?P<nada>nada))$"))
def la_confirmacion(page: Page, mensajes: Mensajes, nada: str | None) -> None:
    """La pregunta de cierre, con sus dos opciones; o ya no está."""
    encabezado = Encabezado(page)
    if nada:
        expect(encabezado.confirmacion).to_be_hidden()
        return
    expect(encabezado.confirmacion).to_be_visible()
    expect(encabezado.confirmacion).to_contain_text(mensajes.exigido("pregunta_de_cierre"))
    expect(encabezado.opciones_de_la_confirmacion).to_have_count(2)
    expect(encabezado.opcion_si).to_be_visible()
    expect(encabezado.opcion_no).to_be_visible()



@then("la empresa ve la bienvenida con su nombre")
def ve_bienvenida(page: Page, empresa: Persona, mensajes: Mensajes) -> None:
    expect(pantalla.titulo(page)).to_have_text(mensajes.exigido("bienvenida", nombre=empresa.nombre))
    expect(Encabezado(page).cerrar_sesion).to_be_visible()




@then(parsers.re(r"(?:ve la pantalla de inicio de sesión|la empresa (?P<sesion>no tiene una|sigue con su) sesión "
                 r"abierta)$"))
def en_el_acceso(page: Page, sesion: str | None) -> None:
    """Lo que se ve es el acceso; sin sesión, también al pedir el menú de trámites; con ella, el menú."""
    if sesion is not None:
        MenuDeTramites(page).visitar()
    if sesion == "sigue con su":
        expect(pantalla.titulo(page)).to_have_text("Trámites")
        expect(Encabezado(page).cerrar_sesion).to_be_visible()
        return
    for campo in PaginaDeAcceso(page).campos_de_la_efirma:
        expect(campo).to_be_visible()
    expect(Encabezado(page).cerrar_sesion).to_have_count(0)
