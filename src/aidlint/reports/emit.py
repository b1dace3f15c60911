"""From a finished check to what the user sees: the format, the baseline, the file and the terminal.

The CLI makes one call here after checking. Machine formats keep standard output clean: when one is
printed there, the statistics go to standard error instead.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from aidlint.reports import FORMATS, ReportOptions, renderer
from aidlint.reports.output import statistics_text, write_report


@dataclass(frozen=True)
class ReportRequest:
    format: str | None = None
    """None: ``github`` inside GitHub Actions, ``text`` elsewhere."""
    output: str | None = None
    color: str = "auto"
    show_fix: bool = True
    statistics: bool = False
    baseline: str | None = None
    write_baseline: str | None = None


def chosen_format(requested: str | None) -> str:
    if requested is not None:
        return requested
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def emit(result, request: ReportRequest, active_rules) -> bool:
    """Report ``result``; returns False when it only wrote a baseline (the run then passes)."""
    from aidlint.reports.baseline import apply_baseline, fixed_note, load_baseline, write_baseline
    from aidlint.reports.fingerprint import assign_fingerprints
    from aidlint.reports.text import summary_text

    assign_fingerprints(result.findings)
    if request.write_baseline:
        write_baseline(result.findings, request.write_baseline)
        count = len(result.findings)
        sys.stdout.write(f"Wrote {count} finding{'s' if count != 1 else ''} to the baseline {request.write_baseline}.\n")
        return False
    terminal_notes = []
    if request.baseline:
        result.findings, fixed = apply_baseline(result.findings, load_baseline(request.baseline))
        terminal_notes = [fixed_note(entry, request.baseline) for entry in fixed]
        result.notes.extend(terminal_notes)

    name = chosen_format(request.format)
    to_terminal = request.output is None
    color = request.color == "always" or (request.color == "auto" and to_terminal and sys.stdout.isatty())
    options = ReportOptions(
        color=color,
        show_fix=request.show_fix,
        rules=tuple(active.spec for active in active_rules),
        severities={active.spec.id: active.severity.value for active in active_rules},
    )
    report = renderer(name)(result, options)
    statistics = statistics_text(result.findings) if request.statistics else ""
    if to_terminal:
        sys.stdout.write(report)
        if statistics:
            (sys.stdout if FORMATS[name].for_people else sys.stderr).write(statistics)
    else:
        write_report(report, request.output)
        sys.stdout.write("".join(f"note: {note}\n" for note in terminal_notes) + statistics + summary_text(result) + "\n")
    return True
