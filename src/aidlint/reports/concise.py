"""One line per finding, ``path:line:col: RULE message``, for grep, editors' quickfix lists and diffs."""

from __future__ import annotations

from aidlint.model import Finding
from aidlint.reports.text import summary_text
from aidlint.reports.visible import visible


def finding_line(finding: Finding) -> str:
    return f"{visible(finding.path)}:{finding.line}:{finding.col}: {finding.rule_id} {visible(finding.message)}"


def render(result, options=None) -> str:
    lines = [finding_line(finding) for finding in result.findings]
    lines.append(summary_text(result))
    return "\n".join(lines) + "\n"
