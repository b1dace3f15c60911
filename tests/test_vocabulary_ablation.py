"""benchmarks/vocabulary_ablation.py: in how many repositories an entry earns and costs nodes."""

from __future__ import annotations

from collections import Counter

from .helpers import load_benchmark

vocabulary_ablation = load_benchmark("vocabulary_ablation.py")


def test_an_entry_earns_where_removing_it_loses_nodes_and_costs_where_removing_it_gains():
    with_entry = Counter({"a/one": 10, "b/two": 4, "c/three": 7})
    without_entry = Counter({"a/one": 8, "b/two": 5, "c/three": 7})
    assert vocabulary_ablation.repositories_moved(with_entry, without_entry) == (1, 1)


def test_a_repository_missing_on_one_side_counts_as_no_correct_node():
    assert vocabulary_ablation.repositories_moved(Counter({"a/one": 2}), Counter()) == (1, 0)
    assert vocabulary_ablation.repositories_moved(Counter(), Counter({"a/one": 2})) == (0, 1)
