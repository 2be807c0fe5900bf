"""las autoridades que registró la API de pruebas sólo valen con la API encendida

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 07:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('autoridades_confiables', schema=None) as batch_op:
        # No se sabe quién registró las que ya estaban: se toman como de la API, que es lo prudente (la
        # demostración se siembra de nuevo en una base vacía, y la suya dice que no).
        batch_op.add_column(sa.Column('por_la_api', sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table('autoridades_confiables', schema=None) as batch_op:
        batch_op.drop_column('por_la_api')
