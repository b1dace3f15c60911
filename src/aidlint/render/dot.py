"""Gap diagram -> DOT, written with pydot: the design left to right in its clusters, the fixes drawn in.

Every string a design brings (IDs, labels, messages) goes out through :func:`aidlint.export.dot.quote`,
so no label can add a node, an edge, an attribute or an HTML-like label. The legend is the graph's own
HTML-like label, built from fixed text only. The picture stays a design aidlint reads: ghosts declare
their role, and the edges a fix reroutes carry an ``aidlint: replaced`` comment, so checking the
rendered DOT checks the fixed design.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

import pydot

from aidlint.export.dot import quote
from aidlint.frontends.directives import replaced_directive
from aidlint.model import UNKNOWN_ROLE, Severity
from aidlint.render.gap import REPLACED_COLOUR, SEVERITY_COLOURS, GapDiagram, GapEdge, GapNode

#: Long labels are wrapped at this many characters so that boxes stay narrow in a left-to-right layout.
WRAP_WIDTH = 22
_FONT = "Helvetica"
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_REAL_EDGE_COLOUR = "#555555"
_GHOST_FILL = {Severity.error: "#fdecea", Severity.warning: "#fff3e0", Severity.info: "#e8f0fc"}


@dataclass(frozen=True)
class DotLayout:
    """How the DOT is written; the fallbacks avoid Graphviz crashes (see render/layout.py)."""

    edge_labels_as_xlabels: bool = False
    clusters: bool = True


def wrap(label: str) -> str:
    """Wrap a plain label at spaces; a label that already breaks lines with DOT's ``\\n`` is kept, and
    Mermaid's ``<br>`` breaks a line (a picture of a Mermaid design shows no markup)."""
    if "\\" in label:
        return label
    lines = _LINE_BREAK.split(label.replace("\r\n", "\n"))
    if len(lines) == 1 and "\n" not in label and len(label) <= WRAP_WIDTH:
        return label
    wrapped = [textwrap.wrap(line, WRAP_WIDTH, break_long_words=False, break_on_hyphens=False) or [""] for part in lines for line in part.split("\n")]
    return "\n".join(piece for pieces in wrapped for piece in pieces)


def node_element_id(index: int) -> str:
    return f"node-{index + 1}"


def edge_element_id(index: int) -> str:
    return f"edge-{index + 1}"


def write(diagram: GapDiagram, layout: DotLayout = DotLayout()) -> str:
    design = diagram.design
    graph = pydot.Dot(
        graph_name=quote(design.name),
        graph_type="digraph",
        rankdir="LR",
        newrank="true",
        nodesep="0.35",
        ranksep="0.6",
        fontname=_FONT,
        labelloc="b",
        labeljust="l",
        label=_legend(),
        tooltip=quote(f"{design.name}: {len(diagram.findings)} finding(s)"),
    )
    graph.set_node_defaults(shape="box", style='"rounded,filled"', fillcolor='"#ffffff"', fontname=_FONT, fontsize="11", color='"#444444"')
    graph.set_edge_defaults(fontname=_FONT, fontsize="9", color=quote(_REAL_EDGE_COLOUR), arrowsize="0.7")

    targets: dict[str | None, pydot.Graph] = {None: graph}
    if layout.clusters:
        parents = {group.id: group.parent for group in design.groups}
        for group in design.groups:
            name = group.id if group.id.lower().startswith("cluster") else f"cluster_{group.id}"
            targets[group.id] = pydot.Subgraph(
                quote(name), label=quote(wrap(group.label or group.id)), style='"rounded"', color='"#b0b0b0"', fontcolor='"#555555"', labelloc="t", labeljust="l"
            )
        # Children are attached only after every group exists, so declaration order does not matter.
        for group in design.groups:
            parent = parents[group.id] if parents[group.id] in targets else None
            targets[parent].add_subgraph(targets[group.id])
    for index, node in enumerate(diagram.nodes):
        target = targets.get(node.group, graph) if layout.clusters else graph
        target.add_node(pydot.Node(quote(node.id), **_node_attrs(diagram, node, index)))
    for index, edge in enumerate(diagram.edges):
        graph.add_edge(pydot.Edge(quote(edge.source), quote(edge.target), **_edge_attrs(diagram, edge, index, layout)))

    header = ["// aidlint gap diagram: dashed = what the fixes add, dotted grey = what they replace"]
    if design.profile:
        header.append(f"// aidlint: profile {design.profile}")
    replaced = dict.fromkeys((e.source, e.target) for e in diagram.edges if e.kind == "replaced")
    header.extend(f"// {replaced_directive(source, target)}" for source, target in replaced)
    return "\n".join(header) + "\n" + graph.to_string()


