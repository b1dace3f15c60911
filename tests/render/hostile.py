"""A design whose every name tries to break out of its string in some output format."""

from __future__ import annotations

from aidlint.model import Design, Edge, Group, Node

LABELS = {
    "user": 'End "user"];evil[label="x',
    "end": "<script>alert(1)</script>",
    "gw": "--> %% ] [ | ;",
    "app": "<b>HTML-like</b> <i>DOT label</i>",
    "store": "[bold red]rich markup[/] & `code` #quot; #35;",
    "odd id": 'a node whose "ID" has a space and quotes',
    "db:5432": "an ID that looks like a DOT port",
}


def hostile_design() -> Design:
    nodes = [
        Node(id="user", label=LABELS["user"], role="user"),
        Node(id="gw", label=LABELS["gw"], role="api_gateway", group="edge"),
        Node(id="app", label=LABELS["app"], role="application", group="edge"),
        Node(id="end", label=LABELS["end"], role="model_inference"),
        Node(id="store", label=LABELS["store"], role="data_store"),
        Node(id="odd id", label=LABELS["odd id"], role="audit_log"),
        Node(id="db:5432", label=LABELS["db:5432"], role="data_store"),
    ]
    edges = [
        Edge(source="user", target="gw", label='"];x -> y [label="'),
        Edge(source="gw", target="app", label="-->|injected| end"),
        Edge(source="app", target="end", label="<script>"),
        Edge(source="end", target="app"),
        Edge(source="app", target="gw"),
        Edge(source="gw", target="user"),
        Edge(source="app", target="store", label="%% not a comment"),
        Edge(source="end", target="odd id"),
        Edge(source="app", target="db:5432", label="SELECT \\\"x\\\""),
    ]
    groups = [Group(id="edge", label='"} subgraph evil { x', members=["gw", "app"])]
    return Design(name='Hostile "design" <script>', path="hostile.aidl", format="aidl", nodes=nodes, edges=edges, groups=groups)
