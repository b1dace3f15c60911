"""Mermaid flowcharts (``.mmd``, ``.mermaid``): ``grammars/mermaid.lark`` into the design model.

Mermaid has no formal grammar beyond its jison parser, and its lexer is stateful (text inside ``[...]``,
edge text after ``--``, quoted strings, ``@{...}`` shape data), so this module follows Mermaid 11's
``flow.jison`` closely: :class:`_MermaidLexer` is its lexer, rule for rule and in the same order (jison
takes the first rule that matches, not the longest), and ``grammars/mermaid.lark`` is its grammar.
Like Mermaid, the text is first cleaned (front matter, ``%%{init}%%`` directives, ``%%`` comment lines,
``#entity;`` codes), but always without moving a character, so every token keeps its place in the file.

What the model keeps, and how it differs from Mermaid's own FlowDB (tests/frontends/test_mermaid_corpus.py
measures both):

- A vertex is a :class:`Node`; its ID is Mermaid's ID, its label the text as written (``<br>`` kept)
  with ``#35;`` / ``#quot;`` entity codes decoded (Mermaid's only escape), ``None`` for a bare ID. ``Node.attrs["shape"]`` is Mermaid's shape name.
- Each start-end pair of a link is an :class:`Edge` (``A & B --> C`` is two); ``Edge.attrs`` holds
  ``link`` (the link's number, the one ``linkStyle`` uses), ``type``, ``stroke`` and ``length``.
- An edge to or from a subgraph stands for an edge to or from each node inside it (subgroups included),
  as the front-end contract says; such edges carry ``source_group`` / ``target_group``. Mermaid instead
  draws one edge and also counts the subgraph's ID as a vertex; ``Group.attrs["vertex"] == "true"``
  records that a subgraph's ID was used where a vertex stands.
- A subgraph with nothing inside that is used as an edge end is a node (``shape="subgraph"``): it is
  drawn as a box and the edge must not vanish.
- Group membership follows Mermaid: a node belongs to the first subgraph (innermost first) whose
  statements mention it, even if it was declared before.
- Roles: ``A:::role``, ``class a,b role`` and ``%% aidlint: role a=role`` declare a role only when the
  class is a role of :data:`aidlint.model.ROLES`; other classes are styling.

Other Mermaid diagram kinds (sequence, class, state, ...) are not designs: :func:`parse` returns ``[]``
for them and :func:`diagram_kind` names the kind so that callers can write a note.
"""

from __future__ import annotations

import bisect
import html.entities
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lark import Token, Transformer
from lark.exceptions import UnexpectedInput
from lark.lexer import Lexer

from aidlint.frontends.directives import CommentPosition, apply_comment, apply_renames
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.larkutil import lalr_parser, line_of, syntax_error_from_lark
from aidlint.model import ROLES, Design, Edge, Group, Node, Span

#: Subgraphs nested deeper than this are refused: no real diagram needs it, and hostile input must not hang.
MAX_GROUP_DEPTH = 64

#: The words that start a flowchart; anything else is another kind of Mermaid diagram.
FLOWCHART_KEYWORDS = ("flowchart-elk", "flowchart", "graph")

# --------------------------------------------------------------------------------------------------
# Cleaning, as Mermaid does before it parses; every step keeps each character where it was.

_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?)\n-{3}[ \t]*(?:\n|$)", re.DOTALL)
_DIRECTIVE = re.compile(r"%{2}\{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!\}%{2}).|\r?\n)*))?\s*(?:\}%{2})?", re.I)
# Mermaid drops a comment line with its line end; ``^\s*`` may also swallow blank lines before it.
_COMMENT_LINE = re.compile(r"^[ \t]*%%(?!\{)([^\n]+)$", re.M)
_HTML_ATTRIBUTE_QUOTES = re.compile(r"<(\w+)([^>]*)>")
_ENTITY = re.compile(r"#\w+;")
_STYLE_HASH = re.compile(r"(?:style|classDef).*:\S*#.*;")
_TITLE = re.compile(r"^title:[ \t]*(.*?)[ \t]*$", re.M)


def _blank(match: re.Match) -> str:
    """The matched text with every character but line ends turned into a space."""
    return re.sub(r"[^\n]", " ", match.group(0))


@dataclass
class _Cleaned:
    text: str
    """What the lexer reads: the source with front matter, directives and comments blanked."""
    title: str | None
    comments: list[tuple[int, str]]
    """(offset of the ``%%``, comment text after it) for every comment line."""


def _clean(source: str) -> _Cleaned:
    text = source
    title = None
    front = _FRONT_MATTER.match(text)
    if front:
        found = _TITLE.search(front.group(1))
        if found:
            title = found.group(1).strip("'\"") or None
        text = _blank(front) + text[front.end() :]
    text = _DIRECTIVE.sub(_blank, text)
    comments = [(match.start(1) - 2, match.group(1)) for match in _COMMENT_LINE.finditer(text)]
    text = _COMMENT_LINE.sub(_blank, text)
    # Mermaid turns `<a href="x">` into `<a href='x'>` so that the quote does not open a string.
    text = _HTML_ATTRIBUTE_QUOTES.sub(
        lambda m: "<" + m.group(1) + re.sub(r'="([^"]*)"', r"='\1'", m.group(2)) + ">", text
    )
    # Mermaid drops the last ';' of a style line that holds a colour, then encodes every `#name;` as
    # `ﬂ°name¶ß` (which only text may contain); the same characters, position for position, do the same.
    text = _STYLE_HASH.sub(lambda m: m.group(0)[:-1] + " ", text)
    text = _ENTITY.sub(lambda m: "\ufb02" + m.group(0)[1:-1] + "\u00b6", text)
    return _Cleaned(text, title, comments)


