"""Machine-readable findings: stable field order, sorted findings, byte-identical across runs."""

from __future__ import annotations

from collections import Counter

from aidlint import __version__
from aidlint.model import Finding
from aidlint.reports.fingerprint import fingerprints
from aidlint.reports.json_layout import dumps


def finding_dict(finding: Finding, fingerprint: str) -> dict:
    fix = finding.fix
    return {
        "rule_id": finding.rule_id,
        "rule_name": finding.rule_name,
        "severity": finding.severity.value,
        "message": finding.message,
        "path": finding.path,
        "line": finding.line,
        "col": finding.col,
        "end_line": finding.end_line,
        "end_col": finding.end_col,
        "design": finding.design,
        "nodes": finding.nodes,
        "witness": finding.witness,
        "fix": fix.model_dump(mode="json") if fix else None,
        "expected": finding.expected,
        "fingerprint": fingerprint,
    }


def render(result, options=None) -> str:
    counts = Counter(f.severity.value for f in result.findings)
    document = {
        "version": __version__,
        "findings": [finding_dict(f, fp) for f, fp in zip(result.findings, fingerprints(result.findings))],
        "summary": {
            "files": len(result.files),
            "findings": len(result.findings),
            "error": counts.get("error", 0),
            "warning": counts.get("warning", 0),
            "info": counts.get("info", 0),
        },
        "notes": result.notes,
    }
    return dumps(document, frozenset({"findings"}))
