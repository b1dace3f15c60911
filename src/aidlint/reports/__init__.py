"""Reports: render a :class:`aidlint.workspace.CheckResult` for people or for machines.

Each output format is one module of this package with one function,
``render(result: CheckResult, options: ReportOptions) -> str``, and one entry in :data:`FORMATS`.
The CLI's ``--format`` choices, its help and docs/ci.md's format table all come from this registry, so a
new format is its module plus one line here (docs/architecture.md, "Adding an output format").
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # the registry is read at start-up: it must not import the model or the rules
    from aidlint.rules.spec import RuleSpec
    from aidlint.workspace import CheckResult


@dataclass(frozen=True)
class OutputFormat:
    name: str
    module: str
    summary: str
    for_people: bool
    """True when the report already ends with the summary line, so nothing is added on the terminal."""


@dataclass(frozen=True)
class ReportOptions:
    color: bool = False
    show_fix: bool = True
    rules: tuple["RuleSpec", ...] = ()
    """The rules that ran (SARIF describes each of them; JUnit has a test case per design and rule)."""
    severities: dict[str, str] = field(default_factory=dict)
    """Each running rule's effective severity, by rule ID."""


FORMATS: dict[str, OutputFormat] = {
    entry.name: entry
    for entry in (
        OutputFormat("text", "aidlint.reports.text", "findings with source, caret, witness and fix, for a terminal", True),
        OutputFormat("concise", "aidlint.reports.concise", "one line per finding: path:line:col: RULE message", True),
        OutputFormat("json", "aidlint.reports.json", "every finding with a stable fingerprint, and a summary", False),
        OutputFormat("sarif", "aidlint.reports.sarif", "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers", False),
        OutputFormat("github", "aidlint.reports.github", "GitHub Actions workflow-command annotations", True),
        OutputFormat("junit", "aidlint.reports.junit", "JUnit XML: one test case per design and rule", False),
        OutputFormat("gitlab", "aidlint.reports.gitlab", "GitLab Code Quality JSON", False),
    )
}


def renderer(name: str) -> Callable[["CheckResult", ReportOptions], str]:
    return importlib.import_module(FORMATS[name].module).render
