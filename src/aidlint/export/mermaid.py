"""Design -> Mermaid flowchart. Roles go out as `class` lines (a class named after a role declares it).

Mermaid spells an ID with letters, digits and `_` only, so other IDs are written under a derived name
(:func:`aidlint.export.escape.mermaid_ids`) and a `%% aidlint: id name="original"` line gives each its
own ID back when the file is read. Labels are quoted with entity codes for what quotes cannot hold.
"""

from __future__ import annotations

from aidlint.export._order import children, members
from aidlint.export.escape import CannotWrite, directive_string, mermaid_ids, mermaid_name_ok, mermaid_string
from aidlint.model import ROLES, Design


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
