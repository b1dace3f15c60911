"""How consistently the role labels read one label text: a proxy for how far two readers would agree.

One reader labelled each file of benchmarks/data/roles/, so agreement between readers is not measured
directly. This takes every label text (whitespace and line breaks folded, case ignored) that recurs in two
or more repositories of the dev split, and counts how many of its nodes carry the role that text gets most
often, and which texts are read two ways. Some of the disagreement is context a reader rightly uses (a
"Response" where the flow ends is the person's answer, one in the middle a message); the rest bounds what
a program that reads the same words the same way can agree with. Dev split only: the held-out split's
labels stay unread (roles_accuracy.py).

    python benchmarks/roles_label_consistency.py [--top N]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import roles_accuracy  # noqa: E402  (the benchmark's label loader, beside this file)

_BREAK = re.compile(r"\\n|<br\s*/?>", re.IGNORECASE)


def folded(text: str) -> str:
    """A label text as compared here: line breaks and runs of whitespace as one space, lowercase."""
    return " ".join(_BREAK.sub(" ", text).lower().split())


def consistency(nodes: Iterable[tuple[str, str, str]]) -> dict:
    """From (repository, label text, role) of every labelled node: the texts that recur in two or more
    repositories, how many of their nodes carry the text's most frequent role, and the texts read two
    ways with their role counts (most frequent first; ties by role name)."""
    by_text: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for repo, text, role in nodes:
        by_text[folded(text)].append((repo, role))
    recurring = {text: found for text, found in by_text.items() if len({repo for repo, _ in found}) >= 2}
    counts = {text: Counter(role for _, role in found) for text, found in recurring.items()}
    agreeing = sum(max(count.values()) for count in counts.values())
    total = sum(len(found) for found in recurring.values())
    two_ways = {
        text: sorted(count.items(), key=lambda item: (-item[1], item[0]))
        for text, count in counts.items()
        if len(count) > 1
    }
    return {
        "texts": len(recurring),
        "nodes": total,
        "agreeing": agreeing,
        "share": round(agreeing / total, 3) if total else None,
        "read_two_ways": dict(sorted(two_ways.items(), key=lambda item: (-sum(n for _, n in item[1]), item[0]))),
    }


def dev_nodes() -> list[tuple[str, str, str]]:
    """(repository, label text, role) of every labelled node of the dev split."""
    return [
        (label.repo, node.label or node.id, label.nodes[node.id])
        for label, design in roles_accuracy.labelled_designs("dev")
        for node in design.nodes
        if node.id in label.nodes
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=20, help="list at most N texts read two ways")
    args = parser.parse_args(argv)
    report = consistency(dev_nodes())
    print(
        f"dev split: {report['texts']} label texts recur in two or more repositories, {report['nodes']} nodes;"
        f" {report['agreeing']} carry their text's most frequent role ({report['share']});"
        f" {len(report['read_two_ways'])} texts are read two ways"
    )
    for text, roles in list(report["read_two_ways"].items())[: args.top]:
        print(f"  {text!r}: " + ", ".join(f"{role} {count}" for role, count in roles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
