"""acuse descrito al firmar, dibujado al pedirlo

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 05:28:32.071967
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('solicitudes', schema=None) as batch_op:
        # Las solicitudes anteriores ya tienen su acuse_pdf dibujado: su descripción queda vacía.
        batch_op.add_column(sa.Column('acuse_json', sa.Text(), nullable=False, server_default=''))



def downgrade() -> None:
    with op.batch_alter_table('solicitudes', schema=None) as batch_op:
        batch_op.drop_column('acuse_json')

