"""una sesión abierta con una e.firma de una AC de la API de pruebas termina al apagar la API

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 07:25:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sesiones', schema=None) as batch_op:
        # Las que ya estaban no se sabe con qué AC se abrieron: se toman como de la API, lo prudente (un
        # arranque sin la API las cierra; con ella, siguen).
        batch_op.add_column(sa.Column('por_la_api', sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table('sesiones', schema=None) as batch_op:
        batch_op.drop_column('por_la_api')
