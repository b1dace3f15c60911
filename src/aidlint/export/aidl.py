"""Design -> the aidlint DSL. Names that are not plain words are quoted, as the DSL allows."""

from __future__ import annotations

import re

from aidlint.export._order import children, members
from aidlint.export.escape import aidl_name, aidl_string, aidl_value
from aidlint.model import Design

_ROLE_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _attrs(attrs: dict[str, str]) -> str:
    return "".join(f" {aidl_name(key)}={aidl_value(value)}" for key, value in attrs.items())


def _role(role: str | None) -> tuple[str, dict[str, str]]:
    """`: role` when the role is a word; otherwise the `role="..."` attribute, which holds any text."""
    if not role:
        return "", {}
    if _ROLE_WORD.fullmatch(role) and role not in ("design", "group"):
        return f": {role}", {}
    return "", {"role": role}


def write(design: Design) -> str:
    header = f"design {aidl_string(design.name)}" + (f" profile={aidl_value(design.profile)}" if design.profile else "")
    lines = [header, ""]
    nodes = {node.id: node for node in design.nodes}
    by_parent, by_group = children(design), members(design)

    def fill(group_id: str | None, indent: str) -> None:
        for node_id in by_group.get(group_id, []):
            node = nodes[node_id]
            role, role_attr = _role(node.role)
            label = f" {aidl_string(node.label)}" if node.label is not None else ""
            lines.append(f"{indent}{aidl_name(node.id)}{role}{label}{_attrs({**node.attrs, **role_attr})}")
        for group in by_parent.get(group_id, []):
            label = f" {aidl_string(group.label)}" if group.label is not None else ""
            lines.append(f"{indent}group {aidl_name(group.id)}{label} {{")
            fill(group.id, indent + "  ")
            lines.append(f"{indent}}}")

    fill(None, "")
    lines.append("")
    for edge in design.edges:
        label = f" {aidl_string(edge.label)}" if edge.label is not None else ""
        lines.append(f"{aidl_name(edge.source)} -> {aidl_name(edge.target)}{label}{_attrs(edge.attrs)}")
    return "\n".join(lines) + "\n"
