"""Run a rule set over designs: profiles, severities, suppressions, and the finding for unreadable files.

What is special about a rule (always on, not suppressible, reported by the front ends or by this
runner) comes from its check kind's metadata (rules/checks/), never from its ID.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from aidlint.frontends.errors import DesignSyntaxError
from aidlint.memory import paused_collection
from aidlint.model import MODEL_FAMILIES, Design, Finding, Severity, Suppression
from aidlint.resources import data_path
from aidlint.roles.assignment import for_the_rules
from aidlint.roles.infer import assign_roles
from aidlint.roles.families import classify_models
from aidlint.roles.kinds import classify_design
from aidlint.roles.vocabulary import Vocabulary, load_vocabulary
from aidlint.rules.engine import evaluate, group_by_gap, to_finding
from aidlint.rules.responses import drawn_edges, implied_responses
from aidlint.rules.search import DesignContext
from aidlint.rules.spec import RulePack, RulePackError, RuleSpec, load_rule_pack

DEFAULT_PROFILE = "recommended"


@cache
def builtin_pack() -> RulePack:
    # Validated once, then loaded (startup_cache.py): keyed by the rule file, every module of rules/
    # (the models, the kinds' validators) and the model they refer to.
    from aidlint.startup_cache import cached

    return cached("builtin-rules", builtin_pack_inputs(), lambda: _validated_builtin_pack(data_path("rules/builtin.toml")))


def builtin_pack_inputs() -> list[Path]:
    """What the validated built-in pack is derived from: the rule file, rules/ and the model."""
    from aidlint import model

    return [data_path("rules/builtin.toml"), Path(model.__file__), *sorted(Path(__file__).parent.rglob("*.py"))]


def _validated_builtin_pack(source: Path) -> RulePack:
    pack = load_rule_pack(source, builtin=True)
    _check_profiles(pack, pack, "built-in rules")
    return pack


def combined_pack(extra_rule_files: tuple[Path, ...] = ()) -> RulePack:
    """The built-in rules plus users' own rule files; an ID may be defined once."""
    pack = builtin_pack()
    if not extra_rule_files:
        return pack
    rules = list(pack.rule)
    profiles = dict(pack.profile)
    seen = {rule.id: "built-in rules" for rule in rules}
    extras = []
    for path in extra_rule_files:
        extra = load_rule_pack(path)
        for rule in extra.rule:
            if rule.id in seen:
                raise RulePackError(f"{path}: rule {rule.id} is already defined by {seen[rule.id]}")
            seen[rule.id] = str(path)
            rules.append(rule)
        profiles.update(extra.profile)
        extras.append((path, extra))
    combined = RulePack(rule=rules, profile=profiles)
    for path, extra in extras:
        # A profile may name rules of any file, so its IDs are checked once every file is in.
        _check_profiles(combined, extra, str(path))
    return combined


def _check_profiles(pack: RulePack, declaring: RulePack, path: str) -> None:
    """The profiles ``declaring`` defines name only rules of ``pack``, and re-grade no always-on rule."""
    for name, profile in declaring.profile.items():
        where = f"{path}: profile {name!r}"
        check_rule_ids(pack, [*(profile.rules or []), *profile.exclude], where)
        check_rule_ids(pack, list(profile.severity), where, switching_off=True)


def syntax_rule() -> RuleSpec:
    """The rule unreadable files are reported under (a built-in rule: users may not declare its kind)."""
    rule = builtin_pack().of_kind("syntax")
    assert rule is not None, "the built-in rule pack declares a rule of kind 'syntax'"
    return rule


@dataclass(frozen=True)
class ActiveRule:
    spec: RuleSpec
    severity: Severity


class RuleSet(list[ActiveRule]):
    """The active rules of a run, and every rule ID the pack knows (active or not)."""

    def __init__(self, active: list[ActiveRule], known_ids: frozenset[str]) -> None:
        super().__init__(active)
        self.known_ids = known_ids


@dataclass
class RuleSelection:
    """Which rules run, at which severity: the profile, then the user's select/ignore/severity."""

    profile: str = DEFAULT_PROFILE
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)

    def active(self, pack: RulePack, profile: str | None = None) -> RuleSet:
        chosen = pack.profile[self._check_profile(pack, profile or self.profile)]
        check_rule_ids(pack, [*(self.select or []), *self.extend_select], "the rule selection")
        check_rule_ids(pack, [*self.ignore, *self.severity], "the rule selection", switching_off=True)
        known = {rule.id for rule in pack.rule}
        fixed = {rule.id for rule in pack.rule if rule.kind.always_on}
        builtin_ids = {rule.id for rule in builtin_pack().rule}
        active = []
        for rule in pack.rule:
            if rule.id not in fixed:
                if any(rule.id in _matching_ids(s, known) for s in self.extend_select):
                    pass  # added on top of the profile or the selection, as ruff's extend-select
                elif self.select is not None:
                    # An explicit selection replaces the profile's rule set, as `select` does in ruff.
                    if not any(rule.id in _matching_ids(s, known) for s in self.select):
                        continue
                elif chosen.rules is not None and rule.id in builtin_ids and rule.id not in chosen.rules:
                    continue
                elif rule.id in chosen.exclude:
                    continue
                if any(rule.id in _matching_ids(i, known) for i in self.ignore):
                    continue
            severity = self.severity.get(rule.id) or chosen.severity.get(rule.id) or rule.severity
            active.append(ActiveRule(rule, severity))
        return RuleSet(active, frozenset(known))

    @staticmethod
    def _check_profile(pack: RulePack, name: str) -> str:
        if name not in pack.profile:
            raise UnknownProfile(name, sorted(pack.profile))
        return name


