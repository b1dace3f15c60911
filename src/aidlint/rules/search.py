"""What every check kind searches with: a design prepared for rules, and linear breadth-first search.

Every kind reduces to breadth-first searches over the graph with some nodes deleted (never an
enumeration of paths). Two conventions from docs/rules.md hold in every search: a user node is only
ever the first or last node of a path (data does not flow *through* people), and a *serving* path
avoids the lifecycle side of the design.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Iterable, Literal

from aidlint.model import Design, Span
from aidlint.roles.infer import RoleAssignment
from aidlint.roles.vocabulary import Vocabulary
from aidlint.rules.selectors import RoleFilter, Selector

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
    drawn: list[tuple[str, str]] | None = None
    """The arrows as read, two-headed ones both ways (None: the design's edges as written)."""
    implied: list[tuple[str, str]] = field(default_factory=list)
    """Response edges the request arrows imply (rules/responses.py); findings that use one say so."""
    order: dict[str, int] = field(init=False)
    users: frozenset[str] = field(init=False)
    lifecycle: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.order = order = {node.id: index for index, node in enumerate(self.design.nodes)}
        self._ids = list(order)
        # Neighbours as node numbers in source order, so that searches and witnesses are deterministic;
        # parallel edges collapse into one (rules look at reachability). Built straight from the arrows
        # as read (two-headed arrows both ways, implied responses added: rules/responses.py): a networkx
        # graph here cost more to import than a small check takes (benchmarks/startup.py).
        arrows = (
            [*self.drawn, *self.implied]
            if self.drawn is not None
            else [(edge.source, edge.target) for edge in self.design.edges]
        )
        succ: list[set[int]] = [set() for _ in self._ids]
        pred: list[set[int]] = [set() for _ in self._ids]
        for source_id, target_id in arrows:
            source, target = order[source_id], order[target_id]
            succ[source].add(target)
            pred[target].add(source)
        self._succ_idx = [sorted(targets) for targets in succ]
        self._pred_idx = [sorted(sources) for sources in pred]
        self._succ_sets = succ
        by_role: dict[str, list[str]] = {}
        by_part: dict[str, list[str]] = {}
        for node_id, assignment in self.roles.items():
            by_role.setdefault(assignment.role, []).append(node_id)
            for part in assignment.parts:
                by_part.setdefault(part, []).append(node_id)
        self._by_role = by_role
        self._by_part = by_part
        self.users = frozenset(by_role.get("user", ()))
        self._is_user = bytearray(len(self._ids))
        for node_id in self.users:
            self._is_user[self.order[node_id]] = 1
        self.lifecycle = frozenset(n for n, a in self.roles.items() if a.role in LIFECYCLE_ROLES)
        self._nodes = {node.id: node for node in self.design.nodes}
        self._matching_cache: dict[tuple, list[str]] = {}

    def has_edge(self, source: str, target: str) -> bool:
        """Whether the design has an edge ``source -> target`` (False for ghost nodes of a fix)."""
        source_index, target_index = self.order.get(source), self.order.get(target)
        return source_index is not None and target_index is not None and target_index in self._succ_sets[source_index]

    def role(self, node_id: str) -> str:
        return self.roles[node_id].role

    def matching(self, selectors: Iterable[Selector], parts: bool = False) -> list[str]:
        """Nodes (in source order) that match any selector; cached, since fixes ask for every finding.
        ``parts``: also boxes that list a selector's role beside their own (roles/parts.py), for what a
        rule asks for on the way or at the end, never for its subjects."""
        key = (tuple(selectors), parts)
        cached = self._matching_cache.get(key)
        if cached is None:
            cached = self._matching_cache[key] = self._match(key[0], parts)
        return cached

    def _with_role(self, role: str, parts: bool) -> list[str]:
        return [*self._by_role.get(role, ()), *(self._by_part.get(role, ()) if parts else ())]

    def _match(self, selectors: tuple[Selector, ...], parts: bool) -> list[str]:
        selected: set[str] = set()
        for selector in selectors:
            if isinstance(selector, str):
                selected.update(self._with_role(selector, parts))
            else:
                candidates = [n for n in self._with_role(selector.role, parts) if self._mentions(n, selector)]
                if not selector.messages:
                    candidates = [n for n in candidates if self.roles[n].how != "payload"]
                if selector.reached_from and candidates:
                    reach = self._reached_along_drawn(self.matching(selector.reached_from))
                    candidates = [n for n in candidates if n in reach]
                if selector.fed_by and candidates:
                    feeders = set(self.matching(selector.fed_by))
                    fed = {target for source, target in self._drawn_arrows() if source in feeders}
                    candidates = [n for n in candidates if n in fed]
                selected.update(candidates)
        return sorted(selected, key=self.order.__getitem__)

    def _mentions(self, node_id: str, selector: RoleFilter) -> bool:
        if selector.mentions is None and selector.unless is None:
            return True
        node = self._nodes[node_id]
        text = " ".join([node.label or node.id, *(f"{k} {v}" for k, v in sorted(node.attrs.items()))])
        if selector.unless is not None and self.vocabulary.term_matches(selector.unless, text):
            return False
        return selector.mentions is None or self.vocabulary.term_matches(selector.mentions, text)

    def _drawn_arrows(self) -> list[tuple[str, str]]:
        return self.drawn if self.drawn is not None else [(edge.source, edge.target) for edge in self.design.edges]

    def _reached_along_drawn(self, sources: list[str]) -> set[str]:
        """Nodes one drawn arrow or more from the sources, never through a person. Selectors look at the
        arrows as drawn: a response implied back along a request path carries an answer, not a release."""
        successors: dict[str, list[str]] = {}
        for source, target in self._drawn_arrows():
            successors.setdefault(source, []).append(target)
        reached: set[str] = set()
        starts = set(sources)
        queue = deque(sources)
        while queue:
            current = queue.popleft()
            if current in self.users and current not in starts:
                continue
            for target in successors.get(current, ()):
                if target not in reached:
                    reached.add(target)
                    queue.append(target)
        return reached

    def label(self, node_id: str) -> str:
        node = self._nodes.get(node_id)
        return node.label if node is not None and node.label else node_id

    def span(self, node_id: str) -> Span | None:
        node = self._nodes.get(node_id)
        return node.span if node is not None else None

    def blocked_base(self, paths: Literal["all", "serving"]) -> frozenset[str]:
        """Nodes every search of a check avoids: the lifecycle side for ``serving`` paths."""
        return self.lifecycle if paths == "serving" else frozenset()

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


def path_to(parents: Reach, end: str) -> list[str]:
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
    also: list[str] = field(default_factory=list)
    """Other models with the same gap, reported in this one finding (engine.group_by_gap)."""
    through_nodes: list[str] = field(default_factory=list)
    """The design's nodes of the ``through`` roles, in design order: with the ``bypassed`` variant the fix
    routes the witness through one of them rather than drawing a second one."""


def bypassed(through: list[str] | set[str]) -> str | None:
    """The ``bypassed`` variant when nodes of the ``through`` roles exist (a path merely avoids them)."""
    return "bypassed" if through else None
