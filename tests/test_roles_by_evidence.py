"""benchmarks/roles_by_evidence.py: right readings per evidence kind and set, on invented readings."""

from __future__ import annotations

from aidlint.roles.assignment import RoleAssignment

from .helpers import load_benchmark

by_evidence = load_benchmark("roles_by_evidence.py")


def test_words_carry_their_strength_and_other_readings_their_kind():
    assert by_evidence.evidence_kind(RoleAssignment("model_inference", "label", "LLM")) == "label:name"
    assert by_evidence.evidence_kind(RoleAssignment("model_inference", "label", "LLM", in_detail=True)) == "label:detail"
    titled = RoleAssignment(
        "model_inference", "label", "GPT-4o", ("application",), "a generic title gives way to the model_inference named under it", True
    )
    assert by_evidence.evidence_kind(titled) == "label:detail:title"
    assert by_evidence.evidence_kind(RoleAssignment("safety_filter", "group", "Guard layer")) == "group"
    assert by_evidence.evidence_kind(RoleAssignment("unknown", "unknown")) == "unknown"


def test_tally_counts_right_and_all_per_set_with_the_busiest_kind_first():
    readings = [
        ("group", "dev, older", True),
        ("label:name", "dev, older", True),
        ("label:name", "dev, fresh", False),
        ("label:name", "held-out", True),
        ("group", "held-out", False),
        ("label:name", "dev, fresh", True),
    ]
    assert by_evidence.tally(readings) == {
        "label:name": {"dev, older": (1, 1), "dev, fresh": (1, 2), "held-out": (1, 1)},
        "group": {"dev, older": (1, 1), "dev, fresh": (0, 0), "held-out": (0, 1)},
    }