def _messages(diagram: GapDiagram, indexes: list[int]) -> list[str]:
    return [f"{diagram.findings[i].rule_id} [{diagram.findings[i].severity.value}]: {diagram.findings[i].message}" for i in indexes]


def _node_attrs(diagram: GapDiagram, node: GapNode, index: int) -> dict[str, str]:
    attrs = {"id": quote(node_element_id(index))}
    if node.ghost:
        colour = SEVERITY_COLOURS[node.severity]
        attrs |= {
            "label": quote(wrap(node.label) + "\n+ " + " ".join(node.rules)),
            "role": quote(node.role),
            "style": '"rounded,filled,dashed"',
            "color": quote(colour),
            "fontcolor": quote(colour),
            "fillcolor": quote(_GHOST_FILL[node.severity]),
            "penwidth": "2",
            "class": '"ghost"',
        }
        # A ghost carries its own attributes (a filter's stage, say): the fixed design needs them.
        fix_attrs = _ghost_attrs(diagram, node)
        attrs |= {key: quote(value) for key, value in fix_attrs.items() if key not in attrs}
        tooltip = [f"added by the fix: {node.label} ({node.role})", *_messages(diagram, node.findings)]
    else:
        attrs["label"] = quote(wrap(node.label))
        if node.role != UNKNOWN_ROLE:
            attrs["role"] = quote(node.role)
        if node.severity is not None:
            attrs |= {"color": quote(SEVERITY_COLOURS[node.severity]), "penwidth": "2.5", "class": '"offending"'}
        tooltip = [f"{node.label}: {node.role} ({node.reason})", *_messages(diagram, node.findings)]
    attrs["tooltip"] = quote("\n".join(tooltip))
    return attrs


def _ghost_attrs(diagram: GapDiagram, node: GapNode) -> dict[str, str]:
    for index in node.findings:
        fix = diagram.findings[index].fix
        for ghost in fix.nodes if fix else []:
            if ghost.id == node.id:
                return {key: value for key, value in ghost.attrs.items() if key not in ("role", "label")}
    return {}


def _edge_attrs(diagram: GapDiagram, edge: GapEdge, index: int, layout: DotLayout) -> dict[str, str]:
    label_key = "xlabel" if layout.edge_labels_as_xlabels else "label"
    attrs = {"id": quote(edge_element_id(index))}
    if edge.label:
        attrs[label_key] = quote(wrap(edge.label))
    if edge.kind == "ghost":
        colour = SEVERITY_COLOURS[edge.severity]
        text = " ".join(edge.rules) if not edge.label else wrap(edge.label) + "\n" + " ".join(edge.rules)
        attrs |= {label_key: quote(text), "style": "dashed", "color": quote(colour), "fontcolor": quote(colour), "penwidth": "2", "class": '"ghost"'}
        tooltip = ["added by the fix", *_messages(diagram, edge.findings)]
    elif edge.kind == "replaced":
        attrs |= {"style": "dotted", "color": quote(REPLACED_COLOUR), "fontcolor": quote(REPLACED_COLOUR), "arrowhead": "tee", "class": '"replaced"'}
        tooltip = ["replaced by the fix", *_messages(diagram, edge.findings)]
    elif edge.severity is not None:
        attrs |= {"color": quote(SEVERITY_COLOURS[edge.severity]), "penwidth": "2.5", "class": '"witness"'}
        tooltip = ["on the witness path", *_messages(diagram, edge.findings)]
    else:
        tooltip = [f"{edge.source} -> {edge.target}"]
    attrs["tooltip"] = quote("\n".join(tooltip))
    return attrs


def _legend() -> str:
    """The legend as an HTML-like label: fixed text only, never anything from the design."""
    rows = [
        ("- - -", SEVERITY_COLOURS[Severity.error], "added by a fix for an error (rule ID on it)"),
        ("- - -", SEVERITY_COLOURS[Severity.warning], "added by a fix for a warning"),
        ("- - -", SEVERITY_COLOURS[Severity.info], "added by a fix for an info finding"),
        ("&#183;&#183;&#183;&#183;", REPLACED_COLOUR, "edge a fix replaces"),
        ("&#9473;&#9473;", SEVERITY_COLOURS[Severity.error], "witness path; outlined: the node a finding is about"),
    ]
    cells = "".join(
        f'<TR><TD ALIGN="LEFT"><FONT COLOR="{colour}"><B>{mark}</B></FONT></TD><TD ALIGN="LEFT">{text}</TD></TR>' for mark, colour, text in rows
    )
    table = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"><TR><TD ALIGN="LEFT" COLSPAN="2"><B>Legend</B></TD></TR>{cells}</TABLE>'
    return f'<<FONT POINT-SIZE="10">{table}</FONT>>'
