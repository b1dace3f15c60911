"""``aidlint check``: find the design files, check each with the active rules, write the report."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from aidlint.usecases import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE


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
    format: str | None = None
    """None: ``github`` inside GitHub Actions, ``text`` elsewhere."""
    color: str = "auto"
    show_fix: bool = True
    output: str | None = None
    statistics: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    input_format: str | None = None
    render_dir: str | None = None
    """Also draw each checked design's gap diagram into this directory."""
    render_format: str = "svg"


def check(request: CheckRequest) -> int:
    from aidlint.model import Severity

    drawn: list = []
    result, config, rules = run_checks(request, (lambda *checked: drawn.append(checked)) if request.render_dir else None)
    fail_on = Severity(request.fail_on) if request.fail_on else config.fail_on
    from aidlint.reports.emit import ReportRequest, emit

    report = ReportRequest(
        request.format, request.output, request.color, request.show_fix,
        request.statistics, request.baseline, request.write_baseline,
    )
    accepted = not emit(result, report, rules)
    if request.render_dir and _draw_pictures(request, drawn, config) != EXIT_OK:
        return EXIT_USAGE
    if accepted:
        return EXIT_OK  # only a baseline was written: today's findings are accepted
    failed = any(f.severity.rank >= fail_on.rank for f in result.findings)
    return EXIT_FINDINGS if failed else EXIT_OK


def _draw_pictures(request: CheckRequest, drawn: list, config) -> int:
    from pathlib import Path

    from aidlint.render.pictures import directory_names
    from aidlint.usecases.project import vocabulary
    from aidlint.usecases.render import draw, per_source

    sources = [design.path for design, _, _ in drawn]
    names = directory_names(sources, Path(request.render_dir), f".{request.render_format}", per_source(sources))
    return draw(drawn, names, vocabulary(config))


def run_checks(request: CheckRequest, on_design=None):
    """Check the files ``request`` names with the rules it and the configuration select: the result,
    the configuration and the rules. ``on_design`` goes to :func:`aidlint.workspace.check_files`."""
    from aidlint.frontends import ParseOptions
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
    return check_files(files, rules, vocabulary(config), options, chooser, request.input_format, on_design), config, rules


def write_output(report: str, output: str | None) -> None:
    """Standard output, or ``output`` written whole (reports/output.py)."""
    if output is None:
        sys.stdout.write(report)
        return
    from aidlint.reports.output import write_report

    write_report(report, output)
