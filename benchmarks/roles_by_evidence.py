"""How often each kind of evidence reads a box right, on tuned and on fresh diagrams (docs/accuracy.md).

Every node's reading has an evidence kind (`RoleAssignment.how`, with the strength for words: "label:name",
"label:detail", "group", "message", "unknown" for no reading...). This counts, per kind, the nodes read right
on three sets: the dev diagrams collected before round 5 (tuned on longest), the dev diagrams of rounds 5 to 7
(fresh when collected), and the held-out split. Only counts are printed, so the held-out split stays unread.

    python benchmarks/roles_by_evidence.py [--fresh round5,round6,round7]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict

from roles_accuracy import labelled_designs

SETS = ("dev, older", "dev, fresh", "held-out")


#: The tie rule of a head that names only a generic title and gives way to what its detail names
#: (src/aidlint/roles/reading.py): counted apart from other detail readings ("label:detail:title").
_TITLE_GIVES_WAY = "a generic title gives way"


def evidence_kind(assignment) -> str:
    """"label:name", "label:detail", "id:name" for words ("label:detail:title" where a generic title in the head
    gave way to the detail), else the reading's own kind ("group", "message")."""
    if assignment.how not in ("label", "id"):
        return assignment.how
    kind = f"{assignment.how}:{assignment.strength}"
    if assignment.strength == "detail" and (assignment.tie_rule or "").startswith(_TITLE_GIVES_WAY):
        kind += ":title"
    return kind


def tally(readings) -> dict[str, dict[str, tuple[int, int]]]:
    """(evidence kind, set, right) triples to {kind: {set: (right, all)}}, kinds by how many nodes they read."""
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: {name: [0, 0] for name in SETS})
    for kind, which, right in readings:
        counts[kind][which][0] += right
        counts[kind][which][1] += 1
    ordered = sorted(counts.items(), key=lambda item: (-sum(n for _, n in item[1].values()), item[0]))
    return {kind: {name: (r, n) for name, (r, n) in sets.items()} for kind, sets in ordered}


def readings(fresh: set[str]):
    from aidlint.roles.infer import assign_roles

    for split in ("dev", "heldout"):
        for label, design in labelled_designs(split):
            which = "held-out" if split == "heldout" else ("dev, fresh" if label.batch in fresh else "dev, older")
            assigned = assign_roles(design)
            for node in design.nodes:
                if node.id in label.nodes:
                    yield evidence_kind(assigned[node.id]), which, assigned[node.id].role == label.nodes[node.id]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fresh", default="round5,round6,round7", help="the batches counted as fresh dev diagrams")
    args = parser.parse_args(argv)
    table = tally(readings(set(args.fresh.split(","))))
    print(f"{'evidence':18}" + "".join(f"{name:>22}" for name in SETS))
    for kind, sets in table.items():
        cells = [f"{r}/{n} ({r / n:.2f})" if n else "-" for r, n in sets.values()]
        print(f"{kind:18}" + "".join(f"{cell:>22}" for cell in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
