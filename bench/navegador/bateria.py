"""Parte 2: toda la batería de características, en serie y con -n 2, contra su piso.

El piso es el guion plano: K vueltas en un proceso contra K/2 en cada uno de dos procesos a la vez,
cada proceso con su portal, su buzón y su navegador (como cada trabajador de pytest-xdist). Su
aceleración es lo más que dos procesos dan en esta máquina a este trabajo de navegador.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from bench.navegador.medicion import cpu_del_sistema, otras_corridas, tabla

RAIZ = Path(__file__).parents[2]
TOLERANCIA = 0.05
META_POR_MINUTO = 100.0


@dataclass(frozen=True)
class Corrida:
    nombre: str
    escenarios: int
    fallas: int
    pared: float
    cpu_de_la_maquina: float  # la de todos los núcleos durante la corrida
    otras_corridas: int  # procesos de pytest ajenos vistos al empezar o al terminar

    @property
    def por_minuto(self) -> float:
        return 60 * self.escenarios / self.pared

    @property
    def nucleos(self) -> float:
        """Cuántos núcleos estuvieron ocupados, en promedio."""
        return self.cpu_de_la_maquina / self.pared


def _correr(ordenes: list[list[str]], bitacoras: list[Path]) -> tuple[float, float, int, list[int]]:
    """Corre las órdenes a la vez y espera a todas: pared, CPU de la máquina, procesos de pytest ajenos
    (al empezar y al terminar) y códigos de salida."""
    ajenos = otras_corridas()
    sistema, inicio = cpu_del_sistema(), time.perf_counter()
    hijos = []
    for orden, ruta in zip(ordenes, bitacoras, strict=True):
        with ruta.open("w", encoding="utf-8") as bitacora:
            hijos.append(subprocess.Popen(orden, cwd=RAIZ, stdout=bitacora, stderr=subprocess.STDOUT))
    codigos = [hijo.wait() for hijo in hijos]
    pared, cpu = time.perf_counter() - inicio, cpu_del_sistema() - sistema
    return pared, cpu, ajenos + otras_corridas(), codigos


def _contar(junit: Path) -> tuple[int, int]:
    """Escenarios y fallas según el JUnit (un <testcase> por escenario)."""
    casos = list(ET.parse(junit).getroot().iter("testcase"))
    fallas = sum(1 for caso in casos if caso.find("failure") is not None or caso.find("error") is not None)
    return len(casos), fallas


def correr_caracteristicas(carpeta: Path, procesos: int, extra_pytest: list[str], arnes: str = "arnés") -> Corrida:
    """pytest features como el comando del README, con los informes en la carpeta. La caché de pytest, una
    nueva: las pantallas que axe-core revisó en otra corrida no se dan por revisadas."""
    informes = carpeta / f"{arnes.replace(' ', '-')}-{procesos}"
    informes.mkdir(parents=True)
    orden = [sys.executable, "-m", "pytest", "features", "-q", *(["-n", str(procesos)] if procesos > 1 else []),
             "--output", str(informes / "artefactos"), "--junitxml", str(informes / "junit.xml"),
             "--cucumberjson", str(informes / "cucumber.json"), "--documentacion", str(informes / "documentacion"),
             "-o", f"cache_dir={informes / 'cache'}", *extra_pytest]
    pared, cpu, ajenos, _ = _correr([orden], [informes / "pytest.log"])
    escenarios, fallas = _contar(informes / "junit.xml")
    nombre = f"{arnes}, en serie" if procesos == 1 else f"{arnes}, -n {procesos}"
    return Corrida(nombre, escenarios, fallas, pared, cpu, ajenos)


def correr_piso(carpeta: Path, iteraciones: int, procesos: int) -> Corrida:
    """El guion plano: `iteraciones` vueltas repartidas en `procesos` procesos simultáneos."""
    orden = [sys.executable, "-m", "bench.navegador.plano", "--iteraciones", str(iteraciones // procesos)]
    pared, cpu, ajenos, codigos = _correr([orden] * procesos,
                                         [carpeta / f"piso-{procesos}-{n}.log" for n in range(procesos)])
    nombre = "guion plano, 1 proceso" if procesos == 1 else f"guion plano, {procesos} procesos"
    return Corrida(nombre, iteraciones // procesos * procesos, sum(c != 0 for c in codigos), pared, cpu,
                   ajenos)


def informe(corridas: dict[str, tuple[Corrida, Corrida]], piso_serie: Corrida, piso_paralelo: Corrida) -> str:
    """Las corridas de cada arnés (en serie y con -n 2) y el piso; la meta, la del arnés como corre siempre
    (el primero)."""
    todas = [c for par in corridas.values() for c in par] + [piso_serie, piso_paralelo]
    renglones = [[c.nombre, str(c.escenarios), str(c.fallas), f"{c.pared:.1f}", f"{c.por_minuto:.1f}",
                  f"{c.nucleos:.2f}"] for c in todas]
    texto = tabla(["corrida", "escenarios", "fallas", "pared (s)", "escenarios/min", "núcleos ocupados"],
                  renglones)
    if ruidosas := [c.nombre for c in todas if c.otras_corridas]:
        texto += (f"\n\nAVISO: otros procesos de pytest corrían durante {', '.join(ruidosas)}: la máquina "
                  "no estaba quieta y la medición tiene ruido.")
    # Por escenarios por minuto, no por pared: así vale aunque las corridas no tengan los mismos escenarios.
    piso = piso_paralelo.por_minuto / piso_serie.por_minuto
    for arnes, (serie, paralela) in corridas.items():
        if serie.escenarios != paralela.escenarios:
            texto += (f"\n\nAVISO ({arnes}): la corrida en serie tuvo {serie.escenarios} escenarios y la de -n 2, "
                      f"{paralela.escenarios}: features/ cambió entre las dos; compárelas con cuidado.")
        bateria = paralela.por_minuto / serie.por_minuto
        cerca = "sí" if bateria >= piso * (1 - TOLERANCIA) else "no"
        rapida = "se cumple" if paralela.por_minuto >= META_POR_MINUTO else "no se cumple"
        texto += (f"\n\n{arnes}: aceleración con dos procesos {bateria:.2f}× (piso {piso:.2f}×; dentro del "
                  f"{TOLERANCIA:.0%} del piso: {cerca}); con -n 2, {paralela.por_minuto:.1f} escenarios/min "
                  f"(meta ≥ {META_POR_MINUTO:.0f}: {rapida}).")
    return (f"{texto}\nLas corridas incluyen el arranque (portal, navegador). Núcleos ocupados: la CPU de toda la "
            f"máquina entre la pared ({os.cpu_count()} núcleos). En el piso, «fallas» cuenta procesos que "
            "fallaron.")
