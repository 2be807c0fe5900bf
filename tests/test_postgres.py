"""El PostgreSQL desechable del arnés funciona: decimales exactos, bases aisladas y bloqueos de fila."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from fixtures.postgres import FabricaDeBases

INCREMENTOS_POR_HILO = 50


class Base(DeclarativeBase):
    pass


class Saldo(Base):
    __tablename__ = "saldo"

    id: Mapped[int] = mapped_column(primary_key=True)
    toneladas: Mapped[Decimal] = mapped_column(sa.Numeric(18, 3))
    movimientos: Mapped[int] = mapped_column(default=0)


@contextmanager
def motor_con_esquema(url: str) -> Iterator[sa.Engine]:
    motor = sa.create_engine(url)
    try:
        Base.metadata.create_all(motor)
        yield motor
    finally:
        motor.dispose()


def test_numeric_conserva_los_decimales_exactos(base_postgres: FabricaDeBases) -> None:
    with motor_con_esquema(base_postgres()) as motor:
        with Session(motor) as sesion, sesion.begin():
            sesion.add(Saldo(id=1, toneladas=Decimal("12.345")))
        with Session(motor) as sesion:
            toneladas = sesion.get_one(Saldo, 1).toneladas
    assert toneladas == Decimal("12.345")
    assert isinstance(toneladas, Decimal)


def test_cada_base_de_la_fabrica_es_independiente(base_postgres: FabricaDeBases) -> None:
    primera, segunda = base_postgres(), base_postgres()
    assert primera != segunda
    with motor_con_esquema(primera) as motor, Session(motor) as sesion, sesion.begin():
        sesion.add(Saldo(id=1, toneladas=Decimal("1.000")))
    with motor_con_esquema(segunda) as motor, Session(motor) as sesion:
        assert sesion.scalars(sa.select(Saldo)).all() == []


def test_for_update_serializa_los_incrementos_concurrentes(base_postgres: FabricaDeBases) -> None:
    with motor_con_esquema(base_postgres()) as motor:
        with Session(motor) as sesion, sesion.begin():
            sesion.add(Saldo(id=1, toneladas=Decimal("0"), movimientos=0))
        salida = threading.Barrier(2)

        def incrementar() -> None:
            salida.wait(timeout=30)
            for _ in range(INCREMENTOS_POR_HILO):
                with Session(motor) as sesion, sesion.begin():
                    saldo = sesion.scalars(sa.select(Saldo).where(Saldo.id == 1).with_for_update()).one()
                    saldo.movimientos += 1
                    saldo.toneladas += Decimal("0.001")

        with ThreadPoolExecutor(max_workers=2) as hilos:
            for tarea in [hilos.submit(incrementar) for _ in range(2)]:
                tarea.result(timeout=60)
        with Session(motor) as sesion:
            saldo = sesion.get_one(Saldo, 1)
            assert saldo.movimientos == 2 * INCREMENTOS_POR_HILO
            assert saldo.toneladas == Decimal("0.100")


def test_una_fila_bloqueada_no_se_puede_tomar_desde_otra_sesion(base_postgres: FabricaDeBases) -> None:
    with motor_con_esquema(base_postgres()) as motor:
        with Session(motor) as sesion, sesion.begin():
            sesion.add(Saldo(id=1, toneladas=Decimal("5")))
        consulta = sa.select(Saldo).where(Saldo.id == 1)
        with Session(motor) as duena, duena.begin():
            duena.scalars(consulta.with_for_update()).one()
            with Session(motor) as otra, otra.begin(), pytest.raises(OperationalError, match="lock"):
                otra.scalars(consulta.with_for_update(nowait=True)).one()
