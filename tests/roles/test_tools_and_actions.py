"""Tools and actions an agent carries out (docs/roles.md, "Tools and feedback"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import mermaid_roles as roles_of


def called_by_agent(label: str) -> str:
    source = f'flowchart LR\n  a["Planner agent"] --> t["{label}"]\n  a --> llm["Claude"]\n'
    return roles_of(source)["t"]


@pytest.mark.parametrize(
    "label",
    [
        "Invoices<br/>MCP Server",
        "Orders DB<br/>MCP server",
        "Product Search<br/>MCP Server",
        "Identity<br/>MCP tools",
        "Shipping API<br/>tool server",
        "Catalog Knowledge Base (MCP server)",
    ],
)
def test_a_detail_that_is_only_the_kind_of_tool_server_names_the_box_that_server(label):
    # "Orders DB MCP server" on one line is the MCP server; on two lines the title says what it serves
    assert called_by_agent(label) == "tool_executor"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Orders DB<br/>read by the MCP tools", "data_store"),
        ("Product Search<br/>behind the MCP tools", "retrieval"),
        ("Claude<br/>MCP client", "model_inference"),
    ],
)
def test_a_detail_that_only_mentions_a_tool_server_keeps_the_title(label, role):
    assert called_by_agent(label) == role


@pytest.mark.parametrize(
    "label",
    [
        "Sandboxed Execution", "Web Automation", "Web Fetch", "Terminal tool", "Agent Skills", "Skyvern",
        "Open Interpreter", "Judge0", "Pyodide sandbox", "Steel.dev", "Anchor Browser", "Arcade.dev",
    ],
)
def test_what_teams_call_an_agents_code_running_and_web_driving_are_tools(label):
    assert called_by_agent(label) == "tool_executor"


def test_a_terminal_alone_stays_unread():
    assert called_by_agent("Terminal") == "unknown"


@pytest.mark.parametrize("label", ["Slack Tool", "Teams tools (OAuth token)", "Send Email Tool", "Post to Slack toolkit"])
def test_a_tool_named_after_a_channel_or_an_act_where_the_flow_ends_is_the_tool(label):
    assert called_by_agent(label) == "tool_executor"


@pytest.mark.parametrize("label", ["Slack", "Post to Slack"])
def test_a_channel_or_a_delivery_where_the_flow_ends_is_still_the_persons_end(label):
    assert called_by_agent(label) == "user"


@pytest.mark.parametrize("label", ["Zendesk", "Google Calendar API", "Stripe", "Salesforce CRM", "GitHub"])
def test_a_business_system_an_agent_feeds_at_once_is_the_tool(label):
    assert called_by_agent(label) == "tool_executor"


def test_a_business_system_a_tool_calls_is_part_of_the_tool():
    source = 'flowchart LR\n  a["Sales agent"] --> t["CRM tool"]\n  t --> s["HubSpot"]\n  a --> llm["Claude"]\n'
    assert roles_of(source)["s"] == "tool_executor"


def test_a_business_system_a_backend_calls_keeps_its_reading():
    source = 'flowchart LR\n  u["Customer"] --> b["Checkout backend"]\n  b --> s["Stripe"]\n  b --> llm["Claude"]\n'
    assert roles_of(source)["s"] == "unknown"


def test_a_store_named_after_a_business_system_stays_the_store():
    assert called_by_agent("Jira DB") == "data_store"


@pytest.mark.parametrize("label", ["MCP Server Registry", "MCP Tool Registry", "MCP server catalog"])
def test_a_registry_or_catalog_of_mcp_servers_is_a_store(label):
    assert called_by_agent(label) == "data_store"


@pytest.mark.parametrize("label", ["MCP Server", "Weather MCP Server", "MCP Tools"])
def test_an_mcp_server_named_alone_or_after_what_it_serves_stays_the_tool(label):
    assert called_by_agent(label) == "tool_executor"


@pytest.mark.parametrize("label", ["Gmail (OAuth)", "Google Calendar<br/>OAuth 2.0", "Stripe (API key)"])
def test_how_an_agent_reaches_a_business_system_does_not_make_it_access_control(label):
    assert called_by_agent(label) == "tool_executor"


def test_access_control_a_business_system_heads_stays_access_control():
    assert called_by_agent("Salesforce Auth") == "auth"


def in_group(group: str, member: str) -> str:
    source = (
        f'flowchart LR\n  a["Planner agent"] --> m\n  subgraph g["{group}"]\n    m["{member}"]\n  end\n'
        '  a --> llm["Claude"]\n'
    )
    return roles_of(source)["m"]


@pytest.mark.parametrize("member", ["Send Email", "Post to Slack"])
def test_a_delivery_drawn_among_the_tools_is_a_tool(member):
    assert in_group("Agent Tools", member) == "tool_executor"
    assert in_group("Notifications", member) == "user"


@pytest.mark.parametrize(("label", "role"), [("Sensor Feed Adapter", "tool_executor"), ("Pricing functions", "tool_executor"), ("Auth Server", "auth")])
def test_adapters_and_functions_behind_an_mcp_client_are_its_tools(label, role):
    source = f'flowchart LR\n  a["Ops agent"] --> c["MCP Client"]\n  c --> t["{label}"]\n  a --> llm["Claude"]\n'
    assert roles_of(source)["t"] == role


def test_an_api_client_fed_by_data_that_feeds_only_tools_is_part_of_the_tool():
    source = (
        'flowchart LR\n  d[("Ticket Data")] --> c["Zendesk API Client"] --> t["Ticket Tools"] --> a["Triage agent"]\n'
        '  a --> llm["Claude"]\n'
    )
    assert roles_of(source)["c"] == "tool_executor"


def test_an_api_client_the_application_feeds_keeps_its_reading():
    source = (
        'flowchart LR\n  b["Backend"] --> c["Zendesk API Client"] --> t["Ticket Tools"] --> a["Triage agent"]\n'
        '  a --> llm["Claude"]\n'
    )
    assert roles_of(source)["c"] == "application"
