"""The gap diagram as data: a design with its findings' fixes drawn in, before any format.

Every picture format (DOT, Mermaid, HTML) renders this one model, so the annotations cannot drift
between them: real nodes and edges as the authors drew them, ghost nodes and edges from each finding's
fix, the edges a fix replaces, the nodes each finding is about and each finding's witness path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aidlint.model import UNKNOWN_ROLE, Design, Edge, Finding, Fix, GhostEdge, GhostNode, Node, Severity
from aidlint.roles.infer import RoleAssignment

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


#: Rounds of re-checking the fixed design (see :func:`compose_fixes`); real designs settle in one or two.
MAX_FIX_ROUNDS = 8


@dataclass
class _Fixes:
    """What the fixes add and remove, each with the index of the finding it closes."""

    nodes: dict[str, tuple[GhostNode, list[int]]] = field(default_factory=dict)
    edges: dict[tuple[str, str], tuple[GhostEdge, list[int]]] = field(default_factory=dict)
    replaced: dict[tuple[str, str], list[int]] = field(default_factory=dict)


def compose_fixes(design: Design, findings: list[Finding], rules: list | None, vocabulary=None) -> _Fixes:
    """The fixes of all ``findings`` applied together, so that they close every gap at once.

    Each finding's fix is computed alone, and fixes on one path (a registry, an eval gate and a canary
    between training and serving) would bypass each other. So fixes are applied one at a time, the way
    a person would: apply one, check the fixed design again, apply the fix of the first gap a drawn
    rule still finds (it now sees the ghosts already drawn), and so on, each ghost credited to the
    original finding of its rule. Without ``rules`` every finding's own fix is drawn as it is.
    """
    fixes = _Fixes()
    working = design.model_copy(deep=True)
    with_fix = [(index, finding) for index, finding in enumerate(findings) if finding.fix is not None]
    if rules is None:
        for index, finding in with_fix:
            _apply(working, finding.fix, index, fixes)
        return fixes
    from aidlint.rules.runner import check_design

    drawn_rules = {finding.rule_id for _, finding in with_fix}
    current = with_fix[0][1] if with_fix else None
    for _ in range(len(with_fix) + MAX_FIX_ROUNDS):
        if current is None:
            break
        _apply(working, current.fix, _original(findings, current), fixes)
        remaining = (f for f in check_design(working, rules, vocabulary) if f.rule_id in drawn_rules and f.fix is not None)
        current = next(remaining, None)
    return fixes


def _original(findings: list[Finding], later: Finding) -> int:
    """The index of the original finding a later round's finding continues (same rule, same nodes)."""
    same_rule = [i for i, f in enumerate(findings) if f.rule_id == later.rule_id]
    return next((i for i in same_rule if findings[i].nodes == later.nodes), same_rule[0])


def _apply(working: Design, fix: Fix, index: int, fixes: _Fixes) -> None:
    # A later round's ghost that is the one this finding already drew (same role, same label) is
    # that ghost: the gate moves onto the bypass instead of being drawn twice.
    alias = {}
    for ghost in fix.nodes:
        same = next((g.id for g, credited in fixes.nodes.values() if index in credited and (g.role, g.label) == (ghost.role, ghost.label)), None)
        if same is not None:
            alias[ghost.id] = same
    existing = {node.id for node in working.nodes}
    for ghost in fix.nodes:
        if ghost.id in alias:
            continue
        if ghost.id not in existing:
            working.nodes.append(Node(id=ghost.id, label=ghost.label, role=ghost.role, attrs=dict(ghost.attrs)))
            existing.add(ghost.id)
        _credit(fixes.nodes.setdefault(ghost.id, (ghost, []))[1], index)
    for ghost_edge in fix.edges:
        key = (alias.get(ghost_edge.source, ghost_edge.source), alias.get(ghost_edge.target, ghost_edge.target))
        if key[0] == key[1]:
            continue
        if key not in fixes.edges:
            working.edges.append(Edge(source=key[0], target=key[1], label=ghost_edge.label, attrs=dict(ghost_edge.attrs)))
            ghost_edge = GhostEdge(source=key[0], target=key[1], label=ghost_edge.label, attrs=dict(ghost_edge.attrs))
        _credit(fixes.edges.setdefault(key, (ghost_edge, []))[1], index)
    for key in fix.replaces:
        working.edges[:] = [edge for edge in working.edges if (edge.source, edge.target) != key]
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
    findings = [f for f in findings if f.rule_id != "SYN001"]
    nodes = [
        GapNode(n.id, n.label or n.id, roles[n.id].role if n.id in roles else UNKNOWN_ROLE, roles[n.id].reason if n.id in roles else "", n.group)
        for n in design.nodes
    ]
    by_id = {node.id: node for node in nodes}
    edges = [GapEdge(e.source, e.target, e.label, "real") for e in design.edges]
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
