"""Baselines: adopt aidlint on a repository with known gaps, and fail only on new ones.

``--write-baseline FILE`` records the run's findings by fingerprint; ``--baseline FILE`` drops the
findings it records and names the recorded ones that are gone, so the file can be tightened. A file
that is not a baseline is a usage error (exit 2), never an empty baseline that would hide nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

from aidlint.model import Finding
from aidlint.reports.fingerprint import assign_fingerprints, portable_path
from aidlint.reports.output import OutputError, write_report

FORMAT_VERSION = 1


class BaselineError(ValueError):
    """The baseline file is missing or broken: exit 2."""


def baseline_text(findings: list[Finding]) -> str:
    assign_fingerprints(findings)
    entries = [
        {
            "fingerprint": f.fingerprint,
            "rule_id": f.rule_id,
            "path": portable_path(f.path),
            "design": f.design,
            "nodes": f.nodes,
            "message": f.message,
        }
        for f in findings
    ]
    return json.dumps({"aidlint_baseline": FORMAT_VERSION, "findings": entries}, indent=2, ensure_ascii=False) + "\n"


def write_baseline(findings: list[Finding], path: str) -> None:
    write_report(baseline_text(findings), path)


def load_baseline(path: str) -> dict[str, dict]:
    """The baseline's entries by fingerprint."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: cannot read the baseline: {getattr(error, 'strerror', None) or error}") from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"{path}:{error.lineno}:{error.colno}: the baseline is not valid JSON: {error.msg}") from None
    if not isinstance(data, dict) or data.get("aidlint_baseline") != FORMAT_VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not an aidlint baseline (expected {{\"aidlint_baseline\": {FORMAT_VERSION}, \"findings\": [...]}})")
    entries = {}
    for number, entry in enumerate(data["findings"], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{path}: entry {number} of the baseline has no fingerprint")
        entries[entry["fingerprint"]] = entry
    return entries


def apply_baseline(findings: list[Finding], baseline: dict[str, dict]) -> tuple[list[Finding], list[dict]]:
    """The findings the baseline does not record, and the recorded entries no finding matches any more."""
    assign_fingerprints(findings)
    current = {f.fingerprint for f in findings}
    new = [f for f in findings if f.fingerprint not in baseline]
    fixed = [entry for fingerprint, entry in baseline.items() if fingerprint not in current]
    return new, fixed


def fixed_note(entry: dict, baseline_path: str) -> str:
    where = f"{entry.get('path', '?')}"
    about = ", ".join(entry.get("nodes") or []) or entry.get("design") or ""
    return f"baseline {baseline_path}: {entry.get('rule_id', '?')} in {where}{f' ({about})' if about else ''} is fixed; remove it from the baseline (--write-baseline rewrites it)"


__all__ = ["BaselineError", "OutputError", "apply_baseline", "fixed_note", "load_baseline", "write_baseline"]
