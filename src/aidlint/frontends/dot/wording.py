"""How DOT syntax errors are worded: Lark's errors in the words of a DOT author."""

from __future__ import annotations

from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.larkutil import syntax_error_from_lark

_FRIENDLY_TERMINALS = {
    "ID": "an ID",
    "ATTR": "an ID",
    # simple statements read as one token (frontends/dot/statements.py) start with an ID
    "SIMPLE_STATEMENTS": "an ID",
    "SIMPLE_STATEMENTS_SEMI": "an ID",
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


def syntax_error(error: UnexpectedInput, text: str, parser) -> DesignSyntaxError:
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


