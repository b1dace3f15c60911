"""The role benchmark's labels are well formed (benchmarks/data/roles/README.md); nothing here scores aidlint."""

from __future__ import annotations

import csv
import hashlib
import re
import tomllib
from pathlib import Path

import pytest

from aidlint.frontends import load_file
from aidlint.model import ROLES, UNKNOWN_ROLE
from tests.conftest import not_vendored

from .helpers import load_benchmark

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "benchmarks" / "data" / "roles"
LABEL_FILES = sorted((DATA / "labels").glob("*.toml"))
SHARED_RESERVED = REPO.parent / "shared" / "corpus" / "realworld" / "labels" / "RESERVED_REPOS.txt"

roles_accuracy = load_benchmark("roles_accuracy.py")


def _label(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _reserved(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}


def test_there_are_enough_labelled_diagrams_and_nodes():
    labels = [_label(path) for path in LABEL_FILES]
    assert len(labels) >= 100
    assert sum(len(label["nodes"]) for label in labels) >= 1500


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.stem)
def test_label_file_labels_every_node_with_a_role(path):
    label = _label(path)
    assert set(label) <= {"file", "repo", "split", "nodes", "notes", "batch"}
    assert label["split"] in ("dev", "heldout")
    assert re.fullmatch(r"[a-z0-9_-]+", label.get("batch", "none"))
    assert set(label["nodes"].values()) <= {*ROLES, UNKNOWN_ROLE}
    diagram = roles_accuracy.diagram_path(label["file"])
    # Only the shared corpus may be absent (no ../shared beside the clone); the benchmark's own diagrams ship.
    assert diagram is not None or label["file"].startswith(roles_accuracy.VENDORED_CORPUS), label["file"]
    if diagram is None:
        reason = not_vendored().get(label["file"].removeprefix("tests/corpus/realworld/"), "not found")
        pytest.skip(f"{label['file']} is not vendored ({reason}) and ../shared is absent")
    node_ids = [node.id for design in load_file(diagram) for node in design.nodes]
    assert sorted(label["nodes"]) == sorted(set(node_ids))


def test_split_is_by_repository_hash_and_about_a_third_is_held_out():
    """Held out: SHA-256 of the lowercased owner/name divisible by 3, bar SPLIT.toml's repositories kept in dev."""
    kept_in_dev = {repo.lower() for repo in tomllib.loads((DATA / "SPLIT.toml").read_text(encoding="utf-8"))["dev_repos"]}
    splits = []
    for path in LABEL_FILES:
        label = _label(path)
        digest = int(hashlib.sha256(label["repo"].lower().encode()).hexdigest(), 16)
        held_out = digest % 3 == 0 and label["repo"].lower() not in kept_in_dev
        assert label["split"] == ("heldout" if held_out else "dev"), path.name
        splits.append(label["split"])
    assert 0.25 <= splits.count("heldout") / len(splits) <= 0.40


def test_no_repository_is_reserved():
    reserved = _reserved(DATA / "RESERVED_REPOS.txt")
    if SHARED_RESERVED.exists():
        assert _reserved(SHARED_RESERVED) <= reserved, "benchmarks/data/roles/RESERVED_REPOS.txt is behind ../shared"
    used = {_label(path)["repo"].lower() for path in LABEL_FILES}
    assert not used & reserved


