"""GitHub Actions annotations: one workflow command per finding, shown on the pull request's diff.

    ::error file=chat.aidl,line=8,col=1,endLine=8,endColumn=33,title=RULE rule-name::user input ...

Escaping follows GitHub's workflow-command syntax (the runner's ``CommandExtensions``): in the message
``%``, ``\\r`` and ``\\n`` become ``%25``, ``%0D`` and ``%0A``; in a property value ``:`` and ``,`` are
escaped too (``%3A``, ``%2C``), since they separate properties. The summary line is printed after them.
"""

from __future__ import annotations

from aidlint.model import Finding
from aidlint.reports.fingerprint import portable_path
from aidlint.reports.text import summary_text

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    properties = [("file", portable_path(finding.path)), ("line", str(finding.line)), ("col", str(finding.col))]
    if finding.end_line is not None and finding.end_line >= finding.line:
        properties.append(("endLine", str(finding.end_line)))
        if finding.end_col is not None:
            properties.append(("endColumn", str(finding.end_col)))
    properties.append(("title", f"{finding.rule_id} {finding.rule_name}"))
    message = finding.message
    if finding.fix is not None:
        message += f"\nfix: {finding.fix.description}"
    head = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{_COMMAND[finding.severity.value]} {head}::{escape_data(message)}"


def render(result, options=None) -> str:
    lines = [annotation(finding) for finding in result.findings]
    lines.append(summary_text(result))
    return "\n".join(lines) + "\n"
