from __future__ import annotations

import pytest

from aidlint.cli import main

from ..conftest import REPO


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([*args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def in_repo(monkeypatch):
    """Run from the repository root, so report paths read `samples/...` on every machine."""
    monkeypatch.chdir(REPO)
    return REPO
