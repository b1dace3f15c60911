"""Simple statements read whole: most of a big flowchart is lines like ``a["label"]`` and
``a -->|text| b[label] -- text --> c``.

Token by token, such a line costs the LALR parser one token per ID, bracket, label, pipe and arrow, and a
``-- text -->`` link one per character of its text. The lexer (frontends/mermaid/lexer.py) instead reads
a run of whole lines of this kind as one token, SIMPLE_STATEMENTS (declared in ``grammars/mermaid.lark``),
and :func:`read_statements` gives the Transformer the same statement records the grammar would build from
the single tokens.

A line qualifies only when flow.jison's lexer, rule by rule, would cut it into exactly the pieces read
here, and the grammar would take them as one vertex statement:

- IDs are ASCII words that are all of the NODE_STRING that lexer reads there, and no keyword (``end``,
  ``style``, ``v``, ...), nor ``x`` or ``o`` (which start a link such as ``o-->``);
- shapes are ``[ ]``, ``( )``, ``(( ))``, ``{ }``, ``{{ }}``, ``([ ])``, ``[( )]``, ``[[ ]]`` with a
  one-line label (plain text, or one quoted string) and what follows them cannot make a longer closing
  token (``])``, ``)]``, ``)))``), then an optional ``:::class``;
- links are the four strokes with an optional ``|text|``, or ``-- text -->``; where two link rules could
  match, the one flow.jison tries first is the only one tried here (each piece is atomic: a later failure
  never makes a piece match differently);
- the line ends in an optional ``;``, and the next line does not start with a link (which would continue
  this statement); no ``@`` (edge IDs), no ``direction`` word on the line (flow.jison's direction rule
  would take the whole line), no ``&`` lists, comments or line ends inside a statement.

Anything else is read token by token, as before; so is any line after which a run stops. The lexer offers
the token only at the start of a line (after a line end or ``end``), where the parser takes a statement.
"""

from __future__ import annotations

import re

from lark import Token

from aidlint.frontends.mermaid.transformer import Link, Text, Vertex, VertexStatement

_BLANK = r"[^\S\n]"
_KEYWORDS = (
    "style default linkStyle interpolate classDef class click call href graph flowchart subgraph end"
    " accTitle accDescr v x o"
).split()
# NODE_STRING would read on past the ID with any of these (lexer.py's NODE_STRING rule).
_ID_END = r"""(?![A-Za-z0-9!"#$%&'*+.`?\\_/]|-[^>\-.]|=(?!=))"""
_ID = rf"(?!(?:{'|'.join(_KEYWORDS)})(?![A-Za-z0-9_]))[A-Za-z][A-Za-z0-9_]*+{_ID_END}"

# A label inside a shape or between pipes: one TEXT token (first character not one that makes another
# opening such as `[/` or `(-`), or a quoted STR that is not a markdown string.
_TEXT = r"""[^\[\](){}|"\s@~/\\-][^\[\](){}|"\n@~]*+|[^\S\n][^\[\](){}|"\n@~]*+"""
_STRING = r'"[^"`\n@][^"\n@]*+"'
_LABEL = rf"(?:{_STRING}|{_TEXT})"

#: opening -> (closing, shape name as transformer.py's vertex() names it)
SHAPES = {
    "([": ("])", "stadium"),
    "[(": (")]", "cylinder"),
    "[[": ("]]", "subroutine"),
    "((": ("))", "circle"),
    "{{": ("}}", "hexagon"),
    "[": ("]", "square"),
    "(": (")", "round"),
    "{": ("}", "diamond"),
}
_SHAPE = "|".join(rf"{re.escape(opening)}{_LABEL}{re.escape(closing)}" for opening, (closing, _) in SHAPES.items())
# After a shape, nothing that would make its closing a longer token: `])`, `]]`, `)]`, `)))`.
_VERTEX = rf"(?>{_ID}(?:(?:{_SHAPE})(?![\])]))?+(?::::{_ID})?+)"

# flow.jison's link rules in its order; each is tried only where none before it matches.
_NORMAL, _NORMAL_START = r"[xo<]?--+[-xo>]", r"[xo<]?--"
_THICK, _THICK_START = r"[xo<]?==+[=xo>]", r"[xo<]?=="
_DOTTED, _DOTTED_START = r"[xo<]?-?\.+-[xo>]?", r"[xo<]?-\."
_INVISIBLE = r"~~~+"
_PIPE_TEXT = rf"(?:\|{_LABEL}\|{_BLANK}?)?+"
# `-- text -->`: the text ends where the closing link first matches (blanks before it belong to the link).
_EDGE_TEXT = rf"(?:(?!{_NORMAL})(?:[^-\"\s@]|-(?!-))|{_BLANK}++(?!{_NORMAL}))++"
_LINK = (
    rf"(?>{_BLANK}*+(?:"
    rf"(?>{_NORMAL}){_BLANK}*+{_PIPE_TEXT}"
    rf"|(?!{_NORMAL})(?>{_NORMAL_START}){_BLANK}*+{_EDGE_TEXT}{_BLANK}*+(?>{_NORMAL}){_BLANK}*+"
    rf"|(?!{_NORMAL}|{_NORMAL_START})(?>{_THICK}){_BLANK}*+{_PIPE_TEXT}"
    rf"|(?!{_NORMAL}|{_NORMAL_START}|{_THICK}|{_THICK_START})(?>{_DOTTED}){_BLANK}*+{_PIPE_TEXT}"
    rf"|(?!{_NORMAL}|{_NORMAL_START}|{_THICK}|{_THICK_START}|{_DOTTED}|{_DOTTED_START})(?>{_INVISIBLE}){_BLANK}*+{_PIPE_TEXT}"
    r"))"
)
# The line's end and the blanks after it; the next line must not start with a link (`\n--> c` goes on).
_END = rf"(?>{_BLANK}*+(?:;{_BLANK}*+)?+(?:\n\s*+(?![xo<]?[-=.]|~)|\Z))"
_STATEMENT = rf"{_VERTEX}(?:{_LINK}{_VERTEX})*+{_END}"

