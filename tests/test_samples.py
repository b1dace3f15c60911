"""The shipped designs: each sample's findings are exactly the pinned ones; reference designs have none."""

from __future__ import annotations

from pathlib import Path

import pytest

from aidlint.frontends import ParseOptions
from aidlint.roles.vocabulary import load_vocabulary
from aidlint.rules.runner import RuleSelection, builtin_pack
from aidlint.workspace import check_files

from .conftest import REPO

SAMPLES = {
    "agent_with_open_tools.aidl": [
        ("OBS001", 7, 1, ["agent_llm"], []),
        ("SAF003", 8, 1, ["tools"], ["agent_llm", "tools"]),
    ],
    "chat_without_guardrails.aidl": [
        ("SAF001", 8, 1, ["llm"], ["user", "gateway", "app", "llm"]),
        ("SAF002", 8, 1, ["llm"], ["llm", "app", "gateway", "user"]),
    ],
    "classifier_release_without_gates.aidl": [
        ("LCY001", 7, 1, ["scorer"], ["retrain", "deploy", "scorer"]),
        ("LCY002", 7, 1, ["scorer"], ["retrain", "deploy", "scorer"]),
        ("LCY003", 7, 1, ["scorer"], ["retrain", "deploy", "scorer"]),
        ("LCY004", 7, 1, ["scorer"], []),
    ],
    "feedback_straight_to_training.aidl": [
        ("FBK002", 12, 1, ["train"], ["user", "gateway", "in_guard", "llm", "logs", "train"]),
        ("FBK003", 12, 1, ["train"], ["user", "gateway", "in_guard", "llm", "logs", "train"]),
    ],
    # A Markdown design doc: its two Mermaid fences are one design; findings point at Markdown lines.
    "support_bot_design_doc.md": [
        ("SAF002", 12, 15, ["bot"], ["bot", "gw", "customer"]),
        ("FBK002", 27, 14, ["train"], ["customer", "gw", "guard", "bot", "logs", "train"]),
        ("FBK003", 27, 14, ["train"], ["customer", "gw", "guard", "bot", "logs", "train"]),
    ],
    "filter_beside_the_path.aidl": [
        ("SAF001", 8, 1, ["llm"], ["user", "gateway", "app", "llm"]),
    ],
    # The request flow as a sequence diagram: the prompt check the backend calls before the model is on the
    # path (no SAF001); the answer goes back to the policy holder unchecked (rules/sequences.py).
    "request_flow_sequence_doc.md": [
        ("FBK001", 12, 11, ["holder"], []),
        ("FBK004", 12, 11, ["holder"], []),
        ("SAF004", 15, 17, ["guard"], []),
        ("SAF002", 16, 17, ["llm"], ["llm", "holder"]),
    ],
}


def run(paths: list[Path]):
    rules = RuleSelection().active(builtin_pack())
    return check_files(
        paths, rules, load_vocabulary(), ParseOptions(),
        rules_for_profile=lambda name: RuleSelection(profile=name).active(builtin_pack()),
    )


def test_every_sample_is_pinned():
    shipped = [*(REPO / "samples").glob("*.aidl"), *(REPO / "samples").glob("*.md")]
    assert sorted(p.name for p in shipped) == sorted(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_findings_are_exactly_the_pinned_ones(name):
    result = run([REPO / "samples" / name])
    assert [(f.rule_id, f.line, f.col, f.nodes, f.witness) for f in result.findings] == SAMPLES[name]
    assert all(f.path == str(REPO / "samples" / name) for f in result.findings)


REFERENCE_FILES = sorted(p for p in (REPO / "reference_designs").iterdir() if p.suffix in (".aidl", ".dot", ".mmd", ".md"))


@pytest.mark.parametrize("path", REFERENCE_FILES, ids=lambda p: p.name)
def test_reference_design_passes_every_rule(path):
    assert run([path]).findings == []


@pytest.mark.parametrize("path", sorted((REPO / "reference_designs").glob("*.md")), ids=lambda p: p.name)
def test_reference_design_doc_merges_into_the_dsl_design(path):
    """A doc split into a serving and a training diagram is, merged, the same graph as the DSL original."""
    from aidlint.frontends import load_file

    (doc,) = load_file(path)
    (original,) = load_file(path.with_suffix(".aidl"))
    assert sorted((n.id, n.label) for n in doc.nodes) == sorted((n.id, n.label) for n in original.nodes)
    assert sorted({(e.source, e.target) for e in doc.edges}) == sorted({(e.source, e.target) for e in original.edges})


def test_there_are_at_least_four_reference_designs_and_samples():
    assert len(list((REPO / "reference_designs").glob("*.aidl"))) >= 4
    assert len(SAMPLES) >= 4


def test_fixes_draw_the_missing_parts():
    findings = run([REPO / "samples" / "chat_without_guardrails.aidl"]).findings
    saf001 = next(f for f in findings if f.rule_id == "SAF001")
    assert saf001.fix is not None
    assert [(n.id, n.role, n.label, n.attrs) for n in saf001.fix.nodes] == [
        ("input_filter_for_llm", "safety_filter", "Input safety filter", {"stage": "input"})
    ]
    assert [(e.source, e.target) for e in saf001.fix.edges] == [("app", "input_filter_for_llm"), ("input_filter_for_llm", "llm")]
    assert saf001.fix.replaces == [("app", "llm")]
