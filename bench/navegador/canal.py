"""El turno entre el orquestador y cada lado (el arnés o el guion plano): dos tuberías heredadas.

Cada lado escribe «listo …» cuando puede empezar una vuelta (y al terminar cada una, con su
resultado) y se queda leyendo hasta que el orquestador escribe «sigue». Sin pausas: cada uno
espera la línea del otro. El orquestador pasa los descriptores en la variable CANAL_DEL_BANCO
(«lectura,escritura»); al cerrar su extremo, el lado lee fin de archivo y termina.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

VARIABLE = "CANAL_DEL_BANCO"
SIGUE, LISTO = "sigue", "listo"


class Canal:
    """El extremo de un lado."""

    def __init__(self, lectura: int, escritura: int) -> None:
        self._entrada = os.fdopen(lectura, "r", encoding="utf-8")
        self._salida = os.fdopen(escritura, "w", encoding="utf-8")

    @classmethod
    def del_entorno(cls) -> Canal | None:
        valor = os.environ.get(VARIABLE)
        if not valor:
            return None
        lectura, escritura = (int(d) for d in valor.split(","))
        return cls(lectura, escritura)

    def listo(self, nota: str = "") -> None:
        self._salida.write(f"{LISTO} {nota}".rstrip() + "\n")
        self._salida.flush()

    def esperar_turno(self) -> bool:
        """Hasta que el orquestador dé la salida; False si cerró el canal."""
        return self._entrada.readline().strip() == SIGUE


class Lado:
    """Un proceso que corre vueltas cuando el orquestador se lo pide (su extremo del canal)."""

    def __init__(self, nombre: str, orden: Sequence[str], cwd: Path, bitacora: Path,
                 extra: Mapping[str, str] | None = None) -> None:
        self.nombre, self.bitacora = nombre, bitacora
        hijo_lee, yo_escribo = os.pipe()
        yo_leo, hijo_escribe = os.pipe()
        entorno = {**os.environ, **(extra or {}), VARIABLE: f"{hijo_lee},{hijo_escribe}"}
        with bitacora.open("w", encoding="utf-8") as salida:
            self.proceso = subprocess.Popen(orden, cwd=cwd, env=entorno, stdout=salida,
                                            stderr=subprocess.STDOUT, pass_fds=(hijo_lee, hijo_escribe))
        os.close(hijo_lee)
        os.close(hijo_escribe)
        self._salida: IO[str] = os.fdopen(yo_escribo, "w", encoding="utf-8")
        self._entrada: IO[str] = os.fdopen(yo_leo, "r", encoding="utf-8")

    def esperar_listo(self) -> str:
        """La nota con que el lado dice que está listo (el resultado de la vuelta anterior)."""
        linea = self._entrada.readline()
        if not linea.startswith(LISTO):
            codigo = self.proceso.wait()
            raise RuntimeError(f"{self.nombre} terminó (código {codigo}) sin avisar; vea {self.bitacora}")
        return linea[len(LISTO):].strip()

    def dar_salida(self) -> None:
        self._salida.write(SIGUE + "\n")
        self._salida.flush()

    def terminar(self, plazo: float = 120.0) -> int:
        """Cierra el canal (el lado lee fin de archivo) y espera a que el proceso salga."""
        self._salida.close()
        codigo = self.proceso.wait(timeout=plazo)
        self._entrada.close()
        return codigo
