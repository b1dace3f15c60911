"""Graphviz DOT (``.dot``, ``.gv``): ``grammars/dot.lark`` into the design model.

The Transformer runs inside the LALR parser and builds the design while the file is read: DOT's
meaning depends on order (``node [...]`` defaults apply to nodes created *after* them, in that scope and
the scopes nested in it), and LALR reductions arrive in source order, so the callbacks replay the file
the way Graphviz's own parser does. No parse tree is built and nothing recurses on nesting depth.

Counting follows Graphviz: a subgraph used as an edge end stands for every node named inside it, a
``strict`` graph keeps one edge per node pair (later attributes update it), and edges of a non-strict
graph that repeat an endpoint pair *and* a ``key`` attribute are one edge.
"""

from __future__ import annotations

import gc
import re
import threading
from functools import cache
from pathlib import Path

from lark import Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer

from aidlint.frontends.directives import apply_comment
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.larkutil import CommentCollector, lalr_parser, line_of, syntax_error_from_lark
from aidlint.model import ROLES, Design, Edge, Group, Node, Span

#: Subgraphs nested deeper than this are refused: no real diagram needs it, and hostile input must not hang.
MAX_SUBGRAPH_DEPTH = 64

_ROLE_SET = frozenset(ROLES)
_CLASS_SEPARATORS = re.compile(r"[\s,]+")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)

_FRIENDLY_TERMINALS = {
    "ID": "an ID",
    "ATTR": "an ID",
    "EDGEOP": "'->' or '--'",
    "LBRACE": "'{'",
    "RBRACE": "'}'",
    "LSQB": "'['",
    "RSQB": "']'",
    "STRICT": "'strict'",
    "GRAPH": "'graph'",
    "DIGRAPH": "'digraph'",
    "SUBGRAPH": "'subgraph'",
    "NODE": "'node'",
    "EDGE": "'edge'",
    "SEMI": "';'",
    "COMMA": "','",
    "EQUAL": "'='",
    "COLON": "':'",
}


#: how an error message names an unexpected token of these kinds
_NAMED_TOKENS = {
    "ID": "ID",
    "ATTR": "attribute",
    **{keyword: "keyword" for keyword in ("STRICT", "GRAPH", "DIGRAPH", "SUBGRAPH", "NODE", "EDGE")},
}


def _unescape(match: re.Match) -> str:
    char = match.group(1)
    if char == '"':
        return '"'
    if char == "\n":  # a line continuation
        return ""
    return match.group(0)  # Graphviz keeps every other escape (\n, \l, \N, \\) for the renderer


def _id_text(raw: str) -> str:
    """The text an ID stands for, as written in any of its forms."""
    first = raw[0]
    if first == '"':
        return _quoted_id(raw)
    if first == "<":
        return raw[1:-1]
    return raw


def _quoted_id(raw: str) -> str:
    """The text of a double-quoted ID, or of several joined with ``+``."""
    if "\\" not in raw and raw.count('"') == 2:
        return raw[1:-1]
    return "".join(_ESCAPE.sub(_unescape, part[1:-1]) for part in _QUOTED.findall(raw))


class _Scope:
    """The root graph or one subgraph while it is being read."""

    __slots__ = ("node_defaults", "edge_defaults", "graph_attrs", "saved", "group", "members", "depth", "head")

    def __init__(self, parent: "_Scope | None", saved: "_SavedSubgraph", group: str | None, head: Token) -> None:
        if parent is None:
            self.node_defaults, self.edge_defaults, self.depth = {}, {}, 0
            self.graph_attrs = saved.graph = {}
        else:
            # A subgraph sees its parent's node and edge defaults as they are now, under its own earlier
            # settings (cgraph keeps those dictionaries as views onto its parent's). Its graph attributes
            # are its own values, copied from the parent when it is first opened.
            self.node_defaults = {**parent.node_defaults, **saved.node}
            self.edge_defaults = {**parent.edge_defaults, **saved.edge}
            if saved.graph is None:
                saved.graph = dict(parent.graph_attrs)
            self.graph_attrs = dict(saved.graph)
            self.depth = parent.depth + 1
        self.saved = saved
        self.group = group
        self.members: dict[str, None] = {}
        self.head = head


