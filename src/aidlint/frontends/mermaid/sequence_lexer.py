"""sequenceDiagram.jison's lexer (Mermaid 11): its rules in the same order (jison takes the first rule that
matches, not the longest, and appends ``\\b`` to a rule that ends in a word character), run as a custom
Lark lexer over the cleaned text (clean.py), yielding tokens at the file's positions.

The lexer has states, as jison's has: after ``participant``/``actor``/``destroy``/``activate`` it reads one
participant name (``ID``: a name may hold blanks, ``A@{...}`` carries data, `` as `` starts an alias),
after a block keyword (``loop``, ``alt``, ``box``...) or ``as`` the rest of the line (``LINE``). Outside
them a participant name is any run of text up to an arrow, ``:``, ``,``, ``;``, ``+`` or a line end
(``Alice Smith->>Bob: hi``), as jison's ``ACTOR`` rule reads it.

Each rule reads in time linear in what it matches; the ``ID`` state's names, whose jison patterns look
ahead for `` as ``, ``@{`` or the line's end, are found by scanning the run once (:func:`_id_token`).
"""

from __future__ import annotations

import re
from functools import cache

from lark.lexer import Lexer

from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.lark_adapter import make_token
from aidlint.frontends.mermaid.lexer import advance
from aidlint.frontends.shared import check_depth, line_of

_W = r"(?![A-Za-z0-9_])"  # jison's `\b` after a rule that ends in a word character

# A participant name outside a statement keyword (jison's ACTOR rule, "final_4.11"): its first character
# is none of / \ + ( ) < - > : , ; and it goes on through single dashes that start no arrow.
_FIRST = r"[^/\\+()<\->:\n,;]"
_REST = r"[^+<\->:\n,;]"
_ARROW_AHEAD = r"-x|--x|-\)|--\)|-\|\\|-\\|-/|-//|-\|/|/\|-|\\\|-|//-|\\\\-|/\|-|--\|\\|--|\(\)"
_ACTOR = rf"{_FIRST}+(?:(?!{_ARROW_AHEAD})-*{_REST}+)*"

#: Mermaid's arrows, in jison's order: solid and dotted lines with an open end, an arrowhead, a cross, an
#: async head, both heads, and the half arrowheads of Mermaid 11.
ARROWS = (
    "->>", "<<->>", "-->>", "<<-->>", "->", "-->", "-x", "--x", "-)", "--)",
    "--|\\", "--|/", "--\\\\", "--//", "/|--", "\\|--", "//--", "\\\\--",
    "-|\\", "-|/", "-\\\\", "-//", "/|-", "\\|-", "//-", "\\\\-",
)  # fmt: skip

#: Statement keywords that open a block closed by `end` (its nesting is counted while reading).
BLOCK_OPENERS = frozenset({"BOX", "LOOP", "RECT", "OPT", "ALT", "PAR", "PAR_OVER", "CRITICAL", "BREAK"})

# (pattern, token type or None to skip, state to enter or None)
_INITIAL: list[tuple[str, str | None, str | None]] = [
    (r"\n+", "NEWLINE", None),
    (r"\s+", None, None),
    (r"#[^\n]*", None, None),
    (r"%%(?!\{)[^\n]*", None, None),
    (r"[^}]%%[^\n]*", None, None),
    (r"(?:[0-9]+(?:\.[0-9]{1,2})?|\.[0-9]{1,2})(?=[ \n])", "NUM", None),
    (r"box" + _W, "BOX", "LINE"),
    (r"participant" + _W, "PARTICIPANT", "ID"),
    (r"actor" + _W, "PARTICIPANT_ACTOR", "ID"),
    (r"create" + _W, "CREATE", None),
    (r"destroy" + _W, "DESTROY", "ID"),
    (r"loop" + _W, "LOOP", "LINE"),
    (r"rect" + _W, "RECT", "LINE"),
    (r"opt" + _W, "OPT", "LINE"),
    (r"alt" + _W, "ALT", "LINE"),
    (r"else" + _W, "ELSE", "LINE"),
    (r"par" + _W, "PAR", "LINE"),
    (r"par_over" + _W, "PAR_OVER", "LINE"),
    (r"and" + _W, "AND", "LINE"),
    (r"critical" + _W, "CRITICAL", "LINE"),
    (r"option" + _W, "OPTION", "LINE"),
    (r"break" + _W, "BREAK", "LINE"),
    (r"end" + _W, "END", None),
    (r"left of" + _W, "LEFT_OF", None),
    (r"right of" + _W, "RIGHT_OF", None),
    (r"links" + _W, "LINKS", None),
    (r"link" + _W, "LINK", None),
    (r"properties" + _W, "PROPERTIES", None),
    (r"details" + _W, "DETAILS", None),
    (r"over" + _W, "OVER", None),
    (r"note" + _W, "NOTE", None),
    (r"activate" + _W, "ACTIVATE", "ID"),
    (r"deactivate" + _W, "DEACTIVATE", "ID"),
    (r"title\s[^#\n;]+", "TITLE", None),
    (r"title:\s[^#\n;]+", "LEGACY_TITLE", None),
    (r"accTitle\s*:\s*", "ACC_TITLE", "acc_title"),
    (r"accDescr\s*:\s*", "ACC_DESCR", "acc_descr"),
    (r"accDescr\s*\{\s*", None, "acc_descr_multiline"),
    (r"sequenceDiagram" + _W, "SD", None),
    (r"autonumber" + _W, "AUTONUMBER", None),
    (r"off" + _W, "OFF", None),
    (r",", "COMMA", None),
    (r";", "NEWLINE", None),
    (_ACTOR, "ACTOR", None),
    *((re.escape(arrow), "ARROW", None) for arrow in ARROWS),
    (r":(?:(?:no)?wrap:)?[^#\n;]*", "TXT", None),
    (r"\+", "PLUS", None),
    (r"-", "MINUS", None),
    (r"\(\)", "CENTRAL", None),
    (r".", "INVALID", None),
]

