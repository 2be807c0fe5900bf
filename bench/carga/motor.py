"""Locust como motor de carga: sin interfaz, en procesos aparte (gevent parcha el mundo; este módulo
nunca importa locust), acotado por número de usuarios y por tiempo; y la lectura de lo que midió.

Cada usuario deja un renglón en resultados.jsonl (folio, código HTTP, cuándo salió y cuándo volvió
su firma); al salir, Locust deja sus estadísticas finales en locust.json y su resumen en locust.log.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.carga.escenario import Escenario

LOCUSTFILE = Path(__file__).with_name("locustfile.py")
FIRMA = "firmar asignación"
MARGEN = 60  # segundos, sobre -t, antes de matar a Locust si no terminó solo


def _puerto_libre() -> int:
    with socket.socket() as enchufe:
        enchufe.bind(("127.0.0.1", 0))
        return int(enchufe.getsockname()[1])


def correr_locust(escenario: Escenario, carpeta: Path, plazo: int, procesos: int = 1,
                  llegadas_por_segundo: float = 0.0) -> None:
    """La ráfaga: -u N usuarios que nacen de una vez (-r N); con procesos > 1, distribuida en un
    maestro y `procesos` trabajadores que hablan por loopback."""
    resultados = carpeta / "resultados.jsonl"
    resultados.unlink(missing_ok=True)
    (carpeta / "locust.json").unlink(missing_ok=True)
    usuarios = str(len(escenario.solicitantes))
    entorno = {**os.environ, "CARGA_CREDENCIALES": str(escenario.credenciales),
               "CARGA_RESULTADOS": str(resultados), "CARGA_CUPO": escenario.cupo,
               "CARGA_MONTO": str(escenario.monto_por_solicitud), "CARGA_INFORME": str(carpeta / "locust.json"),
               "CARGA_PLAZO_BARRERA": str(plazo * 3 // 4), "CARGA_LLEGADAS_POR_SEGUNDO": str(llegadas_por_segundo)}
    base = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--loglevel", "WARNING"]
    maestro = [*base, "--headless", "-u", usuarios, "-r", usuarios, "--host", escenario.url,
               "-t", f"{plazo}s", "--stop-timeout", "10", "--only-summary"]
    trabajadores: list[subprocess.Popen[bytes]] = []
    with (carpeta / "locust.log").open("ab") as bitacora:
        if procesos > 1:
            puerto = str(_puerto_libre())
            maestro += ["--master", "--expect-workers", str(procesos), "--master-bind-host", "127.0.0.1",
                        "--master-bind-port", puerto]
            trabajadores = [subprocess.Popen([*base, "--worker", "--master-host", "127.0.0.1", "--master-port",
                                              puerto], env=entorno, cwd=carpeta, stdout=bitacora,
                                             stderr=subprocess.STDOUT) for _ in range(procesos)]
        try:
            subprocess.run(maestro, env=entorno, cwd=carpeta, stdout=bitacora, stderr=subprocess.STDOUT,
                           timeout=plazo + MARGEN, check=False)
        finally:
            for trabajador in trabajadores:
                try:
                    trabajador.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    trabajador.kill()
                    trabajador.wait()


@dataclass
class Medicion:
    por_segundo: float = 0.0
    p50: float = 0.0
    p95: float = 0.0
    p99: float = 0.0
    maxima: float = 0.0
    errores: int = 0
    detalle_de_errores: list[str] = field(default_factory=list)
    dispersion_ms: float = 0.0  # entre la primera y la última firma en salir
    duracion_s: float = 0.0  # de la primera firma en salir a la última respuesta
    folios: dict[str, str] = field(default_factory=dict)  # RFC: folio, de quienes lo obtuvieron


def medir(carpeta: Path, usuarios: int) -> Medicion:
    """Latencias y fallas según Locust; solicitudes/s y folios según lo que anotó cada usuario."""
    medicion, informe = Medicion(), carpeta / "locust.json"
    locust = json.loads(informe.read_text(encoding="utf-8")) if informe.exists() else {}
    firma = next((e for e in locust.get("entradas", []) if e["nombre"] == FIRMA), None)
    if firma is not None:
        medicion.p50, medicion.p95, medicion.p99 = firma["p50"], firma["p95"], firma["p99"]
        medicion.maxima = firma["maxima"]
    fallas = [f"{f['occurrences']}× {f['method']} {f['name']}: {f['error']}" for f in locust.get("fallas", [])]
    fallas += [f"{e['veces']}× excepción en Locust: {e['mensaje']}" for e in locust.get("excepciones", [])]
    if not locust:
        fallas.append("Locust no dejó sus estadísticas finales (vea locust.log)")
    archivo = carpeta / "resultados.jsonl"
    renglones = archivo.read_text(encoding="utf-8").splitlines() if archivo.exists() else []
    anotados = [json.loads(renglon) for renglon in renglones]
    firmas = [a for a in anotados if "inicio" in a]
    medicion.folios = {a["rfc"]: a["folio"] for a in anotados if a.get("folio") and not a.get("error")}
    sin_respuesta = usuarios - len(anotados)
    if sin_respuesta:
        fallas.append(f"{sin_respuesta} usuarios no anotaron resultado (¿venció -t?)")
    if vencidas := sum(bool(a.get("barrera_vencida")) for a in anotados):
        fallas.append(f"{vencidas} usuarios firmaron sin esperar a todos (venció la línea de salida)")
    medicion.errores = usuarios - len(medicion.folios)
    medicion.detalle_de_errores = fallas
    if firmas:
        salida, llegada = min(a["inicio"] for a in firmas), max(a["fin"] for a in firmas)
        medicion.dispersion_ms = (max(a["inicio"] for a in firmas) - salida) * 1000
        medicion.duracion_s = llegada - salida
        medicion.por_segundo = len(medicion.folios) / medicion.duracion_s if medicion.duracion_s else 0.0
    return medicion
