"""From statements to a Design, in the order Mermaid's FlowDB sees them."""

from __future__ import annotations

import re
from pathlib import Path

from lark import Token

from aidlint.frontends.directives import CommentPosition, apply_comment, apply_renames
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.mermaid.clean import Cleaned
from aidlint.frontends.mermaid.shapes import VALID_SHAPES, label_text, link_info, shape_data
from aidlint.frontends.mermaid.transformer import (
    ClassStatement,
    Document,
    LinkStyle,
    StyleStatement,
    Subgraph,
    Vertex,
    VertexStatement,
)
from aidlint.frontends.shared import ExpansionBudget, GroupMembers, Limits, check_depth, line_of, token_span
from aidlint.model import ROLES, Design, Edge, Group, Node, Span

class _Builder:
    def __init__(self, source: str, path: str) -> None:
        self.source = source
        self.path = path
        self.nodes: dict[str, Node] = {}
        self.edges: list[Edge] = []
        self.groups: dict[str, Group] = {}
        self.group_ids: set[str] = set()
        self.edge_ids: set[str] = set()
        self.owner: dict[str, str] = {}
        self.roles: list[tuple[str, str]] = []
        self.link_count = 0
        self.subgraph_count = 0
        self.pending_edges: list[tuple[list[str], list[str], Link, int]] = []
        self.group_vertices: set[str] = set()
        self.pair_counts: dict[tuple[str, str], int] = {}
        self.budget = ExpansionBudget(source)

    # Vertices --------------------------------------------------------------------------------------
    def vertex(self, vertex: Vertex) -> None:
        if vertex.id in self.edge_ids:
            return  # `e1@{ animate: true }` styles the edge e1: Mermaid makes no vertex of it
        if not vertex.shape_data and not vertex.classes and vertex.label is None and not vertex.shape:
            node = self.nodes.get(vertex.id)
            if node is not None:  # a bare mention of a node drawn before (most link ends)
                if "shape" not in node.attrs:
                    node.attrs["shape"] = "square"
                return
        data = shape_data("".join(token.value for token in vertex.shape_data)) if vertex.shape_data else None
        shape = data.get("shape") if data else None
        if shape is not None and (shape != shape.lower() or "_" in shape or shape not in VALID_SHAPES):
            first = vertex.shape_data[0]
            raise DesignSyntaxError(
                f"Mermaid has no node shape {shape!r}",
                line=first.line,
                col=first.column,
                source_line=line_of(self.source, first.line),
                expected=["a shape name such as rect, rounded, stadium, cyl, diamond, hex"],
            )
        for class_name in vertex.classes:
            if class_name in ROLES:
                self.roles.append((vertex.id, class_name))
        if vertex.id in self.group_ids:
            self.group_vertices.add(vertex.id)
            return
        first, last = vertex.first, vertex.last
        if vertex.shape_data:
            # the closing '}' of `@{...}` is no token: the span ends one past the last data token
            closing = vertex.shape_data[-1]
            last = Token("SHAPE_DATA", "}", closing.end_pos, closing.end_line, closing.end_column)
            last.end_line, last.end_column = closing.end_line, closing.end_column + 1
        label = label_text(self.source, vertex.label) if vertex.label is not None else None
        if data and data.get("label"):
            label = data["label"]
        shape = shape or vertex.shape
        node = self.nodes.get(vertex.id)
        if node is None:
            span = Span(self.path, first.line, first.column, last.end_line, last.end_column)
            self.nodes[vertex.id] = Node(vertex.id, label, None, {"shape": shape or "square"}, None, span)
            return
        if label is not None:
            node.label = label
        if shape:
            node.attrs["shape"] = shape
        elif "shape" not in node.attrs:
            node.attrs["shape"] = "square"

    def statement(self, statement: VertexStatement) -> list[str]:
        mentioned = []
        vertex = self.vertex
        for nodes in statement.nodes:
            for each in nodes:
                vertex(each)
                mentioned.append(each.id)
        ends = statement.nodes
        for index, link in enumerate(statement.links):
            sources, targets = ends[index], ends[index + 1]
            count = len(sources) * len(targets)
            first = sources[0].first
            self.budget.require_edges(self.link_count + count, first.line, first.column)
            self.name_edges(sources, targets, link.id[:-1] if link.id else None)
            self.pending_edges.append((sources, targets, link, self.link_count))
            self.link_count += count
        return mentioned

    def name_edges(self, sources: list[Vertex], targets: list[Vertex], link_id: str | None) -> None:
        """Mermaid's edge IDs (`e1@-->`, else `L_A_B_0`): a vertex statement naming one is not a vertex."""
        pair_counts, edge_ids = self.pair_counts, self.edge_ids
        for source in sources:
            for target in targets:
                pair = (source.id, target.id)
                existing = pair_counts.get(pair, 0)
                if link_id and source is sources[-1] and target is targets[0] and link_id not in edge_ids:
                    edge_ids.add(link_id)
                else:
                    edge_ids.add(f"L_{source.id}_{target.id}_{existing + 1 if existing else 0}")
                pair_counts[pair] = existing + 1

    def style(self, statement: StyleStatement) -> None:
        if statement.id in self.group_ids:
            self.group_vertices.add(statement.id)
        elif statement.id not in self.edge_ids and statement.id not in self.nodes:
            self.nodes[statement.id] = Node(
                id=statement.id,
                attrs={"shape": "square"},
                span=token_span(self.path, statement.first, statement.last),
            )

    # Subgraphs -------------------------------------------------------------------------------------
    def open_subgraph(self, subgraph: Subgraph, depth: int) -> Group:
        check_depth(depth, "subgraphs", self.source, subgraph.keyword.line, subgraph.keyword.column)
        end = subgraph.end  # the END token also holds the blanks after `end`
        return Group(
            id="",
            span=Span(
                path=self.path,
                line=subgraph.keyword.line,
                col=subgraph.keyword.column,
                end_line=end.line,
                end_col=end.column + 3,
            ),
        )

    def close_subgraph(self, subgraph: Subgraph, group: Group, mentioned: list[str]) -> str:
        group.id, group.label = self.subgraph_names(subgraph)
        if group.id in self.groups:
            # Mermaid draws a second `subgraph X` block as another box with the same ID; one group
            # per ID keeps IDs unique, so the second block adds its members to the first.
            group = self.groups[group.id]
            group.attrs["blocks"] = str(int(group.attrs.get("blocks", "1")) + 1)
        self.groups[group.id] = group
        self.subgraph_count += 1
        for member in dict.fromkeys(mentioned):
            if member and member not in self.owner and member != group.id:
                self.owner[member] = group.id
        return group.id

    def subgraph_names(self, subgraph: Subgraph) -> tuple[str, str | None]:
        """Mermaid's addSubGraph: `subgraph id [title]`, `subgraph id`, or a title with blanks that
        gets a generated ID (`subGraph0`, counting every subgraph so far)."""
        if subgraph.name is None:
            return f"subGraph{self.subgraph_count}", None
        raw_name = self.source[subgraph.name.first.start_pos : subgraph.name.last.end_pos]
        if subgraph.title is not None:
            return raw_name.strip(), label_text(self.source, subgraph.title)
        title = label_text(self.source, subgraph.name)
        if re.search(r"\s", raw_name):
            return f"subGraph{self.subgraph_count}", title
        # `subgraph X` has only an ID, like a bare node; `subgraph "X"` is a title.
        return raw_name.strip(), (title if subgraph.name.kind != "text" else None)

    # Edges -----------------------------------------------------------------------------------------
    def expansion(self) -> GroupMembers:
        return GroupMembers(
            {group.id: group.parent for group in self.groups.values()},
            {node.id: node.group for node in self.nodes.values()},
        )

    def members(self, name: str, expansion: GroupMembers) -> list[str]:
        if name not in self.groups:
            # An edge ID used as a link end (`e1 --> C` after `A e1@--> B`) is no vertex in Mermaid.
            return [name] if name in self.nodes else []
        return expansion.members(name)

    def connect(self, budget: ExpansionBudget) -> None:
        expansion = self.expansion()
        groups, nodes, edges, source_text, path = self.groups, self.nodes, self.edges, self.source, self.path
        kinds: dict[tuple[str, str | None], dict[str, str]] = {}  # destructLink per arrow as written
        for sources, targets, link, number in self.pending_edges:
            key = (link.arrow, link.start)
            info = kinds.get(key)
            if info is None:
                info = kinds[key] = link_info(link)
            label = label_text(source_text, link.text) if link.text is not None else None
            first, last = sources[0].first, targets[-1].last
            span = Span(path, first.line, first.column, last.end_line, last.end_column)
            if len(sources) == 1 and len(targets) == 1:
                source, target = sources[0].id, targets[0].id
                if source in nodes and target in nodes and source not in groups and target not in groups:
                    # one link between two drawn nodes (nearly every link): one edge, as the loops below make it
                    attrs = dict(info)
                    attrs["link"] = str(number)
                    budget.add_edges(1, first.line, first.column)
                    edges.append(Edge(source, target, label, attrs, span))
                    continue
            for source_vertex in sources:
                source = source_vertex.id
                source_ids = self.members(source, expansion)
                for target_vertex in targets:
                    target = target_vertex.id
                    attrs = dict(info)
                    attrs["link"] = str(number)
                    number += 1
                    if source in groups:
                        attrs["source_group"] = source
                    if target in groups:
                        attrs["target_group"] = target
                    target_ids = self.members(target, expansion)
                    budget.add_edges(len(source_ids) * len(target_ids), first.line, first.column)
                    for source_id in source_ids:
                        for target_id in target_ids:
                            edges.append(Edge(source_id, target_id, label, attrs, span))


