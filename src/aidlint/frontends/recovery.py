"""Reading on past the commonest slip of hand-written flowcharts: a parenthesis in an unquoted label.

``A[Client (React)]``, ``-->|No (retry)|`` and ``subgraph S[Layer (Node.js)]``: Mermaid reads ``(`` as
the start of a shape there and rejects the line, so GitHub draws nothing (docs/formats/mermaid.md,
"Parentheses in unquoted labels"). The front end stays as strict as Mermaid and raises; ``aidlint check``
keeps that syntax finding and also reads the design as if such labels were quoted, so that one character
does not hide the rest of the review.

The repair swaps the ``(`` Mermaid stopped at, and the ``)`` that closes it on the same line, for
full-width parentheses: the text keeps every character's place (spans stay right), the lexer reads them as
label text, and the labels get their ASCII parentheses back once the design is built.
"""

from __future__ import annotations

from aidlint.frontends import ParseOptions, parse_text
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.model import Design

#: Stand-ins the lexer reads as label text; a file that already holds one is not repaired.
_OPEN, _CLOSE = "\uff08", "\uff09"
#: Repairs tried before giving up: each is one parse of the whole file.
MAX_REPAIRS = 32
_FORMATS = frozenset({"mermaid", "markdown"})
#: Where a label's text starts, and what would have closed it: a node shape's ``[``, ``(`` or ``{``, an
#: edge's ``|text|``.
_LABEL_OPENERS = {"[": "]", "(": ")", "|": "|", "{": "}"}


def reread_with_quoted_parentheses(
    text: str, fmt: str, path: str, options: ParseOptions, error: DesignSyntaxError
) -> list[Design] | None:
    """The designs read as if every label Mermaid stopped at an unquoted ``(`` were quoted, or None when
    the error is another one (or a repair does not lead to a file that parses)."""
    if fmt not in _FORMATS or _OPEN in text or _CLOSE in text:
        return None
    lines = text.split("\n")
    for _ in range(MAX_REPAIRS):
        if error.message != "unexpected '('" or not _quote_at(lines, error.line, error.col):
            return None
        try:
            designs = parse_text("\n".join(lines), fmt, path, options)
        except DesignSyntaxError as next_error:
            error = next_error
            continue
        for design in designs:
            _restore(design)
        return designs
    return None


def _quote_at(lines: list[str], line: int, col: int) -> bool:
    """Swap the ``(`` at (line, col) and its closing ``)`` for stand-ins, when that ``(`` stands inside a
    label's text (after ``[``, ``(``, ``|`` or ``{`` not yet closed on its line)."""
    if not 0 < line <= len(lines):
        return False
    row, at = lines[line - 1], col - 1
    if not 0 <= at < len(row) or row[at] != "(":
        return False
    before = row[:at]
    opener = max(before.rfind(mark) for mark in _LABEL_OPENERS)
    if opener < 0 or _LABEL_OPENERS[before[opener]] in before[opener + 1 :]:
        return False
    depth = 0
    for end in range(at + 1, len(row)):
        if row[end] == "(":
            depth += 1
        elif row[end] == ")":
            if depth == 0:
                lines[line - 1] = f"{row[:at]}{_OPEN}{row[at + 1 : end]}{_CLOSE}{row[end + 1 :]}"
                return True
            depth -= 1
    return False


def _restore(design: Design) -> None:
    for item in (*design.nodes, *design.edges, *design.groups):
        if item.label and (_OPEN in item.label or _CLOSE in item.label):
            item.label = item.label.replace(_OPEN, "(").replace(_CLOSE, ")")
