"""Stable finding fingerprints: what a baseline, SARIF and GitLab use to follow a finding over time.

A fingerprint hashes the rule, the file, the design and the node IDs the finding is about; never a line
or a column, so an edit elsewhere in the file keeps it. Findings that share all of these (two unused
suppressions in one design, say) are told apart by their order, as GitHub does with its own
``primaryLocationLineHash`` (``...:2``).
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path, PurePosixPath

from aidlint.model import Finding


def portable_path(path: str) -> str:
    """The path relative to the working directory when it lies below it, with forward slashes."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_posix()
    return PurePosixPath(os.path.normpath(candidate.as_posix())).as_posix()


def _identity(finding: Finding) -> str:
    subject = finding.nodes
    if not subject:
        # Nothing in the design to name (a syntax error, an unused suppression): its message is all
        # there is. Digits are dropped from it because they are usually a location.
        subject = ["".join(ch for ch in finding.message if not ch.isdigit())]
    return "\x1f".join([finding.rule_id, portable_path(finding.path), finding.design or "", *subject])


def assign_fingerprints(findings: list[Finding]) -> None:
    """Give every finding of a run its fingerprint (16 hex digits, unique within the run).

    Called once on the whole run, before a baseline drops any finding, so that a finding's number
    among its look-alikes never depends on which of them were dropped."""
    if all(finding.fingerprint for finding in findings):
        return
    seen: Counter[str] = Counter()
    for finding in findings:
        identity = _identity(finding)
        seen[identity] += 1
        if seen[identity] > 1:
            identity += f"\x1f{seen[identity]}"
        finding.fingerprint = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]


def fingerprints(findings: list[Finding]) -> list[str]:
    assign_fingerprints(findings)
    return [finding.fingerprint for finding in findings]
