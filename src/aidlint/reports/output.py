"""Writing a report to a file, and the short lines the terminal gets alongside it."""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path

from aidlint.model import Finding


class OutputError(ValueError):
    """The report cannot be written where the user asked: exit 2, and nothing is left behind."""


def write_report(text: str, output: str) -> None:
    """Write ``text`` to ``output`` whole or not at all: a temporary file beside it, then a rename."""
    target = Path(output)
    if target.is_dir():
        raise OutputError(f"cannot write the report to {output}: it is a directory")
    directory = target.parent
    if not directory.is_dir():
        raise OutputError(f"cannot write the report to {output}: directory {directory} does not exist")
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write the report to {output}: cannot create a file in {directory} ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise OutputError(f"cannot write the report to {output}: {error.strerror or error}") from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def statistics_text(findings: list[Finding]) -> str:
    """Findings per rule, most frequent first: ``    3  RULE    rule-name``."""
    counts = Counter((f.rule_id, f.rule_name) for f in findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(count)) for _, count in rows), default=1)
    return "".join(f"{count:>{width}}  {rule_id:<7} {name}\n" for (rule_id, name), count in rows)
