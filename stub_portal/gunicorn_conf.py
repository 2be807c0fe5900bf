"""La configuración de gunicorn para servir el portal: `gunicorn -c python:stub_portal.gunicorn_conf
-w 4 -b … stub_portal.wsgi:app`.

Hilos por proceso (gthread): un cliente lento, que manda su petición a medias, ocupa un hilo y no un
proceso entero; los demás siguen atendiendo. Enfrente va un proxy que reciba las peticiones completas
antes de pasarlas (nginx, por ejemplo), como recomienda gunicorn; los hilos son la defensa que queda si
no lo hay o si algo lo atraviesa."""

worker_class = "gthread"
threads = 16  # por proceso; cada uno con su conexión a la base cuando atiende
timeout = 60  # un proceso que no responde en este tiempo se reinicia
keepalive = 5
