"""DOT's lexer: the terminals of ``grammars/dot.lark`` in one regex, IDs decoded as they are read."""

from __future__ import annotations

import re

from lark.exceptions import UnexpectedCharacters

from lark import Token

from aidlint.frontends.dot.statements import statement_reader
from aidlint.frontends.lark_adapter import StreamLexer, make_token

_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def _unescape(match: re.Match) -> str:
    char = match.group(1)
    if char == '"':
        return '"'
    if char == "\n":  # a line continuation
        return ""
    return match.group(0)  # Graphviz keeps every other escape (\n, \l, \N, \\) for the renderer


def id_text(raw: str) -> str:
    """The text an ID stands for, as written in any of its forms."""
    first = raw[0]
    if first == '"':
        return quoted_id(raw)
    if first == "<":
        return raw[1:-1]
    return raw


def quoted_id(raw: str) -> str:
    """The text of a double-quoted ID, or of several joined with ``+``."""
    if raw.count('"') == 2 and "\\\n" not in raw:  # one string, no escaped quote, no line continuation
        return raw[1:-1]
    return "".join(_ESCAPE.sub(_unescape, part[1:-1]) for part in _QUOTED.findall(raw))


class StatementRun(Token):
    """A SIMPLE_STATEMENTS token and the match of each statement in it: the lexer reads them once, and
    the Transformer takes each statement's parts from its match."""

    __slots__ = ("statements",)


#: statements per StatementRun: a long run is several tokens, so that no more matches than this are
#: held at once (the grammar takes runs one after another, as it takes the statements)
RUN_LENGTH = 512


class DotLexer(StreamLexer):
    """Lark's lexer contract, run over the terminals of ``grammars/dot.lark``.

    Lark's own lexer spends most of its time per token in Python bookkeeping (a second regex match for
    every run of whitespace, line counting on each token); this one folds the whitespace into the next
    token's match and counts lines only across the text it skips and inside the tokens that can hold a
    newline. It also decodes IDs (quotes, escapes, ``+`` joins, HTML brackets) once, here, and tells
    keywords from names the way Lark does for case-insensitive keywords. Where the parser can take a
    statement, a run of simple statements is one token (frontends/dot/statements.py).
    """

    def __init__(self, conf) -> None:
        self.callbacks = dict(conf.callbacks)
        self.keywords: dict[str, str] = {}
        skip, alternatives, patterns = [], [], {}
        terminals = sorted(conf.terminals, key=lambda t: (-t.priority, -t.pattern.max_width, t.name))
        for terminal in terminals:
            pattern = terminal.pattern
            patterns[terminal.name] = pattern.to_regexp()
            if pattern.type == "str" and pattern.value.isalpha():
                # DOT's keywords are all case-insensitive (`"node"i`): an ID token is checked against them.
                self.keywords[pattern.value.lower()] = terminal.name
            elif terminal.name in conf.ignore and terminal.name not in self.callbacks:
                skip.append(pattern.to_regexp())
            else:
                alternatives.append(f"(?P<{terminal.name}>{pattern.to_regexp()})")
        alternatives.append(r"(?P<_END>\Z)")
        # Possessive: no terminal starts with white space, and a greedy `(?:\s+)*` in front of a failing
        # match would try every way of splitting the run of blanks (2^n: 24 blanks took 20 s).
        self.skip = re.compile(f"(?:{'|'.join(skip)})*+")
        self.master = re.compile(f"{self.skip.pattern}(?:{'|'.join(alternatives)})")
        # tokens() finds the terminal by group number, so the grammar's regexps must not capture.
        if self.master.groups != len(alternatives):
            raise ValueError("a terminal of dot.lark uses a capturing group: write (?:...)")
        self.names = _group_names(self.master)
        # Tried before every terminal, where the parser can take a statement; its leading blanks are the
        # skipped ones (no terminal starts with a blank, so a statement or nothing wins, as in one regex).
        self.statement = statement_reader(patterns["ID"], patterns["WHITESPACE"], patterns["COMMENT"], self.keywords)
        self.ignore = frozenset(conf.ignore)
        self.longest_keyword = max(map(len, self.keywords), default=0)

    #: read runs of simple statements as one token (frontends/dot/statements.py); tests turn it off to
    #: check that the grammar, token by token, reads every file the same
    reads_simple_statements = True

    def lex(self, lexer_state, parser_state):
        # The parser's state says where a statement may start: the lexer offers a whole one only there.
        self.parser_state = parser_state
        return super().lex(lexer_state, parser_state)

    def tokens(self, text: str, pos: int, end: int, expected):
        parser_state = self.parser_state
        reads_statements = parser_state is not None and self.reads_simple_statements
        if reads_statements:
            actions, state_stack = parser_state.parse_conf.states, parser_state.state_stack
        match, names, read_statement = self.master.match, self.names, self.statement.match
        keywords, callbacks, ignore = self.keywords, self.callbacks, self.ignore
        longest_keyword = self.longest_keyword
        count, rindex = text.count, text.rindex
        token_of = make_token
        line, line_start = 1, 0
        while True:
            statements = None
            if reads_statements and "SIMPLE_STATEMENTS" in actions[state_stack[-1]]:
                found = read_statement(text, pos, end)
                if found is not None:
                    statements = [found]
                    stop = found.end(1)
                    while len(statements) < RUN_LENGTH:
                        following = read_statement(text, stop, end)
                        if following is None:
                            break
                        statements.append(following)
                        stop = following.end(1)
                    kind = "SIMPLE_STATEMENTS_SEMI" if text[stop - 1] == ";" else "SIMPLE_STATEMENTS"
                    if kind in actions[state_stack[-1]]:
                        start = found.start(1)
                    else:  # not where a statement starts (`a, b -> c`): the plain tokens, as the grammar reads them
                        statements = None
            if statements is None:
                found = match(text, pos, end)
                if found is None:
                    # Past the whitespace, nothing can start here: the lexer's error, with what the parser wanted.
                    start = self.skip.match(text, pos, end).end()
                    newlines = count("\n", pos, start)
                    if newlines:
                        line += newlines
                        line_start = rindex("\n", pos, start) + 1
                    raise UnexpectedCharacters(text, start, line, start - line_start + 1, allowed=expected())
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
            if first == '"' or first == "<" or kind in ignore or kind == "ATTR" or statements is not None:
                newlines = value.count("\n")
                if newlines:
                    line += newlines
                    line_start = rindex("\n", start, pos) + 1
                if kind == "ID":
                    value = quoted_id(value) if first == '"' else value[1:-1]
            elif kind == "ID" and len(value) <= longest_keyword:
                kind = keywords.get(value.lower(), kind)
            if statements is not None:
                token = token_of(kind, value, start, token_line, token_column, line, pos - line_start + 1, pos, StatementRun)
                token.statements = statements
                yield token
                continue
            token = token_of(kind, value, start, token_line, token_column, line, pos - line_start + 1, pos)
            if kind in ignore:
                callbacks[kind](token)
                continue
            yield token


def _group_names(pattern: re.Pattern) -> list[str | None]:
    """Terminal names by group number."""
    names: list[str | None] = [None] * (pattern.groups + 1)
    for name, number in pattern.groupindex.items():
        names[number] = name
    return names
