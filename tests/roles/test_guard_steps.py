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


def _grouped(group: str, member: str) -> str:
    return f'flowchart LR\n  u["Visitor"] --> m\n  subgraph g["{group}"]\n    m["{member}"]\n  end\n  m --> llm["LLM"]\n'


def _role_of_member(source: str) -> str:
    from aidlint.roles.infer import assign_roles

    from ..helpers import design_from

    return assign_roles(design_from(source, "mermaid", "design.mmd"))["m"].role


@pytest.mark.parametrize("member", ["Request Classification", "Topic classifier", "Classify intent"])
def test_a_classification_drawn_in_a_guard_is_the_guard(member):
    assert _role_of_member(_grouped("Prompt Guard Layer", member)) == "safety_filter"


@pytest.mark.parametrize(
    ("group", "member", "role"),
    [
        ("Prompt Guard Layer", "Summarizer", "model_inference"),  # a model of another act keeps its own role
        ("Ticket Routing", "Request Classification", "model_inference"),  # no guard around it
    ],
)
def test_other_models_and_other_groups_keep_the_model(group, member, role):
    assert _role_of_member(_grouped(group, member)) == role


@pytest.mark.parametrize("label", ["Moderation evidence", "Guardrails evidence", "Policy check evidence"])
def test_what_a_check_leaves_behind_as_evidence_is_no_guard(label):
    assert reading_of(label).role == "unknown"


def test_a_store_of_evidence_is_a_store():
    assert reading_of("Evidence Store (S3)").role == "data_store"
