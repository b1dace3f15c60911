"""``aidlint export``: write a design in another format (its writer is chosen from export.WRITERS)."""

from __future__ import annotations

from pathlib import Path

from aidlint.usecases import EXIT_FINDINGS, EXIT_OK


def export_file(file: str, *, to: str, output: str | None = None) -> int:
    import importlib

    from aidlint.export import WRITERS
    from aidlint.frontends import ParseOptions
    from aidlint.frontends.errors import DesignSyntaxError
    from aidlint.usecases.check import write_output
    from aidlint.usecases.unreadable import report_unreadable
    from aidlint.workspace import UsageError, load_designs

    path = Path(file)
    if not path.exists():
        raise UsageError(f"{file}: no such file")
    try:
        designs, _ = load_designs(path, ParseOptions())
    except DesignSyntaxError as error:
        report_unreadable(path, error)
        return EXIT_FINDINGS
    writer = importlib.import_module(WRITERS[to])
    try:
        text = "\n".join(writer.write(design) for design in designs)
    except ValueError as error:
        raise UsageError(f"{file}: {error}") from None
    write_output(text, output, "the exported design")
    return EXIT_OK
