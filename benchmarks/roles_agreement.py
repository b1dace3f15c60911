"""How far two readers of the role benchmark agree, and how far aidlint agrees with each of them.

Two folders label dev diagrams a second time, each README saying who, which diagrams and what the reader knew:
benchmarks/data/roles/second_reader/ (a seeded sample, read by an engineer who had worked on aidlint's readings)
and benchmarks/data/roles/fresh_reader/ (fresh diagrams, read by a reader who had never seen aidlint's answers).
On the nodes both readers labelled, this prints for each
pair (second reader against the first, aidlint against the first, aidlint against the second): the share of
nodes read alike, Cohen's kappa (that share corrected for what two readers with the same role frequencies
would agree on by chance), and the benchmark's own macro precision and recall over the roles the rules use
(roles_accuracy.py), the first-named of the pair taken as the answer key. Where the two readers agree,
aidlint's accuracy against their shared reading; then every node the readers read differently.

On held-out diagrams (``--reader fresh-heldout``) only the figures are printed, never a node, like
``--show-errors``: the held-out labels' disagreements and aidlint's errors there stay unread.

    python benchmarks/roles_agreement.py [--reader second|fresh] [--format text|json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tomllib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import roles_accuracy  # noqa: E402  (the benchmark's label loader and figures, beside this file)

SECOND_READER = roles_accuracy.LABELS.parent / "second_reader"
FRESH_READER = roles_accuracy.LABELS.parent / "fresh_reader"
FRESH_READER_HELDOUT = roles_accuracy.LABELS.parent / "fresh_reader_heldout"
READERS = {"second": SECOND_READER, "fresh": FRESH_READER, "fresh-heldout": FRESH_READER_HELDOUT}


def drawn_sample(first_reader: dict[str, "roles_accuracy.LabelFile"], plan: dict) -> list[str]:
    """The label files the second reader was to label: ``plan`` (SECOND_READER_SAMPLE.toml: seed, size, batches,
    left_out) drawn from the dev files of the batches that existed then whose name contains none of ``left_out``,
    case ignored. Batches labelled later never enter the frame, so the sample stays the one that was drawn."""
    left_out = [word.lower() for word in plan["left_out"]]
    batches = set(plan["batches"])
    frame = sorted(
        name
        for name, label in first_reader.items()
        if label.split == "dev" and (label.batch or "") in batches and not any(word in name.lower() for word in left_out)
    )
    return sorted(random.Random(plan["seed"]).sample(frame, plan["size"]))


def sample_plan() -> dict:
    """SECOND_READER_SAMPLE.toml: how the second reader's diagrams were drawn."""
    return tomllib.loads((roles_accuracy.LABELS.parent / "SECOND_READER_SAMPLE.toml").read_text(encoding="utf-8"))


def kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two readings of the same nodes."""
    if not pairs:
        return None
    total = len(pairs)
    observed = sum(a == b for a, b in pairs) / total
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[role] * second[role] for role in first) / total**2
    return round((observed - chance) / (1 - chance), 4) if chance < 1 else None


def compare(readings: dict[str, list[str]]) -> dict:
    """From the three readings of the same nodes, in the same order (``first``, ``second``, ``aidlint``):
    agreement, kappa and macro figures per pair; aidlint's accuracy where the readers agree; the nodes the
    readers read differently, by index."""
    pairs_of = {
        "second reader vs first": ("first", "second"),
        "aidlint vs first": ("first", "aidlint"),
        "aidlint vs second": ("second", "aidlint"),
    }
    figures = {}
    for name, (key, other) in pairs_of.items():
        pairs = list(zip(readings[key], readings[other]))
        scored = roles_accuracy._figures(pairs, [], [], 0, "dev")
        figures[name] = {
            "nodes": len(pairs),
            "agreement": scored["accuracy"],
            "kappa": kappa(pairs),
            "macro_precision": scored["macro_precision"],
            "macro_recall": scored["macro_recall"],
        }
    agreed = [i for i, (a, b) in enumerate(zip(readings["first"], readings["second"])) if a == b]
    aidlint_right = sum(readings["aidlint"][i] == readings["first"][i] for i in agreed)
    return {
        "pairs": figures,
        "readers_agree_on": len(agreed),
        "aidlint_on_agreed": roles_accuracy._ratio(aidlint_right, len(agreed)),
        "disagreements": [i for i in range(len(readings["first"])) if i not in set(agreed)],
    }


def collect(folder: Path = SECOND_READER) -> tuple[dict[str, list[str]], list[dict]]:
    """The three readings of every node of the label files in ``folder``, and each node's file, ID and label."""
    first = {label.name: label for label in roles_accuracy.load_labels()}
    readings: dict[str, list[str]] = {"first": [], "second": [], "aidlint": []}
    nodes: list[dict] = []
    for second in roles_accuracy.load_labels(folder):
        path = roles_accuracy.diagram_path(second.file)
        predicted, texts = roles_accuracy.predict(path) if path is not None else ({}, {})
        for node_id, role in second.nodes.items():
            readings["first"].append(first[second.name].nodes[node_id])
            readings["second"].append(role)
            readings["aidlint"].append(predicted.get(node_id, roles_accuracy.UNKNOWN))
            nodes.append({"file": second.name, "node": node_id, "label": texts.get(node_id, "")})
    return readings, nodes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reader", choices=sorted(READERS), default="second", help="whose second reading (default: second)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    readings, nodes = collect(READERS[args.reader])
    report = compare(readings)
    held_out = any(label.split != "dev" for label in roles_accuracy.load_labels(READERS[args.reader]))
    report["disagreements"] = [
        nodes[i] | {"first": readings["first"][i], "second": readings["second"][i], "aidlint": readings["aidlint"][i]}
        for i in ([] if held_out else report["disagreements"])
    ]
    if held_out:
        report["disagreements_not_shown"] = len(readings["first"]) - report["readers_agree_on"]
    if args.format == "json":
        print(json.dumps(report, indent=2, sort_keys=True))
        return 0
    fmt = roles_accuracy._fmt
    print(f"{'pair':24} {'nodes':>5} {'agreement':>9} {'kappa':>6} {'macro P':>7} {'macro R':>7}")
    for name, row in report["pairs"].items():
        print(
            f"{name:24} {row['nodes']:5} {fmt(row['agreement']):>9} {fmt(row['kappa']):>6} "
            f"{fmt(row['macro_precision']):>7} {fmt(row['macro_recall']):>7}"
        )
    print("(macro over the roles the rules use, the first-named reader as the answer key)")
    print(f"\nthe readers agree on {report['readers_agree_on']} nodes; aidlint reads {fmt(report['aidlint_on_agreed'])} of them alike")
    if "disagreements_not_shown" in report:
        print(f"\n{report['disagreements_not_shown']} nodes read differently (held-out: not shown)")
        return 0
    print(f"\n{len(report['disagreements'])} nodes read differently (first / second / aidlint)")
    for row in report["disagreements"]:
        print(f"  {row['file'][:60]}  {row['node']!r} {row['label'][:60]!r}: {row['first']} / {row['second']} / {row['aidlint']}")
    return 0



if __name__ == "__main__":
    sys.exit(main())
