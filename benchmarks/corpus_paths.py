"""Where the benchmarks find the real diagrams and their labels, and which repositories they refuse.

The diagrams are vendored in tests/corpus/realworld (tests/corpus/README.md), the reviewer's labels in
benchmarks/data/labels. Diagrams whose licence keeps them out of the repository (NOT_VENDORED.tsv) are
read from the corpus they were copied from when it sits beside the checkout, and skipped otherwise.
A labels directory that keeps its own diagrams (benchmarks/data/design_labels_round2) names them relative
to itself, and borrows concepts.toml and RESERVED_REPOS.txt from benchmarks/data/labels when it has none.
"""

from __future__ import annotations

import csv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "benchmarks" / "data" / "labels"
CORPUS = REPO / "tests" / "corpus"
REALWORLD = CORPUS / "realworld"
UPSTREAM_REALWORLD = REPO.parent / "shared" / "corpus" / "realworld"


def not_vendored() -> dict[str, str]:
    """Real-world file (relative to realworld/) -> why it is not in the repository."""
    with (REALWORLD / "NOT_VENDORED.tsv").open(encoding="utf-8", newline="") as handle:
        return {row["local_file"]: row["reason"] for row in csv.DictReader(handle, delimiter="\t")}


def locate(relative: str, labels: Path | None = None) -> tuple[Path | None, str]:
    """A labelled diagram: (its file, "") or (None, why it is absent).

    The path is relative to the labels directory when a file is there, else to realworld/."""
    if labels is not None and (labels / relative).is_file():
        return labels / relative, ""
    reason = not_vendored().get(relative)
    if reason is None:
        return REALWORLD / relative, ""
    if (UPSTREAM_REALWORLD / relative).is_file():
        return UPSTREAM_REALWORLD / relative, ""
    return None, f"not vendored ({reason}) and no upstream corpus at {UPSTREAM_REALWORLD}"


def upstream_only_files() -> tuple[list[Path], list[str]]:
    """The not-vendored diagrams found upstream, and a line for each one that could not be found."""
    found, absent = [], []
    for relative in sorted(not_vendored()):
        path, why = locate(relative)
        (found.append(path) if path else absent.append(f"{relative}: {why}"))
    return found, absent


def labels_file(labels: Path, name: str) -> Path:
    """A labels directory's own concepts.toml or RESERVED_REPOS.txt, else benchmarks/data/labels' copy."""
    own = labels / name
    return own if own.is_file() else LABELS / name


def reserved_repos(labels: Path = LABELS) -> set[str]:
    """Repositories held out for independent measurement (RESERVED_REPOS.txt), as `owner/name`."""
    lines = labels_file(labels, "RESERVED_REPOS.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}


def reserved_in(paths: list[Path], labels: Path = LABELS) -> list[str]:
    """The paths that name a reserved repository (`owner/name` or the corpus's `owner__name`)."""
    reserved = reserved_repos(labels)
    hits = []
    for path in paths:
        text = path.resolve().as_posix().lower()
        if any(repo in text or repo.replace("/", "__") in text for repo in reserved):
            hits.append(str(path))
    return hits
