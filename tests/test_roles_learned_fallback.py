"""benchmarks/roles_learned_fallback.py: a learned reader, scored by leaving each repository out."""

from __future__ import annotations

from .helpers import load_benchmark

learned = load_benchmark("roles_learned_fallback.py")
Example = learned.Example


def ex(repo, truth, aidlint, how, *features):
    return Example(repo, truth, aidlint, how, frozenset(features))


def test_naive_bayes_prefers_the_role_whose_features_it_saw():
    model = learned.NaiveBayes(
        [ex("a/1", "data_store", "data_store", "label", "last:db"), ex("b/2", "data_store", "data_store", "label", "last:db"),
         ex("c/3", "user", "user", "label", "last:user")]
    )
    role, confidence = model.predict(frozenset({"last:db"}))
    assert role == "data_store" and 0.5 < confidence < 1


def test_a_fallback_only_touches_unread_nodes_and_counts_what_it_changes_per_repository():
    examples = [
        # two repositories teach that "last:db" is a store
        ex("a/1", "data_store", "data_store", "label", "last:db"),
        ex("b/2", "data_store", "data_store", "label", "last:db"),
        # the third leaves one such node unread, and reads a second one right by its words
        ex("c/3", "data_store", "unknown", "unknown", "last:db"),
        ex("c/3", "user", "user", "label", "last:db"),
    ]
    row = learned.score_use(examples, "fallback", 0.5)
    # only c/3's unread node may change; a and b, left out in turn, learn from the rest
    assert (row["changed"], row["right"], row["wrong"]) == (1, 1, 0)
    assert (row["repositories_up"], row["repositories_down"]) == (1, 0)


def test_an_override_also_changes_nodes_read_by_their_words():
    examples = [
        ex("a/1", "data_store", "data_store", "label", "last:db"),
        ex("b/2", "data_store", "data_store", "label", "last:db"),
        ex("c/3", "user", "user", "label", "last:db"),
    ]
    row = learned.score_use(examples, "override", 0.5)
    assert (row["changed"], row["right"], row["wrong"]) == (1, 0, 1)
    assert (row["repositories_up"], row["repositories_down"]) == (0, 1)