_BLANKS_IN_LINE = re.compile(r"[^\S\n]+")
_COMMENT = re.compile(r"#[^\n]*")
_NAME_BEFORE_DATA = re.compile(r"[^<=>\-:\n,;@\s]+")
_NAME_BEFORE_ALIAS = re.compile(r"[^<>:\n,;@\s]+")
_NAME_TO_LINE_END = re.compile(r"[^<>:\n,;@]+")
_AS_AHEAD = re.compile(r"\s+as\s", re.I)
_INVALID_WITH_TAG = re.compile(r"[^<>:\n,;@]*<[^\n]*")
_REST = re.compile(r"[^\n]+")
_AS = re.compile(r"as" + _W, re.I)
_REST_OF_LINE = re.compile(r"(?:[:]?(?:no)?wrap:)?[^#\n;]*", re.I)
_CONFIG_CONTENT = re.compile(r"[^}]+")
_LINE_VALUE = re.compile(r"[^\n]*")
_MULTILINE_VALUE = re.compile(r"[^}]*")

#: What each state is reading, for "expected ..." in errors.
STATE_EXPECTS = {
    "ID": ["a participant name"],
    "CONFIG": ["'}' closing the participant data"],
    "acc_descr_multiline": ["'}' closing accDescr"],
}


@cache
def _initial() -> tuple[re.Pattern, list[tuple[str | None, str | None]]]:
    pattern = re.compile("|".join(f"({rule})" for rule, _type, _state in _INITIAL), re.I)
    if pattern.groups != len(_INITIAL):  # group numbers name the rules: a rule must not capture
        raise ValueError("a sequence lexer rule has a capturing group: write (?:...)")
    return pattern, [(None, None)] + [(token_type, state) for _rule, token_type, state in _INITIAL]


def _id_token(text: str, pos: int) -> tuple[str, int, str] | None:
    """jison's ``ID`` rules at ``pos`` (after blanks and comments): (token type, end, what follows) with
    ``what follows`` one of "data", "alias", "pop"; None where no rule matches (a line end)."""
    run = _NAME_BEFORE_DATA.match(text, pos)
    if run and text.startswith("@{", run.end()):
        return "ACTOR", run.end(), "data"
    run = _NAME_BEFORE_ALIAS.match(text, pos)
    if run and _AS_AHEAD.match(text, run.end()):
        return "ACTOR", run.end(), "alias"
    run = _NAME_TO_LINE_END.match(text, pos)
    if run:
        # `[^<>:\n,;@]+(?=\s*[\n;#]|$)`: the longest run that a line end, ';' or '#' follows (after blanks).
        end = run.end()
        if end == len(text) or text[end] in "\n;":
            return "ACTOR", end, "pop"
        hash_at = text.rfind("#", pos + 1, end)
        if hash_at != -1:
            return "ACTOR", hash_at, "pop"
    invalid = _INVALID_WITH_TAG.match(text, pos) or _REST.match(text, pos)
    if invalid:
        return "INVALID", invalid.end(), "pop"
    return None


