"""The design as a networkx DiGraph with each node's role: what every rule reads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aidlint.model import Design

if TYPE_CHECKING:
    import networkx as nx

    from aidlint.roles.infer import RoleAssignment


def build_graph(design: Design, roles: dict[str, "RoleAssignment"]) -> "nx.DiGraph":
    """Nodes keep ``role``, ``label`` and ``span``; parallel edges collapse into one (rules look at reachability)."""
    import networkx as nx

    graph = nx.DiGraph(name=design.name)
    for node in design.nodes:
        graph.add_node(node.id, role=roles[node.id].role, label=node.label, span=node.span, attrs=node.attrs)
    for edge in design.edges:
        if not graph.has_edge(edge.source, edge.target):
            graph.add_edge(edge.source, edge.target, label=edge.label, attrs=edge.attrs, span=edge.span)
    return graph
