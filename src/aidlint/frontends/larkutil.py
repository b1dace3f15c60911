"""Shared Lark plumbing: build each grammar's parser once, turn Lark's errors into syntax findings."""

from __future__ import annotations

from typing import Any

from lark import Lark
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.shared import line_of
from aidlint.resources import grammar_text


def lalr_parser(grammar_file: str, **options: Any) -> Lark:
    """An LALR parser for ``grammars/<grammar_file>``; options are passed to :class:`Lark`.

    Building the LALR tables costs a few hundred milliseconds, which pre-commit would pay on every
    commit, so Lark caches them on disk (keyed by the grammar and options; a stale or unreadable cache
    is rebuilt) and each front end keeps its parser in a ``functools.cache``.
    """
    return Lark(grammar_text(grammar_file), parser="lalr", cache=_cache_file(grammar_file), **options)


def _cache_file(grammar_file: str) -> str | bool:
    import hashlib

    from aidlint import __version__
    from aidlint.startup_cache import cache_directory

    digest = hashlib.sha256(grammar_text(grammar_file).encode()).hexdigest()[:16]
    directory = cache_directory()  # the one per-user directory of cached set-up, or None
    if directory is None:
        return False
    return str(directory / f"{grammar_file}-{__version__}-{digest}.cache")


class CommentCollector:
    """Lark calls this for every ignored COMMENT token; a front end's parse() swaps in a fresh list."""

    def __init__(self) -> None:
        self.tokens: list = []

    def __call__(self, token) -> None:
        self.tokens.append(token)


def end_of_text(text: str) -> tuple[int, int]:
    """Line and column just past the last character, ignoring one final newline: where "unexpected
    end of file" points."""
    lines = text.split("\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
    return len(lines), len(lines[-1]) + 1


def describe_terminal(parser: Lark, name: str, friendly: dict[str, str]) -> str:
    """A terminal as a user would write it: ``'->'`` rather than ``ARROW``."""
    if name in friendly:
        return friendly[name]
    if name == "$END":
        return "end of file"
    try:
        pattern = parser.get_terminal(name).pattern
    except KeyError:
        return name.lower()
    if pattern.type == "str":
        return repr(pattern.value)
    return name.lower().replace("_", " ")


def syntax_error_from_lark(
    error: UnexpectedInput, text: str, parser: Lark, friendly: dict[str, str] | None = None
) -> DesignSyntaxError:
    friendly = friendly or {}
    if isinstance(error, UnexpectedCharacters):
        expected = error.allowed or set()
        line, col = error.line, error.column
        bad = text[error.pos_in_stream] if error.pos_in_stream < len(text) else ""
        if bad in "\"'":
            message = f"unterminated string: the {bad} opened here is not closed on this line"
        else:
            message = f"unexpected character {bad!r}"
    elif isinstance(error, UnexpectedToken):
        expected = error.accepts or error.expected
        token = error.token
        if token.type == "$END":
            line, col = end_of_text(text)
            message = "unexpected end of file"
        else:
            line, col = token.line, token.column
            message = "unexpected end of line" if not token.value.strip() else f"unexpected {token.value!r}"
    elif isinstance(error, UnexpectedEOF):
        expected = set(error.expected)
        line, col = end_of_text(text)
        message = "unexpected end of file"
    else:  # pragma: no cover - Lark has no other UnexpectedInput
        expected, line, col, message = set(), 1, 1, str(error)
    described = sorted({describe_terminal(parser, name, friendly) for name in expected})
    return DesignSyntaxError(
        message,
        line=line,
        col=col,
        source_line=line_of(text, line),
        expected=described,
    )
