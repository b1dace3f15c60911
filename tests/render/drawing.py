"""Helpers for the render tests: check a design the way `aidlint render` does and build its diagram."""

from __future__ import annotations

from pathlib import Path

from aidlint.frontends import ParseOptions, parse_text
from aidlint.model import Design
from aidlint.render.gap import GapDiagram, build
from aidlint.roles.infer import assign_roles
from aidlint.rules.runner import RuleSelection, builtin_pack, check_design
from aidlint.workspace import load_designs


def rules_for(design: Design):
    return RuleSelection().active(builtin_pack(), design.profile)


def diagram_of(design: Design) -> GapDiagram:
    rules = rules_for(design)
    return build(design, check_design(design, rules), assign_roles(design), rules)


def diagrams_of(path: Path) -> list[GapDiagram]:
    designs, _ = load_designs(path, ParseOptions())
    return [diagram_of(design) for design in designs]


def reparse(text: str, fmt: str, path: str) -> Design:
    (design,) = parse_text(text, fmt, path)
    return design


def unwrap(label: str) -> str:
    """A DOT label as the design had it: the renderer wraps long labels with DOT's ``\\n``."""
    return label.replace("\\n", " ")
