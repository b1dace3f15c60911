"""The aidlint DSL (``.aidl``): ``grammars/aidl.lark`` into the design model.

The Transformer runs inside the LALR parser (no parse tree is built, and nothing recurses on nesting
depth), producing small statement records; :func:`_build_design` then lays them out as a Design.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Iterator

from lark import Token, Transformer
from lark.exceptions import UnexpectedInput

from aidlint.frontends.directives import apply_comment, apply_renames
from aidlint.frontends.dsl_lexer import DslLexer
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.dsl_statements import (
    Attribute,
    Document,
    EdgeStatement,
    GroupStatement,
    HeaderStatement,
    LineReader,
    NodeStatement,
    Patterns,
    unquote,
)
from aidlint.frontends.lark_adapter import declared_terminal_callbacks, plain_rule_names
from aidlint.frontends.larkutil import (
    CommentCollector,
    lalr_parser,
    line_of,
    syntax_error_from_lark,
)
from aidlint.frontends.shared import (
    ExpansionBudget,
    GroupMembers,
    Limits,
    check_depth,
    token_span,
)
from aidlint.memory import paused_collection
from aidlint.model import Design, Edge, Group, Node, Span

_FRIENDLY_TERMINALS = {
    "ID": "a name",
    "STRING": "a quoted label",
    "BARE_VALUE": "a value",
    "_NL": "end of line",
    "ARROW": "'->'",
    "LBRACE": "'{'",
    "RBRACE": "'}'",
    "DESIGN": "'design'",
    "GROUP": "'group'",
    "SIMPLE_LINES": "a name",
}


def _last_token(children: list) -> Token:
    last = children[-1]
    if isinstance(last, Attribute):
        return last.end
    if isinstance(last, tuple):  # role shorthand
        return last[1]
    return last


def _split(children: list) -> tuple[list[Token], str | None, dict[str, str]]:
    """Leading tokens, then an optional quoted label, then attributes."""
    tokens, label, attrs = [], None, {}
    for child in children:
        if isinstance(child, Attribute):
            attrs[child.key] = child.value
        elif isinstance(child, Token) and child.type == "STRING":
            label = unquote(child)
        else:
            tokens.append(child)
    return tokens, label, attrs


class AidlTransformer(Transformer):
    """Named after the rules of ``grammars/aidl.lark``; runs inline in the LALR parser."""

    def name(self, children: list) -> Token:
        """A name token (type NAME, so that it is never taken for a label) holding the name's text."""
        (token,) = children
        return Token.new_borrow_pos("NAME", unquote(token) if token.type == "STRING" else token.value, token)

    def attribute(self, children: list) -> Attribute:
        key, value = children
        text = unquote(value) if value.type == "STRING" else value.value
        return Attribute(key.value, text, value)

    def role_shorthand(self, children: list) -> tuple[str, Token]:
        return ("role", children[0])

    def node_decl(self, children: list) -> NodeStatement:
        tokens, label, attrs = _split(children)
        node_id = tokens[0]
        role = next((item[1].value for item in tokens[1:] if isinstance(item, tuple)), None)
        return NodeStatement(node_id.value, role, label, attrs, node_id, _last_token(children))

    def edge_chain(self, children: list) -> EdgeStatement:
        tokens, label, attrs = _split(children)
        ids = [token for token in tokens if token.type == "NAME"]
        return EdgeStatement(ids, label, attrs, _last_token(children))

    def group(self, children: list) -> GroupStatement:
        keyword, group_id = children[0], children[1]
        brace = next(i for i, child in enumerate(children) if isinstance(child, Token) and child.type == "LBRACE")
        _, label, attrs = _split(children[2:brace])
        return GroupStatement(group_id.value, label, attrs, _flat(children[brace + 1 : -1]), keyword, children[-1])

    def design_header(self, children: list) -> HeaderStatement:
        _, name, attrs = _split(children[1:])
        return HeaderStatement(name or "", attrs, children[0], _last_token(children))

    def document(self, children: list) -> Document:
        return Document(_flat(children))

    def SIMPLE_LINES(self, token: Token) -> list:
        return self.lines.read_lines(token)


def _flat(statements: list) -> list:
    """The statements, with each run of simple lines (a list) in its place."""
    flat = []
    for statement in statements:
        if isinstance(statement, list):
            flat.extend(statement)
        else:
            flat.append(statement)
    return flat


_comments = CommentCollector()


