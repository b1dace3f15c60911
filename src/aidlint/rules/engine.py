"""The one engine that evaluates every rule, built-in or custom, in time linear in nodes plus edges.

Every kind reduces to breadth-first searches over the graph with some nodes deleted (never an
enumeration of paths). Two conventions from rules.md hold in every search: a user node is only ever the
first or last node of a path (data does not flow *through* people), and a *serving* path avoids the
lifecycle side of the design.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Iterable

from aidlint.graph import build_graph
from aidlint.model import UNKNOWN_ROLE, Design, Finding, Fix, GhostEdge, GhostNode, Severity, Span
from aidlint.roles.infer import RoleAssignment, is_known_role
from aidlint.roles.vocabulary import Vocabulary
from aidlint.rules.spec import (
    AnyOf,
    DeclaredRoleValid,
    EdgeExists,
    MustPassThrough,
    MustReach,
    RequiresRole,
    RoleFilter,
    RoleKnown,
    RuleSpec,
    Selector,
    SomePathThrough,
    SuppressionsCurrent,
    SuppressionsReasoned,
    SuppressionsUsed,
    SyntaxValid,
)

#: Roles of the lifecycle side: a serving path never passes through them.
LIFECYCLE_ROLES = frozenset(
    {
        "training_pipeline",
        "evaluation",
        "model_registry",
        "deployment_controller",
        "feedback_collector",
        "human_review",
        "pii_scrubber",
        "monitoring",
        "alerting",
    }
)


@dataclass
class DesignContext:
    """A design prepared for rules: roles, adjacency in source order, and selector look-ups."""

    design: Design
    roles: dict[str, RoleAssignment]
    vocabulary: Vocabulary
    order: dict[str, int] = field(init=False)
    users: frozenset[str] = field(init=False)
    lifecycle: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.order = {node.id: index for index, node in enumerate(self.design.nodes)}
        self.graph = build_graph(self.design, self.roles)
        self._ids = list(self.order)
        # Neighbours as node numbers in source order, so that searches and witnesses are deterministic.
        order, succ, pred = self.order, self.graph.succ, self.graph.pred
        self._succ_idx = [sorted(order[t] for t in succ[n]) for n in self._ids]
        self._pred_idx = [sorted(order[t] for t in pred[n]) for n in self._ids]
        by_role: dict[str, list[str]] = {}
        for node_id, assignment in self.roles.items():
            by_role.setdefault(assignment.role, []).append(node_id)
        self._by_role = by_role
        self.users = frozenset(by_role.get("user", ()))
        self._is_user = bytearray(len(self._ids))
        for node_id in self.users:
            self._is_user[self.order[node_id]] = 1
        self.lifecycle = frozenset(n for n, a in self.roles.items() if a.role in LIFECYCLE_ROLES)
        self._nodes = {node.id: node for node in self.design.nodes}
        self._matching_cache: dict[tuple, list[str]] = {}

    def role(self, node_id: str) -> str:
        return self.roles[node_id].role

    def matching(self, selectors: Iterable[Selector]) -> list[str]:
        """Nodes (in source order) that match any selector; cached, since fixes ask for every finding."""
        key = tuple(selectors)
        cached = self._matching_cache.get(key)
        if cached is None:
            cached = self._matching_cache[key] = self._match(key)
        return cached

    def _match(self, selectors: tuple[Selector, ...]) -> list[str]:
        selected: set[str] = set()
        for selector in selectors:
            if isinstance(selector, str):
                selected.update(self._by_role.get(selector, ()))
            else:
                selected.update(n for n in self._by_role.get(selector.role, ()) if self._mentions(n, selector))
        return sorted(selected, key=self.order.__getitem__)

    def _mentions(self, node_id: str, selector: RoleFilter) -> bool:
        if selector.mentions is None:
            return True
        node = self._nodes[node_id]
        text = " ".join([node.label or node.id, *(f"{k} {v}" for k, v in sorted(node.attrs.items()))])
        return self.vocabulary.term_matches(selector.mentions, text)

    def label(self, node_id: str) -> str:
        node = self._nodes.get(node_id)
        return node.label if node is not None and node.label else node_id

    def span(self, node_id: str) -> Span | None:
        node = self._nodes.get(node_id)
        return node.span if node is not None else None

    def search(self, sources: Iterable[str], blocked: Iterable[str] = (), reverse: bool = False) -> "Reach":
        """Breadth-first search; the result maps each reached node to its parent (None for sources).

        Sources are never blocked. A user reached from elsewhere is a path's end, not a conduit.
        The graph's adjacency is copied once into lists of numbered nodes and the search runs over those:
        on 100k-node designs, string-keyed dicts made each step several times slower once they no
        longer fit in the CPU's caches.
        """
        adjacency = self._pred_idx if reverse else self._succ_idx
        index = self.order
        size = len(self._ids)
        unreached, source_mark = -2, -1
        parent = [unreached] * size
        stop = bytearray(size)
        for node_id in blocked:
            stop[index[node_id]] = 1
        queue: deque[int] = deque()
        for node_id in sources:
            i = index[node_id]
            if parent[i] == unreached:
                parent[i] = source_mark
                queue.append(i)
        is_user = self._is_user
        while queue:
            current = queue.popleft()
            if is_user[current] and parent[current] != source_mark:
                continue
            for neighbour in adjacency[current]:
                if parent[neighbour] == unreached and not stop[neighbour]:
                    parent[neighbour] = current
                    queue.append(neighbour)
        return Reach(parent, index, self._ids)


class Reach:
    """The result of a search: ``node in reach``, and ``reach[node]`` is its parent (None: a source)."""

    __slots__ = ("_parent", "_index", "_ids")

    def __init__(self, parent: list[int], index: dict[str, int], ids: list[str]) -> None:
        self._parent, self._index, self._ids = parent, index, ids

    def __contains__(self, node_id: str) -> bool:
        return self._parent[self._index[node_id]] != -2

    def __getitem__(self, node_id: str) -> str | None:
        parent = self._parent[self._index[node_id]]
        if parent == -2:
            raise KeyError(node_id)
        return None if parent == -1 else self._ids[parent]


def path_to(parents: "Reach", end: str) -> list[str]:
    path = [end]
    while (parent := parents[path[-1]]) is not None:
        path.append(parent)
    path.reverse()
    return path


@dataclass
class Violation:
    """What a check found, before it becomes a Finding."""

    subject: str | None
    witness: list[str] = field(default_factory=list)
    nodes: list[str] = field(default_factory=list)
    variant: str | None = None
    """Which of the rule's message variants fits: ``bypassed`` (a node of the ``through`` roles exists,
    but this path avoids it) or ``unreached`` (no source reaches any target at all)."""


def evaluate(rule: RuleSpec, context: DesignContext) -> list[Violation]:
    for alternatives in rule.applies_when:
        if not context.matching(alternatives):
            return []
    return _CHECKS[type(rule.check)](rule.check, context)


def _blocked_base(check, context: DesignContext) -> frozenset[str]:
    return context.lifecycle if check.paths == "serving" else frozenset()


def _bypassed(through) -> str | None:
    return "bypassed" if through else None


def _must_pass_through(check: MustPassThrough, context: DesignContext) -> list[Violation]:
    sources, targets = context.matching(check.source), context.matching(check.target)
    if not sources or not targets:
        return []
    through = set(context.matching(check.through))
    base = _blocked_base(check, context)
    violations = []
    if check.report == "each-target":
        parents = context.search(sources, base | through)
        for target in targets:
            if target in parents and parents[target] is not None:
                violations.append(Violation(target, path_to(parents, target), [target], _bypassed(through)))
    else:
        parents = context.search(targets, base | through, reverse=True)
        for source in sources:
            if source in parents and parents[source] is not None:
                witness = list(reversed(path_to(parents, source)))
                violations.append(Violation(source, witness, [source], _bypassed(through)))
    if check.when_unreached and not violations:
        reached = context.search(sources, base)
        if not any(t in reached for t in targets):
            violations.append(Violation(None, [], [], "unreached"))
    return violations


def _must_reach(check: MustReach, context: DesignContext) -> list[Violation]:
    sources, targets = context.matching(check.source), set(context.matching(check.target))
    base = _blocked_base(check, context)
    if check.quantifier == "each":
        starts = targets
        if check.via:
            # Nodes of `via` that reach a target; a source must reach one of those.
            reaches_target = context.search(targets, base, reverse=True)
            starts = {v for v in context.matching(check.via) if v in reaches_target}
        reaching = context.search(starts, base, reverse=True)
        return [Violation(s, [], [s]) for s in sources if s not in reaching]
    reached = context.search(sources, base)
    if check.via:
        reached = context.search([v for v in context.matching(check.via) if v in reached], base)
    if any(t in reached for t in targets):
        return []
    return [Violation(None, [], [])]


def _some_path_through(check: SomePathThrough, context: DesignContext) -> list[Violation]:
    sources, targets = context.matching(check.source), context.matching(check.target)
    base = _blocked_base(check, context)
    forward = context.search(sources, base)
    reached_targets = [t for t in targets if t in forward and forward[t] is not None]
    if not reached_targets:
        return []
    backward = context.search(targets, base, reverse=True)
    if any(n in forward and n in backward for n in context.matching(check.through)):
        return []
    witness = path_to(forward, reached_targets[0])
    return [Violation(reached_targets[0], witness, [reached_targets[0]], _bypassed(context.matching(check.through)))]


def _edge_exists(check: EdgeExists, context: DesignContext) -> list[Violation]:
    targets = set(context.matching(check.target))
    for edge in context.design.edges:
        if edge.target not in targets:
            continue
        text = " ".join(filter(None, [edge.label, edge.attrs.get("kind"), edge.attrs.get("label")]))
        if text and context.vocabulary.term_matches(check.mentions, text):
            return []
    return [Violation(None)]


def _requires_role(check: RequiresRole, context: DesignContext) -> list[Violation]:
    return [] if context.matching([check.role]) else [Violation(None)]


def _role_known(check: RoleKnown, context: DesignContext) -> list[Violation]:
    unknown = [n.id for n in context.design.nodes if context.role(n.id) == UNKNOWN_ROLE]
    return [Violation(unknown[0], [], unknown)] if unknown else []


def _declared_role_valid(check: DeclaredRoleValid, context: DesignContext) -> list[Violation]:
    return [
        Violation(node.id, [], [node.id])
        for node in context.design.nodes
        if node.role is not None and not is_known_role(node.role)
    ]


def _any_of(check: AnyOf, context: DesignContext) -> list[Violation]:
    for alternative in check.of:
        if not _CHECKS[type(alternative)](alternative, context):
            return []
    return [Violation(None)]


def _reported_elsewhere(check, context: DesignContext) -> list[Violation]:
    # SYN001 comes from the front ends (a design that reached the engine has parsed) and
    # DSN004 from the runner, once every other rule's findings are known.
    return []


_CHECKS = {
    MustPassThrough: _must_pass_through,
    MustReach: _must_reach,
    SomePathThrough: _some_path_through,
    EdgeExists: _edge_exists,
    RequiresRole: _requires_role,
    RoleKnown: _role_known,
    DeclaredRoleValid: _declared_role_valid,
    AnyOf: _any_of,
    SyntaxValid: _reported_elsewhere,
    SuppressionsUsed: _reported_elsewhere,
    SuppressionsReasoned: _reported_elsewhere,
    SuppressionsCurrent: _reported_elsewhere,
}


def describe(context: DesignContext, node_id: str) -> str:
    label = context.label(node_id)
    return f'"{label}" ({node_id})' if label != node_id else node_id


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
            key = next((k for k, g in spec.ghosts.items() if g.role == role), None)
            if key is None:
                raise ValueError(f"rule {rule.id}: fix refers to {reference} but declares no ghost of that role")
            return ghost(key)
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
        if context.graph.has_edge(source, target):
            continue
        if source == target or any(e.source == source and e.target == target for e in edges):
            continue
        edges.append(GhostEdge(source=source, target=target, label=edge_spec.label, attrs=dict(edge_spec.attrs)))
    return Fix(description=spec.description, nodes=list(used.values()), edges=edges, replaces=replaces)
