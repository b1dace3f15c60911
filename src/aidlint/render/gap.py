"""The gap diagram as data: a design with its findings' fixes drawn in, before any format.

Every picture format (DOT, Mermaid, HTML) renders this one model, so the annotations cannot drift
between them: real nodes and edges as the authors drew them, ghost nodes and edges from each finding's
fix, the edges a fix replaces, the nodes each finding is about and each finding's witness path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aidlint.model import UNKNOWN_ROLE, Design, Edge, Finding, Fix, GhostEdge, GhostNode, Node, Severity
from aidlint.roles.infer import RoleAssignment
from aidlint.rules.sequences import senders_by_order

#: Severity colours, as dependency-cruiser's reporters use them: error red, warning orange, info blue.
SEVERITY_COLOURS = {Severity.error: "#d62728", Severity.warning: "#e67e00", Severity.info: "#1f6fd1"}
REPLACED_COLOUR = "#9e9e9e"


@dataclass
class GapNode:
    id: str
    label: str
    role: str
    reason: str
    group: str | None
    ghost: bool = False
    severity: Severity | None = None
    """Ghost: the worst severity of the findings that add it. Real: of the findings about it."""
    rules: list[str] = field(default_factory=list)
    findings: list[int] = field(default_factory=list)


@dataclass
class GapEdge:
    source: str
    target: str
    label: str | None
    kind: str
    """``real``, ``ghost`` (a fix adds it) or ``replaced`` (a fix reroutes it through a ghost)."""
    severity: Severity | None = None
    """Ghost: of the findings that add it; real: of the findings whose witness runs along it."""
    rules: list[str] = field(default_factory=list)
    findings: list[int] = field(default_factory=list)


@dataclass
class GapDiagram:
    design: Design
    findings: list[Finding]
    nodes: list[GapNode]
    edges: list[GapEdge]

    def node(self, node_id: str) -> GapNode:
        return self._by_id[node_id]

    def __post_init__(self) -> None:
        self._by_id = {node.id: node for node in self.nodes}


def _worse(current: Severity | None, new: Severity) -> Severity:
    return new if current is None or new.rank > current.rank else current


def _note(item: GapNode | GapEdge, finding: Finding, index: int) -> None:
    item.severity = _worse(item.severity, finding.severity)
    if finding.rule_id not in item.rules:
        item.rules.append(finding.rule_id)
    if index not in item.findings:
        item.findings.append(index)


#: Rounds of fixing and re-checking (see :func:`compose_fixes`); the samples settle within five.
MAX_FIX_ROUNDS = 6


@dataclass
class _Fixes:
    """What the fixes add and remove, each with the index of the finding it closes."""

    nodes: dict[str, tuple[GhostNode, list[int]]] = field(default_factory=dict)
    edges: dict[tuple[str, str], tuple[GhostEdge, list[int]]] = field(default_factory=dict)
    replaced: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    drawn: dict[tuple[int, str, str], str] = field(default_factory=dict)
    """(finding, role, label) -> the ghost drawn for it, so that a later round's ghost reuses it."""


@dataclass
class _Working:
    """The design the fixes are applied to; removed edges leave it once per round (one pass)."""

    design: Design
    node_ids: set[str]
    removed: set[tuple[str, str]] = field(default_factory=set)

    def settle(self) -> Design:
        if self.removed:
            # A fix replaces an arrow as the rules read it: a sequence diagram's message by the participant
            # it is read as sent from (rules/sequences.py).
            read_from = senders_by_order(self.design)
            self.design.edges[:] = [
                e for i, e in enumerate(self.design.edges) if (read_from.get(i, e.source), e.target) not in self.removed
            ]
            self.removed.clear()
        return self.design


def compose_fixes(design: Design, findings: list[Finding], rules: list | None, vocabulary=None) -> _Fixes:
    """The fixes of all ``findings`` applied together, so that they close every gap at once.

    Each finding's fix is computed alone, and fixes on one path (a registry, an evaluation gate and a
    canary between training and serving) would bypass each other. So fixes are applied in rounds: a
    round applies every pending fix that touches no node another fix of the round touches, then the
    fixed design is checked again, and what the drawn rules still find (now seeing the ghosts already
    drawn) is pending for the next round; each ghost is credited to the original finding of its rule.
    Rounds are capped, so the cost stays a few checks of the design; whatever is still pending then is
    drawn as its own fix says. Without ``rules`` every finding's own fix is drawn as it is.
    """
    fixes = _Fixes()
    copy = design.model_copy(deep=True)
    working = _Working(copy, {node.id for node in copy.nodes})
    pending = [finding for finding in findings if finding.fix is not None]
    drawn_rules = {finding.rule_id for finding in pending}
    original = _originals(findings)
    for _ in range(MAX_FIX_ROUNDS if rules is not None else 0):
        if not pending:
            return fixes
        touched: set[str] = set()
        for finding in pending:
            ends = {end for edge in finding.fix.edges for end in (edge.source, edge.target)}
            ends |= {end for edge in finding.fix.replaces for end in edge}
            if ends & touched:
                continue  # another fix of this round works here: this one waits for the re-check
            touched |= ends
            _apply(working, finding.fix, original(finding), fixes)
        from aidlint.rules.runner import check_design

        pending = [f for f in check_design(working.settle(), rules, vocabulary) if f.rule_id in drawn_rules and f.fix is not None]
    for finding in pending:
        _apply(working, finding.fix, original(finding), fixes)
    return fixes


