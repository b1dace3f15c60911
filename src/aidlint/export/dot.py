"""Design -> DOT, written with pydot. Roles go out as the `role` attribute, groups as clusters."""

from __future__ import annotations

import pydot

from aidlint.export._order import children, members
from aidlint.model import Design

_KEYWORDS = {"node", "edge", "graph", "digraph", "subgraph", "strict"}
#: Graphviz's own escapes in a label (newline, left/right-justified line, object names): kept as written.
_GRAPHVIZ_ESCAPES = frozenset("nlrNGETHL")


def quote(text: str) -> str:
    """``text`` as one double-quoted DOT string that nothing can break out of.

    Every backslash written goes out paired (Graphviz's own escapes like ``\\n`` stay, any other one is
    doubled), so a quote in the text is always escaped and can never close the string; a quoted string
    is never an HTML-like label, so ``<b>`` stays text.
    """
    out = ['"']
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char == "\\":
            following = text[index + 1 : index + 2]
            if following and following in _GRAPHVIZ_ESCAPES:
                out.append("\\" + following)
                index += 2
                continue
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char != "\r":
            out.append(char)
        index += 1
    out.append('"')
    return "".join(out)


def _id(name: str) -> str:
    """pydot quotes what needs quoting, except DOT's keywords: a node called `edge` must be "edge"."""
    return f'"{name}"' if name.lower() in _KEYWORDS else name


def _attrs(values: dict[str, str | None]) -> dict[str, str]:
    return {key: str(value) for key, value in values.items() if value is not None}


def write(design: Design) -> str:
    graph = pydot.Dot(graph_name=design.name, graph_type="digraph")
    nodes = {node.id: node for node in design.nodes}
    by_parent, by_group = children(design), members(design)

    def fill(target, group_id: str | None) -> None:
        for node_id in by_group.get(group_id, []):
            node = nodes[node_id]
            target.add_node(pydot.Node(_id(node.id), **_attrs({"label": node.label, "role": node.role, **node.attrs})))
        for group in by_parent.get(group_id, []):
            cluster = pydot.Cluster(group.id, **_attrs({"label": group.label}))
            fill(cluster, group.id)
            target.add_subgraph(cluster)

    fill(graph, None)
    for edge in design.edges:
        graph.add_edge(pydot.Edge(_id(edge.source), _id(edge.target), **_attrs({"label": edge.label, **edge.attrs})))
    header = f"// aidlint: profile {design.profile}\n" if design.profile else ""
    return header + graph.to_string()
