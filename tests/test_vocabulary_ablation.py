"""benchmarks/vocabulary_ablation.py: in how many repositories an entry earns and costs nodes."""

from __future__ import annotations

from collections import Counter

import pytest

from aidlint.roles.infer import assign_roles

from .helpers import design_from, load_benchmark

vocabulary_ablation = load_benchmark("vocabulary_ablation.py")


def test_an_entry_earns_where_removing_it_loses_nodes_and_costs_where_removing_it_gains():
    with_entry = Counter({"a/one": 10, "b/two": 4, "c/three": 7})
    without_entry = Counter({"a/one": 8, "b/two": 5, "c/three": 7})
    assert vocabulary_ablation.repositories_moved(with_entry, without_entry) == (1, 1)


def test_a_repository_missing_on_one_side_counts_as_no_correct_node():
    assert vocabulary_ablation.repositories_moved(Counter({"a/one": 2}), Counter()) == (1, 0)
    assert vocabulary_ablation.repositories_moved(Counter(), Counter({"a/one": 2})) == (0, 1)


@pytest.mark.parametrize("name", vocabulary_ablation.PASSES)
def test_every_pass_can_be_left_out_and_the_roles_are_still_read(name):
    # The deploy pass of this design reads "GPU Prod" as the model it serves; without that pass (and
    # without any other) every box still gets a reading.
    design = design_from(
        'flowchart LR\n  t["Model training"] --> r[("Model registry")] --> d["Deploy"] --> g["GPU Prod"]\n'
        '  u["User"] --> g\n  subgraph s["Safety Layer"]\n    c["Consent Checker"]\n  end\n  g --> c --> u\n',
        "mermaid",
        "design.mmd",
    )
    with vocabulary_ablation.without_pass(name):
        roles = assign_roles(design)
    assert set(roles) == {"t", "r", "d", "g", "u", "c"}
