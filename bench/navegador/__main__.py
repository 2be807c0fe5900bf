"""python -m bench.navegador: el arnés BDD contra un guion de Playwright plano, en el mismo Chromium.

Parte 1 (--solo-escenario): el mismo escenario de cancelación por turnos, en caliente; mediana y
p90 de pared y CPU por escenario de cada lado y el cociente arnés/plano (meta ≤ 1.10).
Parte 2 (--solo-bateria): pytest features en serie y con -n 2 contra el piso del guion plano en uno
y dos procesos; aceleraciones y escenarios por minuto (meta ≥ 100 con -n 2).
Las dos partes miden el arnés como corre siempre (con su evidencia y axe-core) y sin ellas.

Los informes y las bitácoras quedan en una carpeta temporal, que se indica al final; resultados/
no se toca. Es una medición: sale con 0 aunque no se cumplan las metas, y con 1 si algo falló.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
from pathlib import Path

from bench.navegador import bateria, escenario


def _argumentos(argv: list[str] | None) -> argparse.Namespace:
    lector = argparse.ArgumentParser(prog="python -m bench.navegador", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    solo = lector.add_mutually_exclusive_group()
    solo.add_argument("--solo-escenario", action="store_true", help="sólo la parte 1")
    solo.add_argument("--solo-bateria", action="store_true", help="sólo la parte 2")
    lector.add_argument("--rondas", type=int, default=12, metavar="N",
                        help=f"turnos medidos de cada lado en la parte 1 (más {escenario.CALENTAMIENTO} "
                             "de calentamiento; por omisión, %(default)s)")
    lector.add_argument("--iteraciones", type=int, default=40, metavar="K",
                        help="vueltas del guion plano para el piso de la parte 2 (por omisión, %(default)s)")
    lector.add_argument("--pytest", default="", metavar="OPCIONES",
                        help="opciones de más para pytest, p. ej. --pytest=\"--traza=no\" (para ver "
                             "dónde se va el tiempo del arnés)")
    return lector.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _argumentos(argv)
    extra = shlex.split(args.pytest)
    carpeta = Path(tempfile.mkdtemp(prefix="banco-navegador-"))
    fallas = 0
    if not args.solo_bateria:
        print(f"Parte 1: el escenario, {args.rondas} turnos medidos por lado", file=sys.stderr)
        turnos = escenario.medir(args.rondas, carpeta / "escenario", extra)
        fallas += sum(t.resultado != "passed" for t in turnos)
        print("\n## Parte 1: un escenario, en caliente\n")
        print(escenario.informe(turnos), flush=True)
    if not args.solo_escenario:
        print("Parte 2: la batería en serie y con -n 2, y el piso", file=sys.stderr)
        (carpeta / "bateria").mkdir()
        piso_serie, piso_paralelo = (bateria.correr_piso(carpeta / "bateria", args.iteraciones, n) for n in (1, 2))
        corridas = {arnes: (bateria.correr_caracteristicas(carpeta / "bateria", 1, [*propias, *extra], arnes),
                            bateria.correr_caracteristicas(carpeta / "bateria", 2, [*propias, *extra], arnes))
                    for arnes, propias in escenario.ARNESES.items()}
        medidas = [piso_serie, piso_paralelo, *(corrida for par in corridas.values() for corrida in par)]
        fallas += sum(corrida.fallas for corrida in medidas)
        print("\n## Parte 2: toda la batería\n")
        print(bateria.informe(corridas, piso_serie, piso_paralelo))
    print(f"\nInformes y bitácoras: {carpeta}")
    return 1 if fallas else 0


if __name__ == "__main__":
    sys.exit(main())