class _SavedSubgraph:
    """What a named subgraph keeps between two `subgraph NAME { }` blocks: Graphviz reopens the same one."""

    __slots__ = ("node", "edge", "graph", "members", "children", "group")

    def __init__(self) -> None:
        self.group: str | None = None
        self.node: dict[str, str] = {}
        self.edge: dict[str, str] = {}
        #: the subgraph's graph attributes; None until it is first opened
        self.graph: dict[str, str] | None = None
        self.members: dict[str, None] = {}
        self.children: dict[str, _SavedSubgraph] = {}


class _Endpoint:
    """A subgraph used as an edge end: the nodes named inside it, and where it is written.

    ``members`` is the subgraph's live set: Graphviz creates a statement's edges at its end, so in
    ``subgraph s {} -> subgraph s { x }`` the first end already holds ``x``.
    """

    __slots__ = ("members", "first", "last")

    def __init__(self, members: dict[str, None], first: Token, last: Token) -> None:
        self.members = members
        self.first = first
        self.last = last


class _GraphBuilder:
    __slots__ = (
        "name", "strict", "directed", "head", "nodes", "edges", "edge_index",
        "groups", "scopes", "root",
    )

    def __init__(self, name: str | None, strict: bool, directed: bool, head: Token) -> None:
        self.name = name
        self.strict = strict
        self.directed = directed
        self.head = head
        #: id -> [attrs, group, span]; plain lists while reading, models once at the end
        self.nodes: dict[str, list] = {}
        #: [source, target, attrs, span]
        self.edges: list[list] = []
        self.edge_index: dict[tuple, list] = {}
        #: group id -> [label, parent, members, span]
        self.groups: dict[str, list] = {}
        self.root = _SavedSubgraph()
        self.scopes: list[_Scope] = [_Scope(None, self.root, None, head)]


class _ParseState:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.graph: _GraphBuilder | None = None
        self.designs: list[tuple[Design, int]] = []  # with the offset where each graph ends


def _span(first: Token, last: Token) -> tuple[int, int, int, int]:
    return (first.line, first.column, last.end_line, last.end_column)


class _Chain(list):
    """An edge chain being read: endpoints (node lists or subgraphs) alternating with EDGEOP tokens."""

    __slots__ = ()


