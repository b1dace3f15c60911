"""A graph's edges and an edge case are no public edge (docs/roles.md); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Edges<br/>CITES · MENTIONS", "unknown"),  # a knowledge graph's edges
        ("Rewrite graph edges", "unknown"),
        ("Fuzzer (edge-case injection)", "unknown"),  # test inputs, no gateway
        ("Edge cases", "unknown"),
        ("Edge proxy", "api_gateway"),  # the edge, as written, keeps its reading
        ("Edge", "api_gateway"),
    ],
)
def test_a_graphs_edges_and_edge_cases_are_no_edge(label, role):
    assert reading_of(label).role == role
