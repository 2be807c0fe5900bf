"""Parte 1: el escenario del banco en el arnés contra el guion plano, por turnos, en caliente.

Un solo portal de referencia y un solo buzón SMTP, el del orquestador, al que el portal envía; el
buzón reenvía cada aviso, con su sobre, por SMTP al buzón del lado en turno (el del arnés es el
suyo de siempre, --buzon; el del guion, el suyo). Los dos esperan así una entrega SMTP real y por
el mismo camino. Cada lado arranca su navegador una vez; luego se turnan: plano, arnés, arnés sin
evidencia, plano… El arnés corre como siempre (su evidencia en la documentación viva y la revisión de
accesibilidad con axe-core); el arnés sin evidencia, con las dos apagadas (SIN_EVIDENCIA), que es el
mismo trabajo que el guion plano. Se descartan las primeras vueltas de cada lado; la última de cada
arnés (que desmonta la sesión de pytest: navegador, Playwright) se corre pero no se mide.
"""

from __future__ import annotations

import asyncio
import smtplib
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil  # type: ignore[import-untyped]
from aiosmtpd.smtp import SMTP, Envelope, Session

from bench.navegador.canal import Lado
from bench.navegador.medicion import (
    cpu_de,
    cpu_del_arbol,
    cpu_del_sistema,
    mediana,
    p90,
    puerto_libre,
    tabla,
)
from fixtures.api import VARIABLE_TOKEN
from fixtures.correo import BuzonSmtp
from fixtures.portal import arrancar_portal_de_referencia

RAIZ = Path(__file__).parents[2]
MODULO = Path(__file__).with_name("test_cancelacion.py")
CARACTERISTICA = Path(__file__).with_name("cancelacion.feature")
CALENTAMIENTO = 2
# Lo que el arnés hace además del guion plano: la documentación viva con su evidencia, y axe-core.
SIN_EVIDENCIA = ["--documentacion=", "--accesibilidad=no"]
ARNESES = {"arnés": [], "arnés sin evidencia": SIN_EVIDENCIA}
META = 1.10
RUIDO = 0.10  # CPU ajena por segundo de pared a partir de la cual un turno tiene ruido


class Reenvio(BuzonSmtp):
    """El buzón al que envía el portal: pasa cada mensaje, tal cual y con su sobre, a `destino`."""

    destino = ""

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        await asyncio.to_thread(self._reenviar, self.destino, envelope)
        return "250 Message accepted for delivery"

    @staticmethod
    def _reenviar(destino: str, envelope: Envelope) -> None:
        host, _, puerto = destino.rpartition(":")
        with smtplib.SMTP(host, int(puerto), timeout=10) as smtp:
            smtp.sendmail(str(envelope.mail_from), list(envelope.rcpt_tos), envelope.original_content or b"")


@dataclass(frozen=True)
class Turno:
    lado: str
    pared: float
    cpu: float
    cpu_portal: float
    cpu_ajena: float  # la de la máquina menos la del lado y la del portal: otros procesos, el otro lado
    resultado: str


def _turno(lado: Lado, portal: psutil.Process) -> Turno:
    cpu, cpu_portal, sistema = cpu_del_arbol(lado.proceso.pid), cpu_de(portal), cpu_del_sistema()
    inicio = time.perf_counter()
    lado.dar_salida()
    resultado = lado.esperar_listo()
    pared = time.perf_counter() - inicio
    sistema = cpu_del_sistema() - sistema
    cpu, cpu_portal = cpu_del_arbol(lado.proceso.pid) - cpu, cpu_de(portal) - cpu_portal
    return Turno(lado.nombre, pared, cpu, cpu_portal, sistema - cpu - cpu_portal, resultado)


def revisar_pasos() -> None:
    """Antes de medir: cada paso de la característica del banco tiene su definición en steps/ (las
    frases pueden cambiar con el arnés)."""
    revision = subprocess.run([sys.executable, "-m", "cupos_conformidad.ensayo", str(CARACTERISTICA)], cwd=RAIZ,
                              capture_output=True, text=True, check=False)
    if revision.returncode != 0:
        raise SystemExit(f"{CARACTERISTICA.name} no corre con los pasos de hoy:\n"
                         f"{revision.stdout}{revision.stderr}")


