"""El reloj del portal. Toda regla que dependa de la fecha o la hora lo lee a él, nunca al sistema.

La seguridad no: la vigencia de un certificado y la ventana de los intentos de acceso se juzgan con la
hora real (hora_real), que nadie mueve al fijar el reloj."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from stub_portal.modelo import Ajuste

ZONA_CENTRO = ZoneInfo("America/Mexico_City")
_CLAVE = "reloj_fijo"


def hora_real() -> datetime:
    """La hora real, en UTC: la de la seguridad, no la del trámite."""
    return datetime.now(UTC)


class Reloj:
    """La hora del centro de México, o la que fijen las pruebas o la demostración.

    Fijado, el reloj se queda quieto (las pruebas de horarios lo necesitan así) o, si se pide,
    corre desde ese momento (la demostración). El ajuste vive en la base de datos.
    """

    def __init__(self, sesiones: sessionmaker[Session], lectura: sessionmaker[Session] | None = None) -> None:
        self._sesiones = sesiones
        self._lectura = lectura or sesiones

    def ahora(self, sesion: Session | None = None) -> datetime:
        """La hora del portal. Dentro de una petición, con la sesión de la petición: leer el reloj no
        toma otra conexión de la base."""
        if sesion is None:
            with self._lectura() as propia:
                return self.ahora(propia)
        ajuste = sesion.get(Ajuste, _CLAVE)
        if ajuste is None:
            return datetime.now(ZONA_CENTRO)
        datos = json.loads(ajuste.valor)
        momento = datetime.fromisoformat(datos["momento"])
        if datos.get("corre"):
            momento += datetime.now(ZONA_CENTRO) - datetime.fromisoformat(datos["fijado_en"])
        return momento.astimezone(ZONA_CENTRO)

    def fijar(self, momento: datetime, corre: bool = False) -> None:
        if momento.tzinfo is None:
            momento = momento.replace(tzinfo=ZONA_CENTRO)
        valor = {"momento": momento.isoformat(), "corre": corre,
                 "fijado_en": datetime.now(ZONA_CENTRO).isoformat()}
        with self._sesiones.begin() as sesion:
            sesion.merge(Ajuste(clave=_CLAVE, valor=json.dumps(valor)))

    def liberar(self) -> None:
        with self._sesiones.begin() as sesion:
            ajuste = sesion.get(Ajuste, _CLAVE)
            if ajuste is not None:
                sesion.delete(ajuste)
