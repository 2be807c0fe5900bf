"""Pasos de la sesión: registro, inicio con e.firma, mensajes y cierre."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.datos import Fabrica, Persona
from fixtures.efirma import Defectos
from pages import flujos, pantalla
from pages.acceso import Encabezado, PaginaDeAcceso
from pages.tramites import MenuDeTramites


@given("una empresa registrada en la Ventanilla Única", target_fixture="empresa")
def empresa_registrada(fabrica: Fabrica) -> Persona:
    return fabrica.solicitante()


@given("otra empresa registrada en la Ventanilla Única", target_fixture="otra_empresa")
def otra_empresa_registrada(fabrica: Fabrica) -> Persona:
    return fabrica.solicitante()


@given("que la empresa inició sesión")
def la_empresa_inicio_sesion(page: Page, empresa: Persona) -> None:
    flujos.abrir_sesion(page, empresa)


@when("la empresa inicia sesión con su e.firma")
def la_empresa_inicia_sesion(page: Page, empresa: Persona) -> None:
    flujos.iniciar_sesion(page, empresa)


@when(parsers.parse("la empresa intenta iniciar sesión con {defecto}"))
def inicia_sesion_con_defecto(page: Page, empresa: Persona, defectos: Defectos, defecto: str,
                              fabrica: Fabrica) -> None:
    buena = empresa.efirma
    hechas = {
        "una contraseña equivocada": lambda: defectos.contrasena_equivocada(buena),
        "un certificado de una autoridad desconocida":
            lambda: defectos.de_autoridad_desconocida(empresa.rfc, empresa.nombre),
        "un certificado vencido": lambda: defectos.vencida(empresa.rfc, empresa.nombre),
        "la clave privada de otra e.firma":
            lambda: defectos.clave_de_otra(buena, fabrica.sin_registro().rfc, "Otra persona"),
        "un archivo .cer que no es un certificado": lambda: defectos.cer_que_no_es_certificado(buena),
        "un archivo .key que no es una clave privada": lambda: defectos.key_que_no_es_clave(buena),
    }
    PaginaDeAcceso(page).abrir().ingresar(hechas[defecto]())


@when("una persona sin registro en la Ventanilla Única intenta iniciar sesión con su e.firma")
def inicia_sesion_sin_registro(page: Page, fabrica: Fabrica) -> None:
    PaginaDeAcceso(page).abrir().ingresar(fabrica.sin_registro().efirma)


@when("la empresa cierra la sesión y lo confirma con «Sí»")
def cierra_sesion(page: Page) -> None:
    encabezado = Encabezado(page)
    encabezado.pedir_cierre_de_sesion()
    expect(encabezado.confirmacion).to_contain_text("¿Está seguro de que desea cerrar la sesión?")
    encabezado.confirmar_cierre()


@when("la empresa pide cerrar la sesión y responde «No»")
def desiste_de_cerrar(page: Page) -> None:
    encabezado = Encabezado(page)
    encabezado.pedir_cierre_de_sesion()
    expect(encabezado.confirmacion).to_be_visible()
    encabezado.desistir_del_cierre()
    expect(encabezado.confirmacion).to_be_hidden()


@then("la empresa ve la bienvenida con su nombre")
def ve_bienvenida(page: Page, empresa: Persona) -> None:
    expect(pantalla.titulo(page)).to_have_text(f"Bienvenido, {empresa.nombre}")


@then(parsers.parse('ve el mensaje "{mensaje}"'))
def ve_mensaje(page: Page, mensaje: str) -> None:
    expect(pantalla.mensaje_de_error(page)).to_contain_text(mensaje)


@then("ve la pantalla de inicio de sesión")
def ve_inicio_de_sesion(page: Page) -> None:
    expect(PaginaDeAcceso(page).titulo).to_have_text("Iniciar sesión")


@then("la empresa no tiene una sesión abierta")
def sin_sesion(page: Page) -> None:
    MenuDeTramites(page).visitar()
    expect(PaginaDeAcceso(page).titulo).to_have_text("Iniciar sesión")
    expect(Encabezado(page).cerrar_sesion).to_have_count(0)


@then("la empresa sigue con su sesión abierta")
def con_sesion(page: Page) -> None:
    MenuDeTramites(page).visitar()
    expect(pantalla.titulo(page)).to_have_text("Trámites")
    expect(Encabezado(page).cerrar_sesion).to_be_visible()
