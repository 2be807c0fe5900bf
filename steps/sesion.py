"""Pasos de la sesión: registro, inicio con e.firma, mensajes y cierre."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.datos import Fabrica, Persona
from fixtures.efirma import Defectos
from fixtures.mensajes import Mensajes
from pages import flujos, pantalla
from pages.acceso import Encabezado, PaginaDeAcceso
from pages.tramites import MenuDeTramites


@given("una empresa registrada en la Ventanilla Única", target_fixture="empresa")
@given("otra empresa registrada en la Ventanilla Única", target_fixture="otra_empresa")
def registrada(fabrica: Fabrica) -> Persona:
    return fabrica.solicitante()


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


@then("se le pide confirmar el cierre con las opciones «Si» y «No»")
def se_le_pregunta(page: Page, mensajes: Mensajes) -> None:
    confirmacion = Encabezado(page).confirmacion
    expect(confirmacion).to_be_visible()
    expect(confirmacion).to_contain_text(mensajes.exigido("pregunta_de_cierre"))
    encabezado = Encabezado(page)
    expect(encabezado.opciones_de_la_confirmacion).to_have_count(2)
    expect(encabezado.opcion_si).to_be_visible()
    expect(encabezado.opcion_no).to_be_visible()


@then("ya no se le pregunta nada")
def sin_pregunta(page: Page) -> None:
    expect(Encabezado(page).confirmacion).to_be_hidden()


@then("la empresa ve la bienvenida con su nombre")
def ve_bienvenida(page: Page, empresa: Persona, mensajes: Mensajes) -> None:
    expect(pantalla.titulo(page)).to_have_text(mensajes.exigido("bienvenida", nombre=empresa.nombre))
    expect(Encabezado(page).cerrar_sesion).to_be_visible()


@then("se le avisa que su RFC no está registrado")
def ve_sin_registro(page: Page, mensajes: Mensajes, sin_registro: Persona) -> None:
    expect(mensajes.en(page, "usuario_sin_registro", rfc=sin_registro.rfc)).to_be_visible()


def _en_el_acceso(page: Page) -> None:
    for campo in PaginaDeAcceso(page).campos_de_la_efirma:
        expect(campo).to_be_visible()
    expect(Encabezado(page).cerrar_sesion).to_have_count(0)


@then(parsers.re(r"(?P<cual>ve la pantalla de inicio de sesión|la empresa no tiene una sesión abierta)$"))
def en_el_acceso(page: Page, cual: str) -> None:
    """Lo que se ve es el acceso; sin sesión, también al pedir el menú de trámites."""
    if cual.endswith("sesión abierta"):
        MenuDeTramites(page).visitar()
    _en_el_acceso(page)


@then("la empresa sigue con su sesión abierta")
def con_sesion(page: Page) -> None:
    MenuDeTramites(page).visitar()
    expect(pantalla.titulo(page)).to_have_text("Trámites")
    expect(Encabezado(page).cerrar_sesion).to_be_visible()