class DotTransformer(Transformer):
    """Named after the rules of ``grammars/dot.lark``; runs inline in the LALR parser.

    It holds the state of the parse in progress (``state``), so :func:`parse` serialises its callers.
    """

    state: _ParseState
    #: the ID before the `=` of an ATTR token; set from the grammar's ID terminal by _parser()
    attr_key: re.Pattern

    def _split(self, token: Token) -> tuple[str, str]:
        key = self.attr_key.match(token)
        return (_id_text(key.group(1)), _id_text(token[key.end() :].lstrip(" \t\f\v\r\n")))

    def _error(self, message: str, token: Token, expected: list[str] | None = None) -> DesignSyntaxError:
        return DesignSyntaxError(
            message,
            line=token.line,
            col=token.column,
            source_line=line_of(self.state.text, token.line),
            expected=expected,
        )

    # -- graphs and scopes -----------------------------------------------------------------------

    def graph_head(self, children: list) -> _GraphBuilder:
        strict = children[0].type == "STRICT"
        kind = children[1] if strict else children[0]
        name = str(children[-2]) if children[-2].type == "ID" else None
        graph = _GraphBuilder(name, strict, kind.type == "DIGRAPH", children[0])
        self.state.graph = graph
        return graph

    def graph(self, children: list) -> None:
        graph: _GraphBuilder = children[0]
        end: Token = children[-1]
        state = self.state
        state.designs.append((_build_design(graph, end, state.path, len(state.designs)), end.end_pos))
        state.graph = None

    def stmt_list(self, children: list) -> None:
        return None

    def subgraph_head(self, children: list) -> _Scope:
        graph = self.state.graph
        parent = graph.scopes[-1]
        head = children[0]
        if parent.depth >= MAX_SUBGRAPH_DEPTH:
            raise self._error(f"subgraphs are nested deeper than {MAX_SUBGRAPH_DEPTH} levels", head)
        name = str(children[1]) if len(children) == 3 else None
        if name is None:
            saved = _SavedSubgraph()
        else:
            saved = parent.saved.children.get(name)
            if saved is None:
                saved = parent.saved.children[name] = _SavedSubgraph()
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
        scope = _Scope(parent, saved, group, head)
        graph.scopes.append(scope)
        return scope

    def subgraph(self, children: list) -> _Endpoint:
        scope: _Scope = children[0]
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
                group[3] = _span(scope.head, end)
        return _Endpoint(saved.members, scope.head, end)

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
        graph = self.state.graph
        scope = graph.scopes[-1]
        created = name not in graph.nodes
        if created:
            group = scope.group
            graph.nodes[name] = [dict(scope.node_defaults), group, _span(name_token, name_token)]
            if group is not None:
                graph.groups[group][2].append(name)
        scope.members[name] = None
        if size == 1:
            items.append((name, None, name_token, name_token, created))
        else:
            port = str(children[-1]) if size == 3 else f"{children[-3]}:{children[-1]}"
            items.append((name, port, name_token, children[-1], created))
        return items

    def node_stmt(self, children: list) -> None:
        if len(children) == 2:
            attrs, end = children[1]
            nodes = self.state.graph.nodes
            for name, _, first, _, created in children[0]:
                record = nodes[name]
                record[0].update(attrs)
                if created:
                    record[2] = _span(first, end)

    def edge_rhs(self, children: list) -> _Chain:
        first, op, last = children
        if (op == "->") != self.state.graph.directed:
            raise self._wrong_edgeop(op)
        if type(first) is _Chain:
            first.append(last)
            return first
        return _Chain((first, last))

    def _wrong_edgeop(self, token: Token) -> DesignSyntaxError:
        if token == "--":
            message, expected = "'--' joins nodes of an undirected graph: a digraph's edges are written '->'", "'->'"
        else:
            message, expected = "'->' joins nodes of a digraph: an undirected graph's edges are written '--'", "'--'"
        return self._error(message, token, [expected])

    def edge_stmt(self, children: list) -> None:
        graph = self.state.graph
        ends = children[0]
        defaults = graph.scopes[-1].edge_defaults
        if len(children) == 2:
            attrs, end = children[1]
            base = {**defaults, **attrs} if defaults else attrs
        else:
            end = None
            base = defaults
        last_index = len(ends) - 2
        for index in range(last_index + 1):
            sources, targets = ends[index], ends[index + 1]
            first_token = sources.first if type(sources) is _Endpoint else sources[0][2]
            if index == last_index and end is not None:
                last_token = end
            else:
                last_token = targets.last if type(targets) is _Endpoint else targets[-1][3]
            span = _span(first_token, last_token)
            if type(sources) is _Endpoint:
                sources = [(name, None) for name in list(sources.members)]
            if type(targets) is _Endpoint:
                targets = [(name, None) for name in list(targets.members)]
            for source in sources:
                for target in targets:
                    self._add_edge(graph, source[0], target[0], base, source[1], target[1], span)

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
                existing[2].update(attrs)
                return
            record = [source, target, attrs, span]
            graph.edge_index[index_key] = record
        else:
            record = [source, target, attrs, span]
        graph.edges.append(record)

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


_set = object.__setattr__


def _construct(model: type, values: dict):
    """``model.model_construct(**values)`` for callers that pass every field: the same object, built in a
    fraction of the time, because a 100k-edge file builds hundreds of thousands of these."""
    instance = model.__new__(model)
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", set(values))
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


def _make_span(path: str, span: tuple[int, int, int, int]) -> Span:
    return _construct(Span, {"path": path, "line": span[0], "col": span[1], "end_line": span[2], "end_col": span[3]})


def _declared_role(attrs: dict[str, str]) -> str | None:
    role = attrs.pop("role", None)
    if role:
        return role
    classes = attrs.get("class")
    if classes:
        for name in _CLASS_SEPARATORS.split(classes):
            if name in _ROLE_SET:
                return name
    return None