def diagram_kind(text: str) -> str | None:
    """The kind of Mermaid diagram: ``"flowchart"``, another keyword (``"sequenceDiagram"``...), or
    ``None`` when the text holds no diagram at all."""
    cleaned = _clean(text).text
    match = re.search(r"\S+", cleaned)
    if match is None:
        return None
    word = match.group(0)
    if word.startswith(("graph", "flowchart")):
        return "flowchart"
    return re.match(r"[\w-]*", word).group(0) or word


# --------------------------------------------------------------------------------------------------
# The lexer: flow.jison's lexer rules, in order. (states, pattern, token type, action)
# Actions: "push:S" enter state S, "pop" leave it, "pop,push:S" both; a rule without a token type
# only changes state. jison appends `\b` to every rule that ends in a word character; so do we.

_ALL = "*"
_I = "INITIAL"
_WORD_END = r"(?![A-Za-z0-9_])"

_RULES: list[tuple[str, str, str | None, str | None]] = [
    (_I, r"accTitle\s*:\s*", "ACC_TITLE", "push:acc_title"),
    ("acc_title", r"[^\n]*", "ACC_TITLE_VALUE", "pop"),
    (_I, r"accDescr\s*:\s*", "ACC_DESCR", "push:acc_descr"),
    ("acc_descr", r"[^\n]*", "ACC_DESCR_VALUE", "pop"),
    (_I, r"accDescr\s*\{\s*", None, "push:acc_descr_multiline"),
    ("acc_descr_multiline", r"\}", None, "pop"),
    ("acc_descr_multiline", r"[^}]*", "ACC_DESCR_MULTILINE_VALUE", None),
    (_I, r"@\{", "SHAPE_DATA", "push:shapeData"),
    ("shapeData", r'"', "SHAPE_DATA", "push:shapeDataStr"),
    ("shapeDataStr", r'"', "SHAPE_DATA", "pop"),
    ("shapeDataStr", r'[^"]+', "SHAPE_DATA", None),
    ("shapeData", r'[^}^"]+', "SHAPE_DATA", None),
    ("shapeData", r"\}", None, "pop"),
    (_I, r"call\s+", None, "push:callbackname"),
    ("callbackname", r"\(\s*\)", None, "pop"),
    ("callbackname", r"\(", None, "pop,push:callbackargs"),
    ("callbackname", r"[^(]*", "CALLBACKNAME", None),
    ("callbackargs", r"\)", None, "pop"),
    ("callbackargs", r"[^)]*", "CALLBACKARGS", None),
    ("md_string", r'[^`"]+', "MD_STR", None),
    ("md_string", r'`"', None, "pop"),
    (_ALL, r'"`', None, "push:md_string"),
    ("string", r'[^"]+', "STR", None),
    ("string", r'"', None, "pop"),
    (_ALL, r'"', None, "push:string"),
    (_I, r"style" + _WORD_END, "STYLE", None),
    (_I, r"default" + _WORD_END, "DEFAULT", None),
    (_I, r"linkStyle" + _WORD_END, "LINKSTYLE", None),
    (_I, r"interpolate" + _WORD_END, "INTERPOLATE", None),
    (_I, r"classDef" + _WORD_END, "CLASSDEF", None),
    (_I, r"class" + _WORD_END, "CLASS", None),
    (_I, r"href\s", "HREF", None),
    (_I, r"click\s+", None, "push:click"),
    ("click", r"\s", None, "pop"),
    ("click", r"\S*", "CLICK", None),
    (_I, r"(?:flowchart-elk|graph|flowchart)" + _WORD_END, "GRAPH", None),
    (_I, r"subgraph" + _WORD_END, "SUBGRAPH", None),
    (_I, r"end" + _WORD_END + r"\s*", "END", None),
    (_I, r"(?:_self|_blank|_parent|_top)" + _WORD_END, "LINK_TARGET", None),
    ("dir", r"\n*\s*\n", "NODIR", "pop"),
    ("dir", r"\s*(?:LR|RL|TB|BT|TD|BR)" + _WORD_END, "DIR", "pop"),
    ("dir", r"\s*[<>^]", "DIR", "pop"),
    ("dir", r"\s*v" + _WORD_END, "DIR", "pop"),
    (_I, r"[^\n]*direction\s+(?:TB|BT|RL|LR|TD)[^\n]*", "DIRECTION", None),
    (_I, r'[^\s"]+@(?=[^{"])', "LINK_ID", None),
    (_I, r"[0-9]+", "NUM", None),
    (_I, r"#", "BRKT", None),
    (_I, r":::", "STYLE_SEPARATOR", None),
    (_I, r":", "COLON", None),
    (_I, r"&", "AMP", None),
    (_I, r";", "SEMI", None),
    (_I, r",", "COMMA", None),
    (_I, r"\*", "MULT", None),
    ("INITIAL,edgeText", r"\s*[xo<]?--+[-xo>]\s*", "LINK", "pop"),
    (_I, r"\s*[xo<]?--\s*", "START_LINK", "push:edgeText"),
    ("edgeText", r"[^-]|-(?!-)", "EDGE_TEXT", None),
    ("INITIAL,thickEdgeText", r"\s*[xo<]?==+[=xo>]\s*", "LINK", "pop"),
    (_I, r"\s*[xo<]?==\s*", "START_LINK", "push:thickEdgeText"),
    ("thickEdgeText", r"[^=]|=(?!=)", "EDGE_TEXT", None),
    ("INITIAL,dottedEdgeText", r"\s*[xo<]?-?\.+-[xo>]?\s*", "LINK", "pop"),
    (_I, r"\s*[xo<]?-\.\s*", "START_LINK", "push:dottedEdgeText"),
    ("dottedEdgeText", r"[^.]|\.(?!-)", "EDGE_TEXT", None),
    (_ALL, r"\s*~~~+\s*", "LINK", None),
    ("ellipseText", r"[-/)]\)", "ELLIPSE_END", "pop"),
    ("ellipseText", r"[^()\[\]{}]|-!\)+", "TEXT", None),
    (_ALL, r"\(-", "ELLIPSE_START", "push:ellipseText"),
    ("text", r"\]\)", "STADIUMEND", "pop"),
    (_ALL, r"\(\[", "STADIUMSTART", "push:text"),
    ("text", r"\]\]", "SUBROUTINEEND", "pop"),
    (_ALL, r"\[\[", "SUBROUTINESTART", "push:text"),
    (_I, r"\[\|", "VERTEX_WITH_PROPS_START", None),
    (_I, r">", "TAGEND", "push:text"),
    ("text", r"\)\]", "CYLINDEREND", "pop"),
    (_ALL, r"\[\(", "CYLINDERSTART", "push:text"),
    ("text", r"\)\)\)", "DOUBLECIRCLEEND", "pop"),
    (_ALL, r"\(\(\(", "DOUBLECIRCLESTART", "push:text"),
    ("trapText", r"[\\(?=\]]\]", "TRAPEND", "pop"),
    ("trapText", r"/\]", "INVTRAPEND", "pop"),
    ("trapText", r"/(?!\])|\\(?!\])|[^\\\[\](){}/]+", "TEXT", None),
    (_ALL, r"\[/", "TRAPSTART", "push:trapText"),
    (_ALL, r"\[\\", "INVTRAPSTART", "push:trapText"),
    (_I, r"<", "TAGSTART", None),
    (_I, r"\^", "UP", None),
    (_I, r"\\\|", "SEP", None),
    (_I, r"v" + _WORD_END, "DOWN", None),
    (_I, r"(?:[A-Za-z0-9!\"#$%&'*+.`?\\_/]|-(?=[^>\-.])|=(?!=))+", "NODE_STRING", None),
    (_I, r"-", "MINUS", None),
    (_I, r"(?![\x00-\x7f])[^\W\d_]", "UNICODE_TEXT", None),
    ("text", r"\|", "PIPE", "pop"),
    (_ALL, r"\|", "PIPE", "push:text"),
    ("text", r"\)", "PE", "pop"),
    (_ALL, r"\(", "PS", "push:text"),
    ("text", r"\]", "SQE", "pop"),
    (_ALL, r"\[", "SQS", "push:text"),
    ("text", r"\}", "DIAMOND_STOP", "pop"),
    (_ALL, r"\{", "DIAMOND_START", "push:text"),
    ("text", r'[^\[\](){}|"]+', "TEXT", None),
    (_I, r"\n+", "NEWLINE", None),
    (_I, r"\s", "SPACE", None),
]