def test_new_diagrams_have_a_manifest_row_and_a_permissive_licence():
    with (DATA / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        rows = {row["local_file"]: row for row in csv.DictReader(handle, delimiter="\t")}
    for path in LABEL_FILES:
        label = _label(path)
        if not label["file"].startswith("benchmarks/"):
            continue
        row = rows[label["file"].removeprefix("benchmarks/data/roles/")]
        assert row["source_repo"] == label["repo"]
        assert row["license"].split()[0] in {"MIT", "MIT-0", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC"}
        assert (REPO / label["file"]).exists()


def test_a_batch_shares_no_repository_with_other_batches():
    """A fresh batch (``batch`` key) comes from repositories no earlier label file used, so nothing in it was tuned on."""
    repos_of: dict[str, set[str]] = {}
    for path in LABEL_FILES:
        label = _label(path)
        repos_of.setdefault(label.get("batch", ""), set()).add(label["repo"].lower())
    batches = sorted(repos_of)
    for index, batch in enumerate(batches):
        for other in batches[index + 1 :]:
            assert not repos_of[batch] & repos_of[other], (batch or "unbatched", other)


def test_batch_option_keeps_only_that_batch_and_refuses_an_empty_one(capsys):
    assert {label.batch for label in roles_accuracy.load_labels()} >= {None, "round3"}
    assert roles_accuracy.main(["--split", "all", "--batch", "no-such-batch"]) == 2
    assert "no label file of batch 'no-such-batch' in the all split" in capsys.readouterr().err


def test_a_minus_batch_leaves_that_batch_out(capsys):
    everything = roles_accuracy.score("all")
    only = roles_accuracy.score("all", batch="round3")
    without = roles_accuracy.score("all", batch="-round3")
    assert only["diagrams"] > 0 and without["diagrams"] > 0
    assert (only["diagrams"] + without["diagrams"], only["nodes"] + without["nodes"]) == (everything["diagrams"], everything["nodes"])


def test_show_errors_is_refused_on_the_held_out_split(capsys):
    assert roles_accuracy.main(["--split", "heldout", "--show-errors"]) == 2
    assert "refusing to show errors on the heldout split" in capsys.readouterr().err


@pytest.mark.parametrize(
    "batches, kept",
    [
        ("round3", [False, True, False, False]),
        ("-round4", [True, True, False, True]),
        ("-round4,-round5", [True, True, False, False]),
        ("round4,round5", [False, False, True, True]),
    ],
)
def test_batch_selection_keeps_names_and_leaves_out_minus_names(batches, kept):
    label_batches = [None, "round3", "round4", "round5"]  # None: the first files, labelled before batches
    assert [roles_accuracy.in_batches(b, batches) for b in label_batches] == kept


def test_macro_counts_each_role_labelled_or_predicted_and_scores_a_never_right_guess_zero():
    pairs = [("user", "user"), ("user", "auth"), ("auth", "auth"), ("unknown", "alerting")]
    # user: precision 1/1, recall 1/2; auth: 1/2, 1/1; alerting: predicted once, never right, never labelled.
    assert roles_accuracy.macro(pairs, ["user", "auth", "alerting", "monitoring"]) == (0.5, 0.75)


def test_macro_interval_redraws_repositories_the_same_way_each_time():
    by_repo = {
        "a/one": [("user", "user"), ("auth", "auth")],
        "b/two": [("user", "auth"), ("auth", "auth")],
        "c/three": [("user", "user"), ("auth", "user")],
    }
    first = roles_accuracy.macro_interval(by_repo, ["user", "auth"], draws=200)
    assert first == roles_accuracy.macro_interval(by_repo, ["user", "auth"], draws=200)
    low, high = first["macro_precision"]
    assert 0.0 <= low < roles_accuracy.macro([p for ps in by_repo.values() for p in ps], ["user", "auth"])[0] < high <= 1.0
    assert first["draws"] == 200


def test_macro_interval_of_one_repository_is_its_own_figure():
    by_repo = {"a/one": [("user", "user"), ("user", "auth"), ("auth", "auth")]}
    assert roles_accuracy.macro_interval(by_repo, ["user", "auth"], draws=50)["macro_recall"] == [0.75, 0.75]


def test_interval_needs_a_positive_number_of_redraws(capsys):
    assert roles_accuracy.main(["--split", "dev", "--batch", "round3", "--interval", "0"]) == 2
    assert "positive" in capsys.readouterr().err
