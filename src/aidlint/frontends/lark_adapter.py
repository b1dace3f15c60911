"""The only place aidlint reaches past Lark's documented API, each time for speed or for a better error.

Everything else uses Lark's extension points: a custom lexer class, ``lexer_callbacks`` and inline
Transformers. What is here depends on Lark internals that have stayed put from 1.1.9 to 1.3
(pyproject bounds Lark to ``>=1.1.9,<2``); ``tests/frontends/test_lark_adapter.py`` runs it on the oldest
and the newest allowed version.
"""

from __future__ import annotations

from lark import Lark, Token
from lark.lexer import Lexer

_new_str = str.__new__


class StreamLexer(Lexer):
    """A custom lexer that also sees the parser's state, to say which terminals it would accept.

    Subclasses implement ``tokens(text, start, end, expected)``; ``expected()`` returns the names of the
    terminals the parser accepts at this point (for the "expected ..." of a lexer error).
    """

    # Lark's interface 2 passes (lexer_state, parser_state); 1.1.x calls it with the same arguments.
    __future_interface__ = 2

    def lex(self, lexer_state, parser_state):
        source = lexer_state.text
        if isinstance(source, str):  # Lark before 1.2 hands over the text itself, later a TextSlice
            text, start, end = source, 0, len(source)
        else:
            text, start, end = source.text, source.start, source.end

        def expected() -> set[str]:
            if parser_state is None:
                return set()
            return {name for name in parser_state.parse_conf.states[parser_state.position] if name.isupper()}

        return self.tokens(text, start, end, expected)

    def tokens(self, text: str, start: int, end: int, expected):  # pragma: no cover - abstract
        raise NotImplementedError


def make_token(
    kind: str, value: str, start: int, line: int, column: int, end_line: int, end_column: int, end: int, cls=Token
) -> Token:
    """A Token (or a subclass ``cls``) with every position set, without Token's keyword-argument
    constructor (a third of the lexer's time on big files)."""
    token = _new_str(cls, value)
    token.type = kind
    token.value = value
    token.start_pos = start
    token.line = line
    token.column = column
    token.end_line = end_line
    token.end_column = end_column
    token.end_pos = end
    return token


def plain_rule_names(parser: Lark) -> None:
    """Lark names rules with Token objects while its parse table is keyed by plain strings, so every
    reduction's table lookup runs Token.__eq__; plain names (equal, same hash) skip it."""
    for rule in parser.rules:
        rule.origin.name = str(rule.origin.name)


def declared_terminal_callbacks(parser: Lark, transformer, names) -> None:
    """Lark calls an inline Transformer's method named after a terminal when it shifts that terminal,
    but only for terminals with a pattern; a ``%declare``d one, which a custom lexer makes, gets its
    method here (Lark's callback table is shared with its LALR parser)."""
    for name in names:
        parser._callbacks[name] = getattr(transformer, name)
