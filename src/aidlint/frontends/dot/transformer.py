"""DOT's inline Transformer: builds the graph while the LALR parser reads the file, in source order."""

from __future__ import annotations

import re

from lark import Token, Transformer

from aidlint.frontends.dot.build import build_design
from aidlint.frontends.dot.lexer import StatementRun, id_text
from aidlint.frontends.lark_adapter import make_token
from aidlint.frontends.dot.scopes import Chain, Endpoint, GraphBuilder, ParseState, SavedSubgraph, Scope, extent
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.shared import check_depth, line_of
from aidlint.model import Edge, Span


#: the first character of an ID that id_text has to decode (quoted or HTML)
QUOTES = frozenset('"<')
#: what only id_text decodes right: an escaped quote, a line continuation, an HTML string, quoted
#: strings joined with `+` (every other escape stays as written, lexer.py)
_NEEDS_DECODING = re.compile(r'\\["\n]|[<+]')


class DotTransformer(Transformer):
    """Named after the rules of ``grammars/dot.lark``; runs inline in the LALR parser.

    It holds the state of the parse in progress (``state``), so :func:`parse` serialises its callers.
    """

    state: ParseState
    #: the ID before the `=` of an ATTR token; set from the grammar's ID terminal by _parser()
    attr_key: re.Pattern
    #: one `key=value` of a simple statement's attribute list (frontends/dot/statements.py); set by
    #: _parser() like attr_key
    attribute_item: re.Pattern

    def _split(self, token: Token) -> tuple[str, str]:
        key = self.attr_key.match(token)
        return (id_text(key.group(1)), id_text(token[key.end() :].lstrip(" \t\f\v\r\n")))

    def _error(self, message: str, token: Token, expected: list[str] | None = None) -> DesignSyntaxError:
        return DesignSyntaxError(
            message,
            line=token.line,
            col=token.column,
            source_line=line_of(self.state.text, token.line),
            expected=expected,
        )

    # -- graphs and scopes -----------------------------------------------------------------------

    def graph_head(self, children: list) -> GraphBuilder:
        strict = children[0].type == "STRICT"
        kind = children[1] if strict else children[0]
        name = str(children[-2]) if children[-2].type == "ID" else None
        graph = GraphBuilder(name, strict, kind.type == "DIGRAPH", children[0])
        self.state.graph = graph
        return graph

    def graph(self, children: list) -> None:
        graph: GraphBuilder = children[0]
        end: Token = children[-1]
        state = self.state
        state.designs.append((build_design(graph, end, state.path, len(state.designs)), end.end_pos))
        state.graph = None

    def stmt_list(self, children: list) -> None:
        return None

    def subgraph_head(self, children: list) -> Scope:
        graph = self.state.graph
        parent = graph.scopes[-1]
        head = children[0]
        check_depth(parent.depth + 1, "subgraphs", self.state.text, head.line, head.column)
        name = str(children[1]) if len(children) == 3 else None
        if name is None:
            saved = SavedSubgraph()
        else:
            saved = parent.saved.children.get(name)
            if saved is None:
                saved = parent.saved.children[name] = SavedSubgraph()
        group = parent.group
        if name is not None and name[:7].lower() == "cluster":
            if saved.group is None:
                # The same name under another parent is another subgraph for Graphviz: another group.
                group_id, copies = name, 1
                while group_id in graph.groups:
                    copies += 1
                    group_id = f"{name}#{copies}"
                saved.group = group_id
                graph.groups[group_id] = [None, parent.group, [], None]
            group = saved.group
        scope = Scope(parent, saved, group, head)
        graph.scopes.append(scope)
        return scope

    def subgraph(self, children: list) -> Endpoint:
        scope: Scope = children[0]
        end: Token = children[-1]
        graph = self.state.graph
        graph.scopes.pop()
        parent = graph.scopes[-1]
        saved = scope.saved
        saved.members.update(scope.members)
        parent.members.update(scope.members)
        if scope.group is not None and scope.group != parent.group:
            group = graph.groups[scope.group]
            group[0] = scope.graph_attrs.get("label", group[0])
            if group[3] is None:  # a cluster written in several blocks is located at its first
                group[3] = extent(scope.head, end)
        return Endpoint(saved.members, scope.head, end)

    # -- statements ------------------------------------------------------------------------------

    def node_list(self, children: list) -> list:
        if type(children[0]) is list:
            items = children[0]
            name_token = children[2]
            size = len(children) - 2
        else:
            items = []
            name_token = children[0]
            size = len(children)
        name = str(name_token)
        created = self._name_node(name, extent(name_token, name_token))
        if size == 1:
            items.append((name, None, name_token, name_token, created))
        else:
            port = str(children[-1]) if size == 3 else f"{children[-3]}:{children[-1]}"
            items.append((name, port, name_token, children[-1], created))
        return items

    def _name_node(self, name: str, span: tuple[int, int, int, int]) -> bool:
        """A node named in the current scope; True when this creates it (with the scope's defaults)."""
        graph = self.state.graph
        scope = graph.scopes[-1]
        created = name not in graph.nodes
        if created:
            self.state.budget.add_nodes(1, span[0], span[1])
            group = scope.group
            graph.nodes[name] = [dict(scope.node_defaults), group, span]
            if group is not None:
                graph.groups[group][2].append(name)
        scope.members[name] = None
        return created

    def node_stmt(self, children: list) -> None:
        if len(children) == 2:
            attrs, end = children[1]
            nodes = self.state.graph.nodes
            for name, _, first, _, created in children[0]:
                record = nodes[name]
                record[0].update(attrs)
                if created:
                    record[2] = extent(first, end)

    def edge_rhs(self, children: list) -> Chain:
        first, op, last = children
        if (op == "->") != self.state.graph.directed:
            raise self._wrong_edgeop(op)
        if type(first) is Chain:
            first.append(last)
            return first
        return Chain((first, last))

    def _wrong_edgeop(self, token: Token) -> DesignSyntaxError:
        if token == "--":
            message, expected = "'--' joins nodes of an undirected graph: a digraph's edges are written '->'", "'->'"
        else:
            message, expected = "'->' joins nodes of a digraph: an undirected graph's edges are written '--'", "'--'"
        return self._error(message, token, [expected])

    def edge_stmt(self, children: list) -> None:
        graph = self.state.graph
        ends = children[0]
        if len(children) == 2:
            attrs, end = children[1]
        else:
            attrs, end = None, None
        base = self._edge_attrs(attrs)
        last_index = len(ends) - 2
        for index in range(last_index + 1):
            sources, targets = ends[index], ends[index + 1]
            first_token = sources.first if type(sources) is Endpoint else sources[0][2]
            if index == last_index and end is not None:
                last_token = end
            else:
                last_token = targets.last if type(targets) is Endpoint else targets[-1][3]
            span = Span(self.state.path, *extent(first_token, last_token))  # one for the statement's edges
            if type(sources) is Endpoint:
                sources = [(name, None) for name in list(sources.members)]
            if type(targets) is Endpoint:
                targets = [(name, None) for name in list(targets.members)]
            self.state.budget.add_edges(len(sources) * len(targets), first_token.line, first_token.column)
            for source in sources:
                for target in targets:
                    self._add_edge(graph, source[0], target[0], base, source[1], target[1], span)

    def _edge_attrs(self, attrs: dict[str, str] | None) -> dict[str, str]:
        """The attributes a statement's edges start from: the scope's edge defaults under its own list."""
        defaults = self.state.graph.scopes[-1].edge_defaults
        if attrs is None:
            return defaults
        return {**defaults, **attrs} if defaults else attrs

    def _add_edge(self, graph, source, target, base, tail_port, head_port, span) -> None:
        attrs = dict(base) if base else {}
        if tail_port is not None:
            attrs["tailport"] = tail_port
        if head_port is not None:
            attrs["headport"] = head_port
        key = attrs.get("key")
        if graph.strict or key is not None:
            pair = (source, target) if graph.directed or source <= target else (target, source)
            index_key = pair if graph.strict else (pair, key)
            existing = graph.edge_index.get(index_key)
            if existing is not None:
                existing.attrs.update(attrs)
                return
            edge = Edge(source, target, None, attrs, span)
            graph.edge_index[index_key] = edge
        else:
            edge = Edge(source, target, None, attrs, span)
        graph.edges.append(edge)

    def attr_stmt(self, children: list) -> None:
        kind = children[0].type
        attrs, _ = children[-1]
        scope = self.state.graph.scopes[-1]
        if kind == "NODE":
            scope.node_defaults.update(attrs)
            scope.saved.node.update(attrs)
        elif kind == "EDGE":
            scope.edge_defaults.update(attrs)
            scope.saved.edge.update(attrs)
        else:
            scope.graph_attrs.update(attrs)
            scope.saved.graph.update(attrs)

    def assignment(self, children: list) -> None:
        key, value = self._split(children[0]) if len(children) == 1 else (str(children[0]), str(children[2]))
        scope = self.state.graph.scopes[-1]
        scope.graph_attrs[key] = value
        scope.saved.graph[key] = value

    def attr_list(self, children: list) -> tuple[dict[str, str], Token]:
        first = children[0]
        if type(first) is tuple:
            attrs = first[0]
            if len(children) == 4:
                attrs.update(children[2])
        else:
            attrs = children[1] if len(children) == 3 else {}
        return (attrs, children[-1])

    def a_list(self, children: list) -> dict[str, str]:
        first = children[0]
        if type(first) is dict:
            attrs, item = first, 1
        else:
            attrs, item = {}, 0
        token = children[item]
        if token.type == "ATTR":
            key, value = self._split(token)
            attrs[key] = value
        else:
            attrs[str(token)] = str(children[item + 2])
        return attrs

    # -- simple statements, a run of them read as one token (frontends/dot/statements.py) -----------

    def SIMPLE_STATEMENTS(self, token: StatementRun) -> None:
        state = self.state
        text, graph, budget = state.text, state.graph, state.budget
        nodes, scope = graph.nodes, graph.scopes[-1]
        members, edge_defaults = scope.members, scope.edge_defaults
        count, find, rindex = text.count, text.find, text.rindex
        name_node, attributes, add_edge = self._name_node, self._attributes, self._add_edge
        arrow = "->" if graph.directed else "--"
        strict, edges, path = graph.strict, graph.edges, state.path
        max_edges = budget.limits.max_edges
        # The line being read and the offset where it starts: columns count from 1, as Lark's.
        line, line_start = token.line, token.start_pos - token.column + 1
        for match in token.statements:  # each statement matched by the lexer
            regs = match.regs
            first, pos = regs[1]
            newlines = count("\n", line_start, first)
            if newlines:
                line += newlines
                line_start = rindex("\n", line_start, first) + 1
            if find("\n", first, pos) >= 0:  # rare: the next statement counts its newlines from line_start
                spans = [self._extent(text, line, line_start, start, end) for start, end in regs[2:]]
                self._simple_statement(match, spans)
                continue
            # On one line (nearly always): what _simple_statement does, with columns from offsets.
            column = 1 - line_start
            (tail_start, tail_end), (op_start, _), (head_start, head_end), (attrs_start, attrs_end) = regs[2:6]
            if tail_start >= 0:
                tail = text[tail_start:tail_end]
                if tail[0] in QUOTES:
                    tail = id_text(tail)
                if tail in nodes:
                    members[tail] = None
                else:
                    name_node(tail, (line, tail_start + column, line, tail_end + column))
                head = text[head_start:head_end]
                if head[0] in QUOTES:
                    head = id_text(head)
                if head in nodes:
                    members[head] = None
                else:
                    name_node(head, (line, head_start + column, line, head_end + column))
                if text[op_start : op_start + 2] != arrow:
                    op = text[op_start : op_start + 2]
                    op_column = op_start + column
                    raise self._wrong_edgeop(make_token("EDGEOP", op, 0, line, op_column, line, op_column + 2, 0))
                # This edge's own attributes (what _edge_attrs gives, copied as _add_edge would copy it).
                if attrs_start < 0:
                    attrs, last = dict(edge_defaults) if edge_defaults else {}, head_end
                else:
                    attrs, last = attributes(attrs_start, attrs_end), attrs_end
                    if edge_defaults:
                        attrs = {**edge_defaults, **attrs}
                budget.edges += 1  # budget.add_edges(1, ...), without two calls an edge
                if budget.edges > max_edges:
                    budget.require_edges(budget.edges, line, tail_start + column)
                span = Span(path, line, tail_start + column, line, last + column)
                if strict or "key" in attrs:
                    add_edge(graph, tail, head, attrs, None, None, span)
                else:  # _add_edge's plain case
                    edges.append(Edge(tail, head, None, attrs, span))
            else:
                (name_start, name_end), (attrs_start, attrs_end) = regs[6:8]
                name = id_text(text[name_start:name_end])
                created = name_node(name, (line, name_start + column, line, name_end + column))
                record = nodes[name]
                record[0].update(attributes(attrs_start, attrs_end))
                if created:
                    record[2] = (line, name_start + column, line, attrs_end + column)

    @staticmethod
    def _extent(text: str, line: int, line_start: int, start: int, end: int) -> tuple[int, int, int, int]:
        def at(offset: int) -> tuple[int, int]:
            newlines = text.count("\n", line_start, offset)
            if not newlines:
                return (line, offset - line_start + 1)
            return (line + newlines, offset - text.rindex("\n", line_start, offset))

        return (*at(start), *at(end))

    def _simple_statement(self, match: re.Match, spans: list[tuple[int, int, int, int]]) -> None:
        """One statement of a run; ``spans`` are the extents of the parts statements.py captures, in
        their order: tail, op, head, edge_attrs, node, node_attrs (meaningless where not matched)."""
        graph = self.state.graph
        tail = match.group("tail")
        if tail is not None:
            tail_span, op_span, head_span = spans[0], spans[1], spans[2]
            tail = id_text(tail)
            self._name_node(tail, tail_span)
            head = id_text(match.group("head"))
            self._name_node(head, head_span)
            op = match.group("op")
            if (op == "->") != graph.directed:
                raise self._wrong_edgeop(make_token("EDGEOP", op, 0, *op_span, 0))
            attrs_start, attrs_end = match.span("edge_attrs")
            if attrs_start < 0:
                base, last = self._edge_attrs(None), head_span
            else:
                base, last = self._edge_attrs(self._attributes(attrs_start, attrs_end)), spans[3]
            self.state.budget.add_edges(1, tail_span[0], tail_span[1])
            span = Span(self.state.path, tail_span[0], tail_span[1], last[2], last[3])
            self._add_edge(graph, tail, head, base, None, None, span)
        else:
            name_span, attrs_span = spans[4], spans[5]
            name = id_text(match.group("node"))
            created = self._name_node(name, name_span)
            record = graph.nodes[name]
            record[0].update(self._attributes(*match.span("node_attrs")))
            if created:
                record[2] = (name_span[0], name_span[1], attrs_span[2], attrs_span[3])

    SIMPLE_STATEMENTS_SEMI = SIMPLE_STATEMENTS

    def _attributes(self, start: int, stop: int) -> dict[str, str]:
        """The ``key=value`` items of the ``[...]`` at text[start:stop], a later key over an earlier one."""
        text = self.state.text
        items = self.attribute_item.findall(text, start + 1, stop - 1)
        if _NEEDS_DECODING.search(text, start, stop) is None:
            # Every ID here is a name, a numeral or one quoted string that decodes to itself: its quotes
            # are all that id_text would take off (nearly every list in a big file).
            return {key.strip('"'): value.strip('"') for key, value in items}
        return {id_text(key): id_text(value) for key, value in items}
