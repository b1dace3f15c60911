"""The DSL's lexer: the terminals of ``grammars/aidl.lark`` in one regex, with the grammar's two contexts.

Lark's contextual lexer costs about half of a big file's parse (a second regex match for every run of
blanks, a lexer state per parser state); this one does what the DOT lexer does (frontends/dot/lexer.py):
blanks are folded into the next token's match and lines are counted only at newline tokens. The
grammar's contexts are kept by hand:

- after ``=`` comes a value: a quoted string or a bare word (``BARE_VALUE``, which elsewhere would
  swallow names and arrows);
- ``design`` and ``group`` are keywords where the parser accepts them (a statement's start) and names
  elsewhere (``a -> design``); a name that only begins like one (``designer``, ``group_a``) is a name.
"""

from __future__ import annotations

import re

from lark.exceptions import UnexpectedCharacters

from aidlint.frontends.dsl_statements import Patterns, simple_lines
from aidlint.frontends.lark_adapter import StreamLexer, make_token

#: Terminals only read after '=' (grammars/aidl.lark, ``attribute``).
VALUE_TERMINALS = ("STRING", "BARE_VALUE")
#: The token for a run of simple lines (``%declare``d in grammars/aidl.lark, frontends/dsl_statements.py).
SIMPLE_LINES = "SIMPLE_LINES"
#: The keywords' terminals: an ID token with this text becomes one where the parser accepts it.
KEYWORDS = {"design": "DESIGN", "group": "GROUP"}


def _alternation(terminals: list, skip: str) -> tuple[re.Pattern, list]:
    pattern = re.compile(f"{skip}(?:{'|'.join(f'(?P<{t.name}>{t.pattern.to_regexp()})' for t in terminals)}|(?P<_END>\\Z))")
    # The token's kind is found by group number, so the grammar's regexps must not capture.
    if pattern.groups != len(terminals) + 1:
        raise ValueError("a terminal of aidl.lark uses a capturing group: write (?:...)")
    return pattern, [None, *(name for name, _ in sorted(pattern.groupindex.items(), key=lambda item: item[1]))]


class DslLexer(StreamLexer):
    #: read runs of simple lines as one token (frontends/dsl_statements.py); tests turn it off to
    #: compare with the grammar reading the same text token by token
    reads_simple_lines = True

    def __init__(self, conf) -> None:
        self.callbacks = dict(conf.callbacks)
        self.keywords = KEYWORDS
        skip, terminals, values = [], [], []
        for terminal in sorted(conf.terminals, key=lambda t: (-t.priority, -t.pattern.max_width, t.name)):
            pattern = terminal.pattern
            if terminal.name in KEYWORDS.values():
                continue
            if terminal.name in conf.ignore and terminal.name not in self.callbacks:
                skip.append(pattern.to_regexp())
            else:
                if pattern.type == "str" and pattern.value == "=":
                    self.equals = terminal.name
                if terminal.name in VALUE_TERMINALS:
                    values.append(terminal)
                if terminal.name != "BARE_VALUE":
                    terminals.append(terminal)
        # Possessive: no terminal starts with a blank, and a greedy `(?:[ \t]+)*` in front of a failing
        # match would try every way of splitting a run of blanks (2^n: 24 blanks took 7 s).
        self.skip = re.compile(f"(?:{'|'.join(skip)})*+")
        self.master, self.names = _alternation(terminals, self.skip.pattern)
        self.value, self.value_names = _alternation(values, self.skip.pattern)
        self.ignore = frozenset(conf.ignore)
        self.lines = re.compile(self.skip.pattern + simple_lines(Patterns.of(conf.terminals), KEYWORDS))

    def tokens(self, text: str, pos: int, end: int, expected):
        master, value_match = self.master.match, self.value.match
        keywords, callbacks, ignore, equals = self.keywords, self.callbacks, self.ignore, self.equals
        token_of = make_token
        lines_match = self.lines.match
        line, line_start = 1, 0
        after_equals = False
        reads_simple_lines = at_statement_start = self.reads_simple_lines
        while True:
            found, names = None, self.names
            if at_statement_start and (run := lines_match(text, pos, end)) is not None and SIMPLE_LINES in expected():
                # A run of simple lines, one token (frontends/dsl_statements.py).
                start, pos = run.span(SIMPLE_LINES)
                newlines = text.count("\n", start, pos)
                token = token_of(SIMPLE_LINES, text[start:pos], start, line, start - line_start + 1, line + newlines, 0, pos)
                if newlines:
                    line += newlines
                    line_start = text.rindex("\n", start, pos) + 1
                token.end_column = pos - line_start + 1
                at_statement_start = after_equals = False
                yield token
                continue
            if after_equals:
                found, names = value_match(text, pos, end), self.value_names
            if found is None:
                found, names = master(text, pos, end), self.names
            if found is None:
                # Past the blanks, nothing can start here: the lexer's error, with what the parser wanted.
                start = self.skip.match(text, pos, end).end()
                raise UnexpectedCharacters(text, start, line, start - line_start + 1, allowed=expected())
            kind = names[found.lastindex]
            if kind == "_END":
                return
            start, pos = found.span(found.lastindex)
            value = text[start:pos]
            if kind == "ID" and value in keywords and keywords[value] in expected():
                kind = keywords[value]
            token = token_of(kind, value, start, line, start - line_start + 1, line, pos - line_start + 1, pos)
            if kind == "_NL":
                line += 1
                line_start = pos
                token.end_line, token.end_column = line, 1
            if kind in ignore:
                callbacks[kind](token)
                continue
            after_equals = kind == equals
            at_statement_start = reads_simple_lines and (kind == "_NL" or value in (";", "{"))
            yield token
