"""The schema: migrations agree with the models and run both ways, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

import store
from store.models import Base


def test_migrations_match_models(database_url: str) -> None:
    engine = store.make_engine(database_url)
    store.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_upgrade_downgrade_upgrade(database_url: str) -> None:
    engine = store.make_engine(database_url)
    store.upgrade(engine)
    assert store.current_revision(engine) == store.head_revision(engine)
    store.downgrade(engine, "base")
    assert store.current_revision(engine) is None
    assert "contacts" not in inspect(engine).get_table_names()
    store.upgrade(engine)
    assert {"articles", "contacts", "deliveries"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_fresh_sqlite_file_is_upgraded_on_first_use(tmp_path) -> None:
    engine = store.make_engine(f"sqlite:///{tmp_path / 'new' / 'db.sqlite'}")
    store.ensure_schema(engine)
    assert store.current_revision(engine) == store.head_revision(engine)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()
