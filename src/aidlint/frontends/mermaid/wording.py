"""How Mermaid syntax errors are worded: Lark's errors in the words of a Mermaid author."""

from __future__ import annotations

from lark.exceptions import UnexpectedInput

from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.larkutil import syntax_error_from_lark
from aidlint.frontends.shared import line_of

#: What each lexer state is reading, for "expected ..." in errors.
STATE_EXPECTS = {
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
    "SIMPLE_STATEMENTS": "a node ID",
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


def syntax_error(error: UnexpectedInput, text: str, parser) -> DesignSyntaxError:
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
