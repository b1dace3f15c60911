"""Writing a report to a file, and the short lines the terminal gets alongside it."""

from __future__ import annotations

from collections import Counter

from aidlint.model import Finding
from aidlint.writing import OutputError, write_whole

__all__ = ["OutputError", "statistics_text", "write_report"]


def write_report(text: str, output: str, what: str = "the report") -> None:
    """Write ``text`` to ``output`` whole or not at all (a newline is written as it is, on every platform)."""
    write_whole(output, text.encode("utf-8"), what)


def statistics_text(findings: list[Finding]) -> str:
    """Findings per rule, most frequent first: ``    3  RULE    rule-name``."""
    counts = Counter((f.rule_id, f.rule_name) for f in findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(count)) for _, count in rows), default=1)
    return "".join(f"{count:>{width}}  {rule_id:<7} {name}\n" for (rule_id, name), count in rows)
