"""Tools an agent acts through (docs/roles.md, "the group around a box", and the tool readings);
invented labels."""

from __future__ import annotations

import pytest

from ..helpers import mermaid_roles as roles_of


def in_group(group: str, member: str) -> str:
    source = (
        f'flowchart LR\n  a["Planner agent"] --> m\n  subgraph g["{group}"]\n    m["{member}"]\n  end\n'
        '  a --> llm["Claude"]\n'
    )
    return roles_of(source)["m"]


@pytest.mark.parametrize("member", ["Hotel Search", "Order Query", "Sensor Adapter<br/>IoT"])
def test_a_search_source_or_message_among_mcp_servers_is_one_of_the_servers(member):
    assert in_group("MCP Servers", member) == "tool_executor"
    assert in_group("MCP Adapters", member) == "tool_executor"


def test_a_search_among_other_tools_keeps_its_own_reading():
    assert in_group("Retrieval Tools", "Hotel Search") == "retrieval"


def test_a_store_among_mcp_servers_stays_a_store():
    assert in_group("MCP Servers", "Orders DB") == "data_store"


def test_a_group_of_tool_servers_names_its_members_the_tools():
    # "tool servers" ends the group's head as a tool word (benchmarks/data/roles/README.md: tool servers)
    assert in_group("Sandboxed tool servers", "Fare Lookup") == "tool_executor"
    assert in_group("Sandboxed servers", "Fare Lookup") == "unknown"


@pytest.mark.parametrize("group", ["Tool Wrappers", "Weather tool adapter"])
def test_a_group_of_tool_wrappers_or_adapters_names_its_members_the_tools(group):
    # code that wraps a function or an outside API as a tool is that tool; the group's head ends in it
    assert in_group(group, "Fare Lookup") == "tool_executor"


def test_a_tool_wrapper_is_the_tool_it_wraps():
    source = 'flowchart LR\n  a["Planner agent"] --> w["Currency tool wrapper"]\n  w --> x["Rates API"]\n'
    assert roles_of(source)["w"] == "tool_executor"


@pytest.mark.parametrize("label", ["Toolbox", "MCP Toolbox for Databases", "Billing Toolset", "Browser pool", "Toolhouse"])
def test_sets_of_tools_and_agent_tool_platforms_are_tools(label):
    roles = roles_of(f'flowchart LR\n  a["Planner agent"] --> t["{label}"]\n  a --> llm["Claude"]\n')
    assert roles["t"] == "tool_executor"


@pytest.mark.parametrize(("label", "role"), [("Toolkit Manager", "application"), ("Toolbox Registry", "data_store"), ("Developer toolbox", "unknown")])
def test_sets_of_tools_are_managed_as_tools_are(label, role):
    roles = roles_of(f'flowchart LR\n  a["Planner agent"] --> t["{label}"]\n  a --> llm["Claude"]\n')
    assert roles["t"] == role
