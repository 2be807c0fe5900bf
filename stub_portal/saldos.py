"""Saldos: lo que queda de un cupo en un año y de una asignación.

El cupo se consume con los certificados que se expiden (menos lo que se cancela): quien obtiene
primero sus certificados, primero ejerce (Primero en Tiempo, Primero en Derecho). La asignación es
el tope de lo que cada beneficiario puede pedir en certificados.

Las asignaciones, a su vez, reparten el monto del año en el orden en que llegan (CUP-07): lo que
queda por asignar es el monto del año menos lo ya asignado, y ninguna asignación pasa de ahí, por
más solicitudes que lleguen juntas a la apertura.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from stub_portal.modelo import Asignacion, Certificado, Cupo, Usuario


def _neto(certificados: list[Certificado]) -> Decimal:
    return sum((c.monto_expedido - c.monto_cancelado for c in certificados), Decimal(0))


def saldo_del_cupo(sesion: Session, cupo: Cupo, anio: int) -> Decimal | None:
    """None si el cupo no tiene monto ese año."""
    monto = cupo.monto_del_anio(anio)
    if monto is None:
        return None
    certificados = sesion.scalars(select(Certificado).where(
        Certificado.cupo_id == cupo.id, extract("year", Certificado.fecha_expedicion) == anio))
    return monto - _neto(list(certificados))


def por_asignar(sesion: Session, cupo: Cupo, anio: int) -> Decimal | None:
    """Lo que queda del monto del año sin asignar; None si el cupo no tiene monto ese año."""
    monto = cupo.monto_del_anio(anio)
    if monto is None:
        return None
    asignado = sesion.scalars(select(Asignacion.monto).where(
        Asignacion.cupo_id == cupo.id, Asignacion.anio == anio))
    return monto - sum(asignado, Decimal(0))


def saldo_de_la_asignacion(sesion: Session, asignacion: Asignacion) -> Decimal:
    certificados = sesion.scalars(select(Certificado).where(Certificado.asignacion_id == asignacion.id))
    return asignacion.monto - _neto(list(certificados))


def asignaciones_de(sesion: Session, titular: Usuario, anio: int) -> list[Asignacion]:
    return list(sesion.scalars(select(Asignacion).where(
        Asignacion.titular_id == titular.id, Asignacion.anio == anio).order_by(Asignacion.id)))


def asignacion_anterior(sesion: Session, titular: Usuario, cupo: Cupo, anio: int) -> Asignacion | None:
    """La última asignación del beneficiario en ese cupo y año (ASG-02)."""
    return next((a for a in reversed(asignaciones_de(sesion, titular, anio)) if a.cupo_id == cupo.id),
                None)
