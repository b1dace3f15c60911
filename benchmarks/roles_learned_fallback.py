"""Would a reader learned from the labels beat aidlint's reading rules? A leave-one-repository-out test.

For each repository of the dev split, a naive Bayes classifier is trained on the labelled nodes of every
other dev repository (features: the head's words and last word, the detail's words, where the node stands
in the flow, its shape, its group's words) and asked about that repository's nodes. Two uses are scored
against aidlint's own answer, at several confidence thresholds:

- ``fallback``: only nodes aidlint's words leave unread (``how == "unknown"``) take the learned role;
- ``override``: any node not declared takes the learned role when it differs from aidlint's.

Each row counts the nodes the learned role would change, how many of those become right and how many
become wrong, and in how many repositories the net is positive or negative. Dev split only: the held-out
split stays unread (roles_accuracy.py). docs/accuracy.md records the result.

    python benchmarks/roles_learned_fallback.py
"""

from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import roles_accuracy  # noqa: E402  (the benchmark's label loader, beside this file)

THRESHOLDS = (0.5, 0.7, 0.9, 0.97)


@dataclass(frozen=True)
class Example:
    repo: str
    truth: str
    aidlint: str
    how: str
    features: frozenset[str]


class NaiveBayes:
    """Multinomial naive Bayes over sets of features, with add-half smoothing."""

    def __init__(self, examples: list[Example]) -> None:
        self.prior = Counter(example.truth for example in examples)
        self.counts: dict[str, Counter] = defaultdict(Counter)
        for example in examples:
            self.counts[example.truth].update(example.features)
        self.known = frozenset().union(*(example.features for example in examples)) if examples else frozenset()
        self.totals = {role: sum(counter.values()) for role, counter in self.counts.items()}

    def predict(self, features: frozenset[str]) -> tuple[str, float]:
        """The most likely role and its probability."""
        total = sum(self.prior.values())
        scores = {}
        for role, count in sorted(self.prior.items()):
            score = math.log(count / total)
            for feature in features & self.known:
                score += math.log((self.counts[role][feature] + 0.5) / (self.totals[role] + 0.5 * len(self.known)))
            scores[role] = score
        best = max(scores, key=scores.get)
        top = scores[best]
        return best, 1 / sum(math.exp(score - top) for score in scores.values())


def score_use(examples: list[Example], use: str, threshold: float) -> dict:
    """Leave each repository out in turn; count what the learned role changes in it."""
    changed = right = wrong = 0
    net: Counter = Counter()
    for repo in sorted({example.repo for example in examples}):
        model = NaiveBayes([example for example in examples if example.repo != repo])
        for example in (example for example in examples if example.repo == repo):
            if example.how == "declared" or (use == "fallback" and example.how != "unknown"):
                continue
            learned, confidence = model.predict(example.features)
            if learned == example.aidlint or confidence < threshold or (use == "fallback" and learned == "unknown"):
                continue
            changed += 1
            if learned == example.truth:
                right += 1
                net[repo] += 1
            elif example.aidlint == example.truth:
                wrong += 1
                net[repo] -= 1
    return {
        "use": use,
        "threshold": threshold,
        "changed": changed,
        "right": right,
        "wrong": wrong,
        "repositories_up": sum(1 for value in net.values() if value > 0),
        "repositories_down": sum(1 for value in net.values() if value < 0),
    }


def features_of(node, groups: dict[str, str], before: set[str], after: set[str]) -> frozenset[str]:
    from aidlint.roles.reading import node_text
    from aidlint.roles.vocabulary import tokenize

    tokens = tokenize(node_text(node), compounds=bool(node.label))
    head = [token.text for token in tokens if token.in_main]
    found = {f"head:{word}" for word in head} | {f"detail:{t.text}" for t in tokens if not t.in_main}
    if head:
        found.add(f"last:{head[-1]}")
    place = "alone" if not before and not after else "start" if not before else "end" if not after else "middle"
    found |= {f"place:{place}", f"shape:{node.attrs.get('shape', '')}"}
    if node.group:
        found |= {f"group:{t.text}" for t in tokenize(groups.get(node.group, ""), compounds=True)}
    return frozenset(found)


def dev_examples() -> list[Example]:
    from aidlint.roles.infer import assign_roles

    examples = []
    for label, design in roles_accuracy.labelled_designs("dev"):
        assigned = assign_roles(design)
        before: dict[str, set[str]] = defaultdict(set)
        after: dict[str, set[str]] = defaultdict(set)
        for edge in design.edges:
            before[edge.target].add(edge.source)
            after[edge.source].add(edge.target)
        groups = {group.id: group.label or group.id for group in design.groups}
        for node in design.nodes:
            if node.id not in label.nodes:
                continue
            answer = assigned[node.id]
            features = features_of(node, groups, before[node.id], after[node.id])
            examples.append(Example(label.repo, label.nodes[node.id], answer.role or "unknown", answer.how, features))
    return examples


def main() -> int:
    examples = dev_examples()
    print(f"dev split: {len(examples)} nodes in {len({e.repo for e in examples})} repositories, each left out in turn")
    print(f"{'use':9} {'threshold':>9} {'changed':>7} {'right':>5} {'wrong':>5} {'repos up':>8} {'repos down':>10}")
    for use in ("fallback", "override"):
        for threshold in THRESHOLDS:
            row = score_use(examples, use, threshold)
            print(
                f"{use:9} {threshold:9.2f} {row['changed']:7} {row['right']:5} {row['wrong']:5} "
                f"{row['repositories_up']:8} {row['repositories_down']:10}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