_STATES = sorted(
    {state for states, *_ in _RULES for state in states.split(",") if state != _ALL}
    | {action.split(":")[-1] for *_, action in _RULES if action and ":" in action}
)

#: What each lexer state is reading, for "expected ..." in errors.
_STATE_EXPECTS = {
    "string": ['\'"\' closing the string'],
    "md_string": ["'`\"' closing the markdown string"],
    "text": ["']' or the bracket that closes the shape"],
    "trapText": ["'/]' or '\\]' closing the shape"],
    "ellipseText": ["'-)' closing the shape"],
    "edgeText": ["'-->' ending the link text"],
    "thickEdgeText": ["'==>' ending the link text"],
    "dottedEdgeText": ["'.->' ending the link text"],
    "dir": ["a direction (TB, TD, BT, RL, LR)", "end of line"],
    "shapeData": ["'}' closing the shape data"],
    "shapeDataStr": ['\'"\' closing the string'],
    "acc_descr_multiline": ["'}' closing accDescr"],
}


def _state_pattern(state: str, with_direction: bool, with_link_id: bool) -> re.Pattern:
    alternatives = []
    for index, (states, pattern, token_type, _action) in enumerate(_RULES):
        applies = states == _ALL or state in states.split(",")
        if not applies or (token_type == "DIRECTION" and not with_direction):
            continue
        if token_type == "LINK_ID" and not with_link_id:
            continue
        alternatives.append(f"(?P<r{index}>{pattern})")
    return re.compile("|".join(alternatives))


@cache
def _state_patterns() -> dict[tuple[str, bool, bool], re.Pattern]:
    return {
        (state, direction, link_id): _state_pattern(state, direction, link_id)
        for state in _STATES
        for direction in (False, True)
        for link_id in (False, True)
    }


_BLANKS_TO_LINE_END = re.compile(r"\s*\n")
_DIRECTION_WORD = re.compile(r"direction\s+(?:TB|BT|RL|LR|TD)")


