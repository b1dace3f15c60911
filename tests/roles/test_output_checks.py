"""Checks of a model's answer and guards' verdicts at run time (docs/roles.md), on invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of, mermaid_roles as roles_of


def read(label: str) -> tuple[str, str]:
    assignment = reading_of(label)
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


@pytest.mark.parametrize(
    "source",
    [
        # the branches' labels give the verdict
        'u["Reader"] --> g["Combined judgement"]\n  g -->|SAFE| llm["GPT-4o"]\n  g -->|UNSAFE| r["Polite refusal"]',
        # the boxes the branches lead to give it
        'u["Comment"] --> g{"Link scan"}\n  g --> a["Allow"]\n  g --> d["Delete comment"]',
    ],
)
def test_an_unread_box_that_lets_content_through_or_stops_it_is_the_guard(source):
    assert roles_of(f"flowchart LR\n  {source}\n")["g"] == "safety_filter"


@pytest.mark.parametrize(
    "source",
    [
        'u["Build"] --> g{"Suite result"}\n  g -->|pass| d["Publish"]\n  g -->|fail| f["Notify author"]',  # tests pass and fail
        'u["Comment"] --> g{"Link scan"}\n  g --> d["Delete comment"]\n  g --> h["Queue"]',  # only one way is a verdict
    ],
)
def test_branches_that_do_not_both_let_through_and_stop_content_make_no_guard(source):
    assert roles_of(f"flowchart LR\n  {source}\n")["g"] == "unknown"