def _originals(findings: list[Finding]):
    """Finding -> the index of the original finding it continues (same rule and nodes, else same rule)."""
    exact: dict[tuple[str, tuple[str, ...]], int] = {}
    by_rule: dict[str, int] = {}
    for index, finding in enumerate(findings):
        exact.setdefault((finding.rule_id, tuple(finding.nodes)), index)
        by_rule.setdefault(finding.rule_id, index)
    return lambda later: exact.get((later.rule_id, tuple(later.nodes)), by_rule[later.rule_id])


def _apply(working: _Working, fix: Fix, index: int, fixes: _Fixes) -> None:
    # A later round's ghost that is the one this finding already drew (same role, same label) is
    # that ghost: the gate moves onto the bypass instead of being drawn twice.
    alias = {g.id: fixes.drawn[key] for g in fix.nodes if (key := (index, g.role, g.label)) in fixes.drawn}
    for ghost in fix.nodes:
        if ghost.id in alias:
            continue
        if ghost.id not in working.node_ids:
            working.design.nodes.append(Node(id=ghost.id, label=ghost.label, role=ghost.role, attrs=dict(ghost.attrs)))
            working.node_ids.add(ghost.id)
        fixes.drawn.setdefault((index, ghost.role, ghost.label), ghost.id)
        _credit(fixes.nodes.setdefault(ghost.id, (ghost, []))[1], index)
    for ghost_edge in fix.edges:
        key = (alias.get(ghost_edge.source, ghost_edge.source), alias.get(ghost_edge.target, ghost_edge.target))
        if key[0] == key[1]:
            continue
        if key not in fixes.edges:
            working.design.edges.append(Edge(source=key[0], target=key[1], label=ghost_edge.label, attrs=dict(ghost_edge.attrs)))
            ghost_edge = GhostEdge(source=key[0], target=key[1], label=ghost_edge.label, attrs=dict(ghost_edge.attrs))
        _credit(fixes.edges.setdefault(key, (ghost_edge, []))[1], index)
    for key in fix.replaces:
        working.removed.add(key)
        if key in fixes.edges:
            del fixes.edges[key]  # a ghost edge a later fix reroutes was never drawn by the authors
        else:
            _credit(fixes.replaced.setdefault(key, []), index)


def _credit(indexes: list[int], index: int) -> None:
    if index not in indexes:
        indexes.append(index)


def build(design: Design, findings: list[Finding], roles: dict[str, RoleAssignment], rules: list | None = None, vocabulary=None) -> GapDiagram:
    """The gap diagram of ``design``; ``findings`` are its findings (in report order), ``rules`` the
    rules that found them (to check that the drawn fixes close every gap together)."""
    from aidlint.rules.runner import syntax_rule  # pictures come after rules in the pipeline

    unreadable = syntax_rule().id
    findings = [f for f in findings if f.rule_id != unreadable]
    nodes = [
        GapNode(n.id, n.label or n.id, roles[n.id].role if n.id in roles else UNKNOWN_ROLE, roles[n.id].shown_reason if n.id in roles else "", n.group)
        for n in design.nodes
    ]
    by_id = {node.id: node for node in nodes}
    # The arrows as the rules read them: a sequence diagram's messages drawn as the chain their order makes
    # (rules/sequences.py), the picture a flowchart of the same design would be.
    read_from = senders_by_order(design)
    edges = [GapEdge(read_from.get(i, e.source), e.target, e.label, "real") for i, e in enumerate(design.edges)]
    edges_between: dict[tuple[str, str], list[GapEdge]] = {}
    for edge in edges:
        edges_between.setdefault((edge.source, edge.target), []).append(edge)
    for index, finding in enumerate(findings):
        for node_id in finding.nodes:
            if node_id in by_id:
                _note(by_id[node_id], finding, index)
        for source, target in zip(finding.witness, finding.witness[1:]):
            for edge in edges_between.get((source, target), []):
                _note(edge, finding, index)

    fixes = compose_fixes(design, findings, rules, vocabulary)
    for ghost, indexes in fixes.nodes.values():
        if ghost.id not in by_id:
            by_id[ghost.id] = GapNode(ghost.id, ghost.label, ghost.role, "added by the fix", None, ghost=True)
            nodes.append(by_id[ghost.id])
        for index in indexes:
            _note(by_id[ghost.id], findings[index], index)
    ghost_edges = []
    for ghost_edge, indexes in fixes.edges.values():
        ghost_edges.append(GapEdge(ghost_edge.source, ghost_edge.target, ghost_edge.label, "ghost"))
        for index in indexes:
            _note(ghost_edges[-1], findings[index], index)
    for key, indexes in fixes.replaced.items():
        for edge in edges_between.get(key, []):
            edge.kind = "replaced"
            for index in indexes:
                _note(edge, findings[index], index)
    edges.extend(ghost_edges)

    # A ghost sits in the group all its real neighbours share, so a filter lands inside the cluster it guards.
    groups = {n.id: n.group for n in design.nodes}
    neighbours: dict[str, set[str | None]] = {}
    for edge in ghost_edges:
        for ghost_end, other in ((edge.source, edge.target), (edge.target, edge.source)):
            if by_id[ghost_end].ghost and other in groups:
                neighbours.setdefault(ghost_end, set()).add(groups[other])
    for ghost_id, shared in neighbours.items():
        if len(shared) == 1:
            by_id[ghost_id].group = next(iter(shared))
    return GapDiagram(design, findings, nodes, edges)