SIMPLE_RUN = re.compile(rf"(?:{_STATEMENT})++")
#: The same, for a text that holds the word `direction` somewhere.
SIMPLE_RUN_NO_DIRECTION = re.compile(rf"(?:(?![^\n]*direction){_STATEMENT})++")

# The pieces again, with groups, for reading a run that SIMPLE_RUN matched.
_VERTEX_PARTS = re.compile(
    rf"({_ID})(?:(\(\[|\[\(|\[\[|\(\(|\{{\{{|\[|\(|\{{)(?:\"([^\"]*)\"|([^\])}}|]*))[\])}}]++)?(?::::({_ID}))?"
)
_LINK_PARTS = re.compile(
    rf"({_BLANK}*+(?:{_NORMAL}|{_THICK}|{_DOTTED}|{_INVISIBLE}){_BLANK}*+)(?:\|(?:\"([^\"]*)\"|([^|]*))\|{_BLANK}?)?"
    rf"|({_BLANK}*+{_NORMAL_START}{_BLANK}*+)((?:(?!{_NORMAL})(?:[^-\"\s@]|-(?!-))|{_BLANK}++(?!{_NORMAL}))++)"
    rf"({_BLANK}*+{_NORMAL}{_BLANK}*+)"
)
_LINE_END = re.compile(_END)
_SHAPE_NAMES = {opening: name for opening, (_closing, name) in SHAPES.items()}


class Place:
    """Where a piece of a simple statement stands, with the attributes of Lark's Token that the
    statement records are read by (one line: a piece never holds a line end)."""

    __slots__ = ("line", "column", "end_line", "end_column", "start_pos", "end_pos")

    def __init__(self, line: int, start: int, end: int, line_start: int, base: int) -> None:
        self.line = self.end_line = line
        self.column = start - line_start + 1
        self.end_column = end - line_start + 1
        self.start_pos = base + start
        self.end_pos = base + end


def read_statements(run: Token) -> list[VertexStatement]:
    """The vertex statements of a SIMPLE_STATEMENTS token, as the grammar would build them.

    The token's own text is read (offsets from ``base``): the pieces were matched on the file's text,
    and what the last line's end looks past only decides where a run stops, never how a line is cut."""
    text, base, line = run.value, run.start_pos, run.line
    statements = []
    line_start = 1 - run.column
    vertex_at, link_at, end_at = _VERTEX_PARTS.match, _LINK_PARTS.match, _LINE_END.match
    count, rindex = text.count, text.rindex
    pos, stop = 0, len(text)
    while pos < stop:
        newlines = count("\n", max(line_start, 0), pos)
        if newlines:
            line += newlines
            line_start = rindex("\n", 0, pos) + 1
        match = vertex_at(text, pos)
        nodes, links = [[_vertex(match, line, line_start, base)]], []
        pos = match.end()
        while (match := link_at(text, pos)) is not None:
            links.append(_link(match, line, line_start, base))
            match = vertex_at(text, match.end())
            nodes.append([_vertex(match, line, line_start, base)])
            pos = match.end()
        statements.append(VertexStatement(nodes, links))
        pos = end_at(text, pos).end()
    return statements


def _vertex(match: re.Match, line: int, line_start: int, base: int) -> Vertex:
    regs = match.regs
    id_start, id_end = regs[1]
    # One place from the ID's start to the vertex's end serves as the vertex's first and last token.
    place = Place(line, id_start, regs[0][1], line_start, base)
    opening = match.group(2)
    if opening is None:
        vertex = Vertex(match.group(1), place, place, None, "")
    else:
        is_string = regs[3][0] >= 0
        text_start, text_end = regs[3] if is_string else regs[4]
        label = Place(line, text_start, text_end, line_start, base)
        text = Text(label, label, "string" if is_string else "text")
        vertex = Vertex(match.group(1), place, place, text, _SHAPE_NAMES[opening])
    if regs[5][0] >= 0:
        vertex.classes = (match.group(5),)
    return vertex


def _link(match: re.Match, line: int, line_start: int, base: int) -> Link:
    regs = match.regs
    if regs[1][0] >= 0:
        is_string = regs[2][0] >= 0
        text_start, text_end = regs[2] if is_string else regs[3]
        if text_start < 0:
            return Link(match.group(1), None, None, None)
        place = Place(line, text_start, text_end, line_start, base)
        return Link(match.group(1), None, Text(place, place, "string" if is_string else "text"), None)
    place = Place(line, regs[5][0], regs[5][1], line_start, base)
    return Link(match.group(6), match.group(4), Text(place, place, "text"), None)
