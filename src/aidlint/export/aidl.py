"""Design -> the aidlint DSL."""

from __future__ import annotations

import re

from aidlint.export._order import children, members
from aidlint.model import Design

_BARE = re.compile(r"^[^\s\"=;{}#]+$")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _attrs(attrs: dict[str, str]) -> str:
    return "".join(f" {key}={value if _BARE.match(value) else _quote(value)}" for key, value in attrs.items())


def write(design: Design) -> str:
    header = f"design {_quote(design.name)}" + (f" profile={design.profile}" if design.profile else "")
    lines = [header, ""]
    nodes = {node.id: node for node in design.nodes}
    by_parent, by_group = children(design), members(design)

    def fill(group_id: str | None, indent: str) -> None:
        for node_id in by_group.get(group_id, []):
            node = nodes[node_id]
            role = f": {node.role}" if node.role else ""
            label = f" {_quote(node.label)}" if node.label else ""
            lines.append(f"{indent}{node.id}{role}{label}{_attrs(node.attrs)}")
        for group in by_parent.get(group_id, []):
            label = f" {_quote(group.label)}" if group.label else ""
            lines.append(f"{indent}group {group.id}{label} {{")
            fill(group.id, indent + "  ")
            lines.append(f"{indent}}}")

    fill(None, "")
    lines.append("")
    for edge in design.edges:
        label = f" {_quote(edge.label)}" if edge.label else ""
        lines.append(f"{edge.source} -> {edge.target}{label}{_attrs(edge.attrs)}")
    return "\n".join(lines) + "\n"
