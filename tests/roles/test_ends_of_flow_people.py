"""People and the ends of the flow: what stands for the person where a flow starts or ends, and what does
not (docs/roles.md, "the ends of the flow")."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from


def roles_of(source: str) -> dict[str, tuple[str, str]]:
    return {node: a.role for node, a in assign_roles(design_from(source)).items()}


@pytest.mark.parametrize(
    "end", ["Compare rival replies", "Ask for a shorter answer", "Append to prompt<br>for later runs", "Refine response<br>with critique"]
)
def test_a_step_on_the_message_where_the_flow_ends_is_no_person(end):
    roles = roles_of(f'u "Shopper"\nllm "LLM"\ns "{end}"\nu -> llm -> s\n')
    assert roles["u"] == "user"
    assert roles["s"] != "user"


@pytest.mark.parametrize("end", ["Return Response", "Send reply", "Final answer", "Display answer"])
def test_the_answer_delivered_where_the_flow_ends_stays_the_person(end):
    roles = roles_of(f'u "Shopper"\nllm "LLM"\ns "{end}"\nu -> llm -> s\n')
    assert roles["s"] == "user"


@pytest.mark.parametrize("start", ["Internet", "Public internet", "My devices", "Customer device"])
def test_the_public_network_or_a_persons_device_where_the_flow_starts_is_the_person(start):
    roles = roles_of(f's "{start}"\nlb "Load balancer"\napi "Orders API"\ns -> lb -> api\n')
    assert roles["s"] == "user"


@pytest.mark.parametrize("start", ["IoT device", "Edge devices"])
def test_a_machines_device_where_the_flow_starts_is_no_person(start):
    roles = roles_of(f's "{start}"\nlb "Load balancer"\napi "Orders API"\ns -> lb -> api\n')
    assert roles["s"] != "user"


def test_the_internet_in_the_middle_of_the_flow_is_no_person():
    roles = roles_of('api "Orders API"\nn "Internet"\nx "Partner API"\napi -> n -> x\n')
    assert roles["n"] != "user"


@pytest.mark.parametrize("start", ["Zendesk ticket", "Freshdesk ticket<br>opened", "Jira issue webhook"])
def test_a_ticket_filed_where_the_flow_starts_is_the_person(start):
    roles = roles_of(f's "{start}"\nq "Orders API"\nllm "LLM"\ns -> q -> llm\n')
    assert roles["s"] == "user"


def test_a_ticket_desk_named_alone_where_the_flow_starts_is_no_person():
    roles = roles_of('s "Confluence / Jira"\ni "Ingestion job"\nv "Vector DB"\ns -> i -> v\n')
    assert roles["s"] != "user"
