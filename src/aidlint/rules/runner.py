"""Run a rule set over designs: profiles, severities, suppressions, and SYN001 for unreadable files."""

from __future__ import annotations

import gc
from datetime import date
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from aidlint.frontends.errors import DesignSyntaxError
from aidlint.model import Design, Finding, Severity, Suppression
from aidlint.resources import data_path
from aidlint.roles.infer import assign_roles
from aidlint.roles.vocabulary import Vocabulary, load_vocabulary
from aidlint.rules.engine import DesignContext, evaluate, to_finding
from aidlint.rules.spec import RulePack, RulePackError, RuleSpec, load_rule_pack

DEFAULT_PROFILE = "recommended"


@cache
def builtin_pack() -> RulePack:
    return load_rule_pack(data_path("rules/builtin.toml"))


def combined_pack(extra_rule_files: tuple[Path, ...] = ()) -> RulePack:
    """The built-in rules plus users' own rule files; an ID may be defined once."""
    pack = builtin_pack()
    rules = list(pack.rule)
    profiles = dict(pack.profile)
    seen = {rule.id: "built-in rules" for rule in rules}
    for path in extra_rule_files:
        extra = load_rule_pack(path)
        for rule in extra.rule:
            if rule.id in seen:
                raise RulePackError(f"{path}: rule {rule.id} is already defined by {seen[rule.id]}")
            seen[rule.id] = str(path)
            rules.append(rule)
        profiles.update(extra.profile)
    return RulePack(rule=rules, profile=profiles)


@dataclass(frozen=True)
class ActiveRule:
    spec: RuleSpec
    severity: Severity


@dataclass
class RuleSelection:
    """Which rules run, at which severity: the profile, then the user's select/ignore/severity."""

    profile: str = DEFAULT_PROFILE
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)

    def active(self, pack: RulePack, profile: str | None = None) -> list[ActiveRule]:
        name = profile or self.profile
        if name not in pack.profile:
            raise RulePackError(f"unknown profile {name!r} (profiles: {', '.join(sorted(pack.profile))})")
        chosen = pack.profile[name]
        known = {rule.id for rule in pack.rule}
        for rule_id in [*(self.select or []), *self.ignore, *self.severity]:
            if _matching_ids(rule_id, known) == set():
                raise RulePackError(f"unknown rule {rule_id!r} in the rule selection")
        builtin_ids = {rule.id for rule in builtin_pack().rule}
        active = []
        for rule in pack.rule:
            if self.select is not None:
                # An explicit selection replaces the profile's rule set, as `select` does in ruff.
                if not any(rule.id in _matching_ids(s, known) for s in self.select):
                    continue
            elif chosen.rules is not None and rule.id in builtin_ids and rule.id not in chosen.rules and rule.id != "SYN001":
                continue
            elif rule.id in chosen.exclude:
                continue
            if any(rule.id in _matching_ids(i, known) for i in self.ignore) and rule.id != "SYN001":
                continue
            severity = self.severity.get(rule.id) or chosen.severity.get(rule.id) or rule.severity
            active.append(ActiveRule(rule, severity))
        return active


def _matching_ids(pattern: str, known: set[str]) -> set[str]:
    """``SAF001`` names one rule; a prefix such as ``SAF`` names a family, as in ruff."""
    pattern = pattern.upper()
    return {rule_id for rule_id in known if rule_id == pattern or (rule_id.startswith(pattern) and not pattern[-1:].isdigit())}


def syntax_finding(path: str, error: DesignSyntaxError, severity: Severity = Severity.error) -> Finding:
    return Finding(
        rule_id="SYN001",
        rule_name="syntax-error",
        severity=severity,
        message=error.message,
        path=path,
        line=error.line,
        col=error.col,
        expected=error.expected,
        source_line=error.source_line,
    )


