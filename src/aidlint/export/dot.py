"""Design -> DOT, written with pydot. Roles go out as the `role` attribute, groups as clusters.

pydot leaves text alone that already looks quoted (`"..."`) or like HTML (`<...>`) and never quotes
attribute names, so every ID, name and value is spelled by :func:`aidlint.export.escape.dot_id` first
and pydot only lays the statements out.
"""

from __future__ import annotations

import pydot

from aidlint.export._order import children, members
from aidlint.export.escape import CannotWrite, dot_id
from aidlint.model import Design

#: Graphviz's own escapes in a label (newline, left/right-justified line, object names): kept as written.
_GRAPHVIZ_ESCAPES = frozenset("nlrNGETHL")


def quote(text: str) -> str:
    """``text`` as one double-quoted DOT string that nothing can break out of, for pictures.

    Unlike :func:`aidlint.export.escape.dot_id` (exact: the text reads back as itself), this writes
    what a reader should *see*: a line break is drawn as one and a stray backslash as a backslash.

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

def cluster_name(group_id: str) -> str:
    """The subgraph name of a group: Graphviz draws a box only for names that start with `cluster`."""
    return group_id if group_id[:7].lower() == "cluster" else f"cluster_{group_id}"


def _attrs(values: dict[str, str | None]) -> dict[str, str]:
    return {dot_id(key): dot_id(str(value)) for key, value in values.items() if value is not None}


def _node(name: str, attrs: dict[str, str]) -> pydot.Node:
    node = pydot.Node(name, **attrs)
    # pydot reads `name:port` in any name not in double quotes, an HTML string's included: undo that.
    node.obj_dict["name"], node.obj_dict["port"] = name, None
    return node


def _node_id(node_id: str) -> str:
    """A node's ID as DOT: never an HTML string, since pydot splits any edge end not in double quotes
    at its last `:` (and an ID ending in a backslash has no other spelling: it is refused)."""
    written = dot_id(node_id)
    if written.startswith("<"):
        raise CannotWrite(f"node ID {node_id!r} cannot be written in DOT: it ends a line or a quote with a backslash")
    return written


def write(design: Design) -> str:
    graph = pydot.Dot(graph_name=dot_id(design.name), graph_type="digraph")
    nodes = {node.id: node for node in design.nodes}
    by_parent, by_group = children(design), members(design)

    def fill(target, group_id: str | None) -> None:
        for node_id in by_group.get(group_id, []):
            node = nodes[node_id]
            values = {**node.attrs, "label": node.label, "role": node.role}
            target.add_node(_node(_node_id(node.id), _attrs(values)))
        for group in by_parent.get(group_id, []):
            cluster = pydot.Subgraph(dot_id(cluster_name(group.id)), **_attrs({"label": group.label}))
            fill(cluster, group.id)
            target.add_subgraph(cluster)

    fill(graph, None)
    for edge in design.edges:
        values = {**edge.attrs, "label": edge.label}
        graph.add_edge(pydot.Edge(_node_id(edge.source), _node_id(edge.target), **_attrs(values)))
    header = f"// aidlint: profile {design.profile}\n" if design.profile else ""
    return header + graph.to_string()
