"""The one place a file that cannot be read is printed outside ``aidlint check``'s report.

``parse``, ``roles``, ``export`` and ``render`` show it exactly as ``check`` shows the finding (location, rule,
source line, caret, what was expected), on standard error so their own output stays clean.
"""

from __future__ import annotations

import sys
from pathlib import Path

from aidlint.frontends.errors import DesignSyntaxError


def report_unreadable(path: Path | str, error: DesignSyntaxError) -> None:
    from aidlint.rules.runner import syntax_finding

    show_unreadable(syntax_finding(str(path), error))


def is_unreadable(finding) -> bool:
    """Whether ``finding`` says its file could not be read (the rule of the ``syntax`` kind)."""
    from aidlint.rules.runner import syntax_rule

    return finding.rule_id == syntax_rule().id


def show_unreadable(finding) -> None:
    from aidlint.reports.text import finding_lines

    for line in finding_lines(finding):
        print(line, file=sys.stderr)
