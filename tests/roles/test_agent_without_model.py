"""An agent is the model when no model is drawn (docs/roles.md, "an agent with no model"): labels invented
for these tests."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Planning agent", "model_inference"),
        ("Agent workflows", "model_inference"),  # a tail after the agent word, like "Agent loop"
        ("Support crew", "model_inference"),  # a crew of agents
        # the agent's Kubernetes workload: its Deployment, its pods, its fleet
        ("triage agent Deployment<br>(tenant image)", "model_inference"),
        ("Agent pods<br>(autoscaled)", "model_inference"),
        ("AgentFleet", "model_inference"),
        ("Agent 2: Planning", "model_inference"),  # a numbered agent is still an agent
        ("Billing Agent N", "model_inference"),  # ... and so is the last of a drawn series
        ("Research agent n", "model_inference"),
        ("Agent tools", "tool_executor"),  # tools of an agent: "tools" is no verb
        ("Agent memory", "data_store"),
        ("Workflow orchestrator", "application"),  # an orchestrator is no agent
    ],
)
def test_an_agent_stands_for_the_model_only_when_none_is_drawn(label, role):
    alone = assign_roles(design_from(f'u "User"\nn "{label}"\nu -> n\n'))
    assert alone["n"].role == role
    beside_a_model = assign_roles(design_from(f'u "User"\nn "{label}"\nl "LLM"\nu -> n -> l\n'))
    assert beside_a_model["n"].role != "model_inference"


@pytest.mark.parametrize("label", ["Triage agent sends summary", "Agent calls tool"])
def test_an_agent_that_acts_is_the_model_at_work_with_or_without_a_model_drawn(label):
    alone = assign_roles(design_from(f'u "User"\nn "{label}"\nu -> n\n'))
    beside_a_model = assign_roles(design_from(f'u "User"\nn "{label}"\nl "LLM"\nu -> n -> l\n'))
    assert (alone["n"].role, beside_a_model["n"].role) == ("model_inference", "model_inference")
