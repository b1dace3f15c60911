"""``aidlint check``: find the design files, check each with the rules its configuration selects,
drop what ``per-file-ignores`` switches off, and write the report."""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

from aidlint.usecases import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE


@dataclass
class CheckRequest:
    """What the user asked for; empty or ``None`` means "as the configuration says"."""

    paths: list[str]
    config: str | None = None
    profile: str | None = None
    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
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
    jobs: int | None = None
    """Worker processes; None: every core."""
    input_format: str | None = None
    render_dir: str | None = None
    """Also draw each checked design's gap diagram into this directory."""
    render_format: str = "svg"


class _FileSettings:
    """Everything one configuration decides for the files that use it."""

    def __init__(self, config, request: CheckRequest) -> None:
        from aidlint.frontends import ParseOptions
        from aidlint.frontends.shared import Limits
        from aidlint.rules.runner import DEFAULT_PROFILE, RuleSelection, check_rule_ids
        from aidlint.usecases.project import rule_pack, vocabulary

        self.config = config
        pack = rule_pack(config, request.rules)
        selection = RuleSelection(
            profile=request.profile or config.profile or DEFAULT_PROFILE,
            select=request.select or config.select,
            extend_select=[*config.extend_select, *request.extend_select],
            ignore=request.ignore or config.ignore,
            severity=config.severity,
        )
        self.rules = selection.active(pack)
        for pattern, rule_ids in config.per_file_ignores.items():
            check_rule_ids(pack, rule_ids, f"per-file-ignores[{pattern!r}]", switching_off=True)
        self.vocabulary = vocabulary(config)
        self.options = ParseOptions(
            per_diagram=request.per_diagram or config.per_diagram,
            limits=Limits(max_nodes=config.limits.max_nodes, max_edges=config.limits.max_edges),
            kind=config.kind,
            responses=config.responses,
            models=config.models,
        )
        # A profile given on the command line wins over the one a design names in its header.
        # A bound method with its argument: picklable, so that worker processes (--jobs) can use it.
        self.rules_for_profile = None if request.profile else functools.partial(selection.active, pack)


def check(request: CheckRequest) -> int:
    from aidlint.model import Severity

    drawn: list = []
    result, run_config, rules = run_checks(request, (lambda *checked: drawn.append(checked)) if request.render_dir else None)
    fail_on = Severity(request.fail_on) if request.fail_on else run_config.fail_on
    from aidlint.reports.emit import ReportRequest, emit

    report = ReportRequest(
        request.format, request.output, request.color, request.show_fix,
        request.statistics, request.baseline, request.write_baseline,
    )
    accepted = not emit(result, report, rules)
    if request.render_dir and _draw_pictures(request, drawn, run_config) != EXIT_OK:
        return EXIT_USAGE
    if accepted:
        return EXIT_OK  # only a baseline was written: today's findings are accepted
    failed = any(f.severity.rank >= fail_on.rank for f in result.findings)
    return EXIT_FINDINGS if failed else EXIT_OK


def _draw_pictures(request: CheckRequest, drawn: list, run_config) -> int:
    from aidlint.render.pictures import directory_names
    from aidlint.usecases.project import vocabulary
    from aidlint.usecases.render import draw, per_source

    sources = [design.path for design, _, _ in drawn]
    names = directory_names(sources, Path(request.render_dir), f".{request.render_format}", per_source(sources))
    return draw(drawn, names, vocabulary(run_config))


def run_checks(request: CheckRequest, on_design=None):
    """Check the files ``request`` names, each under the configuration that applies to it: the result,
    the run's configuration and every active rule. ``on_design`` goes to ``check_files``."""
    from aidlint.usecases.project import ConfigResolver
    from aidlint.workspace import CheckResult, collect_files

    resolver = ConfigResolver(request.config)
    run_config = resolver.run_config
    files = collect_files(request.paths, run_config.include, [*run_config.exclude, *request.exclude], request.input_format)
    groups: dict[int, tuple[_FileSettings, list[Path]]] = {}
    for path in files:
        config = resolver.for_file(path)
        if id(config) not in groups:
            groups[id(config)] = (_FileSettings(config, request), [])
        groups[id(config)][1].append(path)
    from aidlint.parallel import available_cores
    from aidlint.reports.progress import terminal_progress

    progress = terminal_progress(len(files))
    jobs = request.jobs or available_cores()
    result = CheckResult()
    try:
        for settings, group in groups.values():
            partial = _check_group(group, settings, request, jobs, progress, len(result.files), on_design)
            partial.findings = _without_per_file_ignores(partial.findings, settings)
            for part in fields(CheckResult):
                getattr(result, part.name).extend(getattr(partial, part.name))
    finally:
        if progress:
            progress.close()
    order = {str(path): index for index, path in enumerate(files)}
    result.files.sort(key=order.__getitem__)
    result.findings.sort(key=lambda finding: finding.sort_key())
    return result, run_config, _every_active_rule(groups.values())


def _check_group(group, settings: _FileSettings, request: CheckRequest, jobs: int, progress, done_before: int, on_design):
    from aidlint.workspace import check_files

    on_file_done = (lambda done: progress(done_before + done)) if progress else None
    return check_files(
        group, settings.rules, settings.vocabulary, settings.options, settings.rules_for_profile, request.input_format,
        jobs=jobs, on_file_done=on_file_done, on_design=on_design,
    )


def _without_per_file_ignores(findings: list, settings: _FileSettings) -> list:
    from aidlint.rules.runner import rule_matches

    if not settings.config.per_file_ignores:
        return findings
    always_on = {active.spec.id for active in settings.rules if active.spec.kind.always_on}
    ignored_by_path: dict[str, list[str]] = {}
    kept = []
    for finding in findings:
        if finding.path not in ignored_by_path:
            ignored_by_path[finding.path] = settings.config.ignored_in(Path(finding.path))
        ignored = ignored_by_path[finding.path]
        if finding.rule_id in always_on or not any(rule_matches(p, finding.rule_id) for p in ignored):
            kept.append(finding)
    return kept


def _every_active_rule(groups) -> list:
    """The rules active for any checked file (each once): what SARIF and JUnit describe."""
    seen: dict[str, object] = {}
    for settings, _ in groups:
        for active in settings.rules:
            seen.setdefault(active.spec.id, active)
    return list(seen.values())


def write_output(report: str, output: str | None, what: str = "the report") -> None:
    """Standard output, or ``output`` written whole (writing.py); ``what`` names it in an error."""
    if output is None:
        sys.stdout.write(report)
        return
    from aidlint.reports.output import write_report

    write_report(report, output, what)
