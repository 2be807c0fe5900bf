"""La base de datos del portal: SQLite (la demostración, un proceso) o PostgreSQL (un despliegue con
varios procesos), el esquema con Alembic y los datos de referencia que toda base necesita.

Concurrencia. En PostgreSQL cada petición que cambia algo bloquea los renglones que va a cambiar
(SELECT … FOR UPDATE, ver `bloquear`). SQLite no bloquea renglones: ahí las transacciones de
escritura empiezan con BEGIN IMMEDIATE, que las pone en fila; las de lectura no esperan (WAL).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

MIGRACIONES = Path(__file__).parent / "migraciones"
_CANDADO_DE_PREPARACION = 7_305_011  # pg_advisory_lock: una sola preparación a la vez
T = TypeVar("T")


@dataclass(frozen=True)
class Sesiones:
    """Las dos fábricas de sesiones: `lectura` para ver, `escritura` para cambiar algo."""

    lectura: sessionmaker[Session]
    escritura: sessionmaker[Session]

    def cerrar(self) -> None:
        """Cierra las conexiones que queden abiertas (al terminar un proceso o una prueba)."""
        for fabrica in (self.lectura, self.escritura):
            motor = fabrica.kw.get("bind")
            if isinstance(motor, Engine):
                motor.dispose()


def es_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def _motor_sqlite(url: str, inmediata: bool) -> Engine:
    # Cada petición abre su conexión (NullPool): con SQLite es barato y no hay reserva que agotar.
    motor = create_engine(url, poolclass=NullPool, connect_args={"check_same_thread": False})

    @event.listens_for(motor, "connect")
    def _al_conectar(conexion: Any, _registro: object) -> None:
        conexion.isolation_level = None  # las transacciones las abre _al_empezar, no pysqlite
        cursor = conexion.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(motor, "begin")
    def _al_empezar(conexion: Any) -> None:
        conexion.exec_driver_sql("BEGIN IMMEDIATE" if inmediata else "BEGIN")

    return motor


def abrir(url: str) -> Sesiones:
    """Las fábricas de sesiones de una base ya preparada."""
    if es_sqlite(url):
        return Sesiones(
            lectura=sessionmaker(_motor_sqlite(url, inmediata=False), expire_on_commit=False),
            escritura=sessionmaker(_motor_sqlite(url, inmediata=True), expire_on_commit=False),
        )
    motor = create_engine(url, pool_size=10, max_overflow=20, pool_timeout=15, pool_pre_ping=True)
    fabrica = sessionmaker(motor, expire_on_commit=False)
    return Sesiones(lectura=fabrica, escritura=fabrica)


def _configuracion_alembic() -> Config:
    configuracion = Config()
    configuracion.set_main_option("script_location", str(MIGRACIONES))
    return configuracion


def migrar(url: str) -> None:
    """Crea el esquema o lo lleva a la última versión (Alembic). Repetirlo no cambia nada."""
    motor = _motor_sqlite(url, inmediata=True) if es_sqlite(url) else create_engine(url, poolclass=NullPool)
    try:
        with motor.begin() as conexion:
            if not es_sqlite(url):
                conexion.execute(text("SELECT pg_advisory_xact_lock(:c)"), {"c": _CANDADO_DE_PREPARACION})
            configuracion = _configuracion_alembic()
            configuracion.attributes["connection"] = conexion
            command.upgrade(configuracion, "head")
    finally:
        motor.dispose()


def preparar(url: str) -> None:
    """Migra la base y carga lo que todo portal necesita (catálogos y la firma de la Secretaría).

    Es lo que hace `python -m stub_portal --preparar`; un arranque sobre una base ya preparada es un
    arranque normal, cuantas veces sea.
    """
    from stub_portal import catalogo
    from stub_portal.firma_documentos import FirmaDeLaSecretaria

    migrar(url)
    sesiones = abrir(url)
    try:
        catalogo.cargar(sesiones.escritura)
        FirmaDeLaSecretaria.cargar_o_crear(sesiones.escritura)
    finally:
        sesiones.cerrar()


def bloquear(sesion: Session, modelo: type[T], *ids: int) -> list[T]:
    """Bloquea esos renglones hasta el fin de la transacción y los devuelve recién leídos.

    En PostgreSQL es SELECT … FOR UPDATE, en orden de id para que dos transacciones nunca se esperen
    en cruz; en SQLite (que omite FOR UPDATE) la transacción de escritura ya es la única.
    """
    if not ids:
        return []
    columna = modelo.id  # type: ignore[attr-defined]
    consulta = (select(modelo).where(columna.in_(sorted(set(ids)))).order_by(columna)
                .with_for_update().execution_options(populate_existing=True))
    return list(sesion.scalars(consulta))