class UnknownProfile(RulePackError):
    """A profile name no rule pack defines."""

    def __init__(self, name: str, profiles: list[str]) -> None:
        super().__init__(f"unknown profile {name!r} (profiles: {', '.join(profiles)})")
        self.name = name


def check_rule_ids(pack: RulePack, patterns: list[str], where: str, switching_off: bool = False) -> None:
    """Every pattern names a rule or a family of ``pack``; what switches rules off or re-grades them
    (``switching_off``) may not name an always-on rule exactly. RulePackError (exit 2) otherwise."""
    known = {rule.id for rule in pack.rule}
    fixed = {rule.id for rule in pack.rule if rule.kind.always_on}
    for pattern in patterns:
        if not _matching_ids(pattern, known):
            raise RulePackError(f"unknown rule {pattern!r} in {where}")
        if switching_off and pattern.upper() in fixed:
            raise RulePackError(
                f"{pattern.upper()} cannot be ignored or given another severity: a file aidlint cannot "
                f"read always fails the run"
            )


def rule_matches(pattern: str, rule_id: str) -> bool:
    """Whether ``pattern`` (an exact ID, or a family: an ID's letters) names ``rule_id``."""
    return bool(_matching_ids(pattern, {rule_id}))


def _matching_ids(pattern: str, known: set[str]) -> set[str]:
    """An exact ID names one rule; a prefix of letters names a family, as in ruff."""
    pattern = pattern.upper()
    return {rule_id for rule_id in known if rule_id == pattern or (rule_id.startswith(pattern) and not pattern[-1:].isdigit())}


def syntax_finding(path: str, error: DesignSyntaxError) -> Finding:
    rule = syntax_rule()
    return Finding(
        rule_id=rule.id,
        rule_name=rule.name,
        severity=rule.severity,
        message=error.message,
        path=path,
        line=error.line,
        col=error.col,
        expected=error.expected,
        source_line=error.source_line,
    )


def check_design(design: Design, rules: list[ActiveRule], vocabulary: Vocabulary | None = None) -> list[Finding]:
    vocabulary = vocabulary or load_vocabulary()
    with paused_collection():  # memory.py: superlinear on 100k-edge designs otherwise
        roles = for_the_rules(assign_roles(design, vocabulary))
        kind = classify_design(design, roles, vocabulary).kind
        family = classify_models(design, roles, vocabulary).family
        drawn = drawn_edges(design)
        context = DesignContext(design, roles, vocabulary, drawn, implied_responses(design, roles, kind, vocabulary, drawn))
        findings: list[Finding] = []
        for active in rules:
            if active.spec.kind.reported_by != "engine" or (active.spec.kinds and kind not in active.spec.kinds):
                continue
            if active.spec.families and family in MODEL_FAMILIES and family not in active.spec.families:
                continue  # "unknown" runs every rule
            for violation in group_by_gap(evaluate(active.spec, context), context):
                findings.append(to_finding(active.spec, active.severity, violation, context))
        findings = _apply_suppressions(design, findings, rules, context)
    return sorted(findings, key=Finding.sort_key)


def _apply_suppressions(design: Design, findings: list[Finding], rules: list[ActiveRule], context: DesignContext) -> list[Finding]:
    unsuppressible = {r.spec.id for r in rules if not r.spec.kind.suppressible} | {syntax_rule().id}
    today = date.today().isoformat()
    live = [(i, s) for i, s in enumerate(design.suppressions) if s.until is None or s.until >= today]
    used: set[int] = set()
    kept = []
    for finding in findings:
        hit = None
        if finding.rule_id not in unsuppressible:
            hit = next((i for i, s in live if _silences(s, finding, context)), None)
        if hit is None:
            kept.append(finding)
        else:
            used.add(hit)
    about = {r.spec.check.kind: r for r in rules if r.spec.kind.reported_by == "runner"}
    if not about:
        return kept
    active_ids = {r.spec.id for r in rules}
    known_ids = getattr(rules, "known_ids", None) or frozenset(r.spec.id for r in builtin_pack().rule) | active_ids
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
        relevant = [rule_id for rule_id in suppression.rule_ids if rule_id in active_ids or rule_id not in known_ids]
        if not relevant:
            continue  # the rule is switched off here; the comment may matter under another profile
        unknown = [rule_id for rule_id in relevant if rule_id not in known_ids]
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


def _silences(suppression: Suppression, finding: Finding, context: DesignContext) -> bool:
    if finding.rule_id not in suppression.rule_ids:
        return False
    if suppression.scope == "design":
        return True
    line = suppression.span.line
    if finding.line == line and finding.path == suppression.span.path:
        return True
    return any((span := context.span(node_id)) is not None and span.line == line for node_id in finding.nodes)
