"""python -m stub_portal: el portal de referencia en un servidor local."""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import datetime
from pathlib import Path

from werkzeug.serving import make_server

from stub_portal.app import create_app
from stub_portal.vistas.comun import Portal

CARPETA_DEMO = Path("demo")
# El cupo de la ficha tiene montos de 2013 a 2022: la demostración vive en 2022 (el reloj corre).
RELOJ_DEMO = "2022-03-01T10:00:00"


def _argumentos(argv: list[str] | None) -> argparse.Namespace:
    lector = argparse.ArgumentParser(prog="python -m stub_portal", description=__doc__)
    lector.add_argument("--host", default="127.0.0.1")
    lector.add_argument("--port", type=int, default=5000, help="0 toma un puerto libre")
    lector.add_argument("--db", help="URL de SQLAlchemy (por omisión, un archivo SQLite)")
    lector.add_argument("--smtp", metavar="HOST:PUERTO", help="servidor al que salen los avisos")
    lector.add_argument("--demo", action="store_true",
                        help=f"datos y e.firmas de demostración (en ./{CARPETA_DEMO})")
    lector.add_argument("--reloj", metavar="AAAA-MM-DDTHH:MM",
                        help=f"el reloj del portal empieza en ese momento y corre (con --demo: {RELOJ_DEMO})")
    lector.add_argument("--api-de-pruebas", action="store_true",
                        help="habilita /_pruebas, la API con la que el arnés prepara datos")
    return lector.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = _argumentos(argv)
    base = args.db
    if args.demo and not base:
        # La demostración empieza de cero cada vez: base y credenciales nuevas en ./demo.
        shutil.rmtree(CARPETA_DEMO, ignore_errors=True)
        CARPETA_DEMO.mkdir()
        base = f"sqlite:///{(CARPETA_DEMO / 'portal.sqlite3').resolve()}"
    app = create_app({
        "BASE_DE_DATOS": base or "sqlite:///portal-cupos.sqlite3",
        "SMTP": args.smtp,
        "API_DE_PRUEBAS": args.api_de_pruebas,
    })
    portal: Portal = app.extensions["portal"]
    reloj = args.reloj or (RELOJ_DEMO if args.demo else None)
    if reloj:
        portal.reloj.fijar(datetime.fromisoformat(reloj), corre=True)
        print(f"Reloj del portal: {portal.reloj.ahora():%d/%m/%Y %H:%M} (hora del centro)", flush=True)
    if args.demo:
        from stub_portal.demo import sembrar

        with app.app_context():
            archivo = sembrar(portal, CARPETA_DEMO.resolve())
        print(f"Datos de demostración listos. e.firmas de prueba en {archivo.parent}", flush=True)
        print(f"  (lista de credenciales: {archivo})", flush=True)
    portal.cartero.iniciar_reintentos(portal.reloj)
    servidor = make_server(args.host, args.port, app, threaded=True)
    print(f"Portal de referencia en http://{args.host}:{servidor.server_port}", flush=True)
    try:
        servidor.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