class _MermaidLexer(Lexer):
    """flow.jison's lexer. Lark gives it the cleaned text; it yields tokens with the file's positions."""

    def __init__(self, lexer_conf) -> None:  # noqa: D107 - Lark's constructor signature
        pass

    def lex(self, text: str):  # type: ignore[override]
        patterns = _state_patterns()
        # jison's `.*direction\s+LR` rule is tried at every position; trying it only where a line still
        # holds such a word keeps lexing linear on long lines.
        direction_at = [match.start() for match in _DIRECTION_WORD.finditer(text)]
        # Likewise the edge-ID rule scans a whole blank-free run for its '@': only try it if one follows.
        last_at = text.rfind("@")
        stack = [_I]
        openers: list[tuple[int, int, str]] = []  # where each state on the stack was entered
        last_line, last_column = 1, 1  # the end of the last token that is not blank
        first_graph = True
        pos, line, column, size = 0, 1, 1, len(text)
        next_newline = -1
        while pos < size:
            state = stack[-1]
            if pos and text[pos - 1] == "}":
                # Mermaid deletes the blanks between a '}' and the last line end after it before
                # parsing (`}  \n\n  -->` becomes `}\n  -->`); skipping them here does the same.
                blanks = _BLANKS_TO_LINE_END.match(text, pos)
                if blanks and blanks.end() - 1 > pos:
                    pos, line, column = self._advance_text(text[pos : blanks.end() - 1], pos, line, column)
                    continue
            if next_newline < pos:
                next_newline = text.find("\n", pos)
                if next_newline == -1:
                    next_newline = size
            index = bisect.bisect_left(direction_at, pos)
            with_direction = index < len(direction_at) and direction_at[index] < next_newline
            match = patterns[(state, with_direction, last_at >= pos)].match(text, pos)
            if match is None or (match.end() == pos and not _RULES[int(match.lastgroup[1:])][3]):
                raise self._error(text, pos, line, column, state)
            _states, _pattern, token_type, action = _RULES[int(match.lastgroup[1:])]
            value = match.group(0)
            if action:
                for step in action.split(","):
                    if step == "pop":
                        if len(stack) > 1:
                            stack.pop()
                            openers.pop()
                    else:
                        stack.append(step.split(":", 1)[1])
                        openers.append((line, column, value.strip() or value))
            if token_type == "GRAPH" and first_graph:
                first_graph = False
                stack.append("dir")
                openers.append((line, column, value))
            if token_type is None:
                pos, line, column = self._advance_text(value, pos, line, column)
                continue
            token = Token(token_type, value, pos, line, column)
            pos, line, column = self._advance(token, pos, line, column)
            if value.strip():
                last_line, last_column = self._end_of_content(token)
            yield token
        if stack[-1] in _STATE_EXPECTS and stack[-1] != "dir":
            # An unclosed bracket or string: point at where it opened, not at the end of the file.
            open_line, open_column, opener = openers[-1]
            raise DesignSyntaxError(
                f"{opener!r} is never closed",
                line=open_line,
                col=open_column,
                source_line=line_of(text, open_line),
                expected=_STATE_EXPECTS[stack[-1]],
            )
        # Errors at the end of the file point just past its last character, not at a blank last line.
        token = Token("EOF", "", pos, last_line, last_column)
        token.end_line, token.end_column, token.end_pos = last_line, last_column, pos
        yield token

    @staticmethod
    def _end_of_content(token: Token) -> tuple[int, int]:
        value = token.value.rstrip()
        newlines = value.count("\n")
        if newlines:
            return token.line + newlines, len(value) - value.rfind("\n")
        return token.line, token.column + len(value)

    @staticmethod
    def _advance_text(value: str, pos: int, line: int, column: int) -> tuple[int, int, int]:
        newlines = value.count("\n")
        if newlines:
            return pos + len(value), line + newlines, len(value) - value.rfind("\n")
        return pos + len(value), line, column + len(value)

    def _advance(self, token: Token, pos: int, line: int, column: int) -> tuple[int, int, int]:
        pos, line, column = self._advance_text(token.value, pos, line, column)
        token.end_pos, token.end_line, token.end_column = pos, line, column
        return pos, line, column

    @staticmethod
    def _error(text: str, pos: int, line: int, column: int, state: str) -> DesignSyntaxError:
        char = text[pos]
        if char in "\ufb02\u00b6":
            message = "an entity code like '#35;' cannot stand here, only inside a label"
        else:
            message = f"unexpected character {char!r}"
        return DesignSyntaxError(
            message,
            line=line,
            col=column,
            source_line=line_of(text, line),
            expected=_STATE_EXPECTS.get(state, ["a node ID", "a link such as '-->'", "end of line"]),
        )


# --------------------------------------------------------------------------------------------------
# The transformer: named after the rules of grammars/mermaid.lark, run inline by the LALR parser.


@dataclass
class _Text:
    first: Token
    last: Token
    kind: str  # "text", "string" or "markdown"


@dataclass
class _Vertex:
    id: str
    first: Token
    last: Token
    label: _Text | None
    shape: str
    classes: list[str] = field(default_factory=list)
    shape_data: list[Token] = field(default_factory=list)


@dataclass
class _Link:
    first: Token
    last: Token
    arrow: str
    start: str | None
    text: _Text | None
    id: str | None


@dataclass
class _VertexStatement:
    nodes: list[list[_Vertex]]
    links: list[_Link]


@dataclass
class _Subgraph:
    keyword: Token
    end: Token
    name: _Text | None
    title: _Text | None
    body: list


@dataclass
class _ClassStatement:
    ids: str
    class_name: str
    first: Token


@dataclass
class _StyleStatement:
    id: str
    first: Token
    last: Token


@dataclass
class _LinkStyle:
    numbers: list[Token]


@dataclass
class _Document:
    statements: list


_SHAPES = {
    "SQS": "square",
    "DOUBLECIRCLESTART": "doublecircle",
    "ELLIPSE_START": "ellipse",
    "STADIUMSTART": "stadium",
    "SUBROUTINESTART": "subroutine",
    "VERTEX_WITH_PROPS_START": "rect",
    "CYLINDERSTART": "cylinder",
    "DIAMOND_START": "diamond",
    "TAGEND": "odd",
}
_TRAPEZOIDS = {
    ("TRAPSTART", "TRAPEND"): "trapezoid",
    ("INVTRAPSTART", "INVTRAPEND"): "inv_trapezoid",
    ("TRAPSTART", "INVTRAPEND"): "lean_right",
    ("INVTRAPSTART", "TRAPEND"): "lean_left",
}


