"""The DSL's statement records, and simple lines read whole.

The records are what the grammar's rules make of each statement (frontends/dsl.py's Transformer); the
design is built from them. Most of a big ``.aidl`` file is ``a -> b "label"`` and ``id: role "label"``
lines: token by token, such a line costs the LALR parser five or six tokens and as many reductions in Python.
The lexer (frontends/dsl_lexer.py) instead reads a run of them as one token, SIMPLE_LINES (declared in
``grammars/aidl.lark``), where a statement may start, and :class:`LineReader` turns it into the same
statement records the grammar's rules make (``node_decl``, ``edge_chain``) with the same token
positions, so spans and errors do not change.

A line qualifies when it holds one statement and nothing else: no comment (it may carry a suppression),
no ``;``, no brace, no keyword at its start, no quoted attribute key, no label followed by ``=`` (which
the grammar reads as an attribute key). Any other line goes through the grammar token by token; a run
ends before it, so the parser meets it, and any error in it, in the state it would have been in anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lark import Token

from aidlint.frontends.lark_adapter import make_token


@dataclass
class Attribute:
    key: str
    value: str
    end: Token


@dataclass
class NodeStatement:
    id: str
    role: str | None
    label: str | None
    attrs: dict[str, str]
    first: Token
    last: Token


@dataclass
class EdgeStatement:
    ids: list[Token]
    label: str | None
    attrs: dict[str, str]
    last: Token


@dataclass
class GroupStatement:
    id: str
    label: str | None
    attrs: dict[str, str]
    body: list
    first: Token
    last: Token


@dataclass
class HeaderStatement:
    name: str
    attrs: dict[str, str]
    first: Token
    last: Token


@dataclass
class Document:
    statements: list = field(default_factory=list)


def unquote(token: Token) -> str:
    return unquote_text(token.value)


def unquote_text(quoted: str) -> str:
    raw = quoted[1:-1]
    if "\\" not in raw:
        return raw
    out, chars = [], iter(raw)
    for char in chars:
        if char == "\\":
            escaped = next(chars, "")
            out.append({"n": "\n", "t": "\t"}.get(escaped, escaped))
        else:
            out.append(char)
    return "".join(out)


@dataclass
class Patterns:
    """The grammar's own terminals (grammars/aidl.lark), so a simple line lexes as the grammar would."""

    id: str
    string: str
    bare_value: str
    blank: str = r"[ \t\f]"

    @classmethod
    def of(cls, terminals) -> Patterns:
        """From Lark's terminal definitions of the grammar (the lexer's and the parser's are the same)."""
        regexps = {terminal.name: terminal.pattern.to_regexp() for terminal in terminals}
        return cls(regexps["ID"], regexps["STRING"], regexps["BARE_VALUE"])

    @property
    def gap(self) -> str:
        """Blanks between two parts of a line (possessive: a failed match never splits them again)."""
        return f"{self.blank}*+"

    @property
    def name(self) -> str:
        """A node or attribute name: an ID, atomic like the token it stands for, or a quoted string."""
        return f"(?:(?>{self.id})|{self.string})"


def simple_lines(patterns: Patterns, keywords) -> str:
    """The lexer's alternative for a run of simple lines (no capturing groups); the run stops at the end
    of its last line, before the newline, which the parser reads as the statement's separator."""
    gap, name = patterns.gap, patterns.name  # `n1` never gives back its `1` to let a match succeed
    label = f"{patterns.string}(?!{gap}=)"
    value = f"(?:{patterns.string}|{patterns.bare_value})"
    attributes = f"(?:{gap}(?>{patterns.id}){gap}={gap}{value})*+"
    not_keyword = f"(?!(?:{'|'.join(sorted(keywords))})(?![A-Za-z0-9_]))"
    edge = f"{name}(?:{gap}->{gap}{name})++(?:{gap}{label})?+{attributes}"
    node = f"{name}(?:{gap}:{gap}(?>{patterns.id}))?+(?:{gap}{label})?+{attributes}"
    line = f"{not_keyword}(?:{edge}|{node}){gap}(?=\\n|\\Z)"
    return f"(?P<SIMPLE_LINES>{line}(?:(?:\\n{gap})++{line})*+)"


