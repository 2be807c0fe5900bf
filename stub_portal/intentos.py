"""Los frenos del inicio de sesión: tantos intentos fallidos con una e.firma, o desde una dirección, en una
ventana de tiempo, y esa e.firma o esa dirección esperan a que la ventana pase (también con la contraseña
buena: si no, el freno no frenaría a quien la adivina). Una e.firma cuenta por su número sólo si la emitió
una AC de confianza: con un .cer falsificado que lleva el número de otra no se frena a su dueño (ese intento
cuenta sólo para la dirección).

Correcto con muchos procesos a la vez por construcción: cada intento se anota y se confirma en la base
*antes* de contar los de la ventana, así que dos intentos simultáneos se ven uno al otro y nunca pasan más
de los permitidos. Un intento frenado se borra (no alarga la ventana); uno que sale bien borra los de su
certificado; uno que falla se queda: es lo que se cuenta. La hora es la real (reloj.hora_real), no la del
portal, que las pruebas mueven.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from stub_portal.modelo import IntentoDeAcceso

POR_CERTIFICADO = 5
POR_DIRECCION = 50
VENTANA = timedelta(minutes=15)


@dataclass(frozen=True)
class Frenos:
    por_certificado: int = POR_CERTIFICADO
    por_direccion: int = POR_DIRECCION
    ventana: timedelta = VENTANA


@dataclass(frozen=True)
class Freno:
    """El intento no sigue: `que` lo frenó («certificado» o «direccion») y en cuántos segundos vuelve a poder."""

    que: str
    espera: int

    def mensaje(self) -> str:
        minutos = max(1, math.ceil(self.espera / 60))
        if self.que == "certificado":
            mensaje = (f"Hubo demasiados intentos fallidos con esta e.firma. Por seguridad, espere {minutos} min "
                       "y vuelva a intentarlo.")
        else:
            mensaje = (f"Hubo demasiados intentos fallidos desde esta conexión. Por seguridad, espere {minutos} "
                       "min y vuelva a intentarlo.")
        return mensaje


@dataclass(frozen=True)
class Intento:
    ids: tuple[int, ...]
    certificado: str | None


def _claves(certificado: str | None, direccion: str) -> list[tuple[str, str]]:
    claves = [("direccion", f"direccion:{direccion[:60]}")]
    if certificado:
        claves.insert(0, ("certificado", f"certificado:{certificado[:60]}"))
    return claves


def empezar(sesion: Session, certificado: str | None, direccion: str, ahora: datetime,
            frenos: Frenos) -> Intento | Freno:
    """Anota el intento (confirmado) y cuenta los de la ventana: el intento, o el freno que lo detiene."""
    claves = _claves(certificado, direccion)
    anotados = [IntentoDeAcceso(clave=clave, momento=ahora) for _, clave in claves]
    sesion.add_all(anotados)
    sesion.commit()
    ids = tuple(a.id for a in anotados)
    desde = ahora - frenos.ventana
    for que, clave in claves:
        limite = frenos.por_certificado if que == "certificado" else frenos.por_direccion
        cuantos, primero = sesion.execute(
            select(func.count(), func.min(IntentoDeAcceso.momento))
            .where(IntentoDeAcceso.clave == clave, IntentoDeAcceso.momento > desde)).one()
        if cuantos > limite:
            sesion.execute(delete(IntentoDeAcceso).where(IntentoDeAcceso.id.in_(ids)))
            sesion.commit()
            vence = _con_zona(primero, ahora) + frenos.ventana
            return Freno(que, max(1, math.ceil((vence - ahora).total_seconds())))
    return Intento(ids, certificado)


def _con_zona(momento: datetime, como: datetime) -> datetime:
    """SQLite devuelve la hora sin zona (se guardó en UTC, como `como`)."""
    return momento if momento.tzinfo is not None else momento.replace(tzinfo=como.tzinfo)


def salio_bien(sesion: Session, intento: Intento) -> None:
    """Entró: ni este intento ni los fallidos de su e.firma cuentan ya."""
    del_certificado = IntentoDeAcceso.clave == f"certificado:{(intento.certificado or '')[:60]}"
    sesion.execute(delete(IntentoDeAcceso).where(or_(IntentoDeAcceso.id.in_(intento.ids), del_certificado)))


def olvidar_los_viejos(sesion: Session, ahora: datetime, frenos: Frenos) -> None:
    """Los que ya salieron de la ventana no cuentan: se borran (la tabla no crece sin fin)."""
    sesion.execute(delete(IntentoDeAcceso).where(IntentoDeAcceso.momento <= ahora - frenos.ventana))
