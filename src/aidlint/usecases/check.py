"""``aidlint check``: find the design files, check each with the active rules, write the report."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from aidlint.usecases import EXIT_FINDINGS, EXIT_OK


@dataclass
class CheckRequest:
    """What the user asked for; ``None`` means "as the configuration says"."""

    paths: list[str]
    config: str | None = None
    profile: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    rules: list[str] = field(default_factory=list)
    per_diagram: bool = False
    exclude: list[str] = field(default_factory=list)
    format: str = "text"
    color: str = "auto"
    show_fix: bool = True
    output: str | None = None
    input_format: str | None = None


def check(request: CheckRequest) -> int:
    from aidlint.frontends import ParseOptions
    from aidlint.model import Severity
    from aidlint.rules.runner import DEFAULT_PROFILE, RuleSelection
    from aidlint.usecases.project import project_config, rule_pack, vocabulary
    from aidlint.workspace import check_files, collect_files

    config = project_config(request.config)
    pack = rule_pack(config, request.rules)
    selection = RuleSelection(
        profile=request.profile or config.profile or DEFAULT_PROFILE,
        select=request.select or config.select,
        ignore=request.ignore or config.ignore,
        severity=config.severity,
    )
    rules = selection.active(pack)

    def rules_for_profile(name: str):
        return selection.active(pack, name)

    files = collect_files(request.paths, config.include, [*config.exclude, *request.exclude], request.input_format)
    options = ParseOptions(per_diagram=request.per_diagram or config.per_diagram)
    # A profile given on the command line wins over the one a design names in its header.
    chooser = None if request.profile else rules_for_profile
    result = check_files(files, rules, vocabulary(config), options, chooser, request.input_format)
    fail_on = Severity(request.fail_on) if request.fail_on else config.fail_on
    write_output(_render(result, request), request.output)
    failed = any(f.severity.rank >= fail_on.rank for f in result.findings)
    return EXIT_FINDINGS if failed else EXIT_OK


def _render(result, request: CheckRequest) -> str:
    if request.format == "json":
        from aidlint.reports.json import render

        return render(result)
    from aidlint.reports.text import render

    color = request.color == "always" or (request.color == "auto" and request.output is None and sys.stdout.isatty())
    return render(result, color=color, show_fix=request.show_fix)


def write_output(report: str, output: str | None) -> None:
    """Standard output, or ``output`` written whole (a temporary file renamed into place)."""
    if output is None:
        sys.stdout.write(report)
        return
    from pathlib import Path

    target = Path(output)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(report, encoding="utf-8")
    temporary.replace(target)  # never leave a half-written report behind