class LineReader:
    """Reads the lines of a SIMPLE_LINES token into statement records."""

    def __init__(self, patterns: Patterns) -> None:
        gap, name = patterns.gap, patterns.name
        self.name = re.compile(name)
        self.id = re.compile(patterns.id)
        self.value = re.compile(f"{patterns.string}|{patterns.bare_value}")
        self.blank = re.compile(gap)
        # The commonest line, read by one match: `a -> b` with an optional label and nothing else.
        self.one_edge = re.compile(f"({name}){gap}->{gap}({name})(?:{gap}({patterns.string}))?+{gap}")

    def read_lines(self, token: Token) -> list:
        # Offsets are within the token's text; `base` turns them into the file's, columns count from 1.
        text, base = token.value, token.start_pos
        one_edge = self.one_edge.fullmatch
        statements = []
        line, line_start, pos, stop = token.line, 1 - token.column, 0, len(text)
        while pos < stop:
            end = text.find("\n", pos)
            end = stop if end < 0 else end
            start = self.blank.match(text, pos, end).end()
            if start >= end:  # a line of blanks only lies between two statements
                pass
            elif (edge := one_edge(text, start, end)) is not None:
                column = 1 - line_start
                ids = []
                for first, after in edge.regs[1:3]:
                    raw = text[first:after]
                    value = unquote_text(raw) if raw[0] == '"' else raw
                    ids.append(make_token("NAME", value, base + first, line, first + column, line, after + column, base + after))
                first, after = edge.regs[3]
                if first < 0:
                    statements.append(EdgeStatement(ids, None, {}, ids[1]))
                else:
                    raw = text[first:after]
                    last = make_token("STRING", raw, base + first, line, first + column, line, after + column, base + after)
                    statements.append(EdgeStatement(ids, unquote_text(raw), {}, last))
            else:
                statements.append(self._line(text, start, end, line, line_start, base))
            pos = end + 1
            line, line_start = line + 1, pos
        return statements

    def _line(self, text: str, pos: int, end: int, line: int, line_start: int, base: int):
        name_match, skip = self.name.match, self.blank.match

        def token(kind: str, start: int, stop: int, value: str) -> Token:
            return make_token(kind, value, base + start, line, start - line_start + 1, line, stop - line_start + 1, base + stop)

        def name_at(at: int) -> tuple[Token, int]:
            found = name_match(text, at, end)
            start, stop = found.span()
            raw = text[start:stop]
            return token("NAME", start, stop, unquote_text(raw) if raw[0] == '"' else raw), skip(text, stop, end).end()

        first, pos = name_at(pos)
        last = first
        ids = None
        role = None
        if text.startswith("->", pos):
            ids = [first]
            while text.startswith("->", pos):
                last, pos = name_at(skip(text, pos + 2, end).end())
                ids.append(last)
        elif text.startswith(":", pos):
            found = self.id.match(text, skip(text, pos + 1, end).end(), end)
            last = token("ID", found.start(), found.end(), found.group())
            role, pos = last.value, skip(text, found.end(), end).end()
        label = None
        if pos < end and text[pos] == '"':
            found = name_match(text, pos, end)
            last = token("STRING", found.start(), found.end(), found.group())
            label, pos = unquote_text(last.value), skip(text, found.end(), end).end()
        attrs: dict[str, str] = {}
        while pos < end:
            key = self.id.match(text, pos, end)
            found = self.value.match(text, skip(text, skip(text, key.end(), end).end() + 1, end).end(), end)
            last = token("STRING" if found.group()[0] == '"' else "BARE_VALUE", found.start(), found.end(), found.group())
            attrs[key.group()] = unquote_text(last.value) if last.type == "STRING" else last.value
            pos = skip(text, found.end(), end).end()
        if ids is not None:
            return EdgeStatement(ids, label, attrs, last)
        return NodeStatement(first.value, role, label, attrs, first, last)
