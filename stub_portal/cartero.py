"""python -m stub_portal.cartero: el cartero de los avisos en un proceso aparte.

Para despliegues con varios procesos: entrega la bandeja de salida de la base al servidor SMTP y la
sigue vigilando hasta recibir SIGTERM o Ctrl+C. Pueden correr varios a la vez, aun en otras máquinas
y junto al hilo del servidor de desarrollo: cada aviso lo reclama uno solo (ver stub_portal.correo).
"""

from __future__ import annotations

import argparse
import logging
import signal

from stub_portal.base_de_datos import abrir
from stub_portal.correo import (
    CADA,
    ESPERA_BASE,
    FALLIDO,
    PLAZO_DE_RECLAMO,
    TIEMPO_LIMITE_SMTP,
    Cartero,
    avisos_por_estado,
    bandeja_de_salida,
)


def _argumentos(argv: list[str] | None) -> argparse.Namespace:
    lector = argparse.ArgumentParser(prog="python -m stub_portal.cartero", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    lector.add_argument("--db", required=True, help="URL de SQLAlchemy de la base del portal (ya preparada)")
    lector.add_argument("--smtp", metavar="HOST:PUERTO", help="servidor al que salen los avisos")
    lector.add_argument("--una-vez", action="store_true", help="entrega lo que ya toca y termina")
    lector.add_argument("--resumen", action="store_true",
                        help="muestra cuántos avisos hay en cada estado y los fallidos, y termina")
    lector.add_argument("--cada", type=float, default=CADA, metavar="SEGUNDOS",
                        help="pausa entre vueltas (por omisión, %(default)g)")
    lector.add_argument("--espera-base", type=float, default=ESPERA_BASE, metavar="SEGUNDOS",
                        help="primer reintento tras ella; luego se duplica (por omisión, %(default)g)")
    lector.add_argument("--tiempo-limite", type=float, default=TIEMPO_LIMITE_SMTP, metavar="SEGUNDOS",
                        help="tiempo límite de cada operación SMTP (por omisión, %(default)g)")
    lector.add_argument("--plazo-de-reclamo", type=float, default=PLAZO_DE_RECLAMO, metavar="SEGUNDOS",
                        help="tras él, otro cartero puede tomar el aviso que éste reclamó y no anotó "
                             "(por omisión, %(default)g)")
    args = lector.parse_args(argv)
    if not args.resumen and not args.smtp:
        lector.error("falta --smtp (o pida sólo el --resumen)")
    return args


def _resumen(args: argparse.Namespace) -> None:
    with abrir(args.db).lectura() as sesion:
        for estado, cuantos in avisos_por_estado(sesion).items():
            print(f"{estado}: {cuantos}")
        for aviso in bandeja_de_salida(sesion, FALLIDO):
            print(f"  aviso {aviso.id} {aviso.id_mensaje} a {aviso.destinatarios}: {aviso.ultimo_error}")


def main(argv: list[str] | None = None) -> None:
    args = _argumentos(argv)
    if args.resumen:
        _resumen(args)
        return
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    cartero = Cartero(abrir(args.db), args.smtp, espera_base=args.espera_base,
                      tiempo_limite=args.tiempo_limite, plazo_de_reclamo=args.plazo_de_reclamo,
                      cada=args.cada)
    if args.una_vez:
        print(f"Avisos entregados: {cartero.entregar_pendientes()}", flush=True)
        return
    # El hilo hereda las señales bloqueadas: sólo este hilo las recibe, y sin interrumpir un envío.
    senales = {signal.SIGTERM, signal.SIGINT}
    signal.pthread_sigmask(signal.SIG_BLOCK, senales)
    cartero.iniciar()
    logging.getLogger(__name__).info("Cartero %s entregando a %s", cartero.nombre, args.smtp)
    signal.sigwait(senales)
    cartero.detener()


if __name__ == "__main__":
    main()
