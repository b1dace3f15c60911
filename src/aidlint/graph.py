"""The design as a networkx DiGraph with each node's role, for library users and pictures; the rules
search plain adjacency lists (rules/search.py), so that a check never imports networkx."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aidlint.model import Design

if TYPE_CHECKING:
    import networkx as nx

    from aidlint.roles.infer import RoleAssignment


def build_graph(design: Design, roles: dict[str, "RoleAssignment"], edges: list[tuple[str, str]] | None = None) -> "nx.DiGraph":
    """Nodes carry their ``role``; parallel edges collapse into one, since rules look at reachability.

    Labels, spans and attributes stay on the design's own nodes and edges (the graph is built for
    every check of every file, so it carries only what the searches need).
    """
    import networkx as nx  # imported here: it costs a noticeable part of a pre-commit run

    graph = nx.DiGraph(name=design.name)
    graph.add_nodes_from((node.id, {"role": roles[node.id].role}) for node in design.nodes)
    # ``edges``: the arrows as read (two-headed arrows both ways, implied responses added; rules/responses.py)
    graph.add_edges_from(edges if edges is not None else ((edge.source, edge.target) for edge in design.edges))
    return graph
