"""Design -> Mermaid flowchart. Roles go out as `class` lines (a class named after a role declares it)."""

from __future__ import annotations

import re

from aidlint.export._order import children, members
from aidlint.model import Design

_SAFE_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: Words Mermaid's flowchart lexer reads as keywords wherever an ID stands (``end`` closes a subgraph).
RESERVED_IDS = frozenset(
    {"end", "graph", "flowchart", "flowchart-elk", "subgraph", "style", "linkstyle", "classdef", "class", "click", "call", "href", "default", "direction", "interpolate", "_blank", "_self", "_parent", "_top"}
)
#: Line breaks Mermaid draws; every other ``<`` or ``>`` in a label is written as an entity code.
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
#: A ``#`` that would start an entity code (``#lt;``) is itself written as one.
_ENTITY = re.compile(r"#(?=\w+;)")
_LABEL_ESCAPES = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "`": "#96;"}


def usable_id(node_id: str) -> bool:
    """Whether ``node_id`` can be written as a Mermaid ID as it is."""
    return bool(_SAFE_ID.match(node_id)) and node_id.lower() not in RESERVED_IDS


def label_text(text: str) -> str:
    """``text`` as a double-quoted Mermaid label: quotes, angle brackets and backticks (which would
    start a Markdown string) become entity codes, as does a ``#`` that would start one, so a label can close nothing and inject no markup;
    ``<br>`` stays a line break and a newline becomes one."""
    parts = _LINE_BREAK.split(text.replace("\r\n", "\n").replace("\n", "<br>"))
    breaks = _LINE_BREAK.findall(text.replace("\r\n", "\n").replace("\n", "<br>"))
    escaped = ["".join(_LABEL_ESCAPES.get(char, char) for char in _ENTITY.sub("#35;", part)) for part in parts]
    out = escaped[0]
    for line_break, part in zip(breaks, escaped[1:]):
        out += line_break + part
    return '"' + out + '"'


def _label(text: str) -> str:
    return '"' + text.replace('"', "#quot;") + '"'


def write(design: Design, direction: str = "LR") -> str:
    lines = [f"%% aidlint: profile {design.profile}"] if design.profile else []
    lines.append(f"flowchart {direction}")
    nodes = {node.id: node for node in design.nodes}
    by_parent, by_group = children(design), members(design)

    def fill(group_id: str | None, indent: str) -> None:
        for node_id in by_group.get(group_id, []):
            node = nodes[node_id]
            lines.append(f"{indent}{node_id}[{_label(node.label or node.id)}]")
        for group in by_parent.get(group_id, []):
            lines.append(f"{indent}subgraph {group.id} [{_label(group.label or group.id)}]")
            fill(group.id, indent + "  ")
            lines.append(f"{indent}end")

    for node_id in nodes:
        if not _SAFE_ID.match(node_id):
            raise ValueError(f"node ID {node_id!r} cannot be written as a Mermaid ID")
    fill(None, "  ")
    for edge in design.edges:
        # Mermaid has no edge attributes: a `kind` (rollback, say) survives as the label when there is none.
        text = edge.label or edge.attrs.get("kind")
        arrow = f"-->|{_label(text)}|" if text else "-->"
        lines.append(f"  {edge.source} {arrow} {edge.target}")
    roles: dict[str, list[str]] = {}
    for node in design.nodes:
        if node.role:
            roles.setdefault(node.role, []).append(node.id)
    for role in sorted(roles):
        lines.append(f"  class {','.join(roles[role])} {role}")
    return "\n".join(lines) + "\n"