@cache
def _parser():
    transformer = AidlTransformer()
    parser = lalr_parser(
        "aidl.lark",
        start="document",
        lexer=DslLexer,
        transformer=transformer,
        lexer_callbacks={"COMMENT": _comments},
    )
    plain_rule_names(parser)
    transformer.lines = LineReader(Patterns.of(parser.terminals))
    declared_terminal_callbacks(parser, transformer, ["SIMPLE_LINES"])
    return parser


_span = token_span


def parse(text: str, path: str, options=None) -> list[Design]:
    with paused_collection():  # memory.py
        return _parse(text, path, options)


def _parse(text: str, path: str, options) -> list[Design]:
    parser = _parser()
    _comments.tokens = []
    try:
        document = parser.parse(text)
    except UnexpectedInput as error:
        raise _explain(syntax_error_from_lark(error, text, parser, _FRIENDLY_TERMINALS), error, text) from None
    comments = _comments.tokens
    _comments.tokens = []
    if not document.statements:
        raise DesignSyntaxError(
            "the file declares nothing: expected a design header, a node or an edge",
            line=1,
            col=1,
            source_line=line_of(text, 1),
            expected=["'design'", "a name"],
        )
    design = _build_design(document, text, path, options.limits if options else None)
    _apply_comments(design, comments, text, path)
    return [design]


def _explain(syntax_error: DesignSyntaxError, error: UnexpectedInput, text: str) -> DesignSyntaxError:
    """Say what a new user most likely meant, for the mistakes people make most."""
    token = getattr(error, "token", None)
    expected = set(syntax_error.expected)
    if {"a name", "a quoted label"} <= expected and (len(expected) == 2 or "'group'" in expected):
        # where a statement starts or an arrow points, a quoted string is a name, not a label
        syntax_error.expected = [item for item in syntax_error.expected if item != "a quoted label"]
    if token is not None and token.type == "$END" and "'}'" in syntax_error.expected:
        opened = _unclosed_group_line(text)
        syntax_error.message = f"unexpected end of file: the group opened on line {opened} is never closed with '}}'"
    elif token is not None and token.type == "STRING" and syntax_error.expected == ["'='"]:
        syntax_error.message = (
            f"unexpected label {token.value}: declare a node as `id \"label\"` or `id: role \"label\"` "
            "(keywords are `design` and `group`)"
        )
    return syntax_error


def _unclosed_group_line(text: str) -> int:
    """Line of the innermost '{' left open, ignoring braces inside strings and comments."""
    open_lines: list[int] = []
    for number, line in enumerate(text.split("\n"), start=1):
        in_string = False
        for char in line:
            if char == '"':
                in_string = not in_string
            elif in_string:
                continue
            elif char == "#":
                break
            elif char == "{":
                open_lines.append(number)
            elif char == "}" and open_lines:
                open_lines.pop()
    return open_lines[-1] if open_lines else 1


class _DesignBuilder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.nodes: dict[str, Node] = {}
        self.edges: list[Edge] = []
        self.groups: dict[str, Group] = {}
        self.header: HeaderStatement | None = None

    def declare(self, statement: NodeStatement, group: str | None) -> None:
        node = self.nodes.get(statement.id)
        span = _span(self.path, statement.first, statement.last)
        attrs = dict(statement.attrs)
        role = attrs.pop("role", None) or statement.role
        label = _label(statement.label, attrs)
        if node is None:
            self.nodes[statement.id] = Node(
                id=statement.id, label=label, role=role, attrs=attrs, group=group, span=span
            )
            if group is not None:
                self.groups[group].members.append(statement.id)
            return
        # A second declaration completes the first (as in DOT): later values win, the first span stays.
        node.label = label if label is not None else node.label
        node.role = role or node.role
        node.attrs.update(attrs)

    def reference(self, token: Token, group: str | None) -> None:
        if token.value not in self.nodes and token.value not in self.groups:
            self.declare(NodeStatement(token.value, None, None, {}, token, token), group)

    def endpoint_nodes(self, name: str, members: GroupMembers) -> list[str]:
        """A node is itself; a group stands for every node inside it, subgroups included."""
        return members.members(name) if name in self.groups else [name]

    def connect(self, statement: EdgeStatement, members: GroupMembers, budget: ExpansionBudget) -> None:
        attrs = dict(statement.attrs)
        label = _label(statement.label, attrs)
        ids, groups = statement.ids, self.groups
        if len(ids) == 2 and not attrs and ids[0].value not in groups and ids[1].value not in groups:
            # `a -> b "label"`, most of a big file: one edge, nothing to expand or copy.
            source, target = ids
            budget.add_edges(1, source.line, source.column)
            self.edges.append(Edge(source.value, target.value, label, {}, _span(self.path, source, statement.last)))
            return
        for source, target in zip(ids, ids[1:]):
            span = _span(self.path, source, statement.last if target is ids[-1] else target)
            sources = self.endpoint_nodes(source.value, members)
            targets = self.endpoint_nodes(target.value, members)
            budget.add_edges(len(sources) * len(targets), source.line, source.column)
            for source_id in sources:
                for target_id in targets:
                    self.edges.append(
                        Edge(source=source_id, target=target_id, label=label, attrs=dict(attrs), span=span)
                    )


