"""The one engine that evaluates every rule, built-in or custom: its kind's search, then the finding.

Each kind's search lives in rules/checks/ (one module per kind, all linear in nodes plus edges); the
engine checks that the rule applies, runs the kind, and turns each violation into a Finding with its
message and a fix drawn as ghost nodes and edges. Fix references were validated when the rule file was
loaded (rules/spec.py), so resolving them here cannot fail.
"""

from __future__ import annotations

from aidlint.model import Finding, Fix, GhostEdge, GhostNode, Severity
from aidlint.roles.vocabulary import clean_label
from aidlint.rules.search import DesignContext, Violation
from aidlint.rules.spec import FixSpec, RuleSpec


def evaluate(rule: RuleSpec, context: DesignContext) -> list[Violation]:
    for alternatives in rule.applies_when:
        if not context.matching(alternatives):
            return []
    return rule.check.evaluate(context)


#: How the message names the other boxes that share a gap ("the same gap for 2 more monitors").
_GAP_NOUNS = {"model_inference": "model", "monitoring": "monitor", "tool_executor": "tool", "training_pipeline": "training step"}


def group_by_gap(violations: list[Violation], context: DesignContext) -> list[Violation]:
    """One finding per gap: the violations of one rule about several boxes of one role become one, listing
    every box. An embedder, a reranker and a judge without monitoring are one gap, and so are a metrics
    collector, Prometheus and Grafana that alert nobody. Models are anchored on the model that answers users
    (the fewest serving hops from a user's answer; ties and designs without users go by source order),
    other boxes on the first in source order."""
    by_role: dict[str, list[Violation]] = {}
    for violation in violations:
        if violation.subject is not None:
            by_role.setdefault(context.role(violation.subject), []).append(violation)
    merged_into: dict[int, Violation] = {}
    dropped: set[int] = set()
    for role, shared in by_role.items():
        if len(shared) < 2:
            continue
        anchor = _anchor_for_users(shared, context) if role == "model_inference" else shared[0]
        others = [v.subject for v in shared if v is not anchor]
        merged_into[id(shared[0])] = Violation(anchor.subject, anchor.witness, [anchor.subject, *others], anchor.variant, others)
        dropped.update(id(v) for v in shared[1:])
    if not merged_into:
        return violations
    return [merged_into.get(id(v), v) for v in violations if id(v) not in dropped]


def _anchor_for_users(about_models: list[Violation], context: DesignContext) -> Violation:
    anchor = about_models[0]
    if context.users:
        answering = context.search(sorted(context.users, key=context.order.__getitem__), context.lifecycle, reverse=True)
        hops = _hops(answering, [v.subject for v in about_models if v.subject in answering])
        if hops:
            anchor = min((v for v in about_models if v.subject in hops), key=lambda v: hops[v.subject])
    return anchor


def _hops(reach, nodes: list[str]) -> dict[str, int]:
    """Each node's number of edges to the search's source along the search tree (memoised: linear)."""
    known: dict[str, int] = {}
    for node in nodes:
        chain = []
        current = node
        while current is not None and current not in known:
            chain.append(current)
            current = reach[current]
        depth = known[current] if current is not None else -1
        for step in reversed(chain):
            depth += 1
            known[step] = depth
    return {node: known[node] for node in nodes}


def describe(context: DesignContext, node_id: str) -> str:
    # A message is one line: a label's line breaks and markup ("ModelServer<br/>LRU cache") read as spaces.
    label = clean_label(context.label(node_id))
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
    implied = bool(context.implied) and _uses_implied(violation.witness, context)
    if implied:
        message += "; the way back is implied by the request arrows (write `aidlint: responses=drawn` if the flow is one-way)"
    if violation.also:
        count = len(violation.also)
        noun = _GAP_NOUNS.get(context.role(violation.also[0]), "node")
        message += f"; the same gap for {count} more {noun}{'s' if count > 1 else ''}: " + ", ".join(describe(context, n) for n in violation.also)
    assumed = _assumptions(rule, context, anchor_id)
    if implied:
        severity = Severity.info  # a path nobody drew is an assumption, like a weakly read role
    if assumed:
        # The finding stands on a reading aidlint is not sure of: say so, and let it inform, not fail.
        severity = Severity.info
        message += "; assumed: " + "; ".join(assumed)
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


def _uses_implied(witness: list[str], context: DesignContext) -> bool:
    implied = set(context.implied)
    return any(pair in implied for pair in zip(witness, witness[1:]))


def _assumptions(rule: RuleSpec, context: DesignContext, anchor_id: str | None) -> list[str]:
    """What the finding assumed, when its subject, or every node of a role it needs, rests only on weak
    evidence (docs/roles.md, "Evidence and its strength"); empty when the reading is sure."""
    weak: list[str] = []
    if anchor_id is not None and context.roles[anchor_id].weak:
        weak.append(anchor_id)
    for alternatives in rule.applies_when:
        nodes = context.matching(alternatives)
        if nodes and all(context.roles[n].weak for n in nodes) and not set(nodes) & set(weak):
            weak.append(nodes[0])
    return [f"{describe(context, n)} is {context.roles[n].role} ({context.roles[n].evidence})" for n in weak]


def _existing_detour(spec: FixSpec, violation: Violation, context: DesignContext) -> str | None:
    """When the design has a node of the inserted ghost's kind that the witness merely avoids (the
    ``bypassed`` variant), the fix routes the path through it instead of drawing a second one. Its kind
    is the ghost's role and attributes (a filter with ``stage=input`` is no tool-call guard)."""
    wanted = spec.ghosts[spec.insert.ghost]
    for node in violation.through_nodes:
        attrs = context.design.nodes[context.order[node]].attrs
        same_kind = context.roles[node].role == wanted.role and all(
            attrs.get(key) == value for key, value in wanted.attrs.items()
        )
        if same_kind and node not in violation.witness:
            return node
    return None


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
    # Nodes the inserted node already connects through the witness path: an edge of ``edges`` between
    # them and it adds nothing but a way around the rest of the path (an evaluation gate, say).
    connected_by_insertion: set[tuple[str, str]] = set()
    if spec.insert is not None and len(violation.witness) >= 2:
        cut = 1 if spec.insert.on == "first-edge" else len(violation.witness) - 1
        a, b = violation.witness[cut - 1], violation.witness[cut]
        inserted = _existing_detour(spec, violation, context) or ghost(spec.insert.ghost)
        edges += [GhostEdge(source=s, target=t) for s, t in ((a, inserted), (inserted, b)) if not context.has_edge(s, t)]
        replaces.append((a, b))
        connected_by_insertion |= {(before, inserted) for before in violation.witness[:cut]}
        connected_by_insertion |= {(inserted, after) for after in violation.witness[cut:]}
    for edge_spec in spec.edges:
        source, target = resolve(edge_spec.source), resolve(edge_spec.target)
        if context.has_edge(source, target) or (source, target) in connected_by_insertion:
            continue
        if source == target or any(e.source == source and e.target == target for e in edges):
            continue
        edges.append(GhostEdge(source=source, target=target, label=edge_spec.label, attrs=dict(edge_spec.attrs)))
    return Fix(description=spec.description, nodes=list(used.values()), edges=edges, replaces=replaces)
