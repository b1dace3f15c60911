"""Which vocabulary entries and reading passes earn their place: remove each in turn, score the dev split.

For every synonym of data/vocabulary.toml, every word of a `[terms]` list and every position or structure
pass of roles/infer.py that could touch a dev diagram (its words occur in a dev label or ID), this
removes that one entry, re-infers the roles of the dev split of the role benchmark
(benchmarks/data/roles/) and prints how many nodes and how much macro precision and recall it changes, and
in how many repositories the entry earns nodes and in how many it costs some. An entry that earns in one
repository alone is tuned to it unless a reader would state it as a general rule (``--one-repository``
lists those).
An entry whose removal *helps* (positive delta) hurts on real diagrams: remove it, or narrow it, and
measure again. Only the dev split is read: the held-out split stays unseen (roles_accuracy.py).

    python benchmarks/vocabulary_ablation.py [--top N] [--all] [--one-repository]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import roles_accuracy  # noqa: E402  (the benchmark's loader and scorer, beside this file)

#: The passes roles/infer.py runs after the reading of the words (by their names there), ablated one at a time.
PASSES = (
    "_interfaces_at_the_ends",
    "_messages_and_sources_by_position",
    "people_at_the_ends",
    "registry_by_position",
    "development_by_position",
    "released_models",
    "_called_by_tools",
    "checks_outside_lifecycle",
    "roles_from_groups",
)


def load_dev():
    """(labels, designs) of the dev split, each diagram parsed once."""
    from aidlint.frontends import load_file

    loaded = []
    for label in roles_accuracy.load_labels():
        if label.split != "dev":
            continue
        path = roles_accuracy.diagram_path(label.file)
        designs = load_file(path) if path is not None else []
        loaded.append((label, designs))
    return loaded


def score(loaded, vocabulary) -> tuple[int, float, float, Counter]:
    """Correct nodes, macro precision and recall over the roles the rules use, correct nodes per repository."""
    from aidlint.roles.infer import assign_roles

    pairs, errors = [], []
    per_repository: Counter = Counter()
    for label, designs in loaded:
        predicted = {}
        for design in designs:
            for node_id, assignment in assign_roles(design, vocabulary).items():
                predicted[node_id] = assignment.role
        for node_id, truth in label.nodes.items():
            guess = predicted.get(node_id, roles_accuracy.UNKNOWN)
            pairs.append((truth, guess))
            per_repository[label.repo] += truth == guess
    figures = roles_accuracy._figures(pairs, errors, [], len(loaded), "dev")
    correct = sum(1 for truth, guess in pairs if truth == guess)
    return correct, figures["macro_precision"] or 0.0, figures["macro_recall"] or 0.0, per_repository


def repositories_moved(base: Counter, without: Counter) -> tuple[int, int]:
    """In how many repositories an entry earns nodes (removing it loses some there) and costs nodes."""
    repositories = set(base) | set(without)
    earns = sum(1 for repo in repositories if base[repo] > without[repo])
    costs = sum(1 for repo in repositories if base[repo] < without[repo])
    return earns, costs


def dev_words(loaded) -> set[str]:
    from aidlint.roles.vocabulary import tokenize

    words: set[str] = set()
    for _, designs in loaded:
        for design in designs:
            for node in design.nodes:
                for text in (node.label or "", node.id):
                    words.update(t.text for t in tokenize(text, compounds=True))
    return words


def variants(vocabulary, words: set[str], everything: bool):
    """(name, vocabulary without that entry) for each entry that could matter on the dev split."""
    from aidlint.roles.vocabulary import Vocabulary, tokenize

    for index, synonym in enumerate(vocabulary.synonyms):
        if everything or synonym.forms[0] & words or "".join(t.text for t in tokenize(synonym.written)) in words:
            rest = vocabulary.synonyms[:index] + vocabulary.synonyms[index + 1 :]
            yield f"{synonym.role} synonym {synonym.written!r}", Vocabulary(vocabulary.precedence, rest, vocabulary.not_with, vocabulary.terms)
    for term, entries in vocabulary.terms.items():
        for entry in entries:
            tokens = {t.text for t in tokenize(entry)}
            if everything or tokens & words or not tokens:
                terms = dict(vocabulary.terms)
                terms[term] = [e for e in entries if e != entry]
                yield f"terms.{term} {entry!r}", Vocabulary(vocabulary.precedence, vocabulary.synonyms, vocabulary.not_with, terms)


@contextmanager
def without_pass(name: str):
    from aidlint.roles import infer

    original = getattr(infer, name)
    # A pass that changes nothing: the passes change the roles in place, and the one that returns what it
    # did (released_models: the boxes it read as the model they serve) then reports nothing.
    setattr(infer, name, lambda *args, **kwargs: {})
    try:
        yield
    finally:
        setattr(infer, name, original)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=25, help="print the N entries that help most and hurt most")
    parser.add_argument("--all", action="store_true", help="try every entry, not only those whose words occur in dev")
    parser.add_argument(
        "--one-repository",
        action="store_true",
        help="list only the entries that earn nodes in one dev repository alone: what issue 15 forbids unless a reader would state it as a general rule",
    )
    args = parser.parse_args(argv)
    from aidlint.roles.vocabulary import load_vocabulary

    loaded = load_dev()
    vocabulary = load_vocabulary()
    base = score(loaded, vocabulary)
    print(f"dev baseline: {base[0]} correct nodes, macro precision {base[1]:.3f} recall {base[2]:.3f}")
    base_figures, base_repositories = base[:3], base[3]
    rows = []
    for name in PASSES:
        with without_pass(name):
            rows.append((f"pass {name}", score(loaded, vocabulary)))
    for name, variant in variants(vocabulary, dev_words(loaded), args.all):
        rows.append((name, score(loaded, variant)))
    changed = [
        (name, (c - base[0], p - base[1], r - base[2], *repositories_moved(base_repositories, by_repo)))
        for name, (c, p, r, by_repo) in rows
        if (c, p, r) != base_figures or by_repo != base_repositories
    ]
    if args.one_repository:
        changed = [row for row in changed if row[1][3] == 1]
    changed.sort(key=lambda row: (row[1][0], row[1][1] + row[1][2]))
    print(f"{len(rows)} entries tried, {len(changed)} change the dev figures; removing each gives:")
    print(f"{'nodes':>6} {'macro P':>8} {'macro R':>8} {'earns in':>8} {'costs in':>8}  entry (repositories)")
    shown = changed if len(changed) <= 2 * args.top else changed[: args.top] + [None] + changed[-args.top :]
    for row in shown:
        if row is None:
            print("   ...")
            continue
        name, (nodes, precision, recall, earns, costs) = row
        print(f"{nodes:+6d} {precision:+8.3f} {recall:+8.3f} {earns:8d} {costs:8d}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
