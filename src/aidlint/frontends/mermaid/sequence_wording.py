"""How sequence-diagram syntax errors are worded: Lark's errors in the words of a Mermaid author."""

from __future__ import annotations

from lark.exceptions import UnexpectedInput

from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.larkutil import end_of_text, syntax_error_from_lark
from aidlint.frontends.shared import line_of

_FRIENDLY_TERMINALS = {
    "NEWLINE": "end of line",
    "SD": "'sequenceDiagram'",
    "ACTOR": "a participant name",
    "ARROW": "an arrow such as '->>'",
    "TXT": "':' and the message text",
    "PLUS": "'+'",
    "MINUS": "'-'",
    "CENTRAL": "'()'",
    "COMMA": "','",
    "NUM": "a number",
    "INVALID": "a statement",
    "PARTICIPANT": "'participant'",
    "PARTICIPANT_ACTOR": "'actor'",
    "CREATE": "'create'",
    "DESTROY": "'destroy'",
    "AS": "'as'",
    "REST_OF_LINE": "text",
    "CONFIG_START": "'@{'",
    "CONFIG_CONTENT": "participant data",
    "CONFIG_END": "'}'",
    "LEFT_OF": "'left of'",
    "RIGHT_OF": "'right of'",
    "PAR_OVER": "'par_over'",
    "LEGACY_TITLE": "'title:'",
    "ACC_TITLE": "'accTitle:'",
    "ACC_TITLE_VALUE": "a title",
    "ACC_DESCR": "'accDescr:'",
    "ACC_DESCR_VALUE": "a description",
    "ACC_DESCR_MULTILINE_VALUE": "a description",
}
_KEYWORDS = "BOX LOOP RECT OPT ALT ELSE PAR AND CRITICAL OPTION BREAK END OVER NOTE LINKS LINK PROPERTIES DETAILS"
_KEYWORDS += " ACTIVATE DEACTIVATE AUTONUMBER OFF TITLE"
_FRIENDLY_TERMINALS.update({name: f"'{name.lower()}'" for name in _KEYWORDS.split()})
#: The statements a line may start with: "expected" names them as one item, not twenty keywords.
_STATEMENT_STARTS = {
    _FRIENDLY_TERMINALS[name]
    for name in (
        "PARTICIPANT PARTICIPANT_ACTOR CREATE DESTROY BOX LOOP RECT OPT ALT PAR PAR_OVER CRITICAL BREAK AUTONUMBER"
        " ACTIVATE DEACTIVATE NOTE LINKS LINK PROPERTIES DETAILS TITLE LEGACY_TITLE ACC_TITLE ACC_DESCR"
        " ACC_DESCR_MULTILINE_VALUE INVALID"
    ).split()
}


def syntax_error(error: UnexpectedInput, text: str, source: str, parser) -> DesignSyntaxError:
    """Lark's error in a Mermaid author's words; ``text`` is what the parser read (cleaned), ``source``
    the file as written, whose line is shown."""
    result = syntax_error_from_lark(error, text, parser, _FRIENDLY_TERMINALS)
    token = getattr(error, "token", None)
    if token is not None and token.type == "NEWLINE" and token.start_pos == len(text):
        result.message = "unexpected end of file"  # the line end the lexer gives the end of the file
    if token is not None and token.type == "$END":
        result.line, result.col = end_of_text(text)
    if _STATEMENT_STARTS <= set(result.expected):
        rest = [item for item in result.expected if item not in _STATEMENT_STARTS and item != "end of line"]
        result.expected = ["a statement (a message such as 'A->>B: text', 'participant', 'note', 'loop'...)", *rest]
    if result.message == "unexpected 'end'" and "'end'" not in result.expected:
        result.message = "'end' without a block ('loop', 'alt', 'box'...) to close"
        result.expected = ["a block ('loop', 'alt', 'opt', 'par', 'critical', 'break', 'rect', 'box') before 'end'"]
    result.source_line = line_of(source, result.line)
    return result