def _build_design(graph: _GraphBuilder, end: Token, path: str, index: int) -> Design:
    nodes = []
    for node_id, (attrs, group, span) in graph.nodes.items():
        label = attrs.pop("label", None)
        if label == "\\N":  # Graphviz's default label: the node's name
            label = None
        role = _declared_role(attrs)
        span = _make_span(path, span)
        nodes.append(
            _construct(
                Node, {"id": node_id, "label": label, "role": role, "attrs": attrs, "group": group, "span": span}
            )
        )
    edges = []
    for source, target, attrs, span in graph.edges:
        label = attrs.pop("label", None)
        span = _make_span(path, span)
        edges.append(
            _construct(Edge, {"source": source, "target": target, "label": label, "attrs": attrs, "span": span})
        )
    groups = [
        Group.model_construct(id=group_id, label=label, parent=parent, members=members, span=_make_span(path, span))
        for group_id, (label, parent, members, span) in graph.groups.items()
    ]
    notes = []
    if not graph.directed:
        notes.append("an undirected graph: each edge is read in the direction it is written")
    if graph.name is not None:
        name = graph.name
    else:
        name = Path(path).stem if index == 0 else f"{Path(path).stem}#{index + 1}"
    return Design.model_construct(
        name=name,
        path=path,
        format="dot",
        profile=None,
        nodes=nodes,
        edges=edges,
        groups=groups,
        suppressions=[],
        notes=notes,
        span=_make_span(path, _span(graph.head, end)),
    )


class DotLexer(Lexer):
    """Lark's lexer contract, run over the terminals of ``grammars/dot.lark``.

    Lark's own lexer spends most of its time per token in Python bookkeeping (a second regex match for
    every run of whitespace, line counting on each token); this one folds the whitespace into the next
    token's match and counts lines only across the text it skips and inside the tokens that can hold a
    newline. It also decodes IDs (quotes, escapes, ``+`` joins, HTML brackets) once, here, and tells
    keywords from names the way Lark does for case-insensitive keywords.
    """

    __future_interface__ = 2

    def __init__(self, conf) -> None:
        self.callbacks = dict(conf.callbacks)
        self.keywords: dict[str, str] = {}
        skip, alternatives = [], []
        terminals = sorted(conf.terminals, key=lambda t: (-t.priority, -t.pattern.max_width, t.name))
        for terminal in terminals:
            pattern = terminal.pattern
            if pattern.type == "str" and pattern.value.isalpha():
                # DOT's keywords are all case-insensitive (`"node"i`): an ID token is checked against them.
                self.keywords[pattern.value.lower()] = terminal.name
            elif terminal.name in conf.ignore and terminal.name not in self.callbacks:
                skip.append(pattern.to_regexp())
            else:
                alternatives.append(f"(?P<{terminal.name}>{pattern.to_regexp()})")
        alternatives.append(r"(?P<_END>\Z)")
        self.skip = re.compile(f"(?:{'|'.join(skip)})*")
        self.master = re.compile(f"{self.skip.pattern}(?:{'|'.join(alternatives)})")
        # lex() finds the terminal by group number, so the grammar's regexps must not capture.
        if self.master.groups != len(alternatives):
            raise ValueError("a terminal of dot.lark uses a capturing group: write (?:...)")
        self.names = [None, *(name for name, _ in sorted(self.master.groupindex.items(), key=lambda item: item[1]))]
        self.ignore = frozenset(conf.ignore)
        self.longest_keyword = max(map(len, self.keywords), default=0)

    def lex(self, lexer_state, parser_state):
        source = lexer_state.text
        if isinstance(source, str):  # Lark before 1.2 hands over the text itself, later a TextSlice
            text, pos, end = source, 0, len(source)
        else:
            text, pos, end = source.text, source.start, source.end
        match = self.master.match
        keywords, callbacks, ignore, names = self.keywords, self.callbacks, self.ignore, self.names
        longest_keyword = self.longest_keyword
        count, rindex = text.count, text.rindex
        new = str.__new__
        line, line_start = 1, 0
        while True:
            found = match(text, pos, end)
            if found is None:
                # Past the whitespace, nothing can start here: the lexer's error, with what the parser wanted.
                start = self.skip.match(text, pos, end).end()
                newlines = count("\n", pos, start)
                if newlines:
                    line += newlines
                    line_start = rindex("\n", pos, start) + 1
                allowed = set()
                if parser_state is not None:
                    allowed = {name for name in parser_state.parse_conf.states[parser_state.position] if name.isupper()}
                raise UnexpectedCharacters(text, start, line, start - line_start + 1, allowed=allowed)
            kind = names[found.lastindex]
            start, stop = found.span(found.lastindex)
            if start != pos:
                newlines = count("\n", pos, start)
                if newlines:
                    line += newlines
                    line_start = rindex("\n", pos, start) + 1
            if kind == "_END":
                return
            pos = stop
            value = text[start:stop]
            first = value[0]
            token_line, token_column = line, start - line_start + 1
            if first == '"' or first == "<" or kind in ignore or kind == "ATTR":
                newlines = value.count("\n")
                if newlines:
                    line += newlines
                    line_start = rindex("\n", start, pos) + 1
                if kind == "ID":
                    value = _quoted_id(value) if first == '"' else value[1:-1]
            elif kind == "ID" and len(value) <= longest_keyword:
                kind = keywords.get(value.lower(), kind)
            token = new(Token, value)
            token.type = kind
            token.value = value
            token.start_pos = start
            token.line = token_line
            token.column = token_column
            token.end_line = line
            token.end_column = pos - line_start + 1
            token.end_pos = pos
            if kind in ignore:
                callbacks[kind](token)
                continue
            yield token