def _tokens(children: list) -> list[Token]:
    return [child for child in children if isinstance(child, Token)]


class MermaidTransformer(Transformer):
    """Named after the rules of ``grammars/mermaid.lark``; runs inline in the LALR parser."""

    def start(self, children: list) -> _Document:
        return children[-1]

    def document(self, children: list) -> _Document:
        return _Document([child for child in children if not isinstance(child, Token) and child is not None])

    def id_string(self, children: list) -> tuple[str, Token, Token]:
        return "".join(token.value for token in children), children[0], children[-1]

    def text(self, children: list) -> _Text:
        kind = {"STR": "string", "MD_STR": "markdown"}.get(children[0].type, "text")
        return _Text(children[0], children[-1], kind)

    text_no_tags = text

    def edge_text(self, children: list) -> _Text:
        return self.text(children)

    def vertex(self, children: list) -> _Vertex:
        node_id, first, last = children[0]
        text = next((child for child in children if isinstance(child, _Text)), None)
        opening = [child.type for child in _tokens(children[1:])]
        if not opening:
            return _Vertex(node_id, first, last, None, "")
        shape = _TRAPEZOIDS.get((opening[0], opening[-1]))
        if shape is None:
            doubled = len(opening) > 2 and opening[1] == opening[0]
            shape = {"PS": "circle" if doubled else "round", "DIAMOND_START": "hexagon" if doubled else "diamond"}.get(
                opening[0], _SHAPES.get(opening[0], "square")
            )
        return _Vertex(node_id, first, children[-1], text, shape)

    def styled_vertex(self, children: list) -> _Vertex:
        vertex = children[0]
        if len(children) == 3:
            class_name, _, last = children[2]
            vertex.classes.append(class_name)
            vertex.last = last
        return vertex

    def shape_data(self, children: list) -> list[Token]:
        return children

    def node(self, children: list) -> list[_Vertex]:
        if len(children) == 1:
            return [children[0]]
        nodes = children[0]
        if isinstance(children[1], list):
            nodes[-1].shape_data.extend(children[1])
        nodes.append(children[-1])
        return nodes

    def vertex_statement(self, children: list) -> _VertexStatement:
        data = next((child for child in children[1:] if isinstance(child, list) and child and isinstance(child[0], Token)), None)
        if isinstance(children[0], _VertexStatement):
            statement, link, nodes = children[0], children[1], children[2]
            statement.links.append(link)
            statement.nodes.append(nodes)
        else:
            nodes = children[0]
            statement = _VertexStatement([nodes], [])
        if data:
            nodes[-1].shape_data.extend(data)
        return statement

    def link_statement(self, children: list) -> _Link:
        link_id = children[0].value if len(children) == 2 else None
        return _Link(children[0], children[-1], children[-1].value, None, None, link_id)

    def arrow_text(self, children: list) -> tuple[_Text, Token]:
        return children[1], children[2]

    def link(self, children: list) -> _Link:
        if isinstance(children[0], _Link):
            link = children[0]
            if len(children) > 1:
                link.text, link.last = children[1]
            return link
        link_id = children[0].value if children[0].type == "LINK_ID" else None
        start, text, end = children[-3], children[-2], children[-1]
        return _Link(children[0], end, end.value, start.value, text, link_id)

    def subgraph(self, children: list) -> _Subgraph:
        texts = [child for child in children if isinstance(child, _Text)]
        body = next(child for child in children if isinstance(child, _Document))
        name = texts[0] if texts else None
        title = texts[1] if len(texts) > 1 else None
        return _Subgraph(children[0], children[-1], name, title, body.statements)

    def class_statement(self, children: list) -> _ClassStatement:
        return _ClassStatement(children[2][0], children[4][0], children[0])

    def style_statement(self, children: list) -> _StyleStatement:
        node_id, first, last = children[2]
        return _StyleStatement(node_id, first, last)

    def num_list(self, children: list) -> list[Token]:
        return [child for child in children if child.type == "NUM"]

    def link_style(self, children: list) -> _LinkStyle:
        return _LinkStyle(children[2] if isinstance(children[2], list) else [])

    def ignored_statement(self, children: list) -> None:
        return None

    def direction(self, children: list) -> None:
        return None

    def accessibility(self, children: list) -> None:
        return None


