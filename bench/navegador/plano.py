"""python -m bench.navegador.plano: el camino del escenario del banco, en Playwright a secas.

Los datos se preparan como en el arnés (la FabricaPorApi de fixtures.datos, por la API de pruebas: es el
mismo trabajo en los dos lados). Lo demás, sin pasos ni objetos de página: abre la sesión con la
e.firma como lo hace hoy el paso del arnés (el formulario de acceso por HTTP; --acceso pantalla lo
llena en la pantalla), busca el cupo, lo selecciona, agrega el certificado, firma, lee el folio,
descarga el acuse y busca en él folio, fecha y hora (pypdf), y espera el aviso en su buzón SMTP. Un
navegador por proceso; un contexto nuevo en cada vuelta.

  --portal-url URL --buzon HOST:PUERTO   una vuelta cada vez que el orquestador da la salida
  --iteraciones K                        K vueltas seguidas, con su propio portal y su buzón
"""

from __future__ import annotations

import argparse
import io
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from faker import Faker
from playwright.sync_api import Browser, FilePayload, Page, expect, sync_playwright
from pypdf import PdfReader

from bench.navegador.canal import Canal
from fixtures.api import VARIABLE_TOKEN, ApiPruebas
from fixtures.correo import BuzonSmtp
from fixtures.datos import Cupo, Persona
from fixtures.efirma import Archivos
from fixtures.fabrica_api import FabricaPorApi
from fixtures.navegador_remoto import chromium_del_sistema
from fixtures.portal import PortalBajoPrueba, arrancar_portal_de_referencia
from sat_pruebas import AutoridadCertificadora

MOMENTO = datetime(2026, 3, 10, 12, 30, 15)
FECHA, HORA = "10/03/2026", "12:30:15"
ASUNTO = "Aviso de Certificados de Exportación por Solicitud pendientes por Cancelar"
PLAZO_MS = 10_000


@dataclass(frozen=True)
class Banco:
    """Lo que dura todo el proceso: el navegador, el portal, el buzón y la AC de prueba."""

    navegador: Browser
    portal: PortalBajoPrueba
    buzon: BuzonSmtp
    autoridad: AutoridadCertificadora
    carpeta: Path


def capturar_efirma(page: Page, efirma: Archivos) -> None:
    page.get_by_label("Certificado (.cer)").set_input_files(efirma.cer)
    page.get_by_label("Clave privada (.key)").set_input_files(efirma.key)
    page.get_by_label("Contraseña de la clave privada").fill(efirma.contrasena)


def entrar_por_la_pantalla(page: Page, efirma: Archivos) -> None:
    page.goto("/ingresar")
    capturar_efirma(page, efirma)
    page.get_by_role("button", name="Ingresar").click()
    expect(page.get_by_role("button", name="Cerrar la sesión")).to_be_visible()


def entrar_por_http(page: Page, efirma: Archivos) -> None:
    """Como el paso del arnés (pages/flujos.abrir_sesion): el formulario de acceso enviado por HTTP con
    las cookies del contexto, y luego la pantalla a la que lleva."""
    ficha = re.search(r'name="csrf_token" value="([^"]+)"', page.request.get("/ingresar").text())
    assert ficha, "la pantalla de acceso no trae la ficha CSRF"
    archivos = {campo: FilePayload(name=ruta.name, mimeType="application/octet-stream", buffer=ruta.read_bytes())
                for campo, ruta in (("certificado", efirma.cer), ("clave_privada", efirma.key))}
    entrada = page.request.post("/ingresar", multipart={"csrf_token": ficha.group(1), **archivos,
                                                        "contrasena": efirma.contrasena})
    page.goto(entrada.url)
    expect(page.get_by_role("button", name="Cerrar la sesión")).to_be_visible()


ACCESOS = {"http": entrar_por_http, "pantalla": entrar_por_la_pantalla}


def cancelar(page: Page, empresa: Persona, cupo: Cupo, certificado: str, monto: str, acceso: str) -> str:
    """Del acceso al acuse; devuelve el folio del trámite."""
    efirma = empresa.efirma
    ACCESOS[acceso](page, efirma)
    page.goto("/cancelacion")
    page.get_by_role("tab", name="Cancelación de Certificados de Cupo").click()
    page.get_by_label("Régimen Aduanero").select_option(label=cupo.regimen)
    page.get_by_label("Mecanismo de Asignación").select_option(label=cupo.mecanismo)
    page.get_by_label("Producto", exact=True).select_option(label=cupo.producto)
    page.get_by_role("button", name="Buscar").click()
    page.get_by_role("link", name=f"Seleccionar el cupo {cupo.nombre}").click()
    page.get_by_role("link", name=f"Seleccionar el certificado {certificado}").click()
    page.get_by_label("Monto a favor", exact=True).fill(monto)
    page.get_by_role("button", name="Agregar").click()
    page.get_by_role("button", name="Siguiente").click()
    capturar_efirma(page, efirma)
    page.get_by_role("button", name="Firmar").click()
    folio = page.get_by_test_id("folio")
    expect(folio).to_have_text(re.compile(r"^\d{25}$"))
    return folio.inner_text()


