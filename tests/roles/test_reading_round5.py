"""Reading rules of round five (docs/roles.md), each on labels invented for these tests."""

from __future__ import annotations

import pytest

from aidlint.model import Node
from aidlint.roles.infer import classify_label
from aidlint.roles.vocabulary import load_vocabulary


def read(label: str) -> tuple[str, str, str | None]:
    assignment = classify_label(Node(id="n", label=label), load_vocabulary())
    return assignment.role, assignment.how, assignment.matched


@pytest.mark.parametrize(
    ("label", "matched"),
    [
        # Rule, decision and policy engines are the application's logic; assembling the context is too.
        ("Fraud Rules Engine", "rule engine"),
        ("Eligibility rule engine", "rule engine"),
        ("Decision engine", "decision engine"),
        ("Refund Policy Engine", "policy engine"),
        ("Prepare context: last 5 turns", "prepare context"),
        ("Build context from past tickets", "build context"),
        ("Context assembly", "context assembly"),
    ],
)
def test_engines_of_rules_and_context_assembly_are_the_application(label, matched):
    assert read(label) == ("application", "label", matched)


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Chunking engine", "unknown"),  # an engine alone is whatever it processes with: no role
        ("Compute Engine", "unknown"),
        ("Policy enforcement engine", "auth"),  # the longer phrase still wins
        ("Inference engine", "model_inference"),
    ],
)
def test_other_engines_are_read_by_their_other_words(label, role):
    assert read(label)[0] == role
