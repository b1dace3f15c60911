"""Small helpers shared by the tests: parse a DSL snippet and check it with the built-in rules."""

from __future__ import annotations

import textwrap

from aidlint.frontends import parse_text
from aidlint.model import Design, Finding
from aidlint.rules.runner import RuleSelection, builtin_pack, check_design


def design_from(source: str, fmt: str = "aidl", path: str = "design.aidl") -> Design:
    (design,) = parse_text(textwrap.dedent(source).lstrip("\n"), fmt, path)
    return design


def check(source: str, profile: str = "recommended", fmt: str = "aidl", path: str = "design.aidl") -> list[Finding]:
    return check_design(design_from(source, fmt, path), RuleSelection(profile=profile).active(builtin_pack()))


def summary(findings: list[Finding]) -> list[tuple]:
    """(rule, line, col, nodes, witness) per finding: what the pinned expectations compare."""
    return [(f.rule_id, f.line, f.col, f.nodes, f.witness) for f in findings]