def check_design(design: Design, rules: list[ActiveRule], vocabulary: Vocabulary | None = None) -> list[Finding]:
    vocabulary = vocabulary or load_vocabulary()
    # Checking allocates many small objects and frees none of them until the end; Python's cyclic
    # collector would rescan the whole growing heap again and again (superlinear on 100k-edge designs).
    collecting = gc.isenabled()
    gc.disable()
    try:
        context = DesignContext(design, assign_roles(design, vocabulary), vocabulary)
        findings: list[Finding] = []
        for active in rules:
            for violation in evaluate(active.spec, context):
                findings.append(to_finding(active.spec, active.severity, violation, context))
        findings = _apply_suppressions(design, findings, rules, context)
    finally:
        if collecting:
            gc.enable()
    return sorted(findings, key=Finding.sort_key)


#: Check kinds about the suppression comments themselves: their findings cannot be silenced.
_SUPPRESSION_KINDS = ("suppressions-used", "suppressions-reasoned", "suppressions-current")


def _apply_suppressions(design: Design, findings: list[Finding], rules: list[ActiveRule], context: DesignContext) -> list[Finding]:
    today = date.today().isoformat()
    live = [(i, s) for i, s in enumerate(design.suppressions) if s.until is None or s.until >= today]
    used: set[int] = set()
    kept = []
    for finding in findings:
        hit = None
        if finding.rule_id not in _unsilenceable_ids():
            hit = next((i for i, s in live if _silences(s, finding, context)), None)
        if hit is None:
            kept.append(finding)
        else:
            used.add(hit)
    about = {r.spec.check.kind: r for r in rules if r.spec.check.kind in _SUPPRESSION_KINDS}
    active_ids = {r.spec.id for r in rules}
    for index, suppression in enumerate(design.suppressions):
        names = ", ".join(suppression.rule_ids)
        if "suppressions-reasoned" in about and not suppression.reason:
            message = f"suppression of {names} gives no reason; write why it is safe after ignore[{names}]"
            kept.append(_about_suppression(about["suppressions-reasoned"], message, suppression, design))
        if suppression.until is not None and suppression.until < today:
            if "suppressions-current" in about:
                message = f"suppression of {names} expired on {suppression.until} and silences nothing; fix the finding or set a new date"
                kept.append(_about_suppression(about["suppressions-current"], message, suppression, design))
            continue
        if index in used or "suppressions-used" not in about:
            continue
        relevant = [rule_id for rule_id in suppression.rule_ids if rule_id in active_ids or rule_id not in _all_ids()]
        if not relevant:
            continue  # the rule is switched off here; the comment may matter under another profile
        unknown = [rule_id for rule_id in relevant if rule_id not in _all_ids()]
        what = f"names unknown rule {unknown[0]}" if unknown else f"of {', '.join(relevant)} matches no finding"
        kept.append(_about_suppression(about["suppressions-used"], f"suppression {what}; remove it", suppression, design))
    return kept


def _about_suppression(rule: ActiveRule, message: str, suppression: Suppression, design: Design) -> Finding:
    span = suppression.span
    return Finding(
        rule_id=rule.spec.id,
        rule_name=rule.spec.name,
        severity=rule.severity,
        message=message,
        path=span.path,
        line=span.line,
        col=span.col,
        end_line=span.end_line,
        end_col=span.end_col,
        design=design.name,
    )


@cache
def _unsilenceable_ids() -> frozenset[str]:
    kinds = ("syntax", *_SUPPRESSION_KINDS)
    return frozenset(rule.id for rule in builtin_pack().rule if rule.check.kind in kinds)


@cache
def _all_ids() -> frozenset[str]:
    return frozenset(rule.id for rule in builtin_pack().rule)


def _silences(suppression: Suppression, finding: Finding, context: DesignContext) -> bool:
    if finding.rule_id not in suppression.rule_ids:
        return False
    if suppression.scope == "design":
        return True
    line = suppression.span.line
    if finding.line == line and finding.path == suppression.span.path:
        return True
    return any((span := context.span(node_id)) is not None and span.line == line for node_id in finding.nodes)
