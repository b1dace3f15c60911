"""The one place a file that cannot be read is printed outside ``aidlint check``'s report.

``parse``, ``roles`` and ``export`` show it exactly as ``check`` shows the finding (location, rule,
source line, caret, what was expected), on standard error so their own output stays clean.
"""

from __future__ import annotations

import sys
from pathlib import Path

from aidlint.frontends.errors import DesignSyntaxError


def report_unreadable(path: Path | str, error: DesignSyntaxError) -> None:
    from aidlint.reports.text import finding_lines
    from aidlint.rules.runner import syntax_finding

    for line in finding_lines(syntax_finding(str(path), error)):
        print(line, file=sys.stderr)
