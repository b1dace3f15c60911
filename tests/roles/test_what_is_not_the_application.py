"""Boxes a generic word of the application would claim, read as what their other words name (docs/roles.md,
"A generic word gives way"); invented labels."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of


def role_of(label: str) -> str:
    design = design_from(f'flowchart LR\n  box["{label}"]\n', "mermaid", "design.mmd")
    return assign_roles(design)["box"].role


@pytest.mark.parametrize(
    "label",
    ["FastAPI inference", "FastAPI<br/>(Inference)", "Flask prediction<br>churn", "Django scoring<br>(batch)"],
)
def test_a_serving_word_beside_a_web_framework_is_the_model(label):
    assert role_of(label) == "model_inference"


@pytest.mark.parametrize(
    "label",
    ["FastAPI", "FastAPI Service", "Flask app<br>query rewrite · retrieval · answer", "FastAPI + Claude", "Express backend"],
)
def test_a_web_framework_with_no_serving_word_stays_the_application(label):
    assert role_of(label) == "application"


@pytest.mark.parametrize("label", ["Start Batch Workflow", "Start worker", "Billing.StartJobRun", "Backend starts"])
def test_starting_a_program_is_a_step_not_the_program(label):
    assert reading_of(label).role == "unknown"


@pytest.mark.parametrize("label", ["Batch Workflow", "Job Worker", "Startup Service"])
def test_the_program_itself_stays_the_application(label):
    assert role_of(label) == "application"


@pytest.mark.parametrize("label", ["Build prompt", "Assemble prompt<br>persona + retrieved passages", "Prompt composition", "Construct prompt"])
def test_building_the_prompt_is_the_application(label):
    assert reading_of(label).role == "application"


@pytest.mark.parametrize("label", ["Search orchestration service", "LLM orchestration", "Multi-agent orchestration<br>planner + workers"])
def test_orchestrating_the_model_or_a_search_is_the_application(label):
    assert reading_of(label).role == "application"


def test_orchestrating_containers_is_no_application():
    assert reading_of("Container orchestration").role == "unknown"


@pytest.mark.parametrize("label", ["Chain-of-Thought", "Chain of thought<br>(self-consistency)", "Step-by-step reasoning"])
def test_chain_of_thought_is_the_model_reasoning_not_a_chain_of_code(label):
    assert reading_of(label).role == "model_inference"


def test_a_chain_of_code_stays_the_application():
    assert reading_of("QA chain<br>LangChain").role == "application"
