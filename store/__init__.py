"""The store: SQLAlchemy models, migrations and a small repository API of plain functions.

It knows nothing of crawling, detection or alerting: the application passes plain values in.
"""

from store.engine import (
    SchemaOutdated,
    current_revision,
    downgrade,
    ensure_schema,
    head_revision,
    make_engine,
    make_sessionmaker,
    upgrade,
)

__all__ = [
    "SchemaOutdated",
    "current_revision",
    "downgrade",
    "ensure_schema",
    "head_revision",
    "make_engine",
    "make_sessionmaker",
    "upgrade",
]
