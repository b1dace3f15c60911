"""The terminal report: one block per finding, as ruff and rustc print them.

    samples/chat.aidl:5:1: SAF001 [error] user input reaches model "Chat LLM" (llm) ...
      |
    5 | llm: model_inference "Chat LLM"
      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      = witness: user -> gw -> llm
      = fix: insert an input safety filter on the edge into the model
          + node input_filter_for_llm: safety_filter "Input safety filter" stage=input
          + edge gw -> input_filter_for_llm
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.text import Text

from aidlint.model import Finding
from aidlint.reports._terminal import visible

_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}


def _caret(finding: Finding, source: str) -> str:
    """Carets under the finding's columns of ``source``, as it is shown (control characters escaped)."""
    start = max(finding.col, 1)
    if finding.end_line == finding.line and finding.end_col and finding.end_col > start:
        width = finding.end_col - start
    else:
        width = 1
    width = max(1, min(width, max(1, len(source) - start + 1)))
    before, marked = visible(source[: start - 1]), visible(source[start - 1 : start - 1 + width])
    return " " * len(before) + "^" * max(1, len(marked))


def finding_lines(finding: Finding, show_fix: bool = True) -> list[Text]:
    style = _SEVERITY_STYLE[finding.severity.value]
    head = Text()
    head.append(f"{visible(finding.path)}:{finding.line}:{finding.col}: ", style="bold")
    head.append(f"{finding.rule_id} ", style=style)
    head.append(f"[{finding.severity.value}] ", style=style)
    head.append(visible(finding.message))
    lines = [head]
    if finding.source_line is not None:
        gutter = " " * len(str(finding.line))
        lines.append(Text(f"{gutter} |", style="blue"))
        source = Text(f"{finding.line} | ", style="blue")
        source.append(visible(finding.source_line.expandtabs(1)))
        lines.append(source)
        caret = Text(f"{gutter} | ", style="blue")
        caret.append(_caret(finding, finding.source_line.expandtabs(1)), style=style)
        lines.append(caret)
    indent = " " * (len(str(finding.line)) + 1)
    if finding.expected:
        lines.append(Text(f"{indent}= expected: {visible(', '.join(finding.expected))}"))
    if finding.witness:
        lines.append(Text(f"{indent}= witness: {visible(' -> '.join(finding.witness))}"))
    if show_fix and finding.fix is not None:
        lines.append(Text(f"{indent}= fix: {visible(finding.fix.description)}"))
        for node in finding.fix.nodes:
            attrs = "".join(f" {k}={v}" for k, v in sorted(node.attrs.items()))
            text = visible(f'{node.id}: {node.role} "{node.label}"{attrs}')
            lines.append(Text(f"{indent}    + node {text}", style="green"))
        for edge in finding.fix.edges:
            label = f' "{edge.label}"' if edge.label else ""
            lines.append(Text(f"{indent}    + edge {visible(f'{edge.source} -> {edge.target}{label}')}", style="green"))
        for source, target in finding.fix.replaces:
            lines.append(Text(f"{indent}    - edge {visible(f'{source} -> {target}')}", style="red"))
    return lines


def summary_line(result) -> Text:
    counts = Counter(f.severity.value for f in result.findings)
    files = len(result.files)
    noun = "file" if files == 1 else "files"
    if not result.findings:
        return Text(f"All checks passed: {files} {noun}, no findings.", style="bold green")
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if counts[s]]
    total = len(result.findings)
    return Text(f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {files} {noun}.", style="bold")


def render(result, *, color: bool = False, show_fix: bool = True, width: int = 120) -> str:
    console = Console(record=True, force_terminal=color, no_color=not color, width=width, soft_wrap=True, file=_Null())
    for finding in result.findings:
        for line in finding_lines(finding, show_fix):
            console.print(line, highlight=False)
        console.print()
    for note in result.notes:
        console.print(Text(f"note: {visible(note)}", style="dim"), highlight=False)
    console.print(summary_line(result), highlight=False)
    return console.export_text(styles=color)


class _Null:
    def write(self, _text: str) -> int:
        return 0

    def flush(self) -> None:
        pass
