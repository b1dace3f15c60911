"""Questions on a guard's verdict (docs/roles.md), on invented labels."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from


def roles_of(source: str) -> dict[str, str]:
    design = design_from(f"flowchart TD\n  {source}\n", "mermaid", "design.mmd")
    return {node: a.role for node, a in assign_roles(design).items()}


@pytest.mark.parametrize(
    "source",
    [
        'm["Comment"] --> g["Toxicity classifier"]\n  g --> q{"Confidence under cutoff?"}\n  q --> p["Publish"]',
        'm["Message"] --> g["Content filter"]\n  g --> q{"Passed?"}\n  q --> p["Send"]',
        'm["Message"] --> g["Moderation"]\n  g --> q{"Severity level"}\n  q --> p["Send"]',
    ],
)
def test_a_question_after_a_guard_on_its_measure_is_the_guard(source):
    assert roles_of(source)["q"] == "safety_filter"


def test_a_chain_of_such_questions_is_read_in_the_order_of_the_flow():
    roles = roles_of('m["Post"] --> g["Jailbreak detector"]\n  g --> a{"Score over limit?"}\n  a --> b{"Risk band"}\n  b --> p["Publish"]')
    assert (roles["a"], roles["b"]) == ("safety_filter", "safety_filter")


@pytest.mark.parametrize(
    "source",
    [
        'm["Message"] --> g["Content filter"]\n  g --> q{"Enough context?"}\n  q --> p["Send"]',  # asks about something else
        'm["Build"] --> t["Unit tests"]\n  t --> q{"Score above 0.9?"}\n  q --> p["Publish"]',  # no guard feeds it
    ],
)
def test_other_questions_stay_decisions(source):
    assert roles_of(source)["q"] == "unknown"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Match input against attack patterns", "safety_filter"),
        ("Attack pattern scoring", "safety_filter"),
        ("Attack patterns catalogue", "unknown"),  # a threat model's list of attacks checks nothing
    ],
)
def test_scoring_a_prompt_against_attack_patterns_is_the_guard(label, role):
    assert roles_of(f'm["Prompt"] --> g["{label}"]')["g"] == role


@pytest.mark.parametrize(
    "label",
    ["Output scanners", "Prompt scanner", "Injection check", "Injection guard", "Refusal classifier", "Answer filter", "Response sanitization"],
)
def test_guards_named_by_what_they_screen(label):
    assert roles_of(f'm["Reply"] --> g["{label}"]')["g"] == "safety_filter"


def test_a_scanner_of_personal_data_on_the_way_out_stays_the_privacy_step():
    assert roles_of('m["Reply"] --> g["PII Output Scanner"]')["g"] == "pii_scrubber"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Screen output", "safety_filter"),
        ("Input screening", "safety_filter"),
        ("Sanitize prompt", "safety_filter"),
        ("Detect jailbreaks", "safety_filter"),
        ("Detect prompt injection", "safety_filter"),
        ("Classify toxicity", "safety_filter"),
        ("Keyword blocklist", "safety_filter"),
        ("Enforce content policy", "safety_filter"),
        ("Login screen", "user"),  # a screen people use, no screening
        ("Jailbreak dataset", "data_store"),  # data about jailbreaks stops nothing
    ],
)
def test_guard_acts_told_verb_first_or_as_the_act(label, role):
    assert roles_of(f'm["Chat"] --> g["{label}"]')["g"] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Galileo Protect", "safety_filter"),
        ("CalypsoAI", "safety_filter"),
        ("HiddenLayer AIDR", "safety_filter"),
        ("Protegrity", "pii_scrubber"),
        ("Privitar", "pii_scrubber"),
        ("Basis Theory vault", "pii_scrubber"),
    ],
)
def test_guard_and_privacy_products_are_read_as_what_they_are(label, role):
    assert roles_of(f'm["Chat"] --> g["{label}"]')["g"] == role
