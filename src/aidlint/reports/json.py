"""Machine-readable findings: stable field order, sorted findings, byte-identical across runs."""

from __future__ import annotations

import json
from collections import Counter

from aidlint import __version__
from aidlint.model import Finding


def finding_dict(finding: Finding) -> dict:
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
    }


def render(result, **_options) -> str:
    counts = Counter(f.severity.value for f in result.findings)
    document = {
        "version": __version__,
        "findings": [finding_dict(f) for f in result.findings],
        "summary": {
            "files": len(result.files),
            "findings": len(result.findings),
            "error": counts.get("error", 0),
            "warning": counts.get("warning", 0),
            "info": counts.get("info", 0),
        },
        "notes": result.notes,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
