"""Un solicitante a la hora de la apertura: entra con su e.firma, abre el formulario de asignación y,
cuando todos están en la línea de salida, firma UNA solicitud; sigue la redirección al detalle y se
retira. Cuando todos terminaron, Locust se detiene solo (y `-t` lo detiene de todos modos).

Corre sólo en un proceso de Locust (gevent parcha el mundo: nunca se importa desde pytest);
normalmente lo lanza `python -m bench.carga.rafaga`. Lee del entorno:

  CARGA_CREDENCIALES  JSONL, una credencial por renglón: rfc, cer, key (rutas), contrasena. Cada
                      usuario toma la siguiente libre; un contador con candado (`<archivo>.usadas`)
                      las reparte también entre los trabajadores de un Locust distribuido.
  CARGA_RESULTADOS    JSONL donde cada usuario deja lo que obtuvo (folio, códigos, tiempos).
  CARGA_CUPO, CARGA_MONTO   el cupo y el monto que pide cada uno.
  CARGA_PLAZO_BARRERA       segundos que un usuario espera a los demás antes de firmar (240).
  CARGA_INFORME             JSON con las estadísticas finales (latencias por nombre, fallas): el CSV
                            de --csv no se reescribe al terminar y puede quedarse corto.

La línea de salida: nadie firma antes de que los `-u` usuarios hayan entrado y abierto el
formulario (o fallado en el intento), para que las firmas lleguen juntas, como a las 11:00. En
distribuido (--master/--worker) las cuentas las lleva el maestro, por mensajes.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import time
from functools import cache
from typing import Any
from urllib.parse import urlparse

import gevent
from gevent.event import Event
from locust import FastHttpUser, constant, events, task
from locust.env import Environment
from locust.exception import StopUser
from locust.runners import MasterRunner, Runner, WorkerRunner
from urllib3 import encode_multipart_formdata

_OCULTO = re.compile(r'name="(csrf_token|envio)" value="([^"]+)"')
_AVISO = re.compile(r'<p role="alert" class="error">(.*?)</p>', re.DOTALL)
_FOLIO = re.compile(r"/solicitudes/(\d{25})")
PLAZO_HTTP = 180.0  # una petición en la fila de gunicorn espera; sólo sin respuesta en 3 min falla


class LineaDeSalida:
    """Cuenta quién está listo y quién terminó; con todos listos da la salida, con todos terminados
    detiene a Locust. En un trabajador, cuenta el maestro."""

    def __init__(self) -> None:
        self.salida = Event()
        self.salida_en = 0.0  # la hora (reloj de la máquina) en que este proceso vio la salida
        self.esperados = self.listos = self.terminados = 0
        self.runner: Runner | None = None

    def configurar(self, environment: Environment) -> None:
        self.runner, opciones = environment.runner, environment.parsed_options
        self.esperados = int(getattr(opciones, "num_users", 0) or 0)
        if isinstance(self.runner, MasterRunner):
            self.runner.register_message("listo", lambda *_a, **_k: self._contar_listo())
            self.runner.register_message("terminado", lambda *_a, **_k: self._contar_terminado())
        elif isinstance(self.runner, WorkerRunner):
            self.runner.register_message("disparar", lambda *_a, **_k: self._salir())

    def listo(self) -> None:
        if isinstance(self.runner, WorkerRunner):
            self.runner.send_message("listo")
        else:
            self._contar_listo()

    def terminado(self) -> None:
        if isinstance(self.runner, WorkerRunner):
            self.runner.send_message("terminado")
        else:
            self._contar_terminado()

    def _contar_listo(self) -> None:
        self.listos += 1
        if self.listos >= self.esperados:
            if isinstance(self.runner, MasterRunner):
                self.runner.send_message("disparar")
            self._salir()

    def _salir(self) -> None:
        self.salida_en = time.time()
        self.salida.set()

    def _contar_terminado(self) -> None:
        self.terminados += 1
        if self.terminados >= self.esperados and self.runner is not None:
            gevent.spawn(self.runner.quit)  # desde otro greenlet: quit() detiene a los usuarios


linea = LineaDeSalida()


@events.init.add_listener  # type: ignore[untyped-decorator]
def _al_iniciar(environment: Environment, **_: Any) -> None:
    linea.configurar(environment)


@events.quit.add_listener  # type: ignore[untyped-decorator]
def _al_salir(**_: Any) -> None:
    """El maestro (o el proceso único) deja las estadísticas finales, ya con las de los trabajadores."""
    runner, destino = linea.runner, os.environ.get("CARGA_INFORME")
    if runner is None or isinstance(runner, WorkerRunner) or not destino:
        return
    stats = runner.stats
    informe = {
        "entradas": [{"metodo": e.method, "nombre": e.name, "peticiones": e.num_requests, "fallas": e.num_failures,
                      **{f"p{int(p * 100)}": e.get_response_time_percentile(p) for p in (0.5, 0.95, 0.99)},
                      "maxima": e.max_response_time} for e in stats.entries.values()],
        "fallas": [e.to_dict() for e in stats.errors.values()],  # type: ignore[no-untyped-call]
        "excepciones": [{"veces": e["count"], "mensaje": e["msg"]} for e in runner.exceptions.values()],
    }
    with open(destino, "w", encoding="utf-8") as archivo:
        json.dump(informe, archivo, ensure_ascii=False, indent=1)


@cache
def _credenciales() -> list[dict[str, str]]:
    with open(os.environ["CARGA_CREDENCIALES"], encoding="utf-8") as archivo:
        return [json.loads(renglon) for renglon in archivo if renglon.strip()]


def tomar_credencial() -> tuple[int, dict[str, str] | None]:
    """El turno y la siguiente credencial sin usar (None si ya se usaron todas)."""
    with open(os.environ["CARGA_CREDENCIALES"] + ".usadas", "a+", encoding="utf-8") as contador:
        fcntl.flock(contador, fcntl.LOCK_EX)
        contador.seek(0)
        indice = int(contador.read() or 0)
        contador.seek(0)
        contador.truncate()
        contador.write(str(indice + 1))
    credenciales = _credenciales()
    return indice, (credenciales[indice] if indice < len(credenciales) else None)


def anotar(resultado: dict[str, Any]) -> None:
    # Un renglón corto por write con O_APPEND: los procesos no se mezclan.
    with open(os.environ["CARGA_RESULTADOS"], "a", encoding="utf-8") as archivo:
        archivo.write(json.dumps(resultado, ensure_ascii=False) + "\n")


def _motivo(respuesta: Any) -> str:
    texto = (respuesta.text or "") if respuesta.status_code else ""
    hallado = _AVISO.search(texto)
    detalle = hallado.group(1).strip() if hallado else str(getattr(respuesta, "error", "") or "")
    return f"HTTP {respuesta.status_code}: {detalle[:160]}"


class Solicitante(FastHttpUser):
    wait_time = constant(0)
    network_timeout = connection_timeout = PLAZO_HTTP

    def on_start(self) -> None:
        self.turno, self.credencial = tomar_credencial()
        self.efirma: dict[str, tuple[str, bytes, str]] = {}
        if self.credencial is not None:
            with open(self.credencial["cer"], "rb") as cer, open(self.credencial["key"], "rb") as key:
                self.efirma = {"certificado": ("e.cer", cer.read(), "application/octet-stream"),
                               "clave_privada": ("e.key", key.read(), "application/octet-stream")}

    def _multiparte(self, **campos: str) -> tuple[bytes, dict[str, str]]:
        assert self.credencial is not None
        cuerpo, tipo = encode_multipart_formdata(
            {**campos, "contrasena": self.credencial["contrasena"], **self.efirma})
        return cuerpo, {"Content-Type": tipo}

    def _ocultos(self, ruta: str, nombre: str) -> dict[str, str]:
        with self.client.get(ruta, name=nombre, catch_response=True) as respuesta:
            ocultos = dict(_OCULTO.findall(respuesta.text or ""))
            if respuesta.status_code != 200 or "csrf_token" not in ocultos:
                respuesta.failure(_motivo(respuesta))
                return {}
        return ocultos

    def entrar(self) -> bool:
        ocultos = self._ocultos("/ingresar", "entrar")
        if not ocultos:
            return False
        cuerpo, cabeceras = self._multiparte(**ocultos)
        with self.client.post("/ingresar", data=cuerpo, headers=cabeceras, name="entrar",  # type: ignore[arg-type]
                              allow_redirects=False, catch_response=True) as respuesta:
            if respuesta.status_code == 302 and urlparse(respuesta.headers.get("Location", "")).path == "/inicio":
                return True
            respuesta.failure(_motivo(respuesta))
        return False

    def firmar(self, ocultos: dict[str, str]) -> dict[str, Any]:
        """La firma de la solicitud; éxito sólo si redirige a /solicitudes/<folio> y el detalle abre."""
        cuerpo, cabeceras = self._multiparte(
            cupo=os.environ["CARGA_CUPO"], lugar="Ventanilla Única", monto=os.environ["CARGA_MONTO"],
            pedimentos="", **ocultos)
        resultado: dict[str, Any] = {"inicio": time.time()}
        with self.client.post("/asignacion", data=cuerpo, headers=cabeceras,  # type: ignore[arg-type]
                              name="firmar asignación",
                              allow_redirects=False, catch_response=True) as respuesta:
            resultado.update(fin=time.time(), estado=respuesta.status_code)
            destino = urlparse(respuesta.headers.get("Location", "") if respuesta.headers else "").path
            hallado = _FOLIO.fullmatch(destino)
            if respuesta.status_code != 302 or hallado is None:
                respuesta.failure(_motivo(respuesta))
                return {**resultado, "error": _motivo(respuesta)}
        folio = hallado.group(1)
        with self.client.get(destino, name="ver solicitud", catch_response=True) as detalle:
            if detalle.status_code != 200 or folio not in (detalle.text or ""):
                detalle.failure(_motivo(detalle))
                return {**resultado, "folio": folio, "error": "detalle: " + _motivo(detalle)}
        return {**resultado, "folio": folio, "error": ""}

    def _esperar_su_turno(self) -> None:
        """Con CARGA_LLEGADAS_POR_SEGUNDO = R > 0, el usuario k firma k/R segundos después de la
        salida (llegadas a ritmo constante); sin ella, todos a la vez. Es el ritmo de la carga, no
        una espera de una condición: por eso duerme el greenlet."""
        ritmo = float(os.environ.get("CARGA_LLEGADAS_POR_SEGUNDO", "0"))
        if ritmo > 0:
            gevent.sleep(max(0.0, linea.salida_en + self.turno / ritmo - time.time()))

    @task
    def presentarse_a_la_apertura(self) -> None:
        resultado: dict[str, Any] = {"rfc": self.credencial["rfc"] if self.credencial else ""}
        en_la_linea = False
        try:
            ocultos = self._ocultos("/asignacion", "formulario") if self.credencial and self.entrar() else {}
            linea.listo()
            en_la_linea = True
            if not ocultos:
                resultado["error"] = "no entró o no abrió el formulario"
            else:
                if not linea.salida.wait(float(os.environ.get("CARGA_PLAZO_BARRERA", "240"))):
                    resultado["barrera_vencida"] = True
                self._esperar_su_turno()
                resultado.update(self.firmar(ocultos))
        finally:
            if not en_la_linea:  # una excepción antes de llegar: que los demás no lo esperen
                linea.listo()
            anotar(resultado)
            linea.terminado()
        raise StopUser()  # una sola solicitud por usuario, haya salido bien o no
