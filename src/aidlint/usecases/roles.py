"""``aidlint roles``: each node's role and why, the taxonomy, or a coverage report over many files."""

from __future__ import annotations

import sys

from aidlint.usecases import EXIT_FINDINGS, EXIT_OK


def show_roles(
    paths: list[str], *, taxonomy: bool = False, coverage: bool = False, config: str | None = None, color: str = "never"
) -> int:
    from aidlint.frontends import ParseOptions
    from aidlint.frontends.errors import DesignSyntaxError
    from aidlint.model import ROLES
    from aidlint.reports.roles import RoleCoverage, role_listing
    from aidlint.roles.families import classify_models
    from aidlint.roles.assignment import for_the_rules
    from aidlint.roles.infer import assign_roles
    from aidlint.roles.kinds import classify_design
    from aidlint.usecases.project import project_config, vocabulary
    from aidlint.usecases.unreadable import report_unreadable
    from aidlint.workspace import UsageError, collect_files, load_designs

    if taxonomy:
        sys.stdout.write("".join(f"{role}\n" for role in ROLES))
        return EXIT_OK
    if not paths:
        raise UsageError("roles: name at least one FILE, or use --list")
    settings = project_config(config)
    words = vocabulary(settings)
    options = ParseOptions(kind=settings.kind, responses=settings.responses, models=settings.models)
    colored = color == "always" or (color == "auto" and sys.stdout.isatty())
    status = EXIT_OK
    report = RoleCoverage()
    for path in collect_files(paths):
        try:
            designs, _ = load_designs(path, options)
        except DesignSyntaxError as error:
            report_unreadable(path, error)
            status = EXIT_FINDINGS
            continue
        for design in designs:
            roles = assign_roles(design, words)
            report.add(design, roles)
            if not coverage:
                checked = for_the_rules(roles)  # the kind and family the checks use
                kind, family = classify_design(design, checked, words), classify_models(design, checked, words)
                sys.stdout.write(role_listing(design, roles, colored, (kind, family)))
    if coverage:
        sys.stdout.write(report.render())
    return status
