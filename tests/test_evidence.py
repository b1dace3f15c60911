"""Evidence strength reaches the findings: a finding that rests on a weak reading is info and says why."""

from __future__ import annotations

import pytest

from aidlint.model import Node, Severity
from aidlint.roles.infer import classify_label
from aidlint.roles.vocabulary import load_vocabulary

from .helpers import check, reading_of


def test_a_finding_about_a_weakly_read_model_is_info_and_says_what_it_assumed():
    findings = [f for f in check('u "Customer"\nr "Job runner (LLM)"\nu -> r\n') if f.rule_id == "SAF001"]
    assert [(f.severity, f.message) for f in findings] == [
        (
            Severity.info,
            'user input reaches model "Job runner (LLM)" (r) with no safety filter on the way: u -> r; put an input '
            'filter in front of the model; assumed: "Job runner (LLM)" (r) is model_inference (detail: matched "LLM" '
            "in label detail)",
        )
    ]


def test_a_finding_about_a_model_named_in_the_head_keeps_its_severity():
    findings = [f for f in check('u "Customer"\nr "Chat LLM"\nu -> r\n') if f.rule_id == "SAF001"]
    assert [(f.severity, f.message.endswith("in front of the model")) for f in findings] == [(Severity.error, True)]


def test_a_design_wide_gap_is_info_when_every_node_of_a_role_it_needs_is_weak():
    source = 'u "Customer"\nm "Worker (LLM)"\nu -> m\n'
    weak = {f.rule_id: f.severity for f in check(source)}
    strong = {f.rule_id: f.severity for f in check(source.replace("Worker (LLM)", "LLM worker"))}
    assert weak["FBK004"] == Severity.info and strong["FBK004"] != Severity.info


@pytest.mark.parametrize(
    ("label", "role"),
    [("Step 1: Classify intent", "model_inference"), ("Stage 3: Train model", "training_pipeline"), ("Phase 2: Deploy", "deployment_controller")],
)
def test_a_steps_number_before_the_colon_is_no_head(label, role):
    assignment = reading_of(label)
    assert (assignment.role, assignment.strength) == (role, "name")


def test_a_colon_after_words_still_ends_the_head():
    assignment = classify_label(Node(id="n", label="Step: classify intent"), load_vocabulary())
    assert (assignment.role, assignment.strength) == ("model_inference", "detail")
