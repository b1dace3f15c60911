"""The one error every front end raises for input it cannot read: it becomes a finding of the syntax rule."""

from __future__ import annotations


class DesignSyntaxError(Exception):
    """A design file that cannot be read or parsed, with a precise location.

    ``line`` and ``col`` are 1-based positions in the file the user named (for a diagram embedded in
    Markdown, the Markdown file's own line and column), ``source_line`` is that line's text.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int = 1,
        col: int = 1,
        source_line: str | None = None,
        expected: list[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
        self.source_line = source_line
        self.expected = sorted(expected or [])

    def shifted(self, line_offset: int, col_offset: int, source_line: str | None) -> "DesignSyntaxError":
        """The same error, re-anchored into an enclosing file (a fence inside Markdown)."""
        return DesignSyntaxError(
            self.message,
            line=self.line + line_offset,
            col=self.col + col_offset,
            source_line=source_line,
            expected=self.expected,
        )
