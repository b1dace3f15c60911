from __future__ import annotations

import pytest

from ..conftest import REPO


@pytest.fixture
def in_repo(monkeypatch):
    """Run from the repository root, so report paths read `samples/...` on every machine."""
    monkeypatch.chdir(REPO)
    return REPO
