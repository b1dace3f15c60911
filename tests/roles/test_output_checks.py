"""Checks of a model's answer at run time (docs/roles.md, "Safety checks may be questions"), on invented labels."""

from __future__ import annotations

import pytest

from aidlint.model import Node
from aidlint.roles.infer import classify_label
from aidlint.roles.vocabulary import load_vocabulary


def read(label: str) -> tuple[str, str]:
    assignment = classify_label(Node(id="n", label=label), load_vocabulary())
    return assignment.role, assignment.how


@pytest.mark.parametrize(
    "label",
    [
        "Output verification",
        "Reply output verifier<br/>LLM-as-judge",  # the head names the check; the detail says who makes it
        "Verify output<br/>second model",
        "Response Validation Service",
        "Validate response",
        "Response verifier",
    ],
)
def test_a_check_of_the_model_output_or_response_is_an_output_filter(label):
    assert read(label) == ("safety_filter", "label")


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Model validation", "evaluation"),  # a model's own validation is its evaluation
        ("Verify signature", "unknown"),  # a check of something else than an answer
    ],
)
def test_checks_of_other_things_keep_their_reading(label, role):
    assert read(label)[0] == role
