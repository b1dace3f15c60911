"""Architecture-like designs of any size for the scale tests: services in clusters, labelled edges."""

from __future__ import annotations

import random

from aidlint.model import Design, Edge, Group, Node

_KINDS = ("API gateway", "Auth service", "Chat backend", "Feature store", "Vector index", "Event queue", "Batch ETL job", "Chat LLM")
_VERBS = ("calls", "reads", "writes", "publishes events", "streams tokens", "fetches features")


def architecture(edges: int, clusters: int = 8, seed: int = 7) -> Design:
    """A design of about ``edges`` labelled edges among ``edges // 2`` nodes spread over ``clusters`` groups."""
    rng = random.Random(seed)
    node_count = max(4, edges // 2)
    groups = [Group(id=f"tier{g}", label=f"Tier {g} services") for g in range(clusters)]
    nodes = []
    for index in range(node_count):
        group = groups[index % clusters]
        node_id = f"svc{index}"
        nodes.append(Node(id=node_id, label=f"{_KINDS[index % len(_KINDS)]} {index}", group=group.id))
        group.members.append(node_id)
    nodes.insert(0, Node(id="user", label="End user"))
    edge_list = [Edge(source="user", target="svc0", label="requests")]
    seen = {("user", "svc0")}
    while len(edge_list) < edges:
        a, b = rng.randrange(node_count), rng.randrange(node_count)
        # Mostly forward, like a request flowing through tiers, with some calls back.
        if a == b or (rng.random() < 0.8 and a > b):
            continue
        key = (f"svc{a}", f"svc{b}")
        if key in seen:
            continue
        seen.add(key)
        edge_list.append(Edge(source=key[0], target=key[1], label=rng.choice(_VERBS)))
    return Design(name=f"Generated architecture ({edges} edges)", path=f"generated-{edges}.aidl", format="aidl", nodes=nodes, edges=edge_list, groups=groups)