def medir(rondas: int, carpeta: Path, extra_pytest: list[str]) -> list[Turno]:
    """Los turnos medidos de los dos lados (sin los de calentamiento)."""
    revisar_pasos()
    informes = carpeta / "informes-del-arnes"
    reenvio = Reenvio()
    reenvio.iniciar()
    (carpeta / "portal").mkdir(parents=True)
    arrancado = arrancar_portal_de_referencia(carpeta / "portal", reenvio.direccion)
    proceso, lector, url = arrancado.proceso, arrancado.lector, arrancado.url
    token = {VARIABLE_TOKEN: arrancado.token}
    buzones = {nombre: f"127.0.0.1:{puerto_libre()}" for nombre in ("plano", *ARNESES)}
    vueltas_del_arnes = CALENTAMIENTO + rondas + 1
    arneses = [Lado(nombre, [
        sys.executable, "-m", "pytest", str(MODULO.relative_to(RAIZ)), "-q", "-p", "bench.navegador.turnos",
        "--vueltas-del-banco", str(vueltas_del_arnes), "--portal-url", url, "--buzon", buzones[nombre],
        "--output", str(informes / str(n) / "artefactos"), "--junitxml", str(informes / str(n) / "junit.xml"),
        "--cucumberjson", str(informes / str(n) / "cucumber.json"),
        "--documentacion", str(informes / str(n) / "documentacion"), *propias, *extra_pytest],
        RAIZ, carpeta / f"arnes-{n}.log", token) for n, (nombre, propias) in enumerate(ARNESES.items())]
    plano = Lado("plano", [sys.executable, "-m", "bench.navegador.plano", "--portal-url", url,
                           "--buzon", buzones["plano"]], RAIZ, carpeta / "plano.log", token)
    lados = [plano, *arneses]
    turnos: list[Turno] = []
    try:
        for lado in lados:
            lado.esperar_listo()
        portal = psutil.Process(proceso.pid)
        for _ in range(CALENTAMIENTO + rondas):
            for lado in lados:
                reenvio.destino = buzones[lado.nombre]
                turnos.append(_turno(lado, portal))
                ultimo = turnos[-1]
                print(f"  {lado.nombre:20} pared {ultimo.pared:5.2f} s, CPU {ultimo.cpu:5.2f} s, ajena "
                      f"{ultimo.cpu_ajena:5.2f} s: {ultimo.resultado}", file=sys.stderr)
        for arnes in arneses:  # la vuelta que desmonta la sesión de pytest
            reenvio.destino = buzones[arnes.nombre]
            arnes.dar_salida()
            arnes.esperar_listo()
    finally:
        codigos = {lado.nombre: lado.terminar() for lado in lados}
        proceso.terminate()
        proceso.wait(timeout=10)
        lector.join(timeout=10)
        reenvio.detener()
    for nombre, codigo in codigos.items():
        if codigo != 0:
            print(f"AVISO: el lado {nombre} salió con código {codigo} (bitácoras en {carpeta})", file=sys.stderr)
    return turnos[len(lados) * CALENTAMIENTO:]


def informe(turnos: list[Turno]) -> str:
    """La tabla por lado y el cociente de cada arnés contra el plano, con la meta (la del arnés como corre
    siempre, con su evidencia) y el ruido de otros procesos."""
    por_lado = {nombre: [t for t in turnos if t.lado == nombre] for nombre in ("plano", *ARNESES)}
    resumen: dict[str, tuple[float, ...]] = {}
    renglones = []
    for nombre, suyos in por_lado.items():
        paredes, cpus = [t.pared for t in suyos], [t.cpu for t in suyos]
        resumen[nombre] = (mediana(paredes), p90(paredes), mediana(cpus), p90(cpus),
                           mediana([t.cpu_portal for t in suyos]), mediana([t.cpu_ajena for t in suyos]))
        fallas = sum(t.resultado != "passed" for t in suyos)
        renglones.append([nombre, str(len(suyos)), str(fallas), *(f"{v:.3f}" for v in resumen[nombre])])
    plano = resumen["plano"]
    cocientes: dict[str, list[float]] = {}
    for nombre in ARNESES:
        cocientes[nombre] = [a / p if p else float("nan") for a, p in zip(resumen[nombre][:-1], plano[:-1],
                                                                            strict=True)]
        renglones.append([f"{nombre} / plano", "", "", *(f"{c:.2f}×" for c in cocientes[nombre]), ""])
    texto = tabla(["lado", "escenarios", "fallas", "pared, mediana (s)", "pared, p90 (s)",
                   "CPU del lado, mediana (s)", "CPU del lado, p90 (s)", "CPU del portal, mediana (s)",
                   "CPU ajena, mediana (s)"], renglones)
    lineas = []
    for nombre in ARNESES:
        cumple = "se cumple" if cocientes[nombre][0] <= META else "no se cumple"
        # Cada turno del arnés contra el del plano de su misma ronda: los dos vieron la misma máquina.
        por_par = mediana([a.pared / p.pared for p, a in zip(por_lado["plano"], por_lado[nombre], strict=True)])
        lineas.append(f"{nombre}: mediana de pared {nombre}/plano {cocientes[nombre][0]:.2f} (meta ≤ {META:.2f}: "
                      f"{cumple}; mediana de los cocientes por ronda: {por_par:.2f})")
    ruidosos = sum(t.cpu_ajena > RUIDO * t.pared for t in turnos)
    return (f"{texto}\n\n" + "\n".join(lineas) + "\n"
            f"CPU ajena: la de toda la máquina durante el turno menos la del lado y la del portal. "
            f"Turnos con más de {RUIDO:.0%} de un núcleo ajeno: {ruidosos} de {len(turnos)}"
            + ("; otros procesos compitieron: repita con la máquina quieta." if ruidosos else "."))
