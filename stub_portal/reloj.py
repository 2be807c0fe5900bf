"""El reloj del portal. Toda regla que dependa de la fecha o la hora lo lee a él, nunca al sistema."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from stub_portal.modelo import Ajuste

ZONA_CENTRO = ZoneInfo("America/Mexico_City")
_CLAVE = "reloj_fijo"


class Reloj:
    """La hora del centro de México, o la que fijen las pruebas (se guarda en la base de datos)."""

    def __init__(self, sesiones: sessionmaker[Session]) -> None:
        self._sesiones = sesiones

    def ahora(self) -> datetime:
        with self._sesiones() as sesion:
            fijo = sesion.get(Ajuste, _CLAVE)
            if fijo is not None:
                return datetime.fromisoformat(fijo.valor).astimezone(ZONA_CENTRO)
        return datetime.now(ZONA_CENTRO)

    def fijar(self, momento: datetime) -> None:
        if momento.tzinfo is None:
            momento = momento.replace(tzinfo=ZONA_CENTRO)
        with self._sesiones.begin() as sesion:
            sesion.merge(Ajuste(clave=_CLAVE, valor=momento.isoformat()))

    def liberar(self) -> None:
        with self._sesiones.begin() as sesion:
            fijo = sesion.get(Ajuste, _CLAVE)
            if fijo is not None:
                sesion.delete(fijo)