_comments = CommentCollector()
_transformer = DotTransformer()
_lock = threading.Lock()


@cache
def _parser():
    parser = lalr_parser(
        "dot.lark",
        start="start",
        lexer=DotLexer,
        transformer=_transformer,
        lexer_callbacks={"COMMENT": _comments},
    )
    # Lark names rules with Token objects; its parse table is keyed by plain strings, and every reduction
    # looks a rule's name up there, which then runs Token.__eq__. Plain names (equal, same hash) skip it.
    for rule in parser.rules:
        rule.origin.name = str(rule.origin.name)
    _transformer.attr_key = re.compile(f"({parser.get_terminal('ID').pattern.to_regexp()})[ \t\f\v\r\n]*=")
    return parser


def parse(text: str, path: str, options=None) -> list[Design]:
    parser = _parser()
    with _lock:
        state = _transformer.state = _ParseState(text, path)
        _comments.tokens = []
        # Reading builds millions of small objects that all stay alive: the cyclic collector would
        # rescan them again and again and make a big file's parse time grow faster than its size.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            parser.parse(text)
        except UnexpectedInput as error:
            raise _syntax_error(error, text, parser) from None
        finally:
            if gc_was_enabled:
                gc.enable()
            comments = _comments.tokens
            _comments.tokens = []
            _transformer.state = None
    if not state.designs:
        raise DesignSyntaxError(
            "the file holds no graph: expected 'graph' or 'digraph' (optionally after 'strict')",
            line=1,
            col=1,
            source_line=line_of(text, 1),
            expected=["'digraph'", "'graph'", "'strict'"],
        )
    _apply_comments(state.designs, comments, text, path)
    return [design for design, _ in state.designs]


def _syntax_error(error: UnexpectedInput, text: str, parser) -> DesignSyntaxError:
    converted = syntax_error_from_lark(error, text, parser, _FRIENDLY_TERMINALS)
    if isinstance(error, UnexpectedToken) and error.token.type in _NAMED_TOKENS:
        # larkutil would say "unexpected an ID 'x'" (its name for the token is an expectation's).
        converted.message = f"unexpected {_NAMED_TOKENS[error.token.type]} {str(error.token)!r}"
        converted.args = (converted.message,)
    if isinstance(error, UnexpectedCharacters):
        # The lexer stops at the opening character of a token it cannot finish: say which one.
        rest = text[error.pos_in_stream : error.pos_in_stream + 2]
        unterminated = None
        if rest.startswith('"'):
            unterminated, closing = "a quoted string that is never closed: add the closing '\"'", "'\"'"
        elif rest.startswith("<"):
            unterminated, closing = "an HTML string that is never closed: its '<' and '>' do not balance", "'>'"
            if _html_balances(text, error.pos_in_stream):
                unterminated = f"an HTML string nested deeper than aidlint reads ({_HTML_DEPTH} levels of '<')"
        elif rest == "/*":
            unterminated, closing = "a comment that is never closed: add '*/'", "'*/'"
        if unterminated is not None:
            converted = DesignSyntaxError(
                unterminated,
                line=converted.line,
                col=converted.col,
                source_line=converted.source_line,
                expected=[closing],
            )
    return converted


#: how deep grammars/dot.lark's HTML terminal nests '<'
_HTML_DEPTH = 8


def _html_balances(text: str, start: int) -> bool:
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "<":
            depth += 1
        elif char == ">":
            depth -= 1
            if depth == 0:
                return True
    return False


def _apply_comments(designs: list[tuple[Design, int]], comments: list[Token], text: str, path: str) -> None:
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
