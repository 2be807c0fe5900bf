"""python -m bench.carga.rafaga --usuarios N: la apertura del primer día, medida.

Todo en loopback y desechable: un clúster de PostgreSQL propio (o SQLite), el portal desplegado con
gunicorn y la API de pruebas, N empresas con e.firma y un cupo que abre hoy a las 11:00 con el reloj
quieto. Locust, sin interfaz y en otro proceso, lanza la ráfaga: cada usuario entra, abre el
formulario y, cuando todos están listos, firma una solicitud. Después se revisa en la base y por
HTTP que todas se guardaron una vez y en un orden de llegada, y el dictaminador las resuelve en ese
orden. Informa solicitudes/s, latencias, errores, sobreasignación y reparto fuera de orden.

Sale con 1 si falla un invariante (errores, solicitudes perdidas o repetidas, orden,
sobreasignación, reparto); no por quedar lejos de la meta de velocidad: es una medición.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from bench.carga.escenario import Escenario, preparar
from bench.carga.motor import Medicion, correr_locust, medir
from bench.carga.verificacion import Reparto, revisar_todo
from fixtures.despliegue import Despliegue

META_POR_SEGUNDO, META_P99_MS = 100.0, 2000.0
_SENALES_DE_FALLA = ("Traceback", "WORKER TIMEOUT", " ERROR ", "[CRITICAL]")


@dataclass
class Resultado:
    usuarios: int
    procesos_gunicorn: int
    base: str
    medicion: Medicion
    reparto: Reparto | None
    escenario: Escenario
    carpeta: Path
    semilla: int
    carga_previa: float  # promedio de carga del sistema (1 min) justo antes de la ráfaga
    problemas: list[str] = field(default_factory=list)
    llegadas_por_segundo: float = 0.0  # 0: todas a la vez

    @property
    def cumple_invariantes(self) -> bool:
        return not self.problemas


def fallas_en_la_bitacora(bitacora: Path) -> list[str]:
    """Renglones de gunicorn o del portal que delatan una excepción o un proceso caído."""
    if not bitacora.exists():
        return []
    return [renglon.strip() for renglon in bitacora.read_text(encoding="utf-8", errors="replace").splitlines()
            if any(senal in renglon for senal in _SENALES_DE_FALLA)]


def correr(base: str, carpeta: Path, usuarios: int, procesos_gunicorn: int, procesos_locust: int = 1,
           plazo: int = 300, semilla: int | None = None, reloj_corre: bool = False,
           llegadas_por_segundo: float = 0.0) -> Resultado:
    """La ráfaga completa sobre una base vacía (URL de SQLAlchemy); deja bitácoras y estadísticas en carpeta."""
    semilla = random.randrange(1_000_000) if semilla is None else semilla
    (carpeta / "portal").mkdir(parents=True, exist_ok=True)
    despliegue = Despliegue(carpeta / "portal", base, procesos=procesos_gunicorn)
    despliegue.preparar()
    with despliegue:
        escenario = preparar(despliegue.url, despliegue.token, carpeta, usuarios, semilla,
                             procesos=(os.cpu_count() or 1) if usuarios >= 200 else 1, reloj_corre=reloj_corre)
        carga_previa = os.getloadavg()[0]  # otra cosa corriendo en la máquina cambia los números
        correr_locust(escenario, carpeta, plazo, procesos_locust, llegadas_por_segundo)
        medicion = medir(carpeta, usuarios)
        problemas, reparto = revisar_todo(escenario, base, medicion.folios)
    if medicion.errores:
        problemas.insert(0, f"{medicion.errores} errores: {medicion.detalle_de_errores[:5]}")
    if fallas := fallas_en_la_bitacora(carpeta / "portal" / "gunicorn.log"):
        problemas.append(f"{len(fallas)} renglones de falla en gunicorn.log: {fallas[:3]}")
    return Resultado(usuarios, procesos_gunicorn, base.split(":")[0].split("+")[0], medicion, reparto,
                     escenario, carpeta, semilla, carga_previa, problemas, llegadas_por_segundo)


def _toneladas(monto: Decimal) -> str:
    return f"{monto:.3f}".rstrip("0").rstrip(".") + " t"


def _fila(medida: str, meta: str, medido: str, veredicto: str = "") -> str:
    return f"  {medida:<44}{meta:>12}{medido:>14}  {veredicto}"


def tabla(r: Resultado) -> str:
    m, rep = r.medicion, r.reparto
    def marca(cumple: bool) -> str:
        return "cumple" if cumple else "NO CUMPLE"
    sobre = _toneladas(rep.sobreasignacion) if rep else "?"
    reloj = "andando" if r.escenario.reloj_corre else "quieto"
    injustas = str(rep.fuera_de_orden + len(rep.distintas_del_ideal)) if rep else "?"
    renglones = [
        f"Ráfaga de apertura: {r.usuarios} solicitudes firmadas desde las {r.escenario.apertura:%H:%M:%S} "
        f"({'todas a la vez' if not r.llegadas_por_segundo else f'{r.llegadas_por_segundo:g} por segundo'}) "
        f"del {r.escenario.apertura:%d/%m/%Y} (reloj {reloj}); gunicorn con {r.procesos_gunicorn} procesos, "
        f"{r.base}; {os.cpu_count()} núcleos (carga previa {r.carga_previa:.1f}); semilla {r.semilla}",
        _fila("medida", "meta", "medido"),
        _fila("solicitudes firmadas por segundo", f"≥ {META_POR_SEGUNDO:g}", f"{m.por_segundo:.1f}",
              marca(m.por_segundo >= META_POR_SEGUNDO)),
        _fila("latencia p50 de «firmar asignación»", "", f"{m.p50:.0f} ms"),
        _fila("latencia p95", "", f"{m.p95:.0f} ms"),
        _fila("latencia p99", f"≤ {META_P99_MS:g} ms", f"{m.p99:.0f} ms", marca(m.p99 <= META_P99_MS)),
        _fila("latencia máxima", "", f"{m.maxima:.0f} ms"),
        _fila("errores (5xx, sin respuesta, sin folio)", "0", str(m.errores), marca(m.errores == 0)),
        _fila("sobreasignación", "0 t", sobre, marca(rep is not None and not rep.sobreasignacion)),
        _fila("asignaciones fuera del orden de llegada", "0", injustas, marca(injustas == "0")),
        f"  firmadas con folio: {len(m.folios)}/{r.usuarios}; la ráfaga salió en {m.dispersion_ms:.0f} ms y "
        f"se atendió en {m.duracion_s:.1f} s",
    ]
    if rep:
        renglones.append(f"  reparto de {_toneladas(r.escenario.monto_anual)}: {rep.completas} completas, "
                         f"{rep.parciales} parcial(es), {rep.sin_monto} rechazadas por falta de monto; "
                         f"otorgado {_toneladas(rep.otorgado)}")
    renglones.append("  invariantes: " + ("todos se cumplen" if r.cumple_invariantes else "FALLAN"))
    renglones += [f"    - {p}" for p in r.problemas]
    renglones.append(f"  bitácoras y estadísticas de Locust en {r.carpeta}")
    return "\n".join(renglones)


def _argumentos(argv: list[str] | None) -> argparse.Namespace:
    lector = argparse.ArgumentParser(prog="python -m bench.carga.rafaga", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    lector.add_argument("--usuarios", type=int, required=True, help="solicitantes, una solicitud cada uno")
    lector.add_argument("--procesos-gunicorn", type=int, default=(os.cpu_count() or 1) + 1)
    lector.add_argument("--procesos-locust", type=int, default=1,
                        help="más de 1: Locust distribuido (un maestro y ese número de trabajadores)")
    lector.add_argument("--base", choices=("postgresql", "sqlite"), default="postgresql")
    lector.add_argument("--plazo", type=int, default=300, help="segundos que Locust puede durar (-t)")
    lector.add_argument("--reloj-corre", action="store_true",
                        help="el reloj del portal anda desde las 11:00 en vez de quedarse quieto")
    lector.add_argument("--llegadas-por-segundo", type=float, default=0.0, metavar="R",
                        help="las firmas llegan a R por segundo en lugar de todas a la vez")
    lector.add_argument("--semilla", type=int, help="semilla de Faker para los nombres y RFC")
    lector.add_argument("--carpeta", type=Path,
                        help="dónde dejar bitácoras y estadísticas (por omisión, una temporal)")
    return lector.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _argumentos(argv)
    carpeta = args.carpeta or Path(tempfile.mkdtemp(prefix="rafaga-"))
    opciones = {"usuarios": args.usuarios, "procesos_gunicorn": args.procesos_gunicorn,
                "procesos_locust": args.procesos_locust, "plazo": args.plazo, "semilla": args.semilla,
                "reloj_corre": args.reloj_corre, "llegadas_por_segundo": args.llegadas_por_segundo}
    if args.base == "sqlite":
        resultado = correr(f"sqlite:///{carpeta / 'portal.sqlite3'}", carpeta, **opciones)
    else:
        from fixtures.postgres import ClusterPostgres

        with ClusterPostgres() as cluster:
            resultado = correr(cluster.crear_base("rafaga"), carpeta, **opciones)
    print(tabla(resultado), flush=True)
    return 0 if resultado.cumple_invariantes else 1


if __name__ == "__main__":
    sys.exit(main())
