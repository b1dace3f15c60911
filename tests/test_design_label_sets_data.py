"""The held-out design label sets are well formed (benchmarks/data/design_labels_round*/README.md).

Nothing here runs aidlint on those diagrams: they are held-out measurements, scored by
benchmarks/accuracy.py only.
"""

from __future__ import annotations

import csv
import json
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA_ROOT = REPO / "benchmarks" / "data"
ROUNDS = (
    "design_labels_round2",
    "design_labels_round3",
    "design_labels_round4",
    "design_labels_round5",
    "design_labels_round6",
)
# Per round: (fewest, most) labelled diagrams, fewest repositories, most diagrams from one repository.
# Round four is smaller: most candidate repositories had no licence file (its README says so).
SHAPE = {
    "design_labels_round2": ((15, 20), 10, 3),
    "design_labels_round3": ((15, 20), 10, 3),
    "design_labels_round4": ((12, 16), 7, 2),
    "design_labels_round5": ((10, 14), 6, 2),
    "design_labels_round6": ((10, 14), 6, 2),
}
FIRST_LABELS = DATA_ROOT / "labels"
SHARED_RESERVED = REPO.parent / "shared" / "corpus" / "realworld" / "labels" / "RESERVED_REPOS.txt"
LABEL_KEYS = {"file", "domain", "profile", "applicable", "missing", "ambiguous", "notes"}
PERMISSIVE = re.compile(r"(MIT|Apache-2\.0|BSD-[23]-Clause) \(LICENSE(\.txt|\.md)?\)")
LABEL_FILES = [path for name in ROUNDS for path in sorted((DATA_ROOT / name).glob("*.json"))]


def _manifest(data: Path) -> list[dict]:
    with (data / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _repositories(data: Path) -> set[str]:
    return {row["source_repo"].lower() for row in _manifest(data)}


def _reserved(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}


def _diagram_files(data: Path) -> list[str]:
    return sorted(path.relative_to(data).as_posix() for path in (data / "diagrams").rglob("*") if path.is_file())


@pytest.mark.parametrize("name", ROUNDS)
def test_each_diagram_is_labelled_once(name):
    data = DATA_ROOT / name
    labels = sorted(data.glob("*.json"))
    labelled = Counter(json.loads(path.read_text(encoding="utf-8"))["file"] for path in labels)
    fewest, most = SHAPE[name][0]
    assert fewest <= len(labels) <= most
    assert sorted(labelled) == _diagram_files(data)
    assert set(labelled.values()) == {1}


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_label_is_well_formed(path):
    concepts = set(tomllib.loads((FIRST_LABELS / "concepts.toml").read_text(encoding="utf-8")))
    label = json.loads(path.read_text(encoding="utf-8"))
    assert set(label) <= LABEL_KEYS and LABEL_KEYS - {"profile"} <= set(label)
    assert (path.parent / label["file"]).is_file() and label["file"].startswith("diagrams/")
    applicable, missing, ambiguous = (set(label[key]) for key in ("applicable", "missing", "ambiguous"))
    assert applicable | ambiguous <= concepts
    assert missing <= applicable and not applicable & ambiguous
    assert label.get("profile", "classic-ml") == "classic-ml"
    assert len(label["notes"]) > 200


@pytest.mark.parametrize("name", ROUNDS)
def test_manifest_rows_are_complete_and_match_the_diagrams(name):
    data = DATA_ROOT / name
    rows = _manifest(data)
    assert list(rows[0]) == ["local_file", "source_repo", "path_in_repo", "commit", "license"]
    assert sorted(row["local_file"] for row in rows) == _diagram_files(data)
    for row in rows:
        owner_repo = row["source_repo"]
        assert re.fullmatch(r"[\w.-]+/[\w.-]+", owner_repo)
        assert row["local_file"].startswith(f"diagrams/{owner_repo.replace('/', '__')}/")
        assert row["path_in_repo"] and re.fullmatch(r"[0-9a-f]{40}", row["commit"])
        assert PERMISSIVE.fullmatch(row["license"]), row["license"]
        assert (data / "LICENSES" / f"{owner_repo.replace('/', '__')}.txt").is_file()
    assert max(Counter(row["source_repo"] for row in rows).values()) <= SHAPE[name][2]
    notice = (data / "LICENSES" / "NOTICE").read_text(encoding="utf-8")
    assert all(f"{row['source_repo']}: " in notice for row in rows)


@pytest.mark.parametrize("name", ROUNDS)
def test_no_repository_is_reserved_or_used_by_another_benchmark(name):
    reserved = _reserved(FIRST_LABELS / "RESERVED_REPOS.txt")
    if SHARED_RESERVED.exists():
        reserved |= _reserved(SHARED_RESERVED)
    realworld = {p.name.replace("__", "/", 1).lower() for p in (REPO / "tests" / "corpus" / "realworld").iterdir() if "__" in p.name}
    roles = _repositories(DATA_ROOT / "roles")
    others = set().union(*(_repositories(DATA_ROOT / other) for other in ROUNDS if other != name))
    used = _repositories(DATA_ROOT / name)
    assert len(used) >= SHAPE[name][1]
    assert not used & reserved
    assert not used & realworld
    assert not used & roles
    assert not used & others
