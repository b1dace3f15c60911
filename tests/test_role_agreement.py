"""benchmarks/roles_agreement.py and its data: a second reader of the role benchmark (second_reader/README.md)."""

from __future__ import annotations

import json
import random
import tomllib

import pytest

from .helpers import load_benchmark

roles_agreement = load_benchmark("roles_agreement.py")
roles_accuracy = roles_agreement.roles_accuracy


def test_kappa_corrects_agreement_for_chance():
    # 3 of 4 alike; by chance, readers with these frequencies (a 2/4, b 2/4 and a 1/4, b 3/4) agree 1/2
    assert roles_agreement.kappa([("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]) == 0.5
    assert roles_agreement.kappa([("a", "a"), ("a", "a")]) is None  # one role only: chance agreement is total
    assert roles_agreement.kappa([]) is None


def test_compare_scores_each_pair_and_aidlint_where_the_readers_agree():
    readings = {
        "first": ["user", "model_inference", "unknown", "retrieval"],
        "second": ["user", "model_inference", "data_store", "retrieval"],
        "aidlint": ["user", "unknown", "data_store", "retrieval"],
    }
    report = roles_agreement.compare(readings)
    assert report["readers_agree_on"] == 3
    assert report["aidlint_on_agreed"] == 0.6667  # user and retrieval of user, model, retrieval
    assert report["disagreements"] == [2]
    assert {name: row["agreement"] for name, row in report["pairs"].items()} == {
        "second reader vs first": 0.75,
        "aidlint vs first": 0.5,
        "aidlint vs second": 0.75,
    }
    first_vs_second = report["pairs"]["second reader vs first"]
    assert first_vs_second["nodes"] == 4
    assert first_vs_second["kappa"] == 0.6923  # (3/4 - 3/16) / (1 - 3/16)
    # over the rule roles found: user and model_inference read alike, data_store named once by the second
    # reader only (precision 0, no recall to count); retrieval and unknown are no rule roles
    assert (first_vs_second["macro_precision"], first_vs_second["macro_recall"]) == (0.6667, 1.0)


def test_the_second_readers_files_are_the_drawn_sample_and_label_the_same_nodes():
    first = {label.name: label for label in roles_accuracy.load_labels()}
    second = roles_accuracy.load_labels(roles_agreement.SECOND_READER)
    plan = roles_agreement.sample_plan()
    drawn = roles_agreement.drawn_sample(first, plan)
    assert [label.name for label in second] == drawn
    assert len(drawn) == plan["size"] == 30
    for label in second:
        assert (label.file, label.repo, label.split) == (first[label.name].file, first[label.name].repo, "dev")
        assert sorted(label.nodes) == sorted(first[label.name].nodes)
        assert label.batch is None and not label.notes


def test_no_left_out_repository_is_in_the_sample():
    plan = roles_agreement.sample_plan()
    for label in roles_accuracy.load_labels(roles_agreement.SECOND_READER):
        assert not any(word.lower() in label.name.lower() for word in plan["left_out"])


def test_the_fresh_readers_files_label_the_first_readers_nodes_of_dev_diagrams():
    first = {label.name: label for label in roles_accuracy.load_labels()}
    fresh = roles_accuracy.load_labels(roles_agreement.FRESH_READER)
    assert len(fresh) == 8 and sum(len(label.nodes) for label in fresh) == 133
    assert len({label.repo for label in fresh}) == 8  # one diagram per repository
    for label in fresh:
        assert (label.file, label.repo, label.split) == (first[label.name].file, first[label.name].repo, "dev")
        assert list(label.nodes) == list(first[label.name].nodes)
        assert label.batch is None and not label.notes


def test_the_reader_option_chooses_whose_second_reading_is_compared(capsys):
    assert roles_agreement.main(["--reader", "fresh", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["pairs"]["second reader vs first"]["nodes"] == 133
    assert roles_agreement.main(["--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["pairs"]["second reader vs first"]["nodes"] == 297


def test_the_fresh_readers_held_out_files_are_the_drawn_sample():
    first = {label.name: label for label in roles_accuracy.load_labels()}
    folder = roles_agreement.FRESH_READER_HELDOUT
    plan = tomllib.loads((folder.parent / "FRESH_READER_HELDOUT_SAMPLE.toml").read_text(encoding="utf-8"))
    frame = sorted(name for name, label in first.items() if label.split == "heldout" and (label.batch or "") in plan["batches"])
    drawn = sorted(random.Random(plan["seed"]).sample(frame, plan["size"]))
    held_out = roles_accuracy.load_labels(folder)
    assert [label.name for label in held_out] == drawn and len(drawn) == 12
    assert sum(len(label.nodes) for label in held_out) == 153
    for label in held_out:
        assert (label.file, label.repo, label.split) == (first[label.name].file, first[label.name].repo, "heldout")
        assert list(label.nodes) == list(first[label.name].nodes)


def test_on_held_out_diagrams_only_the_figures_are_shown(capsys):
    assert roles_agreement.main(["--reader", "fresh-heldout", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["disagreements"] == []
    assert report["disagreements_not_shown"] == 153 - report["readers_agree_on"]
    assert roles_agreement.main(["--reader", "fresh-heldout"]) == 0
    text = capsys.readouterr().out
    assert "(held-out: not shown)" in text and "/ aidlint" not in text
