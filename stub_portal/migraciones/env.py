"""Entorno de Alembic: migra la conexión que le da base_de_datos.migrar, o la URL de sqlalchemy.url."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import create_engine

from stub_portal.modelo import Base, Monto

configuracion = context.config


def _tipo_estable(tipo: str, objeto: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Las migraciones no importan el modelo: Monto se escribe con los tipos de SQLAlchemy."""
    if tipo == "type" and isinstance(objeto, Monto):
        return "sa.String(40).with_variant(sa.Numeric(18, 3), 'postgresql')"
    return False


def _migrar(conexion: Any) -> None:
    context.configure(connection=conexion, target_metadata=Base.metadata, render_item=_tipo_estable,
                      render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


conexion = configuracion.attributes.get("connection")
if conexion is not None:
    _migrar(conexion)
else:
    motor = create_engine(configuracion.get_main_option("sqlalchemy.url") or "")
    with motor.connect() as nueva:
        _migrar(nueva)
        nueva.commit()
