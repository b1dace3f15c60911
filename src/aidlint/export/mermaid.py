"""Design -> Mermaid flowchart. Roles go out as `class` lines (a class named after a role declares it)."""

from __future__ import annotations

import re

from aidlint.export._order import children, members
from aidlint.model import Design

_SAFE_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


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
