"""subscriptions.access_token: the secret of a subscriber's own links (feed, unsubscribe)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 22:00:00
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("access_token", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_subscriptions_access_token"), ["access_token"]
        )
    # Subscriptions made before this revision get their token now, so every one has links.
    connection = op.get_bind()
    subscriptions = sa.table("subscriptions", sa.column("id"), sa.column("access_token"))
    for (subscription_id,) in connection.execute(sa.select(subscriptions.c.id)).all():
        connection.execute(
            subscriptions.update()
            .where(subscriptions.c.id == subscription_id)
            .values(access_token=secrets.token_urlsafe(32))
        )


def downgrade() -> None:
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_subscriptions_access_token"), type_="unique")
        batch_op.drop_column("access_token")
