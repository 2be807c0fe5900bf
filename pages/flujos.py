"""Los recorridos de varias pantallas que más de un paso necesita, en un solo lugar.

Los pasos (steps/) los llaman; nunca se llaman unos a otros. Cada recorrido recibe lo que necesita
(una e.firma, los datos del cupo, un folio) y devuelve lo que produce (el folio del trámite, la
página del funcionario), para que el paso lo entregue como fixture.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol
from urllib.parse import urljoin

from playwright.sync_api import BrowserContext, FilePayload, Page, expect

from pages.acceso import (
    ETIQUETA_DE_LA_CONTRASENA,
    ETIQUETA_DE_LA_KEY,
    ETIQUETA_DEL_CER,
    AccesoDeFuncionarios,
    Efirma,
    Encabezado,
    PaginaDeAcceso,
)
from pages.cancelacion import AcuseDeRecepcion, CapturaDeCancelacion, FirmaDeSolicitud
from pages.formularios import formulario_con
from pages.funcionario import BandejaDelFuncionario
from pages.pantalla import avisos
from pages.solicitudes import DetalleDeSolicitud, SolicitudDeAsignacion, SolicitudDeExpedicion

NuevoContexto = Callable[..., BrowserContext]
VENTANILLA_UNICA = "Ventanilla Única"


class Usuario(Protocol):
    @property
    def perfil(self) -> str: ...

    @property
    def efirma(self) -> Efirma: ...


class CupoBuscado(Protocol):
    """Lo que la captura de la cancelación usa de un cupo: sus parámetros de búsqueda y su nombre."""

    @property
    def nombre(self) -> str: ...

    @property
    def regimen(self) -> str: ...

    @property
    def mecanismo(self) -> str: ...

    @property
    def producto(self) -> str: ...


def _acceso(page: Page, usuario: Usuario) -> PaginaDeAcceso:
    return PaginaDeAcceso(page) if usuario.perfil == "solicitante" else AccesoDeFuncionarios(page)


def iniciar_sesion(page: Page, usuario: Usuario) -> None:
    """Entra por la pantalla de acceso que le toca (solicitante o funcionario) y espera la sesión."""
    _acceso(page, usuario).abrir().ingresar(usuario.efirma)
    expect(Encabezado(page).cerrar_sesion).to_be_visible()


def abrir_sesion(page: Page, usuario: Usuario) -> None:
    """Para los escenarios que no tratan del acceso: envía por HTTP, con las cookies del navegador,
    el mismo formulario de acceso (sus campos, hallados por su etiqueta) y abre la pantalla a la que
    lleva. Termina donde termina iniciar_sesion, sin dibujar la pantalla de acceso ni subir los
    archivos por el navegador."""
    respuesta = page.request.get(_acceso(page, usuario).RUTA)
    formulario = formulario_con(respuesta.text(), ETIQUETA_DEL_CER)
    efirma = usuario.efirma
    campos: dict[str, str | float | bool | bytes | FilePayload] = {
        **formulario.ocultos(),
        formulario.nombre_de(ETIQUETA_DEL_CER): _archivo(efirma.cer),
        formulario.nombre_de(ETIQUETA_DE_LA_KEY): _archivo(efirma.key),
        formulario.nombre_de(ETIQUETA_DE_LA_CONTRASENA): efirma.contrasena,
    }
    entrada = page.request.post(urljoin(respuesta.url, formulario.accion), multipart=campos)
    assert entrada.ok and entrada.url != respuesta.url, (
        f"El portal no abrió la sesión ({entrada.status}): {entrada.text()[:500]}")
    page.goto(entrada.url)
    expect(Encabezado(page).cerrar_sesion).to_be_visible()


def _archivo(ruta: Path) -> FilePayload:
    return {"name": ruta.name, "mimeType": "application/octet-stream", "buffer": ruta.read_bytes()}


def buscar_el_cupo(page: Page, cupo: CupoBuscado) -> CapturaDeCancelacion:
    """Abre la captura y busca el cupo por sus parámetros."""
    captura = CapturaDeCancelacion(page).abrir()
    captura.buscar_cupos(regimen=cupo.regimen, mecanismo=cupo.mecanismo, producto=cupo.producto)
    return captura


def agregar(page: Page, cupo: CupoBuscado, folio: str, monto: str) -> CapturaDeCancelacion:
    """Busca el cupo, lo selecciona y agrega el certificado con su monto a favor (CAN-06 a CAN-08)."""
    captura = buscar_el_cupo(page, cupo)
    captura.seleccionar_cupo(cupo.nombre)
    captura.agregar_certificado(folio, monto)
    return captura


def firmar_cancelacion(page: Page, solicitante: Usuario, cupo: CupoBuscado, folio: str,
                       monto: str) -> str:
    """Todo el trámite por el portal, del acceso al acuse; devuelve el folio del trámite."""
    abrir_sesion(page, solicitante)
    agregar(page, cupo, folio, monto).siguiente()
    FirmaDeSolicitud(page).firmar(solicitante.efirma)
    return leer_folio(page)


def leer_folio(page: Page) -> str:
    """El folio de trámite que muestra el acuse o el detalle de la solicitud recién firmada."""
    return AcuseDeRecepcion(page).leer_folio()


def resolver(new_context: NuevoContexto, dictaminador: Usuario, folio: str, autorizar: bool,
             motivo: str = "") -> Page:
    """El dictaminador, en su propio navegador, resuelve la solicitud desde su bandeja."""
    pagina = new_context().new_page()
    abrir_sesion(pagina, dictaminador)
    BandejaDelFuncionario(pagina).abrir().atender(folio).resolver(autorizar, motivo, dictaminador.efirma)
    return pagina


def obtener(page: Page, new_context: NuevoContexto, dictaminador: Usuario) -> tuple[str, str]:
    """Tras presentar una solicitud en `page`, el dictaminador la autoriza; devuelve el folio de la
    solicitud y el del documento que resultó (la constancia o el certificado)."""
    detalle = DetalleDeSolicitud(page)
    folio = leer_folio(page)
    funcionario = resolver(new_context, dictaminador, folio, autorizar=True)
    expect(avisos(funcionario).filter(has_text=folio).first).to_be_visible()
    detalle.abrir(folio)
    return folio, detalle.leer_documento()


def solicitar_asignacion(page: Page, solicitante: Usuario, cupo: str, monto: str,
                         lugar: str = VENTANILLA_UNICA, pedimentos: str = "",
                         copias: list[Path] | None = None) -> None:
    """Captura y firma la solicitud de asignación (con la copia de cada pedimento); termina en la solicitud
    registrada o el rechazo."""
    SolicitudDeAsignacion(page).abrir().presentar(cupo, lugar, monto, pedimentos, solicitante.efirma, copias)


def solicitar_certificado(page: Page, solicitante: Usuario, asignacion: str, monto: str, factura: str,
                          copia_factura: Path | None, copia_transporte: Path | None,
                          numero_de_factura: str, transporte: str = "Carta de porte",
                          lugar: str = VENTANILLA_UNICA) -> None:
    """Captura y firma la solicitud de expedición de certificado con sus copias adjuntas."""
    SolicitudDeExpedicion(page).abrir().presentar(
        asignacion, lugar, monto, numero_de_factura, factura, transporte, copia_factura,
        copia_transporte, solicitante.efirma)
