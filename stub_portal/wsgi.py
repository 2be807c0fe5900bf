"""La entrada WSGI de un despliegue: `gunicorn -c python:stub_portal.gunicorn_conf -w 4
stub_portal.wsgi:app` (hilos por proceso: ver gunicorn_conf), configurado por el
entorno (ver configuracion.del_entorno y docs/desplegar.md). La base se prepara antes, una vez, con
`python -m stub_portal --preparar --db URL`; los avisos los entrega `python -m stub_portal.cartero`."""

from __future__ import annotations

import logging
import os

from werkzeug.middleware.proxy_fix import ProxyFix

from stub_portal.app import create_app
from stub_portal.configuracion import del_entorno

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
app = create_app(del_entorno())
if os.environ.get("CUPOS_DETRAS_DE_PROXY") == "1":  # el proxy dice el esquema (https) y el cliente
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)  # type: ignore[method-assign]
