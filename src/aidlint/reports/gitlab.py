"""GitLab Code Quality: a JSON array of issues, shown in merge requests (``artifacts:reports:codequality``).

Each issue has GitLab's required fields: ``description``, ``check_name``, ``fingerprint`` (unique per
report; ours), ``severity`` (info, minor, major, critical, blocker) and ``location.path`` with
``location.lines.begin``.
"""

from __future__ import annotations

from aidlint.reports.fingerprint import fingerprints, portable_path
from aidlint.reports.json_layout import dumps

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(result, options=None) -> str:
    issues = [
        {
            "description": f"{finding.rule_id} {finding.message}",
            "check_name": finding.rule_id,
            "fingerprint": fingerprint,
            "severity": _SEVERITY[finding.severity.value],
            "location": {"path": portable_path(finding.path), "lines": {"begin": finding.line}},
        }
        for finding, fingerprint in zip(result.findings, fingerprints(result.findings))
    ]
    return dumps(issues, top_items_one_line=True)
