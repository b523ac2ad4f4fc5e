"""Fixtures of the detector tests."""

from __future__ import annotations

import pytest

from contacts import KnowledgeBase


@pytest.fixture(scope="session")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    # An override path that does not exist: the packaged data alone, whatever the user has.
    return KnowledgeBase.load_default(override=tmp_path_factory.mktemp("kb") / "none.json")
