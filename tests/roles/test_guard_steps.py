"""Guard steps read as what they check (docs/roles.md, "Guards named by what they stop"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    "label",
    [
        "Harmful content detector",
        "Hate speech classifier",
        "Self-harm check",
        "Policy violation detection",
        "Prompt attack scanner",
        "Malicious prompt filter",
        "Off-topic check",
        "Hate speech?",
        "NemoGuard content safety NIM",
    ],
)
def test_a_check_named_by_the_content_it_stops_is_the_guard(label):
    assert reading_of(label).role == "safety_filter"


@pytest.mark.parametrize(
    "label",
    [
        "Hate speech dataset",  # what is stopped, alone, is no check of it
        "Policy violations report",
        "Off-topic questions",
    ],
)
def test_the_content_alone_is_no_guard(label):
    assert reading_of(label).role != "safety_filter"
