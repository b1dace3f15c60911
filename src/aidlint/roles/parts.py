"""A box whose head lists several components is each of them where a rule asks for one (docs/roles.md,
"A box that lists several components").

"Validate query + rate limit + capacity queue", "Promotion gate and registry", "Auth & Rate Limiting": the
box has one role, its first item's (roles/ties.py, `first_listed`), and the other items name components
the drawing also has. A reader does not report a missing rate limiter or registry that such a box names, so
each listed item that a label of its own would give a role the rules ask for on the way or at the end
(`PART_ROLES`) is kept as a part (`RoleAssignment.parts`). Parts only ever satisfy a rule: they count as
the ``through`` of a path check and as the target a path must reach (rules/search.py, `matching`), never
as a rule's subject, so they can remove a finding and never raise one.
"""

from __future__ import annotations

from dataclasses import replace

from aidlint.model import Design, Node
from aidlint.roles.assignment import NOT_A_COMPONENT_READINGS, RoleAssignment
from aidlint.roles.reading import classify_label
from aidlint.roles.ties import head_items
from aidlint.roles.vocabulary import Vocabulary

#: The guards and release steps the built-in rules ask for on a path or at its end (src/aidlint/data/rules/
#: builtin.toml: ``through``, ``via`` and ``must-reach`` targets). Not the watching, logging or training a list
#: names in passing: an item "Metrics" or "audit state" alone reads as a monitor or a log that the box is not.
PART_ROLES = frozenset(
    {
        "safety_filter",
        "human_review",
        "pii_scrubber",
        "model_registry",
        "evaluation",
        "experimentation",
        "deployment_controller",
        "api_gateway",
        "auth",
        "rate_limiter",
        "alerting",
    }
)

#: Readings of a box that is no component, or whose author said what it is: such a box has no parts. A step
#: does the work its items name, so it keeps them; a bare message standing in for a person has none.
_NO_PARTS = (NOT_A_COMPONENT_READINGS - {"step"}) | {"declared", "config", "payload"}


def listed_parts(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """Give each box whose head lists components the rules ask for the roles of its other items."""
    for node in design.nodes:
        assignment = roles[node.id]
        if not node.label or assignment.how in _NO_PARTS:
            continue
        parts = _parts(node, assignment.role, vocabulary)
        if parts:
            roles[node.id] = replace(assignment, parts=parts)


def _parts(node: Node, role: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    # A slash does not join items here: "Train / Test Split" is one step, not training and a test.
    items = [item for item in head_items(node.label) if item.strip()]
    if len(items) < 2:
        return ()
    found: list[str] = []
    for item in items:
        reading = classify_label(Node(id=node.id, label=item), vocabulary)
        if reading.how == "label" and not reading.in_detail and reading.role in PART_ROLES and reading.role != role:
            if reading.role not in found:
                found.append(reading.role)
    return tuple(found)
