"""benchmarks/roles_label_consistency.py: how consistently the role labels read one label text."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))  # it imports roles_accuracy beside it
_spec = importlib.util.spec_from_file_location("roles_label_consistency", REPO / "benchmarks" / "roles_label_consistency.py")
label_consistency = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(label_consistency)


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