_FRIENDLY_TERMINALS = {
    "GRAPH": "'flowchart' or 'graph'",
    "NODIR": "end of line",
    "DIR": "a direction (TB, TD, BT, RL, LR)",
    "NEWLINE": "end of line",
    "SEMI": "';'",
    "SPACE": "a space",
    "EOF": "end of file",
    "SUBGRAPH": "'subgraph'",
    "END": "'end'",
    "NODE_STRING": "a node ID",
    "NUM": "a node ID",
    "UNICODE_TEXT": "a node ID",
    "MINUS": "'-'",
    "LINK": "a link such as '-->'",
    "START_LINK": "a link such as '-- text -->'",
    "LINK_ID": "an edge ID such as 'e1@'",
    "EDGE_TEXT": "link text",
    "TEXT": "label text",
    "STR": "a quoted label",
    "MD_STR": "a markdown label",
    "SQS": "'['",
    "SQE": "']'",
    "PS": "'('",
    "PE": "')'",
    "PIPE": "'|'",
    "DIAMOND_START": "'{'",
    "DIAMOND_STOP": "'}'",
    "STADIUMSTART": "'(['",
    "STADIUMEND": "'])'",
    "SUBROUTINESTART": "'[['",
    "SUBROUTINEEND": "']]'",
    "CYLINDERSTART": "'[('",
    "CYLINDEREND": "')]'",
    "DOUBLECIRCLESTART": "'((('",
    "DOUBLECIRCLEEND": "')))'",
    "ELLIPSE_START": "'(-'",
    "ELLIPSE_END": "'-)'",
    "TRAPSTART": "'[/'",
    "TRAPEND": "'\\]'",
    "INVTRAPSTART": "'[\\'",
    "INVTRAPEND": "'/]'",
    "TAGSTART": "'<'",
    "TAGEND": "'>'",
    "VERTEX_WITH_PROPS_START": "'[|'",
    "STYLE_SEPARATOR": "':::'",
    "SHAPE_DATA": "'@{'",
    "AMP": "'&'",
    "COLON": "':'",
    "COMMA": "','",
    "MULT": "'*'",
    "BRKT": "'#'",
    "STYLE": "'style'",
    "CLASS": "'class'",
    "CLASSDEF": "'classDef'",
    "LINKSTYLE": "'linkStyle'",
    "CLICK": "'click'",
    "DEFAULT": "'default'",
    "INTERPOLATE": "'interpolate'",
    "DIRECTION": "'direction'",
    "DOWN": "a node ID",
    "UP": "'^'",
    "SEP": "'\\|'",
    "HREF": "'href'",
    "CALLBACKNAME": "a callback name",
    "CALLBACKARGS": "callback arguments",
    "LINK_TARGET": "a link target",
    "ACC_TITLE": "'accTitle:'",
    "ACC_TITLE_VALUE": "a title",
    "ACC_DESCR": "'accDescr:'",
    "ACC_DESCR_VALUE": "a description",
    "ACC_DESCR_MULTILINE_VALUE": "a description",
}


_ID_PARTS = {"'#'", "'&'", "'*'", "','", "'-'", "':'", "'default'"}


@cache
def _parser():
    return lalr_parser("mermaid.lark", start="start", lexer=_MermaidLexer, transformer=MermaidTransformer())


# --------------------------------------------------------------------------------------------------
# Shape data: the small YAML mapping of `A@{ shape: rect, label: "Text" }`.

#: Shape names Mermaid 11 accepts in `@{ shape: ... }` (rendering-elements/shapes.ts).
VALID_SHAPES = frozenset(
    """anchor bang bolt bow-rect bow-tie-rectangle brace brace-l brace-r braces card choice circ circle
    cloud collate com-link comment cross-circ crossed-circle curv-trap curved-trapezoid cyl cylinder das
    data-store database datastore db dbl-circ decision delay diam diamond disk display div-proc div-rect
    divided-process divided-rectangle doc docs document documents double-circle doublecircle event extract
    f-circ filled-circle flag flip-tri flipped-triangle fork fr-circ fr-rect framed-circle
    framed-rectangle h-cyl half-rounded-rectangle hex hexagon horizontal-cylinder hourglass icon in-out
    internal-storage inv-trapezoid join junction lean-l lean-left lean-r lean-right lightning-bolt lin-cyl
    lin-doc lin-proc lin-rect lined-cylinder lined-document lined-process lined-rectangle loop-limit manual
    manual-file manual-input note notch-pent notch-rect notched-pentagon notched-rectangle odd out-in
    paper-tape pill prepare priority proc process processes procs question rect rectangle rounded
    shaded-process sl-rect sloped-rectangle sm-circ small-circle st-doc st-rect stacked-document
    stacked-rectangle stadium start state stop stored-data subproc subprocess subroutine summary tag-doc
    tag-proc tag-rect tagged-document tagged-process tagged-rectangle terminal text trap-b trap-t
    trapezoid trapezoid-bottom trapezoid-top tri triangle win-pane window-pane""".split()
)

_DATA_PAIR = re.compile(
    r"""\s*([\w-]+)\s*:\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^,\n]*?)\s*(?:,|\n|$)""", re.DOTALL
)


def _shape_data(source: str) -> dict[str, str]:
    data = {}
    for match in _DATA_PAIR.finditer(source):
        key, value = match.group(1), match.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        data[key] = value
    return data


# --------------------------------------------------------------------------------------------------
# From statements to a Design, in the order Mermaid's FlowDB sees them.


def _span(path: str, first: Token, last: Token) -> Span:
    return Span(path=path, line=first.line, col=first.column, end_line=last.end_line, end_col=last.end_column)


def _label(source: str, text: _Text | None) -> str | None:
    """The label as Mermaid shows it: trimmed, one pair of surrounding quotes dropped, entity codes decoded."""
    if text is None:
        return None
    raw = source[text.first.start_pos : text.last.end_pos].strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1]
    return _ENTITY.sub(_decode_entity, raw) if "#" in raw else raw


def _decode_entity(match: re.Match) -> str:
    """``#35;`` and ``#quot;`` stand for the character Mermaid shows (its escape for quotes, `#`, line
    ends); a code that names no character stays as written, as Mermaid prints it."""
    name = match.group(0)[1:-1]
    if name.isdigit():
        code = int(name) if len(name) <= 7 else 0
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)
    return html.entities.html5.get(name + ";", match.group(0))


