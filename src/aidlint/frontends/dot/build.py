"""From a finished graph to the design model: node, edge and group records become Design objects."""

from __future__ import annotations

import re
from pathlib import Path

from lark import Token

from aidlint.frontends.directives import apply_comment
from aidlint.frontends.dot.scopes import GraphBuilder, extent
from aidlint.model import ROLES, Design, Group, Node, Span

_ROLE_SET = frozenset(ROLES)
_CLASS_SEPARATORS = re.compile(r"[\s,]+")


def _make_span(path: str, span: tuple[int, int, int, int]) -> Span:
    return Span(path=path, line=span[0], col=span[1], end_line=span[2], end_col=span[3])


def _declared_role(attrs: dict[str, str]) -> tuple[str | None, str | None]:
    """The declared role, and the class that declared it when a class did."""
    role = attrs.pop("role", None)
    if role:
        return role, None
    classes = attrs.get("class")
    if classes:
        for name in _CLASS_SEPARATORS.split(classes):
            if name in _ROLE_SET:
                return name, name
    return None, None


def build_design(graph: GraphBuilder, end: Token, path: str, index: int) -> Design:
    nodes = []
    for node_id, (attrs, group, span) in graph.nodes.items():
        label = attrs.pop("label", None)
        if label == "\\N":  # Graphviz's default label: the node's name
            label = None
        role, role_class = _declared_role(attrs)
        nodes.append(Node(node_id, label, role, attrs, group, Span(path, *span), role_class))
    edges = graph.edges
    for edge in edges:  # a strict graph's later statements may have set an edge's label
        attrs = edge.attrs
        if "label" in attrs:
            edge.label = attrs.pop("label")
    groups = [
        Group(id=group_id, label=label, parent=parent, members=members, span=_make_span(path, span))
        for group_id, (label, parent, members, span) in graph.groups.items()
    ]
    notes = []
    if not graph.directed:
        notes.append("an undirected graph: each edge is read in the direction it is written")
    if graph.name is not None:
        name = graph.name
    else:
        name = Path(path).stem if index == 0 else f"{Path(path).stem}#{index + 1}"
    return Design(
        name=name,
        path=path,
        format="dot",
        profile=None,
        nodes=nodes,
        edges=edges,
        groups=groups,
        suppressions=[],
        notes=notes,
        span=_make_span(path, extent(graph.head, end)),
    )



def apply_comments(designs: list[tuple[Design, int]], comments: list[Token], text: str, path: str) -> None:
    for token in comments:
        value = token.value
        if value.startswith("/*"):
            body = value[2:-2]
        elif value.startswith("//"):
            body = value[2:]
        else:
            body = value[1:]
        # A comment belongs to the graph it is written in, or to the next one (the last one after it).
        design = next((design for design, end in designs if token.start_pos < end), designs[-1][0])
        apply_comment(design, body, token, text, path)

