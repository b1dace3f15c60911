"""flow.jison's lexer: its rules in the same order (jison takes the first rule that matches, not the
longest), run as a custom Lark lexer over the cleaned text, yielding tokens at the file's positions."""

from __future__ import annotations

import re
from functools import cache

from lark import Token
from lark.lexer import Lexer

from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.lark_adapter import make_token
from aidlint.frontends.mermaid.statements import SIMPLE_RUN, SIMPLE_RUN_NO_DIRECTION
from aidlint.frontends.mermaid.wording import STATE_EXPECTS as _STATE_EXPECTS
from aidlint.frontends.shared import check_depth, line_of

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

#: Rules that start with blanks (`\s*-->`): at a blank they are tried only where they can match.
_BLANK_LEADING = frozenset(
    index for index, (_states, pattern, _type, _action) in enumerate(_RULES) if pattern.startswith((r"\s*", r"\n*"))
)


def _applies(index: int, state: str) -> bool:
    states = _RULES[index][0]
    return states == _ALL or state in states.split(",")


def _steps(action: str | None) -> tuple[tuple[str, str | None], ...]:
    """An action as (step, state) pairs: ("pop", None) or ("push", state)."""
    if not action:
        return ()
    return tuple(("pop", None) if step == "pop" else ("push", step.split(":", 1)[1]) for step in action.split(","))


def _state_pattern(state: str, with_direction: bool, with_link_id: bool, with_blank_leading: bool) -> tuple[re.Pattern, list]:
    """The rules of ``state`` as one regex, and per group number (``match.lastindex``) the rule's token
    type, its steps and whether it has an action (a rule without one must not match nothing)."""
    alternatives, rules = [], [None]
    for index, (_states, pattern, token_type, action) in enumerate(_RULES):
        if not _applies(index, state) or (token_type == "DIRECTION" and not with_direction):
            continue
        if (token_type == "LINK_ID" and not with_link_id) or (index in _BLANK_LEADING and not with_blank_leading):
            continue
        alternatives.append(f"({pattern})")
        rules.append((token_type, _steps(action), bool(action)))
    compiled = re.compile("|".join(alternatives))
    if compiled.groups != len(alternatives):  # group numbers name the rules: a rule must not capture
        raise ValueError(f"a lexer rule of state {state!r} has a capturing group: write (?:...)")
    return compiled, rules


#: Flags of a pattern: 4 with the direction rule, 2 with the edge-ID rule, 1 with the blank-leading rules.
@cache
def _state_patterns() -> dict[tuple[str, int], tuple[re.Pattern, list]]:
    return {
        (state, flags): _state_pattern(state, bool(flags & 4), bool(flags & 2), bool(flags & 1))
        for state in _STATES
        for flags in range(8)
    }


@cache
def _blank_leading_patterns() -> dict[str, re.Pattern | None]:
    """Per state, its blank-leading rules alone, to try once where a run of blanks ends."""
    patterns = {}
    for state in _STATES:
        rules = [_RULES[index][1] for index in sorted(_BLANK_LEADING) if _applies(index, state)]
        patterns[state] = re.compile("|".join(f"(?:{rule})" for rule in rules)) if rules else None
    return patterns


_BLANKS = re.compile(r"\s*")
_DOTS = re.compile(r"\.*")
_BLANKS_IN_LINE = re.compile(r"[^\S\n]*")
_LINK_ID_STOP = re.compile(r'[\s"]')
_BLANKS_TO_LINE_END = re.compile(r"\s*\n")
_DIRECTION_WORD = re.compile(r"direction\s+(?:TB|BT|RL|LR|TD)")
#: Token types the lexer itself follows (nesting, the header's direction, runs of line ends).
_COUNTED = frozenset({"SUBGRAPH", "END", "GRAPH", "NEWLINE"})


def advance(value: str, pos: int, line: int, column: int) -> tuple[int, int, int]:
    """Position, line and column just past ``value`` read at ``pos``, ``line``, ``column``."""
    newlines = value.count("\n")
    if newlines:
        return pos + len(value), line + newlines, len(value) - value.rfind("\n")
    return pos + len(value), line, column + len(value)


