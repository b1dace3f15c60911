"""A sequence diagram's messages read in their order (rules/sequences.py)."""

from __future__ import annotations

import textwrap

from aidlint.rules.responses import drawn_edges
from tests.helpers import check, design_from


def arrows(body: str, fmt: str = "mermaid", path: str = "d.mmd") -> list[tuple[str, str]]:
    return drawn_edges(design_from(body, fmt, path))


GUARDED = """
sequenceDiagram
    actor U as Customer
    participant API as Chat API
    participant G as Moderation filter
    participant L as LLM
    U->>API: question
    API->>G: check prompt
    G-->>API: ok
    API->>L: prompt
    L-->>API: answer
    API-->>U: answer
"""


def test_what_is_sent_after_an_answered_call_is_sent_from_the_one_that_answered():
    assert arrows(GUARDED) == [("U", "API"), ("API", "G"), ("G", "API"), ("G", "L"), ("L", "API"), ("L", "U")]


def test_new_data_starts_afresh_and_a_call_not_answered_changes_nothing():
    body = """
    sequenceDiagram
        U->>API: question
        API->>Log: record
        API->>L: prompt
        Q->>API: event
        API->>L: prompt again
    """
    assert arrows(body) == [("U", "API"), ("API", "Log"), ("API", "L"), ("Q", "API"), ("API", "L")]


def test_a_message_back_to_the_one_that_answered_and_a_self_message_stay_as_drawn():
    body = """
    sequenceDiagram
        API->>G: check
        G-->>API: ok
        API->>G: check again
        API->>API: think
        API->>L: prompt
    """
    assert arrows(body) == [("API", "G"), ("G", "API"), ("API", "G"), ("API", "API"), ("G", "L")]


def test_each_sequence_diagram_of_a_document_has_its_own_order_and_flowcharts_are_read_as_drawn():
    document = textwrap.dedent(
        """
        ```mermaid
        flowchart LR
          A --> B
          B --> A
          A --> C
        ```

        ```mermaid
        sequenceDiagram
            A->>G: check
            G-->>A: ok
        ```

        ```mermaid
        sequenceDiagram
            A->>C: go
        ```
        """
    )
    assert arrows(document, "markdown", "d.md") == [("A", "B"), ("B", "A"), ("A", "C"), ("A", "G"), ("G", "A"), ("A", "C")]


def test_a_guard_called_before_the_model_guards_its_input_not_its_answer():
    found = {f.rule_id: f for f in check(GUARDED, fmt="mermaid", path="d.mmd")}
    assert "SAF001" not in found
    assert found["SAF002"].witness == ["L", "U"]
    unguarded = GUARDED.replace("    API->>G: check prompt\n    G-->>API: ok\n", "")
    assert [f.witness for f in check(unguarded, fmt="mermaid", path="d.mmd") if f.rule_id == "SAF001"] == [["U", "API", "L"]]


THREE_TIERS = """
sequenceDiagram
    actor U as Customer
    participant GW as API gateway
    participant API as Chat backend
    participant IN as Prompt moderation
    participant L as LLM
    participant OUT as Output moderation
    U->>GW: message
    GW->>API: message
    API->>IN: check
    IN-->>API: ok
    API->>L: prompt
    L-->>API: answer
    API->>OUT: check answer
    OUT-->>API: ok
    API-->>GW: answer
    GW-->>U: answer
"""


def test_an_answer_goes_back_through_every_tier_as_what_it_carries():
    assert arrows(THREE_TIERS) == [
        ("U", "GW"), ("GW", "API"), ("API", "IN"), ("IN", "API"), ("IN", "L"), ("L", "API"),
        ("L", "OUT"), ("OUT", "API"), ("OUT", "GW"), ("OUT", "U"),
    ]
    assert {"SAF001", "SAF002"}.isdisjoint(f.rule_id for f in check(THREE_TIERS, fmt="mermaid", path="d.mmd"))
    without_output_check = THREE_TIERS.replace("    API->>OUT: check answer\n    OUT-->>API: ok\n", "")
    assert [f.witness for f in check(without_output_check, fmt="mermaid", path="d.mmd") if f.rule_id == "SAF002"] == [["L", "U"]]
