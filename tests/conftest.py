from __future__ import annotations

import csv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: The conformance corpora, vendored with their manifests and licences (tests/corpus/README.md).
CORPUS = REPO / "tests" / "corpus"
#: The corpus the vendored one was copied from, when it sits beside the checkout: the only place to find
#: the files whose licence keeps them out of CORPUS (realworld/NOT_VENDORED.tsv). Optional by design.
UPSTREAM_CORPUS = REPO.parent / "shared" / "corpus"


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def not_vendored() -> dict[str, str]:
    """Real-world file (relative to realworld/) -> why it is not in the repository."""
    return {row["local_file"]: row["reason"] for row in read_tsv(CORPUS / "realworld" / "NOT_VENDORED.tsv")}


def upstream_or_skip(relative: str, reason: str) -> Path:
    """The upstream copy of a file that is not vendored; the test skips, saying why, when there is none."""
    path = UPSTREAM_CORPUS / relative
    if not path.is_file():
        pytest.skip(f"{relative} is not vendored ({reason}) and {UPSTREAM_CORPUS} is absent")
    return path


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the vendored corpus is missing at {CORPUS}")
    return CORPUS


@pytest.fixture(autouse=True)
def _not_inside_github_actions(monkeypatch):
    # Inside GitHub Actions `aidlint check` picks the `github` format by default; tests pin the others.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
