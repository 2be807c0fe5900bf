"""python -m stub_portal: prepara la base y sirve el portal de referencia en un servidor local.

Con --preparar sólo crea o actualiza el esquema (Alembic), carga los catálogos y, con --demo, los
datos de demostración, y termina: es el paso previo de un despliegue servido por gunicorn.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url
from werkzeug.serving import WSGIRequestHandler, make_server

from stub_portal import base_de_datos
from stub_portal.app import create_app
from stub_portal.configuracion import (
    PIELES,
    REFERENCIA,
    VARIABLE_TOKEN,
    ErrorDeConfiguracion,
    leer_clave_secreta,
    leer_token_de_la_api,
    validar_piel,
)
from stub_portal.portal import Portal
from stub_portal.reloj import Reloj

CARPETA_DEMO = Path("demo")
BASE_POR_OMISION = "sqlite:///portal-cupos.sqlite3"
# El cupo de la ficha tiene montos de 2013 a 2022: la demostración vive en 2022 (el reloj corre).
RELOJ_DEMO = "2022-03-01T10:00:00"


class _SinVersion(WSGIRequestHandler):
    """El servidor de desarrollo se presenta sin nombre ni versión de Werkzeug y de Python."""

    server_version = "portal-cupos"

    def version_string(self) -> str:
        return "portal-cupos"


def _argumentos(argv: list[str] | None) -> argparse.Namespace:
    lector = argparse.ArgumentParser(prog="python -m stub_portal", description=__doc__)
    lector.add_argument("--host", default="127.0.0.1")
    lector.add_argument("--port", type=int, default=5000, help="0 toma un puerto libre")
    lector.add_argument("--db", help=f"URL de SQLAlchemy (por omisión, {BASE_POR_OMISION}; con --demo, "
                                     f"una base nueva en ./{CARPETA_DEMO})")
    lector.add_argument("--smtp", metavar="HOST:PUERTO", help="servidor al que salen los avisos")
    lector.add_argument("--demo", action="store_true",
                        help=f"datos y e.firmas de demostración (en ./{CARPETA_DEMO})")
    lector.add_argument("--reloj", metavar="AAAA-MM-DDTHH:MM",
                        help=f"el reloj del portal empieza en ese momento y corre (con --demo: {RELOJ_DEMO})")
    lector.add_argument("--api-de-pruebas", action="store_true",
                        help=f"habilita /_pruebas, la API con la que el arnés prepara datos; cada llamada "
                             f"lleva el token de {VARIABLE_TOKEN} (o del archivo de {VARIABLE_TOKEN}_ARCHIVO)")
    lector.add_argument("--autoridades", type=Path, metavar="CARPETA",
                        help="carpeta con los certificados (.cer, .crt o .pem; PEM o DER) de las AC cuyas "
                             "e.firmas acepta el portal, además de las que registre la API de pruebas")
    lector.add_argument("--piel", default=REFERENCIA, metavar="{" + ",".join(PIELES) + "}",
                        help=f"la presentación del portal (por omisión, {REFERENCIA}); la alternativa cambia "
                             "el HTML y las palabras de los mensajes, no el trámite")
    lector.add_argument("--clave-secreta-archivo", type=Path, metavar="ARCHIVO",
                        help="archivo con la clave secreta de las sesiones (con SQLite, por omisión uno "
                             "junto a la base, que se crea la primera vez)")
    lector.add_argument("--preparar", action="store_true",
                        help="sólo preparar la base (esquema, catálogos y, con --demo, los datos) y terminar")
    return lector.parse_args(argv)


def _archivo_de_clave(args: argparse.Namespace, url: str) -> Path | None:
    if args.clave_secreta_archivo:
        return Path(args.clave_secreta_archivo)
    base = make_url(url)
    if base.get_backend_name() == "sqlite" and base.database:
        return Path(base.database).with_suffix(".clave-secreta")
    return None


def _preparar(args: argparse.Namespace, url: str) -> None:
    base_de_datos.preparar(url)
    sesiones = base_de_datos.abrir(url)
    try:
        _fijar_reloj_y_sembrar(args, url, sesiones)
    finally:
        sesiones.cerrar()


def _fijar_reloj_y_sembrar(args: argparse.Namespace, url: str, sesiones: base_de_datos.Sesiones) -> None:
    reloj = Reloj(sesiones.escritura)
    momento = args.reloj or (RELOJ_DEMO if args.demo else None)
    if momento:
        reloj.fijar(datetime.fromisoformat(momento), corre=True)
    print(f"Base preparada. Reloj del portal: {reloj.ahora():%d/%m/%Y %H:%M} (hora del centro)", flush=True)
    if args.demo:
        from stub_portal.demo import sembrar

        carpeta = (CARPETA_DEMO if not args.db else Path(make_url(url).database or ".").parent).resolve()
        archivo = sembrar(sesiones.escritura, reloj, carpeta)
        print(f"Datos de demostración listos. e.firmas de prueba en {archivo.parent}", flush=True)
        print(f"  (lista de credenciales: {archivo})", flush=True)


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = _argumentos(argv)
    try:  # antes de tocar la base o la carpeta de la demostración
        piel = validar_piel(args.piel, "--piel")
        token = leer_token_de_la_api(os.environ) if args.api_de_pruebas and not args.preparar else None
    except ErrorDeConfiguracion as error:
        sys.exit(str(error))
    url = args.db
    if args.demo and not url:
        # La demostración empieza de cero cada vez: base y credenciales nuevas en ./demo.
        shutil.rmtree(CARPETA_DEMO, ignore_errors=True)
        CARPETA_DEMO.mkdir()
        url = f"sqlite:///{(CARPETA_DEMO / 'portal.sqlite3').resolve()}"
    url = url or BASE_POR_OMISION
    _preparar(args, url)
    if args.preparar:
        return
    try:
        clave = leer_clave_secreta(os.environ, _archivo_de_clave(args, url), crear_si_falta=True)
        app = create_app({"BASE_DE_DATOS": url, "SMTP": args.smtp, "API_DE_PRUEBAS": args.api_de_pruebas,
                          "TOKEN_API_DE_PRUEBAS": token, "SECRET_KEY": clave, "AUTORIDADES": args.autoridades,
                          "PIEL": piel})
    except ErrorDeConfiguracion as error:
        sys.exit(str(error))
    portal: Portal = app.extensions["portal"]
    portal.cartero.iniciar()
    servidor = make_server(args.host, args.port, app, threaded=True, request_handler=_SinVersion)
    print(f"Portal de referencia en http://{args.host}:{servidor.server_port}", flush=True)
    try:
        servidor.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