class MermaidLexer(Lexer):
    """flow.jison's lexer. Lark gives it the cleaned text; it yields tokens with the file's positions."""

    #: read runs of simple statements as one token (frontends/mermaid/statements.py); tests turn it off to
    #: check that the grammar, token by token, reads every file the same
    reads_simple_statements = True

    def __init__(self, lexer_conf) -> None:  # noqa: D107 - Lark's constructor signature
        pass

    def lex(self, text: str):  # type: ignore[override]
        patterns = _state_patterns()
        # jison's `.*direction\s+LR` rule is tried at every position; trying it only where a line still
        # holds such a word keeps lexing linear on long lines.
        direction_at = [match.start() for match in _DIRECTION_WORD.finditer(text)]
        direction_index, next_direction = 0, -1
        # Likewise the edge-ID rule scans a whole blank-free run for its '@': only try it if that run holds one.
        next_at = next_stop = -1
        # And the rules that start with blanks (`\s*-->`) scan a whole run of blanks: at a blank, they can
        # only match if they match where the run ends (what follows the blanks is never a blank), so that
        # is tried once per run. The state "dir" (right after `flowchart`) ends at the first line end.
        blank_leading = _blank_leading_patterns()
        blanks_end, blanks_state, blanks_fit = -1, None, False
        dots_end = -1  # where the run of dots being read as `-. text .->` ends
        stack = [_I]
        openers: list[tuple[int, int, str]] = []  # where each state on the stack was entered
        last_content = None  # the last token that is not blank
        first_graph = True
        depth = 0
        pos, line, column, size = 0, 1, 1, len(text)
        next_newline = -1
        token_of = make_token
        # Where a line starts after a line end or `end` (the parser then takes a statement): a run of
        # simple statements may be read there as one token.
        simple_at = -1
        simple_run = SIMPLE_RUN_NO_DIRECTION.match if "direction" in text else SIMPLE_RUN.match
        if not self.reads_simple_statements:
            simple_run = None
        while pos < size:
            if pos == simple_at and simple_run is not None:
                run = simple_run(text, pos)
                if run is not None:
                    end = run.end()
                    value = text[pos:end]
                    end_line, end_column = self._advance_text(value, pos, line, column)[1:]
                    token = token_of("SIMPLE_STATEMENTS", value, pos, line, column, end_line, end_column, end)
                    pos, line, column = end, end_line, end_column
                    last_content = token
                    yield token
                    continue
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
            if next_direction < pos:
                while direction_index < len(direction_at) and direction_at[direction_index] < pos:
                    direction_index += 1
                next_direction = direction_at[direction_index] if direction_index < len(direction_at) else size
            flags = 4 if next_direction < next_newline else 0
            if next_at < pos:
                next_at = text.find("@", pos)
                next_at = size if next_at == -1 else next_at
            if next_stop < pos:
                stop = _LINK_ID_STOP.search(text, pos)
                next_stop = stop.start() if stop else size
            if next_at < next_stop:
                flags |= 2
            if state != "dir" and text[pos].isspace():
                if pos >= blanks_end or state != blanks_state:
                    blanks_end, blanks_state = _BLANKS.match(text, pos).end(), state
                    fitting = blank_leading[state]
                    blanks_fit = fitting is not None and fitting.match(text, blanks_end) is not None
                if blanks_fit:
                    flags |= 1
                elif state == _I and (pos == 0 or text[pos - 1] == "\n"):
                    # A line of nothing but blanks (often a blanked comment or directive) would be one
                    # SPACE token per character, each of them a no-op line: step over it.
                    line_end = _BLANKS_IN_LINE.match(text, pos).end()
                    if line_end > pos and (line_end == size or text[line_end] == "\n"):
                        pos, line, column = self._advance_text(text[pos:line_end], pos, line, column)
                        if pos == size:
                            break
                        continue
            elif state == "dottedEdgeText" and text[pos] == ".":
                # The closing link (`\.+-`) would scan the whole run of dots at each dot of the link text;
                # it matches only if a '-' ends the run, which is looked at once per run.
                if pos >= dots_end:
                    dots_end = _DOTS.match(text, pos).end()
                if text.startswith("-", dots_end):
                    flags |= 1
            else:
                flags |= 1
            pattern, rules = patterns[state, flags]
            match = pattern.match(text, pos)
            if match is None:
                raise self._error(text, pos, line, column, state)
            token_type, steps, has_action = rules[match.lastindex]
            end = match.end()
            if end == pos and not has_action:
                raise self._error(text, pos, line, column, state)
            value = match.group()
            for step, entered in steps:
                if step == "pop":
                    if len(stack) > 1:
                        stack.pop()
                        openers.pop()
                else:
                    stack.append(entered)
                    openers.append((line, column, value.strip() or value))
            if token_type is None:
                pos, line, column = self._advance_text(value, pos, line, column)
                continue
            if token_type in _COUNTED:
                if token_type == "SUBGRAPH":
                    # Checked here, while reading: a file of 100k nested subgraphs must stop at the limit.
                    depth += 1
                    check_depth(depth, "subgraphs", text, line, column)
                elif token_type == "END":
                    if depth:
                        depth -= 1
                elif token_type == "GRAPH" and first_graph:
                    first_graph = False
                    stack.append("dir")
                    openers.append((line, column, value))
                elif token_type == "NEWLINE" and blanks_end > end:
                    # The rest of this run of blanks would be one SPACE or NEWLINE token per line and
                    # blank (the blank-leading rules do not fit where the run ends, or NEWLINE would not
                    # have matched), each an empty line of the document: one NEWLINE token stands for them all.
                    end = blanks_end
                    value = text[pos:end]
            newlines = value.count("\n")
            if newlines:
                end_line, end_column = line + newlines, end - text.rindex("\n", pos, end)
            else:
                end_line, end_column = line, column + end - pos
            token = token_of(token_type, value, pos, line, column, end_line, end_column, end)
            pos, line, column = end, end_line, end_column
            if (token_type == "NEWLINE" or token_type == "END") and not first_graph:
                simple_at = end
            if value and not value.isspace():
                last_content = token
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
        last_line, last_column = self._end_of_content(last_content) if last_content is not None else (1, 1)
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

    _advance_text = staticmethod(advance)

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