def descargar_acuse(page: Page) -> bytes:
    with page.expect_download() as descarga:
        page.get_by_role("link", name="Acuse de recepción de trámite").click()
    return Path(descarga.value.path()).read_bytes()


def revisar_acuse(pdf: bytes, folio: str) -> None:
    texto = "\n".join(pagina.extract_text() or "" for pagina in PdfReader(io.BytesIO(pdf)).pages)
    for esperado in (f"Número de folio de trámite: {folio}", f"Fecha de recepción: {FECHA}",
                     f"Hora de recepción: {HORA}"):
        assert esperado in texto, f"El acuse no dice «{esperado}»:\n{texto}"


def vuelta(banco: Banco, numero: int, semilla: str, acceso: str) -> None:
    """Una cancelación completa, con datos nuevos; deja el reloj del portal como lo encontró."""
    fake = Faker("es_MX")
    fake.seed_instance(f"{semilla}:plano:{numero}")
    fabrica = FabricaPorApi(banco.portal, fake, banco.autoridad, banco.carpeta / f"vuelta-{numero}")
    banco.portal.api.fijar_reloj(MOMENTO)
    try:
        empresa = fabrica.solicitante()
        cupo = fabrica.cupo("Primero en Tiempo, Primero en Derecho")
        certificado = fabrica.certificado(cupo, empresa, Decimal(100), Decimal(20))
        contexto = banco.navegador.new_context(base_url=banco.portal.url, locale="es-MX",
                                               timezone_id="America/Mexico_City", accept_downloads=True)
        contexto.set_default_timeout(PLAZO_MS)
        try:
            page = contexto.new_page()
            folio = cancelar(page, empresa, cupo, certificado.folio, "25", acceso)
            expect(page.get_by_role("status")).to_contain_text(folio)
            pdf = descargar_acuse(page)
        finally:
            contexto.close()
        revisar_acuse(pdf, folio)
        aviso = banco.buzon.esperar(empresa.correo, asunto=ASUNTO, contiene=folio)
        assert {empresa.correo.lower(), cupo.dictaminador.correo.lower()} <= aviso.destinatarios
        assert certificado.folio in aviso.texto
    finally:
        banco.portal.api.liberar_reloj()


def _por_turnos(banco: Banco, canal: Canal, semilla: str, acceso: str) -> None:
    canal.listo("preparado")
    numero = 0
    while canal.esperar_turno():
        numero += 1
        try:
            vuelta(banco, numero, semilla, acceso)
        except Exception as error:  # el orquestador cuenta la falla y el banco sigue
            canal.listo(f"failed: {type(error).__name__}: {str(error).splitlines()[0][:200]}")
        else:
            canal.listo("passed")


def main(argv: list[str] | None = None) -> None:
    lector = argparse.ArgumentParser(prog="python -m bench.navegador.plano", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    lector.add_argument("--portal-url", help="el portal (ya arrancado) de las vueltas por turnos")
    lector.add_argument("--buzon", default="127.0.0.1:0", metavar="HOST:PUERTO",
                        help="dónde escucha el buzón SMTP de este proceso")
    lector.add_argument("--iteraciones", type=int, metavar="K",
                        help="K vueltas seguidas, con portal y buzón propios (sin canal)")
    lector.add_argument("--acceso", choices=sorted(ACCESOS), default="http",
                        help="cómo abrir la sesión: como el paso del arnés, enviando el formulario por HTTP "
                             "(por omisión), o llenando la pantalla de acceso")
    args = lector.parse_args(argv)
    canal = Canal.del_entorno()
    if (canal is None) == (args.iteraciones is None):
        lector.error("o --iteraciones K, o por turnos con el canal del orquestador")
    ejecutable = chromium_del_sistema(con_ventana=False)  # antes de abrir Playwright: lo abre él
    semilla = os.environ.get("CUPOS_SEMILLA", str(os.getpid()))
    host, _, puerto = args.buzon.rpartition(":")
    buzon = BuzonSmtp(host, int(puerto)).iniciar()
    with tempfile.TemporaryDirectory(prefix="banco-plano-") as temporal:
        carpeta = Path(temporal)
        arranque = None if args.portal_url else arrancar_portal_de_referencia(carpeta, buzon.direccion)
        url = arranque.url if arranque else args.portal_url
        token = arranque.token if arranque else os.environ.get(VARIABLE_TOKEN)
        try:
            with sync_playwright() as playwright:
                navegador = playwright.chromium.launch(headless=True, executable_path=ejecutable)
                autoridad = AutoridadCertificadora("AC de pruebas del guion plano")
                portal = PortalBajoPrueba(url, ApiPruebas(url, token))
                portal.api.confiar_en_autoridad(autoridad.certificado_pem)
                banco = Banco(navegador, portal, buzon, autoridad, carpeta)
                if canal is not None:
                    _por_turnos(banco, canal, semilla, args.acceso)
                else:
                    for numero in range(1, (args.iteraciones or 0) + 1):
                        vuelta(banco, numero, semilla, args.acceso)
                navegador.close()
        finally:
            buzon.detener()
            if arranque is not None:
                arranque.proceso.terminate()
                arranque.proceso.wait(timeout=10)
                arranque.lector.join(timeout=10)


if __name__ == "__main__":
    main()
