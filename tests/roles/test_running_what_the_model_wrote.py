"""Running the query, code or command a model wrote is the tool it acts through (docs/roles.md, "Running
what the model wrote is a tool"; roles/executing.py); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import mermaid_roles as roles_of


@pytest.mark.parametrize(
    "label", ["Execute", "SQL execution", "Check + Execute", "execution<br/>quotas · deadlines · audit", "Execute query"]
)
def test_executing_after_a_model_is_the_tool(label):
    roles = roles_of(
        f'flowchart TD\n  q["Analyst question"] --> g["Mistral drafts SQL"]\n  g --> x["{label}"]\n'
        '  x --> w[("Warehouse")]\n'
    )
    assert roles["x"] == "tool_executor"


def test_executing_with_no_model_drawn_keeps_its_reading():
    roles = roles_of('flowchart TD\n  a["Nightly batch"] --> x["Execute"]\n  x --> w[("Warehouse")]\n')
    assert roles["x"] == "unknown"


def test_executing_something_else_is_no_tool():
    roles = roles_of(
        'flowchart TD\n  q["Analyst question"] --> g["Mistral drafts SQL"]\n  g --> x["Execute unit tests"]\n'
        '  g --> y["Execute merge"]\n'
    )
    assert roles["x"] != "tool_executor"
    assert roles["y"] != "tool_executor"
