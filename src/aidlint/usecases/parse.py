"""``aidlint parse``: print the design model one file parses into, with each node's role."""

from __future__ import annotations

import sys
from pathlib import Path

from aidlint.usecases import EXIT_FINDINGS, EXIT_OK


def parse_file(file: str, *, per_diagram: bool = False, input_format: str | None = None) -> int:
    from aidlint.frontends import ParseOptions
    from aidlint.frontends.errors import DesignSyntaxError
    from aidlint.reports.design_json import render
    from aidlint.roles.infer import assign_roles
    from aidlint.usecases.unreadable import report_unreadable
    from aidlint.workspace import UsageError, load_designs

    path = Path(file)
    if not path.exists():
        raise UsageError(f"{file}: no such file")
    try:
        designs, _ = load_designs(path, ParseOptions(per_diagram=per_diagram), input_format)
    except DesignSyntaxError as error:
        report_unreadable(path, error)
        return EXIT_FINDINGS
    sys.stdout.write(render([(design, assign_roles(design)) for design in designs]))
    return EXIT_OK