def _walk(document: Document, builder: _Builder) -> None:
    """Visit the statements in source order with an explicit stack: nesting depth never recurses."""
    # Subgraph IDs are only known at their `end`, and generated ones count subgraphs in the order they
    # close; a first pass over the nested bodies collects the named ones.
    named: list = list(document.statements)
    while named:
        statement = named.pop()
        if isinstance(statement, Subgraph):
            if statement.name is not None:
                raw = builder.source[statement.name.first.start_pos : statement.name.last.end_pos]
                if statement.title is not None or not re.search(r"\s", raw):
                    builder.group_ids.add(raw.strip())
            named.extend(statement.body)

    stack: list[tuple[list, int, Subgraph | None, Group | None, list[str], int]] = [
        (document.statements, 0, None, None, [], 0)
    ]
    while stack:
        statements, index, subgraph, group, mentioned, depth = stack.pop()
        if index == len(statements):
            if subgraph is not None:
                group_id = builder.close_subgraph(subgraph, group, mentioned)
                stack[-1][4].append(group_id)
            continue
        stack.append((statements, index + 1, subgraph, group, mentioned, depth))
        statement = statements[index]
        if isinstance(statement, VertexStatement):
            mentioned.extend(builder.statement(statement))
        elif isinstance(statement, StyleStatement):
            builder.style(statement)
        elif isinstance(statement, LinkStyle):
            for number in statement.numbers:
                if int(number.value) >= builder.link_count:
                    raise DesignSyntaxError(
                        f"linkStyle {number.value} names a link that does not exist: the links drawn so far"
                        f" are numbered 0 to {builder.link_count - 1}",
                        line=number.line,
                        col=number.column,
                        source_line=line_of(builder.source, number.line),
                        expected=[f"a link number below {builder.link_count}"],
                    )
        elif isinstance(statement, ClassStatement):
            for node_id in statement.ids.split(","):
                if statement.class_name in ROLES:
                    builder.roles.append((node_id, statement.class_name))
        elif isinstance(statement, Subgraph):
            inner = builder.open_subgraph(statement, depth + 1)
            stack.append((statement.body, 0, statement, inner, [], depth + 1))


