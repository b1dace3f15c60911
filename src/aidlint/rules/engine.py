"""The one engine that evaluates every rule, built-in or custom: its kind's search, then the finding.

Each kind's search lives in rules/checks/ (one module per kind, all linear in nodes plus edges); the
engine checks that the rule applies, runs the kind, and turns each violation into a Finding with its
message and a fix drawn as ghost nodes and edges. Fix references were validated when the rule file was
loaded (rules/spec.py), so resolving them here cannot fail.
"""

from __future__ import annotations

from aidlint.model import Finding, Fix, GhostEdge, GhostNode, Severity
from aidlint.rules.search import DesignContext, Violation
from aidlint.rules.spec import RuleSpec


def evaluate(rule: RuleSpec, context: DesignContext) -> list[Violation]:
    for alternatives in rule.applies_when:
        if not context.matching(alternatives):
            return []
    return rule.check.evaluate(context)


def describe(context: DesignContext, node_id: str) -> str:
    label = context.label(node_id)
    return f'"{label}" ({node_id})' if label != node_id else node_id


def _declaration(design, node_id: str | None) -> str:
    """How to declare ``node_id``'s role, in the syntax of the place it is drawn in."""
    from aidlint.frontends import role_declaration

    return role_declaration(design, node_id, "ROLE") if node_id else ""


def to_finding(rule: RuleSpec, severity: Severity, violation: Violation, context: DesignContext) -> Finding:
    design = context.design
    anchor_id = violation.subject
    if anchor_id is None and rule.anchor is not None:
        anchors = context.matching([rule.anchor])
        anchor_id = anchors[0] if anchors else None
    span = (context.span(anchor_id) if anchor_id else None) or design.span
    template = rule.variants.get(violation.variant, rule.message) if violation.variant else rule.message
    message = template.format(
        subject=describe(context, anchor_id) if anchor_id else design.name,
        witness=" -> ".join(violation.witness),
        nodes=", ".join(violation.nodes),
        count=len(violation.nodes),
        declaration=_declaration(design, anchor_id) if "{declaration}" in template else "",
    )
    return Finding(
        rule_id=rule.id,
        rule_name=rule.name,
        severity=severity,
        message=message,
        path=span.path if span else design.path,
        line=span.line if span else 1,
        col=span.col if span else 1,
        end_line=span.end_line if span else None,
        end_col=span.end_col if span else None,
        design=design.name,
        nodes=violation.nodes or ([anchor_id] if anchor_id else []),
        witness=violation.witness,
        fix=_build_fix(rule, violation, context, anchor_id),
    )


def _build_fix(rule: RuleSpec, violation: Violation, context: DesignContext, anchor_id: str | None) -> Fix | None:
    spec = rule.fix
    if spec is None:
        return None
    suffix = anchor_id or "design"
    ghost_ids: dict[str, str] = {}
    for key in spec.ghosts:
        candidate = f"{key}_for_{suffix}"
        while candidate in context.order or candidate in ghost_ids.values():
            candidate += "_"
        ghost_ids[key] = candidate
    used: dict[str, GhostNode] = {}

    def ghost(key: str) -> str:
        ghost_spec = spec.ghosts[key]
        used[key] = GhostNode(id=ghost_ids[key], role=ghost_spec.role, label=ghost_spec.label, attrs=dict(ghost_spec.attrs))
        return ghost_ids[key]

    def resolve(reference: str) -> str:
        if reference == "@subject":
            return anchor_id or ghost(next(iter(spec.ghosts)))
        if reference == "@first":
            return violation.witness[0]
        if reference == "@last":
            return violation.witness[-1]
        if reference.startswith("#"):
            role = reference[1:]
            existing = context.matching([role])
            if existing:
                return existing[0]
            return ghost(next(k for k, g in spec.ghosts.items() if g.role == role))
        return ghost(reference)

    edges: list[GhostEdge] = []
    replaces: list[tuple[str, str]] = []
    if spec.insert is not None and len(violation.witness) >= 2:
        a, b = violation.witness[:2] if spec.insert.on == "first-edge" else violation.witness[-2:]
        inserted = ghost(spec.insert.ghost)
        edges += [GhostEdge(source=a, target=inserted), GhostEdge(source=inserted, target=b)]
        replaces.append((a, b))
    for edge_spec in spec.edges:
        source, target = resolve(edge_spec.source), resolve(edge_spec.target)
        if context.has_edge(source, target):
            continue
        if source == target or any(e.source == source and e.target == target for e in edges):
            continue
        edges.append(GhostEdge(source=source, target=target, label=edge_spec.label, attrs=dict(edge_spec.attrs)))
    return Fix(description=spec.description, nodes=list(used.values()), edges=edges, replaces=replaces)
