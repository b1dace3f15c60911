"""The state of a DOT parse in progress: graphs, scopes (root graph and subgraphs), edge chains."""

from __future__ import annotations

from lark import Token

from aidlint.frontends.shared import ExpansionBudget
from aidlint.model import Design, Edge


class Scope:
    """The root graph or one subgraph while it is being read."""

    __slots__ = ("node_defaults", "edge_defaults", "graph_attrs", "saved", "group", "members", "depth", "head")

    def __init__(self, parent: "Scope | None", saved: "SavedSubgraph", group: str | None, head: Token) -> None:
        if parent is None:
            self.node_defaults, self.edge_defaults, self.depth = {}, {}, 0
            self.graph_attrs = saved.graph = {}
        else:
            # A subgraph sees its parent's node and edge defaults as they are now, under its own earlier
            # settings (cgraph keeps those dictionaries as views onto its parent's). Its graph attributes
            # are its own values, copied from the parent when it is first opened.
            self.node_defaults = {**parent.node_defaults, **saved.node}
            self.edge_defaults = {**parent.edge_defaults, **saved.edge}
            if saved.graph is None:
                saved.graph = dict(parent.graph_attrs)
            self.graph_attrs = dict(saved.graph)
            self.depth = parent.depth + 1
        self.saved = saved
        self.group = group
        self.members: dict[str, None] = {}
        self.head = head


class SavedSubgraph:
    """What a named subgraph keeps between two `subgraph NAME { }` blocks: Graphviz reopens the same one."""

    __slots__ = ("node", "edge", "graph", "members", "children", "group")

    def __init__(self) -> None:
        self.group: str | None = None
        self.node: dict[str, str] = {}
        self.edge: dict[str, str] = {}
        #: the subgraph's graph attributes; None until it is first opened
        self.graph: dict[str, str] | None = None
        self.members: dict[str, None] = {}
        self.children: dict[str, SavedSubgraph] = {}


class Endpoint:
    """A subgraph used as an edge end: the nodes named inside it, and where it is written.

    ``members`` is the subgraph's live set: Graphviz creates a statement's edges at its end, so in
    ``subgraph s {} -> subgraph s { x }`` the first end already holds ``x``.
    """

    __slots__ = ("members", "first", "last")

    def __init__(self, members: dict[str, None], first: Token, last: Token) -> None:
        self.members = members
        self.first = first
        self.last = last


class GraphBuilder:
    __slots__ = (
        "name", "strict", "directed", "head", "nodes", "edges", "edge_index",
        "groups", "scopes", "root",
    )

    def __init__(self, name: str | None, strict: bool, directed: bool, head: Token) -> None:
        self.name = name
        self.strict = strict
        self.directed = directed
        self.head = head
        #: id -> [attrs, group, span]; plain lists while reading, models once at the end
        self.nodes: dict[str, list] = {}
        #: the edges as they are drawn, their labels still in attrs (build.py takes them out at the end)
        self.edges: list[Edge] = []
        self.edge_index: dict[tuple, Edge] = {}
        #: group id -> [label, parent, members, span]
        self.groups: dict[str, list] = {}
        self.root = SavedSubgraph()
        self.scopes: list[Scope] = [Scope(None, self.root, None, head)]



class ParseState:
    def __init__(self, text: str, path: str, budget: ExpansionBudget) -> None:
        self.text = text
        self.path = path
        self.budget = budget
        self.graph: GraphBuilder | None = None
        self.designs: list[tuple[Design, int]] = []  # with the offset where each graph ends


def extent(first: Token, last: Token) -> tuple[int, int, int, int]:
    return (first.line, first.column, last.end_line, last.end_column)


class Chain(list):
    """An edge chain being read: endpoints (node lists or subgraphs) alternating with EDGEOP tokens."""

    __slots__ = ()