def _label(quoted: str | None, attrs: dict[str, str]) -> str | None:
    """The label: the quoted one, else a ``label=`` attribute (which never stays among the attributes)."""
    attribute = attrs.pop("label", None)
    return attribute if quoted is None else quoted


def _declared_twice(name: str, token: Token, text: str) -> DesignSyntaxError:
    return DesignSyntaxError(
        f"{name!r} is declared twice: group IDs must be unique and differ from node IDs",
        line=token.line,
        col=token.column,
        source_line=line_of(text, token.line),
    )


def _source_order(item) -> tuple:
    span = item.span
    return (span.line, span.col, item.id) if span else (0, 0, item.id)


def _build_design(document: Document, text: str, path: str, limits: Limits | None = None) -> Design:
    builder = _DesignBuilder(path)
    # Edges may name nodes declared later, so declarations go first, in source order (a later
    # declaration completes an earlier one); an explicit stack keeps deep nesting from recursing.
    pending_edges: list[tuple[EdgeStatement, str | None]] = []
    stack: list[tuple[Iterator, str | None, int]] = [(iter(document.statements), None, 0)]
    while stack:
        statements, group, depth = stack[-1]
        for statement in statements:
            if isinstance(statement, HeaderStatement):
                if builder.header is not None or group is not None:
                    raise DesignSyntaxError(
                        "a design has one header, at the top level",
                        line=statement.first.line,
                        col=statement.first.column,
                        source_line=line_of(text, statement.first.line),
                    )
                builder.header = statement
            elif isinstance(statement, NodeStatement):
                if statement.id in builder.groups:
                    raise _declared_twice(statement.id, statement.first, text)
                builder.declare(statement, group)
            elif isinstance(statement, EdgeStatement):
                pending_edges.append((statement, group))
            elif isinstance(statement, GroupStatement):
                check_depth(depth + 1, "groups", text, statement.first.line, statement.first.column)
                if statement.id in builder.groups or statement.id in builder.nodes:
                    raise _declared_twice(statement.id, statement.first, text)
                attrs = dict(statement.attrs)
                builder.groups[statement.id] = Group(
                    id=statement.id,
                    label=_label(statement.label, attrs),
                    parent=group,
                    attrs=attrs,
                    span=_span(path, statement.first, statement.last),
                )
                stack.append((iter(statement.body), statement.id, depth + 1))
                break  # the group's statements come next; this level resumes after them
        else:
            stack.pop()
    pending_edges.sort(key=lambda item: (item[0].ids[0].line, item[0].ids[0].column))
    for statement, group in pending_edges:
        for token in statement.ids:
            builder.reference(token, group)
    nodes = sorted(builder.nodes.values(), key=_source_order)
    members = GroupMembers(
        {group.id: group.parent for group in builder.groups.values()},
        {node.id: node.group for node in nodes},
    )
    budget = ExpansionBudget(text, limits)
    budget.require_nodes(list(builder.nodes.values()))
    for statement, _group in pending_edges:
        builder.connect(statement, members, budget)

    header = builder.header
    attrs = dict(header.attrs) if header else {}
    design = Design(
        name=(header.name if header and header.name else Path(path).stem),
        path=path,
        format="aidl",
        profile=attrs.pop("profile", None),
        nodes=nodes,
        edges=builder.edges,
        groups=list(builder.groups.values()),
        span=_span(path, header.first, header.last) if header else Span(path=path, line=1, col=1, end_line=1, end_col=1),
    )
    return design


def _apply_comments(design: Design, comments: list[Token], text: str, path: str) -> None:
    renames: dict = {}
    for token in comments:
        apply_comment(design, token.value[1:], token, text, path, renames)
    apply_renames(design, renames, text)
