"""SARIF 2.1.0, shaped as GitHub code scanning reads it.

Every rule that ran is described once in ``tool.driver.rules`` (summary, rationale, and the help text
`aidlint explain` prints); each finding is a result with its rule, level, message and region, our
fingerprint, and the witness path as related locations. File URIs are relative to ``%SRCROOT%`` (the
working directory) so that code scanning can place them in the repository. Nothing here depends on the
machine or the clock: the same input gives the same bytes.
"""

from __future__ import annotations

import os
from functools import lru_cache
from urllib.parse import quote

from aidlint import __version__
from aidlint.model import Finding, Span
from aidlint.reports.fingerprint import fingerprints, portable_path
from aidlint.reports.json_layout import dumps

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "aidlint/v1"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}


def render(result, options) -> str:
    descriptors = _rule_descriptors(options, result.findings)
    index = {descriptor["id"]: i for i, descriptor in enumerate(descriptors)}
    results = [
        _result(finding, fingerprint, index[finding.rule_id])
        for finding, fingerprint in zip(result.findings, fingerprints(result.findings))
    ]
    document = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "aidlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return dumps(document, frozenset({"results", "rules"}))


def _rule_descriptors(options, findings: list[Finding]) -> list[dict]:
    from aidlint.rules.docs import explain_markdown, explain_text

    descriptors = []
    described = set()
    for rule in options.rules:
        level = options.severities.get(rule.id, rule.severity.value)
        descriptors.append(
            {
                "id": rule.id,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.rationale or rule.summary},
                "help": {"text": explain_text(rule), "markdown": explain_markdown(rule)},
                "defaultConfiguration": {"level": _LEVEL[level]},
                "properties": {
                    "tags": ["ai-design", rule.id.rstrip("0123456789").lower()],
                    "precision": "high",
                    "problem.severity": _PROBLEM_SEVERITY[level],
                },
            }
        )
        described.add(rule.id)
    # A design that names its own profile can run a rule the run's profile does not: describe it too.
    for finding in findings:
        if finding.rule_id not in described:
            described.add(finding.rule_id)
            descriptors.append({"id": finding.rule_id, "name": finding.rule_name, "shortDescription": {"text": finding.rule_name}})
    return descriptors


def artifact_location(path: str) -> dict:
    return dict(_artifact_location(path, os.getcwd()))


@lru_cache(maxsize=4096)
def _artifact_location(path: str, _cwd: str) -> tuple:
    # The same few files are named thousands of times (each witness step); the working directory is
    # part of the key because the URI is relative to it.
    portable = portable_path(path)
    if portable.startswith("/"):
        return (("uri", "file://" + quote(portable)),)
    return (("uri", quote(portable)), ("uriBaseId", "%SRCROOT%"))


def _region(line: int, col: int, end_line: int | None, end_col: int | None) -> dict:
    region = {"startLine": max(line, 1), "startColumn": max(col, 1)}
    if end_line is not None and end_line >= region["startLine"]:
        region["endLine"] = end_line
        if end_col is not None and (end_line > region["startLine"] or end_col > region["startColumn"]):
            region["endColumn"] = end_col
    return region


def _span_location(span: Span) -> dict:
    return {
        "artifactLocation": artifact_location(span.path),
        "region": _region(span.line, span.col, span.end_line, span.end_col),
    }


def _result(finding: Finding, fingerprint: str, rule_index: int) -> dict:
    location = {
        "physicalLocation": {
            "artifactLocation": artifact_location(finding.path),
            "region": _region(finding.line, finding.col, finding.end_line, finding.end_col),
        }
    }
    result = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": _LEVEL[finding.severity.value],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "fingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    related = []
    for step, (node_id, span) in enumerate(zip(finding.witness, finding.witness_spans), start=1):
        if span is not None:
            related.append({"id": step, "physicalLocation": _span_location(span), "message": {"text": f"witness step {step}: {node_id}"}})
    if related:
        result["relatedLocations"] = related
    properties = {"design": finding.design, "nodes": finding.nodes, "witness": finding.witness}
    if finding.fix is not None:
        properties["fix"] = finding.fix.description
    result["properties"] = {key: value for key, value in properties.items() if value}
    return result
