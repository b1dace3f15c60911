from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: The shared corpora, read in place (never edited): ../shared/corpus beside the repository.
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing at {CORPUS}")
    return CORPUS


@pytest.fixture(autouse=True)
def _not_inside_github_actions(monkeypatch):
    # Inside GitHub Actions `aidlint check` picks the `github` format by default; tests pin the others.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
