"""benchmarks/roles_label_consistency.py: how consistently the role labels read one label text."""

from __future__ import annotations


from .helpers import load_benchmark

label_consistency = load_benchmark("roles_label_consistency.py")


def test_only_texts_in_two_repositories_count_and_the_majority_is_counted():
    nodes = [
        ("a/one", "Response", "user"),
        ("b/two", "response", "user"),
        ("c/three", "Response", "unknown"),
        ("a/one", "Vector<br/>store", "retrieval"),
        ("b/two", "vector   store", "retrieval"),
        ("a/one", "Grafana", "monitoring"),  # two nodes, one repository: not a recurring text
        ("a/one", "Grafana", "infra_monitoring"),
    ]
    assert label_consistency.consistency(nodes) == {
        "texts": 2,
        "nodes": 5,
        "agreeing": 4,
        "share": 0.8,
        "read_two_ways": {"response": [("user", 2), ("unknown", 1)]},
    }


def test_no_recurring_text_gives_no_share():
    assert label_consistency.consistency([("a/one", "LLM", "model_inference")]) == {
        "texts": 0, "nodes": 0, "agreeing": 0, "share": None, "read_two_ways": {},
    }