def build(document: Document, source: str, cleaned: Cleaned, path: str, limits: Limits | None = None) -> Design:
    builder = _Builder(source, path)
    budget = builder.budget = ExpansionBudget(source, limits)
    _walk(document, builder)
    for member, group_id in builder.owner.items():
        if member in builder.groups:
            if member != group_id:
                builder.groups[member].parent = group_id
        elif member in builder.nodes:
            builder.nodes[member].group = group_id
    for node in builder.nodes.values():
        if node.group is not None:
            builder.groups[node.group].members.append(node.id)
    # An empty subgraph that a link names is drawn as a box the link reaches: it is a node.
    linked = {vertex.id for sources, targets, *_ in builder.pending_edges for vertex in sources + targets}
    expansion = builder.expansion()
    for group_id in [g for g in builder.groups if g in linked and not builder.members(g, expansion)]:
        group = builder.groups.pop(group_id)
        builder.nodes[group_id] = Node(
            id=group_id,
            label=group.label,
            attrs={"shape": "subgraph"},
            group=group.parent,
            span=group.span,
        )
        if group.parent:
            builder.groups[group.parent].members.append(group_id)
        builder.group_vertices.discard(group_id)
    for group_id in builder.group_vertices:
        if group_id in builder.groups:
            builder.groups[group_id].attrs["vertex"] = "true"
    budget.require_nodes(list(builder.nodes.values()))
    builder.connect(budget)

    design = Design(
        name=cleaned.title or Path(path).stem,
        path=path,
        format="mermaid",
        nodes=sorted(builder.nodes.values(), key=lambda node: (node.span.line, node.span.col)),
        edges=builder.edges,
        groups=sorted(builder.groups.values(), key=lambda group: (group.span.line, group.span.col)),
    )
    header = re.search(r"\S", cleaned.text)
    if header:
        line = cleaned.text.count("\n", 0, header.start()) + 1
        col = header.start() - cleaned.text.rfind("\n", 0, header.start())
        word = re.match(r"\S+", cleaned.text[header.start() :]).group(0)
        design.span = Span(path=path, line=line, col=col, end_line=line, end_col=col + len(word))
    _apply_roles(design, builder.roles)
    apply_comments(design, cleaned.comments, source, path)
    return design


def _apply_roles(design: Design, roles: list[tuple[str, str]]) -> None:
    nodes = {node.id: node for node in design.nodes}
    for node_id, role in roles:
        if node_id in nodes:
            nodes[node_id].role = nodes[node_id].role_class = role


def apply_comments(design: Design, comments: list[tuple[int, str]], source: str, path: str) -> None:
    # A Mermaid comment always stands on a line of its own, so a suppression speaks for the whole design.
    # The comments come in source order: lines are counted once over the text, not from its start per
    # comment (a file of many comments would take time in the square of its size).
    renames: dict = {}
    line, counted = 1, 0
    for offset, body in comments:
        line += source.count("\n", counted, offset)
        counted = offset
        col = offset - source.rfind("\n", 0, offset)
        position = CommentPosition(line, col, line, col + 2 + len(body), start_pos=offset)
        apply_comment(design, body, position, source, path, renames)
    apply_renames(design, renames, source)
