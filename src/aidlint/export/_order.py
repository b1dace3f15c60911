"""Groups in nesting order, shared by the writers."""

from __future__ import annotations

from aidlint.model import Design, Group


def children(design: Design) -> dict[str | None, list[Group]]:
    """Groups by parent ID (None: top level), in declaration order."""
    by_parent: dict[str | None, list[Group]] = {}
    for group in design.groups:
        by_parent.setdefault(group.parent, []).append(group)
    return by_parent


def members(design: Design) -> dict[str | None, list[str]]:
    """Node IDs by innermost group ID (None: outside every group), in source order."""
    by_group: dict[str | None, list[str]] = {}
    for node in design.nodes:
        by_group.setdefault(node.group, []).append(node.id)
    return by_group
