"""The terminal report: one block per finding, as ruff and rustc print them.

    chat.aidl:5:1: RULE [error] user input reaches model "Chat LLM" (llm) ...
      |
    5 | llm: model_inference "Chat LLM"
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      = witness: user -> gw -> llm
      = fix: insert an input safety filter on the edge into the model
          + node input_filter_for_llm: safety_filter "Input safety filter" stage=input
          + edge gw -> input_filter_for_llm

The report is built as one string in one pass: a check with thousands of findings spends its time
checking, not printing. Colour is a few ANSI codes added around parts of a line, never a layout engine.
"""

from __future__ import annotations

from collections import Counter

from aidlint.model import Finding
from aidlint.reports.visible import visible

_RESET = "\x1b[0m"
_STYLE = {
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "info": "\x1b[1;34m",
    "gutter": "\x1b[34m",
    "added": "\x1b[32m",
    "removed": "\x1b[31m",
    "passed": "\x1b[1;32m",
}


class _Paint:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, style: str) -> str:
        return f"{_STYLE[style]}{text}{_RESET}" if self.color and text else text


def _caret(finding: Finding, source: str) -> str:
    """Carets under the finding's columns of the raw ``source`` line, as it is shown (escaped)."""
    start = max(finding.col, 1)
    if finding.end_line == finding.line and finding.end_col and finding.end_col > start:
        width = finding.end_col - start
    else:
        width = 1
    width = max(1, min(width, max(1, len(source) - start + 1)))
    before, marked = visible(source[: start - 1]), visible(source[start - 1 : start - 1 + width])
    return " " * len(before) + "^" * max(1, len(marked))


def finding_lines(finding: Finding, show_fix: bool = True, color: bool = False) -> list[str]:
    paint = _Paint(color)
    severity = finding.severity.value
    lines = [
        paint(f"{visible(finding.path)}:{finding.line}:{finding.col}:", "bold")
        + " "
        + paint(f"{finding.rule_id} [{severity}]", severity)
        + " "
        + visible(finding.message)
    ]
    indent = " " * (len(str(finding.line)) + 1)
    if finding.source_line is not None:
        gutter = " " * len(str(finding.line))
        raw = finding.source_line.expandtabs(1)
        lines.append(paint(f"{gutter} |", "gutter"))
        lines.append(paint(f"{finding.line} |", "gutter") + f" {visible(raw)}".rstrip())
        lines.append(paint(f"{gutter} |", "gutter") + " " + paint(_caret(finding, raw), severity))
    if finding.expected:
        lines.append(f"{indent}= expected: {visible(', '.join(finding.expected))}")
    if finding.witness:
        lines.append(f"{indent}= witness: {visible(' -> '.join(finding.witness))}")
    if show_fix and finding.fix is not None:
        fix = finding.fix
        lines.append(f"{indent}= fix: {visible(fix.description)}")
        for node in fix.nodes:
            attrs = "".join(f" {k}={v}" for k, v in sorted(node.attrs.items()))
            lines.append(paint(visible(f'{indent}    + node {node.id}: {node.role} "{node.label}"{attrs}'), "added"))
        for edge in fix.edges:
            label = f' "{edge.label}"' if edge.label else ""
            lines.append(paint(visible(f"{indent}    + edge {edge.source} -> {edge.target}{label}"), "added"))
        for source_id, target_id in fix.replaces:
            lines.append(paint(visible(f"{indent}    - edge {source_id} -> {target_id}"), "removed"))
    return lines


def summary_text(result) -> str:
    counts = Counter(f.severity.value for f in result.findings)
    files = len(result.files)
    noun = "file" if files == 1 else "files"
    if not result.findings:
        return f"All checks passed: {files} {noun}, no findings."
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if counts[s]]
    total = len(result.findings)
    return f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {files} {noun}."


def summary_line(result, color: bool = False) -> str:
    return _Paint(color)(summary_text(result), "bold" if result.findings else "passed")


def render(result, options=None) -> str:
    color = bool(options and options.color)
    show_fix = options.show_fix if options else True
    out: list[str] = []
    for finding in result.findings:
        out.extend(finding_lines(finding, show_fix, color))
        out.append("")
    paint = _Paint(color)
    out.extend(paint(f"note: {visible(note)}", "dim") for note in result.notes)
    out.append(summary_line(result, color))
    return "\n".join(out) + "\n"
