"""MCP gateways, tool servers and the frameworks drawn with them (docs/roles.md, "A generic word gives
way" and the tool readings); invented labels."""

from __future__ import annotations

from aidlint.roles.infer import assign_roles

from ..helpers import design_from


def roles_of(source: str) -> dict[str, str]:
    design = design_from(source, "mermaid", "design.mmd")
    return {node: a.role for node, a in assign_roles(design).items()}


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