def _link_info(link: _Link) -> dict[str, str]:
    """Mermaid's destructLink: the arrow's type, stroke and length."""
    arrow = link.arrow.strip()
    line = arrow[:-1]
    kind = "arrow_open"
    ends = {"x": "arrow_cross", ">": "arrow_point", "o": "arrow_circle"}
    if arrow[-1:] in ends:
        kind = ends[arrow[-1]]
        if arrow.startswith("<" if arrow[-1] == ">" else arrow[-1]):
            kind = "double_" + kind
            line = line[1:]
    stroke = "thick" if line.startswith("=") else "invisible" if line.startswith("~") else "normal"
    length = len(line) - 1
    if line.count("."):
        stroke, length = "dotted", line.count(".")
    if link.start is not None:
        start = link.start.strip()
        start_kind = {"<": "arrow_point", "x": "arrow_cross", "o": "arrow_circle"}.get(start[:1], "arrow_open")
        if start_kind != "arrow_open":
            kind = "double_" + start_kind if start_kind == kind else "invalid"
    return {"type": kind, "stroke": stroke, "length": str(max(length, 1))}


@dataclass
class _GroupRecord:
    group: Group
    mentioned: list[str]
    depth: int


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
        self.pending_edges: list[tuple[list[str], list[str], _Link, int]] = []
        self.group_vertices: set[str] = set()
        self.pair_counts: dict[tuple[str, str], int] = {}

    # Vertices --------------------------------------------------------------------------------------
    def vertex(self, vertex: _Vertex) -> None:
        if vertex.id in self.edge_ids:
            return  # `e1@{ animate: true }` styles the edge e1: Mermaid makes no vertex of it
        data = _shape_data("".join(token.value for token in vertex.shape_data)) if vertex.shape_data else {}
        shape = data.get("shape")
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
        last = vertex.last
        if vertex.shape_data:
            # the closing '}' of `@{...}` is no token: the span ends one past the last data token
            closing = vertex.shape_data[-1]
            last = Token("SHAPE_DATA", "}", closing.end_pos, closing.end_line, closing.end_column)
            last.end_line, last.end_column = closing.end_line, closing.end_column + 1
        label = _label(self.source, vertex.label)
        if data.get("label"):
            label = data["label"]
        node = self.nodes.get(vertex.id)
        if node is None:
            node = self.nodes[vertex.id] = Node(
                id=vertex.id, label=label, span=_span(self.path, vertex.first, last)
            )
        elif label is not None:
            node.label = label
        if shape or vertex.shape:
            node.attrs["shape"] = shape or vertex.shape
        elif "shape" not in node.attrs:
            node.attrs["shape"] = "square"

    def statement(self, statement: _VertexStatement) -> list[str]:
        mentioned = []
        for nodes in statement.nodes:
            for vertex in nodes:
                self.vertex(vertex)
                mentioned.append(vertex.id)
        for index, link in enumerate(statement.links):
            sources, targets = statement.nodes[index], statement.nodes[index + 1]
            self.name_edges(sources, targets, link.id[:-1] if link.id else None)
            self.pending_edges.append((sources, targets, link, self.link_count))
            self.link_count += len(sources) * len(targets)
        return mentioned

    def name_edges(self, sources: list[_Vertex], targets: list[_Vertex], link_id: str | None) -> None:
        """Mermaid's edge IDs (`e1@-->`, else `L_A_B_0`): a vertex statement naming one is not a vertex."""
        for source in sources:
            for target in targets:
                pair = (source.id, target.id)
                if link_id and source is sources[-1] and target is targets[0] and link_id not in self.edge_ids:
                    self.edge_ids.add(link_id)
                else:
                    existing = self.pair_counts.get(pair, 0)
                    self.edge_ids.add(f"L_{source.id}_{target.id}_{existing + 1 if existing else 0}")
                self.pair_counts[pair] = self.pair_counts.get(pair, 0) + 1

    def style(self, statement: _StyleStatement) -> None:
        if statement.id in self.group_ids:
            self.group_vertices.add(statement.id)
        elif statement.id not in self.edge_ids and statement.id not in self.nodes:
            self.nodes[statement.id] = Node(
                id=statement.id,
                attrs={"shape": "square"},
                span=_span(self.path, statement.first, statement.last),
            )

    # Subgraphs -------------------------------------------------------------------------------------
    def open_subgraph(self, subgraph: _Subgraph, depth: int) -> Group:
        if depth > MAX_GROUP_DEPTH:
            raise DesignSyntaxError(
                f"subgraphs are nested deeper than {MAX_GROUP_DEPTH} levels",
                line=subgraph.keyword.line,
                col=subgraph.keyword.column,
                source_line=line_of(self.source, subgraph.keyword.line),
            )
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

    def close_subgraph(self, subgraph: _Subgraph, group: Group, mentioned: list[str]) -> str:
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

    def subgraph_names(self, subgraph: _Subgraph) -> tuple[str, str | None]:
        """Mermaid's addSubGraph: `subgraph id [title]`, `subgraph id`, or a title with blanks that
        gets a generated ID (`subGraph0`, counting every subgraph so far)."""
        if subgraph.name is None:
            return f"subGraph{self.subgraph_count}", None
        raw_name = self.source[subgraph.name.first.start_pos : subgraph.name.last.end_pos]
        if subgraph.title is not None:
            return raw_name.strip(), _label(self.source, subgraph.title)
        title = _label(self.source, subgraph.name)
        if re.search(r"\s", raw_name):
            return f"subGraph{self.subgraph_count}", title
        # `subgraph X` has only an ID, like a bare node; `subgraph "X"` is a title.
        return raw_name.strip(), (title if subgraph.name.kind != "text" else None)

    # Edges -----------------------------------------------------------------------------------------
    def members(self, name: str) -> list[str]:
        if name not in self.groups:
            # An edge ID used as a link end (`e1 --> C` after `A e1@--> B`) is no vertex in Mermaid.
            return [name] if name in self.nodes else []
        inside = {name}
        changed = True
        while changed:
            changed = False
            for group in self.groups.values():
                if group.parent in inside and group.id not in inside:
                    inside.add(group.id)
                    changed = True
        return [node.id for node in self.nodes.values() if node.group in inside]

    def connect(self) -> None:
        for sources, targets, link, number in self.pending_edges:
            info = _link_info(link)
            label = _label(self.source, link.text)
            span = _span(self.path, sources[0].first, targets[-1].last)
            for source in (vertex.id for vertex in sources):
                for target in (vertex.id for vertex in targets):
                    attrs = dict(info, link=str(number))
                    number += 1
                    ends = []
                    for role, name in (("source", source), ("target", target)):
                        if name in self.groups:
                            attrs[f"{role}_group"] = name
                        ends.append(self.members(name))
                    for source_id in ends[0]:
                        for target_id in ends[1]:
                            self.edges.append(
                                Edge(source=source_id, target=target_id, label=label, attrs=dict(attrs), span=span)
                            )


