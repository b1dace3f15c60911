"""A sequence diagram's actor is a person (roles/infer.py, _read_by_symbol; docs/roles.md, "Evidence")."""

from __future__ import annotations

from aidlint.roles.infer import assign_roles
from tests.helpers import design_from

DIAGRAM = """
sequenceDiagram
    actor holder as Policy holder
    actor agent as Support agent
    participant app as Claims backend
    participant db@{ "type" : "database" } as Ledger
    participant x as Widget
    holder->>app: question
    app->>db: read
    app->>x: render
    agent->>app: approve
"""


def test_an_actor_whose_words_name_nothing_is_a_person_and_its_words_win_otherwise():
    roles = assign_roles(design_from(DIAGRAM, "mermaid", "d.mmd"))
    assert (roles["holder"].role, roles["holder"].how, roles["holder"].strength) == ("user", "actor", "name")
    assert roles["holder"].reason == "name: drawn as an actor, Mermaid's symbol of a person"
    assert roles["agent"].role == "human_review"
    assert (roles["db"].role, roles["db"].how) == ("data_store", "shape")
    assert (roles["x"].role, roles["x"].how) == ("unknown", "unknown")


def test_a_flowchart_box_of_the_same_words_stays_unread():
    roles = assign_roles(design_from("flowchart LR\n  holder[Policy holder] --> app[Claims backend]\n", "mermaid", "d.mmd"))
    assert roles["holder"].how == "unknown"