class SequenceLexer(Lexer):
    """sequenceDiagram.jison's lexer. Lark gives it the cleaned text; it yields tokens with the file's positions."""

    def __init__(self, lexer_conf) -> None:  # noqa: D107 - Lark's constructor signature
        pass

    def lex(self, text: str):  # type: ignore[override]
        pattern, rules = _initial()
        stack = ["INITIAL"]
        opener = (1, 1, "")  # where the state on top of the stack was entered
        depth = 0
        pos, line, column, size = 0, 1, 1, len(text)
        last_content = (1, 1)  # just past the last token that is not blank
        while pos < size:
            state = stack[-1]
            token_type: str | None = None
            if state == "INITIAL":
                match = pattern.match(text, pos)
                token_type, entered = rules[match.lastindex]
                end = match.end()
                if entered:
                    stack.append(entered)
                    opener = (line, column, match.group().strip())
            elif state in ("ID", "ALIAS", "LINE") and (skip := _BLANKS_IN_LINE.match(text, pos) or _COMMENT.match(text, pos)):
                end = skip.end()
            elif state == "ID":
                if text.startswith("@{", pos):
                    token_type, end = "CONFIG_START", pos + 2
                    stack.append("CONFIG")
                    opener = (line, column, "@{")
                else:
                    found = _id_token(text, pos)
                    if found is None:
                        raise DesignSyntaxError(
                            "unexpected end of line",
                            line=line,
                            col=column,
                            source_line=line_of(text, line),
                            expected=STATE_EXPECTS["ID"],
                        )
                    token_type, end, follows = found
                    if follows == "alias":
                        stack.append("ALIAS")
                    elif follows == "pop":
                        stack.pop()
            elif state == "ALIAS":
                stack.pop()
                stack.pop()
                word = _AS.match(text, pos)
                if word:
                    token_type, end = "AS", word.end()
                    stack.append("LINE")
                else:
                    token_type, end = "NEWLINE", pos
            elif state == "LINE":
                token_type, end = "REST_OF_LINE", _REST_OF_LINE.match(text, pos).end()
                stack.pop()
            elif state == "CONFIG":
                if text[pos] == "}":
                    token_type, end = "CONFIG_END", pos + 1
                    stack.pop()
                    if _AS_AHEAD.match(text, end):
                        stack.append("ALIAS")
                    else:
                        stack.pop()
                else:
                    token_type, end = "CONFIG_CONTENT", _CONFIG_CONTENT.match(text, pos).end()
            elif state == "acc_descr_multiline":
                if text[pos] == "}":
                    end = pos + 1
                    stack.pop()
                else:
                    token_type, end = "ACC_DESCR_MULTILINE_VALUE", _MULTILINE_VALUE.match(text, pos).end()
            else:  # acc_title, acc_descr: the rest of the line
                token_type = "ACC_TITLE_VALUE" if state == "acc_title" else "ACC_DESCR_VALUE"
                end = _LINE_VALUE.match(text, pos).end()
                stack.pop()
            value = text[pos:end]
            _, end_line, end_column = advance(value, pos, line, column)
            if token_type is not None:
                if token_type in BLOCK_OPENERS:
                    # Checked here, while reading: a file of 100k nested blocks must stop at the limit.
                    depth += 1
                    check_depth(depth, "blocks", text, line, column)
                elif token_type == "END" and depth:
                    depth -= 1
                if token_type in ("ACTOR", "REST_OF_LINE", "TITLE", "LEGACY_TITLE", "TXT"):
                    # jison trims these; the token keeps its start, and ends at its last character
                    stripped = value.rstrip()
                    cut = len(value) - len(stripped)
                    if cut and "\n" not in value:
                        value, end_column = stripped, end_column - cut
                        token = make_token(token_type, value, pos, line, column, end_line, end_column, end - cut)
                    else:
                        token = make_token(token_type, value, pos, line, column, end_line, end_column, end)
                else:
                    token = make_token(token_type, value, pos, line, column, end_line, end_column, end)
                if value.strip():
                    last_content = (token.end_line, token.end_column)
                yield token
            pos, line, column = end, end_line, end_column
        state = stack[-1]
        if state in ("CONFIG", "acc_descr_multiline"):
            # An unclosed `@{` or `accDescr {`: point at where it opened, not at the end of the file.
            open_line, open_column, opened = opener
            raise DesignSyntaxError(
                f"{opened!r} is never closed",
                line=open_line,
                col=open_column,
                source_line=line_of(text, open_line),
                expected=STATE_EXPECTS[state],
            )
        if state == "INITIAL":
            # jison's <<EOF>> is a line end: the last statement needs none of its own. It stands just past
            # the last character that is not blank, where an error at the end of the file points.
            yield make_token("NEWLINE", "", size, *last_content, *last_content, size)
