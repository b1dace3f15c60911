"""Questions and decision diamonds (docs/roles.md, "Questions and decision diamonds"), on invented labels."""

from __future__ import annotations

import pytest

from aidlint.model import Node
from aidlint.roles.infer import classify_label
from aidlint.roles.vocabulary import load_vocabulary


def read(label: str, shape: str | None = None) -> tuple[str, str]:
    node = Node(id="n", label=label, attrs={"shape": shape} if shape else {})
    assignment = classify_label(node, load_vocabulary())
    return assignment.role, assignment.how


@pytest.mark.parametrize(
    ("label", "shape"),
    [
        ("Escalate?", None),
        ("Escalate to a human?", None),
        ("Needs human review?", None),
        ("Human approval required?", "diamond"),
        ("escalate_now<br/>== True?", "diamond"),  # the question may end on a later line of a diamond
    ],
)
def test_a_question_whether_to_hand_a_case_to_people_is_a_decision(label, shape):
    assert read(label, shape) == ("unknown", "decision")


@pytest.mark.parametrize(
    ("label", "shape", "role"),
    [
        ("Human review", "diamond", "human_review"),  # a diamond that names the review, asking nothing
        ("Expert review queue", None, "human_review"),
        ("Is it safe?", None, "safety_filter"),  # checks of a model's input or output keep their role
        ("Drift detected?", None, "monitoring"),
        ("Jailbreak detected?", None, "safety_filter"),  # asks whether the detection check fired
        ("Prompt injection detected?", "diamond", "safety_filter"),
        ("PII detected?", None, "pii_scrubber"),
        ("Deploy to prod?", None, "unknown"),
    ],
)
def test_reviews_drawn_as_boxes_and_checks_asked_as_questions_keep_their_role(label, shape, role):
    assert read(label, shape)[0] == role


@pytest.mark.parametrize(
    ("label", "shape", "expected"),
    [
        ("Rule Engine", "diamond", ("application", "label")),  # the code the flow branches in, asking nothing
        ("Intent orchestrator<br/>app/router.py", "diamond", ("application", "label")),
        ("Orchestrator?", "diamond", ("unknown", "decision")),  # a question stays a question
        ("LLM Provider", "diamond", ("unknown", "decision")),  # a choice between providers, not a model
        ("Document Splitter", "diamond", ("unknown", "decision")),
    ],
)
def test_a_diamond_that_names_the_applications_code_and_asks_nothing_is_that_code(label, shape, expected):
    assert read(label, shape) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("User Query: 'How do I reset my password?'", ("user", "label")),  # quotes what the person asks
        ('Customer message: "is my order late?"', ("user", "label")),
        ("What's the user's goal?", ("unknown", "decision")),  # apostrophes quote nothing (a user's intent is no person: test_people_channels.py)
        ("Is the answer 'grounded'?", ("safety_filter", "label")),
    ],
)
def test_a_question_mark_inside_a_quotation_asks_nothing(label, expected):
    assert read(label) == expected


@pytest.mark.parametrize(
    ("label", "shape"),
    [("Alerting configured?", "diamond"), ("Guardrails<br/>Tested?", "diamond"), ("Drift dashboards ready?", None), ("Eval suite done?", None)],
)
def test_a_question_whether_work_is_finished_is_a_checklist_item(label, shape):
    assert read(label, shape) == ("unknown", "decision")


@pytest.mark.parametrize(
    ("label", "role"), [("Guardrail check passed?", "safety_filter"), ("Drift detected?", "monitoring"), ("Is it safe?", "safety_filter")]
)
def test_checks_of_a_model_keep_their_role(label, role):
    assert read(label)[0] == role
