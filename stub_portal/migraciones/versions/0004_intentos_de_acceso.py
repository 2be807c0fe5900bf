"""los intentos de acceso fallidos, para frenarlos por certificado y por dirección

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 08:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'intentos_de_acceso',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('clave', sa.String(length=80), nullable=False),
        sa.Column('momento', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_intentos_de_acceso_clave_momento', 'intentos_de_acceso', ['clave', 'momento'])


def downgrade() -> None:
    op.drop_index('ix_intentos_de_acceso_clave_momento', table_name='intentos_de_acceso')
    op.drop_table('intentos_de_acceso')
