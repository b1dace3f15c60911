"""MCP gateways, tool servers and the frameworks drawn with them (docs/roles.md, "A generic word gives
way" and the tool readings); invented labels."""

from __future__ import annotations


from ..helpers import mermaid_roles as roles_of


def test_a_framework_of_two_words_gives_way_to_the_model_listed_with_it():
    roles = roles_of(
        'flowchart LR\n  u["Analyst"] --> k["Semantic Kernel + Azure OpenAI"]\n'
        '  k --> p["PlannerAgent"]\n  p --> s["Jira MCP Server"]\n'
    )
    assert roles["k"] == "model_inference"
    assert roles["p"] == "application"


def test_the_framework_alone_stays_the_application():
    roles = roles_of('flowchart LR\n  u["Analyst"] --> k["Semantic Kernel"]\n  k --> m["Claude"]\n')
    assert roles["k"] == "application"


def test_what_an_mcp_gateway_or_client_calls_with_no_role_of_its_own_is_a_tool():
    roles = roles_of(
        'flowchart LR\n  u["Operator"] --> a["Support agent"]\n  a --> llm["Claude"]\n'
        '  a --> g["MCP Gateway"]\n  g --> c["Billing Adapters"]\n  g --> w["Weather Adapter"]\n'
        '  a --> mc["MCP Client"]\n  mc --> s["Shipping Adapter"]\n  mc --> db["Orders DB"]\n'
    )
    assert roles["c"] == "tool_executor"
    assert roles["w"] == "tool_executor"
    assert roles["s"] == "tool_executor"
    assert roles["db"] == "data_store"


def test_what_a_tool_router_feeds_keeps_its_own_reading():
    roles = roles_of(
        'flowchart LR\n  q["Task query"] --> r["Tool Router"]\n  r --> f["Ranking step"]\n  f --> m["GPT-4o"]\n'
    )
    assert roles["f"] != "tool_executor"


def test_a_preposition_after_the_protocol_ends_the_server_s_name():
    roles = roles_of(
        'flowchart LR\n  a["Release agent"] --> g["Gitea MCP via npx"]\n  a --> j["Ticketing MCP over SSE"]\n'
        '  a --> c["MCP Client via stdio"]\n  c --> f["Fleet Adapter"]\n'
    )
    assert roles["g"] == "tool_executor"
    assert roles["j"] == "tool_executor"
    assert roles["c"] != "tool_executor"