def parse(text: str, path: str, options=None) -> list[Design]:
    """The flowchart in ``text`` as one Design; ``[]`` when ``text`` is another kind of diagram."""
    cleaned = _clean(text)
    stripped = cleaned.text.lstrip()
    if stripped.startswith("---"):
        offset = len(cleaned.text) - len(stripped)
        line = cleaned.text.count("\n", 0, offset) + 1
        raise DesignSyntaxError(
            "front matter must start at the first line, with '---' not indented",
            line=line,
            col=offset - cleaned.text.rfind("\n", 0, offset),
            source_line=line_of(text, line),
            expected=["'---' at the start of the first line"],
        )
    if diagram_kind(text) != "flowchart":
        return []
    parser = _parser()
    try:
        document = parser.parse(cleaned.text)
    except UnexpectedInput as error:
        raise _syntax_error(error, text, parser) from None
    return [_build(document, text, cleaned, path)]


def _syntax_error(error: UnexpectedInput, text: str, parser) -> DesignSyntaxError:
    result = syntax_error_from_lark(error, text, parser, _FRIENDLY_TERMINALS)
    # The many tokens an ID may be made of (`a-b`, `a.b`, `1st`, `a:b`) all read as "a node ID".
    if "a node ID" in result.expected:
        result.expected = [item for item in result.expected if item not in _ID_PARTS]
    if "label text" in result.expected:
        result.expected = [item for item in result.expected if item not in ("'<'", "'>'", "a node ID")]
    token = getattr(error, "token", None)
    at_end = token is not None and token.type in ("EOF", "$END")
    if at_end:
        # just past the last character that is not blank
        content = text.rstrip()
        result.line = content.count("\n") + 1
        result.col = len(content) - content.rfind("\n")
        result.source_line = line_of(text, result.line)
        result.message = "unexpected end of file"
        result.expected = [item for item in result.expected if item != "end of file"]
    if token is not None and token.type == "END" and "'end'" not in result.expected:
        result.message = "'end' without a 'subgraph' to close"
    elif at_end and "'end'" in result.expected:
        result.message = "unexpected end of file: a 'subgraph' is missing its 'end'"
    source_line = result.source_line or ""
    before = source_line[: max(result.col - 1, 0)]
    if "%%" in source_line[result.col - 1 :] and before.strip() and "%%" in source_line[len(before.rstrip()) :]:
        result.message += " (Mermaid allows '%%' comments only on a line of their own)"
    return result


def _walk(document: _Document, builder: _Builder) -> None:
    """Visit the statements in source order with an explicit stack: nesting depth never recurses."""
    # Subgraph IDs are only known at their `end`, and generated ones count subgraphs in the order they
    # close; a first pass over the nested bodies collects the named ones.
    named: list = list(document.statements)
    while named:
        statement = named.pop()
        if isinstance(statement, _Subgraph):
            if statement.name is not None:
                raw = builder.source[statement.name.first.start_pos : statement.name.last.end_pos]
                if statement.title is not None or not re.search(r"\s", raw):
                    builder.group_ids.add(raw.strip())
            named.extend(statement.body)

    stack: list[tuple[list, int, _Subgraph | None, Group | None, list[str], int]] = [
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
        if isinstance(statement, _VertexStatement):
            mentioned.extend(builder.statement(statement))
        elif isinstance(statement, _StyleStatement):
            builder.style(statement)
        elif isinstance(statement, _LinkStyle):
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
        elif isinstance(statement, _ClassStatement):
            for node_id in statement.ids.split(","):
                if statement.class_name in ROLES:
                    builder.roles.append((node_id, statement.class_name))
        elif isinstance(statement, _Subgraph):
            inner = builder.open_subgraph(statement, depth + 1)
            stack.append((statement.body, 0, statement, inner, [], depth + 1))


def _build(document: _Document, source: str, cleaned: _Cleaned, path: str) -> Design:
    builder = _Builder(source, path)
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
    for group_id in [g for g in builder.groups if g in linked and not builder.members(g)]:
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
    builder.connect()

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
    _apply_comments(design, cleaned.comments, source, path)
    return design


def _apply_roles(design: Design, roles: list[tuple[str, str]]) -> None:
    nodes = {node.id: node for node in design.nodes}
    for node_id, role in roles:
        if node_id in nodes:
            nodes[node_id].role = role


def _apply_comments(design: Design, comments: list[tuple[int, str]], source: str, path: str) -> None:
    # A Mermaid comment always stands on a line of its own, so a suppression speaks for the whole design.
    renames: dict = {}
    for offset, body in comments:
        line = source.count("\n", 0, offset) + 1
        col = offset - source.rfind("\n", 0, offset)
        apply_comment(design, body, CommentPosition(line, col, line, col + 2 + len(body)), source, path, renames)
    apply_renames(design, renames, source)
