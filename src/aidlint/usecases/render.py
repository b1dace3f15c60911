"""``aidlint render``: check the files, then draw each design's gap diagram (render/pictures.py).

Exit codes: 0 every picture drawn, 1 a file could not be read (its syntax finding, on standard error; the others
are still drawn), 2 a usage error or a picture Graphviz could not lay out (its DOT and Mermaid are
written instead, and the message names them).
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aidlint.usecases import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from aidlint.usecases.check import CheckRequest

#: What ``-o``'s extension may be, by format name (render/__init__.py maps extensions to writers).
PICTURE_FORMATS = ("svg", "png", "html", "dot", "mmd", "md")
#: A day: longer than any layout should take, and finite (``inf`` cannot time a child process).
MAX_TIMEOUT = 86_400.0


@dataclass
class RenderRequest:
    checks: "CheckRequest"
    """Which files to check, and with which rules (its report options are not used)."""
    output: str
    """The picture's path; its extension picks the format (``PICTURE_FORMATS``)."""
    timeout: float = 60.0


def render(request: RenderRequest) -> int:
    from aidlint.render.pictures import output_format, picture_names
    from aidlint.reports.visible import visible
    from aidlint.usecases.unreadable import is_unreadable, show_unreadable
    from aidlint.usecases.check import run_checks
    from aidlint.usecases.project import vocabulary
    from aidlint.workspace import UsageError

    out = Path(request.output)
    if output_format(out) is None:
        raise UsageError(f"{request.output}: the picture's extension picks its format: " + ", ".join(f".{f}" for f in PICTURE_FORMATS))
    if not 0 < request.timeout < MAX_TIMEOUT:
        raise UsageError(f"--timeout must be a positive number of seconds, under {MAX_TIMEOUT:,.0f}")
    drawn: list = []
    result, config, _ = run_checks(request.checks, lambda *checked: drawn.append(checked))
    unreadable = [finding for finding in result.findings if is_unreadable(finding)]
    for finding in unreadable:
        show_unreadable(finding)
    for note in result.notes:  # a document with no diagram in it, say: nothing to draw there
        print(f"note: {visible(note)}", file=sys.stderr)
    sources = [design.path for design, _, _ in drawn]
    status = draw(drawn, picture_names(sources, out, per_source(sources)), vocabulary(config), request.timeout)
    if status != EXIT_OK:
        return status
    return EXIT_FINDINGS if unreadable else EXIT_OK


def per_source(sources: list[str]) -> dict[str, int]:
    """How many designs each source file holds (a file with several gets numbered pictures)."""
    return Counter(sources)


def draw(drawn, names, vocabulary, timeout: float = 60.0) -> int:
    """Draw the pictures; 2 when one could not be drawn (the message names what was written instead)."""
    from aidlint.render.pictures import draw_all

    report = draw_all(drawn, names, vocabulary, timeout)
    for note in report.notes:
        print(f"aidlint: {note}", file=sys.stderr)
    for failure in report.failures:
        print(f"aidlint: error: {failure}", file=sys.stderr)
    return EXIT_USAGE if report.failures else EXIT_OK
