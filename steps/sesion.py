"""Pasos de la sesión: registro, inicio con e.firma, mensajes y cierre."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from fixtures.datos import Fabrica, Persona
from fixtures.efirma import Archivos, Defectos
from pages import pantalla
from pages.acceso import AccesoDeFuncionarios, Encabezado, PaginaDeAcceso, mensaje_de_error
from pages.tramites import MenuDeTramites
from steps.escena import Escena


def iniciar_sesion(page: Page, persona: Persona, efirma: Archivos | None = None) -> None:
    efirma = efirma or persona.efirma
    acceso = AccesoDeFuncionarios(page) if persona.perfil != "solicitante" else PaginaDeAcceso(page)
    acceso.abrir().ingresar(efirma.cer, efirma.key, efirma.contrasena)


@given("una empresa registrada en la Ventanilla Única")
def empresa_registrada(escena: Escena, fabrica: Fabrica) -> None:
    escena.empresa = fabrica.solicitante()


@given("otra empresa registrada en la Ventanilla Única")
def otra_empresa_registrada(escena: Escena, fabrica: Fabrica) -> None:
    escena.otra_empresa = fabrica.solicitante()


@given("que la empresa inició sesión")
@when("la empresa inicia sesión con su e.firma")
def la_empresa_inicia_sesion(page: Page, escena: Escena) -> None:
    iniciar_sesion(page, escena.requiere_empresa())


@when(parsers.parse("la empresa intenta iniciar sesión con {defecto}"))
def inicia_sesion_con_defecto(page: Page, escena: Escena, defectos: Defectos, defecto: str,
                              fabrica: Fabrica) -> None:
    empresa = escena.requiere_empresa()
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
    iniciar_sesion(page, empresa, hechas[defecto]())


@when("una persona sin registro en la Ventanilla Única intenta iniciar sesión con su e.firma")
def inicia_sesion_sin_registro(page: Page, fabrica: Fabrica) -> None:
    iniciar_sesion(page, fabrica.sin_registro())


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
def ve_bienvenida(page: Page, escena: Escena) -> None:
    expect(pantalla.titulo(page)).to_have_text(
        f"Bienvenido, {escena.requiere_empresa().nombre}")


@then(parsers.parse('ve el mensaje "{mensaje}"'))
def ve_mensaje(page: Page, mensaje: str) -> None:
    expect(mensaje_de_error(page)).to_contain_text(mensaje)


@then("ve la pantalla de inicio de sesión")
def ve_inicio_de_sesion(page: Page) -> None:
    expect(PaginaDeAcceso(page).titulo).to_have_text("Iniciar sesión")


@then("la empresa no tiene una sesión abierta")
def sin_sesion(page: Page) -> None:
    MenuDeTramites(page).visitar()
    expect(PaginaDeAcceso(page).titulo).to_have_text("Iniciar sesión")


@then("la empresa sigue con su sesión abierta")
def con_sesion(page: Page) -> None:
    MenuDeTramites(page).visitar()
    expect(pantalla.titulo(page)).to_have_text("Trámites")
