"""A head that lists the parts of one box: its first item names it (docs/roles.md, "Reading a label");
invented labels."""

from __future__ import annotations

import pytest

from aidlint.model import Node
from aidlint.roles.infer import classify_label
from aidlint.roles.vocabulary import load_vocabulary


def reading_of(label: str):
    return classify_label(Node(id="n", label=label), load_vocabulary())


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Training and evaluation", "training_pipeline"),
        ("Evaluation and retraining", "evaluation"),
        ("Auth + Quota", "auth"),
        ("Quota + Auth", "rate_limiter"),
        ("Alerting & Logging", "alerting"),
        ("Model registry + promotion gate", "model_registry"),
        ("Promotion gate, model registry", "evaluation"),
    ],
)
def test_the_first_item_of_a_list_in_the_head_names_the_box(label, role):
    assert reading_of(label).role == role


def test_the_reading_says_which_rule_settled_the_tie():
    reading = reading_of("Alerting & Logging")
    assert (reading.role, reading.ambiguous_with, reading.tie_rule) == (
        "alerting",
        ("audit_log",),
        "the first item of a list in the head names the box",
    )


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("RLHF Pipeline Monitor", "monitoring"),  # a noun phrase lists nothing: its last noun names the box
        ("Logging & Alerting<br>training and evaluation", "audit_log"),  # the detail's list does not count
    ],
)
def test_what_is_no_list_of_the_head_keeps_the_usual_reading(label, role):
    assert reading_of(label).role == role
