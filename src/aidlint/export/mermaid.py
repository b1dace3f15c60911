"""Design -> Mermaid flowchart. Roles go out as `class` lines (a class named after a role declares it).

Mermaid spells an ID with letters, digits and `_` only, so other IDs are written under a derived name
(:func:`aidlint.export.escape.mermaid_ids`) and a `%% aidlint: id name="original"` line gives each its
own ID back when the file is read. Labels are quoted with entity codes for what quotes cannot hold.
"""

from __future__ import annotations

import re

from aidlint.export._order import children, members
from aidlint.export.escape import (
    CannotWrite,
    directive_string,
    mermaid_ids,
    mermaid_name_ok,
    mermaid_string,
)
from aidlint.model import ROLES, Design

#: Line breaks Mermaid draws; every other ``<`` or ``>`` in a label is written as an entity code.
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
#: A ``#`` that would start an entity code (``#lt;``) is itself written as one.
_ENTITY = re.compile(r"#(?=\w+;)")
_LABEL_ESCAPES = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "`": "#96;", "%": "#37;"}


def usable_id(node_id: str) -> bool:
    """Whether ``node_id`` can be written as a Mermaid ID as it is (:func:`escape.mermaid_name_ok`)."""
    return mermaid_name_ok(node_id)


def label_text(text: str) -> str:
    """``text`` as a double-quoted Mermaid label for pictures: quotes, angle brackets, `%` and backticks
    become entity codes, as does a ``#`` that would start one, so a label can close nothing and inject
    no markup or ``%%{init}%%`` directive; ``<br>`` stays a line break and a newline becomes one.

    :func:`aidlint.export.escape.mermaid_string` is the exact form `aidlint export` writes (a line
    break as ``#10;``, so that the text reads back as itself)."""
    parts = _LINE_BREAK.split(text.replace("\r\n", "\n").replace("\n", "<br>"))
    breaks = _LINE_BREAK.findall(text.replace("\r\n", "\n").replace("\n", "<br>"))
    escaped = ["".join(_LABEL_ESCAPES.get(char, char) for char in _ENTITY.sub("#35;", part)) for part in parts]
    out = escaped[0]
    for line_break, part in zip(breaks, escaped[1:]):
        out += line_break + part
    return '"' + out + '"'


def write(design: Design, direction: str = "LR") -> str:
    lines = [f"%% aidlint: profile {design.profile}"] if design.profile else []
    lines.append(f"flowchart {direction}")
    nodes = {node.id: node for node in design.nodes}
    by_parent, by_group = children(design), members(design)
    names = mermaid_ids([*nodes, *(group.id for group in design.groups)])

    def fill(group_id: str | None, indent: str) -> None:
        for node_id in by_group.get(group_id, []):
            label = nodes[node_id].label
            lines.append(f"{indent}{names[node_id]}" + (f"[{mermaid_string(label)}]" if label else ""))
        for group in by_parent.get(group_id, []):
            title = f" [{mermaid_string(group.label)}]" if group.label else ""
            lines.append(f"{indent}subgraph {names[group.id]}{title}")
            fill(group.id, indent + "  ")
            lines.append(f"{indent}end")

    fill(None, "  ")
    for edge in design.edges:
        # Mermaid has no edge attributes: a `kind` (rollback, say) survives as the label when there is none.
        text = edge.label or edge.attrs.get("kind")
        arrow = f"-->|{mermaid_string(text)}|" if text else "-->"
        lines.append(f"  {names[edge.source]} {arrow} {names[edge.target]}")
    roles: dict[str, list[str]] = {}
    for node in design.nodes:
        if node.role:
            if not mermaid_name_ok(node.role):
                raise CannotWrite(f"role {node.role!r} of node {node.id!r} cannot be written in Mermaid")
            roles.setdefault(node.role, []).append(names[node.id])
    for role in sorted(roles):
        if role in ROLES:
            lines.append(f"  class {','.join(roles[role])} {role}")
        else:  # a class that is no role is only styling: say it is meant as a role
            lines.extend(f"%% aidlint: role {name}={role}" for name in roles[role])
    lines.extend(
        f"%% aidlint: id {name}={directive_string(original)}" for original, name in names.items() if name != original
    )
    return "\n".join(lines) + "\n"
