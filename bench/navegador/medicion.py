"""Lo que se mide y cómo se resume: la CPU de un árbol de procesos, medianas y percentil 90.

La CPU de un árbol es la suma, en cada proceso vivo, de su tiempo de usuario y de sistema más el de
sus hijos ya recogidos: así cuenta también el renderizador de Chromium que nació y murió en la
vuelta (su padre lo recoge y su tiempo pasa al del padre).
"""

from __future__ import annotations

import os
import socket
import statistics
from collections.abc import Sequence
from pathlib import Path

import psutil  # type: ignore[import-untyped]


def cpu_de(proceso: psutil.Process) -> float:
    """Segundos de CPU del proceso y de sus hijos ya recogidos; 0 si ya no existe."""
    try:
        tiempos = proceso.cpu_times()
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return 0.0
    return float(tiempos.user + tiempos.system + tiempos.children_user + tiempos.children_system)


def cpu_del_arbol(pid: int) -> float:
    """Segundos de CPU del proceso y de todos sus descendientes (Playwright, Chromium)."""
    raiz = psutil.Process(pid)
    try:
        descendientes = raiz.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0.0
    return cpu_de(raiz) + sum(cpu_de(hijo) for hijo in descendientes)


def cpu_del_sistema() -> float:
    """Segundos de CPU ocupada en toda la máquina (todos los núcleos), para ver la carga ajena."""
    t = psutil.cpu_times()
    return float(t.user + t.nice + t.system + t.irq + t.softirq + t.steal)


def otras_corridas() -> int:
    """Cuántos procesos de pytest ajenos a este banco corren en la máquina (otra batería compite)."""
    propios = {os.getpid(), *(hijo.pid for hijo in psutil.Process().children(recursive=True))}
    ajenos = 0
    for proceso in psutil.process_iter(["pid", "cmdline"]):
        orden = proceso.info["cmdline"] or []
        if proceso.info["pid"] not in propios and any(Path(parte).name == "pytest" for parte in orden[:3]):
            ajenos += 1
    return ajenos


def mediana(datos: Sequence[float]) -> float:
    return statistics.median(datos) if datos else float("nan")


def p90(datos: Sequence[float]) -> float:
    if len(datos) < 2:
        return datos[0] if datos else float("nan")
    return statistics.quantiles(datos, n=10, method="inclusive")[-1]


def puerto_libre() -> int:
    with socket.socket() as enchufe:
        enchufe.bind(("127.0.0.1", 0))
        return int(enchufe.getsockname()[1])


def tabla(encabezados: Sequence[str], renglones: Sequence[Sequence[str]]) -> str:
    """Una tabla de Markdown."""
    lineas = ["| " + " | ".join(encabezados) + " |", "|" + "---|" * len(encabezados)]
    lineas += ["| " + " | ".join(renglon) + " |" for renglon in renglones]
    return "\n".join(lineas)
