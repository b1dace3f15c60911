"""Role report over every real diagram: how much of what people draw aidlint can read a role from.

The same numbers as `aidlint roles --unknown PATH...` (share of nodes with a role, designs with a model
found, unknown labels by frequency), over the vendored real-world corpus (and, when the upstream corpus is
beside the checkout, the diagrams whose licence keeps them out of it) and the Mermaid documentation
examples by default, with unreadable files counted instead of stopping the run (a front end not yet present, or a
diagram kind aidlint does not read) and the most frequent unknown labels cut to ``--top``.

Run: python benchmarks/role_report.py [--top 40] [PATH ...]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from aidlint.frontends import ParseOptions
from aidlint.model import UNKNOWN_ROLE
from aidlint.roles.infer import assign_roles
from aidlint.roles.vocabulary import load_vocabulary
from aidlint.workspace import collect_files, load_designs
from corpus_paths import CORPUS, REALWORLD, reserved_in, upstream_only_files


def report(paths: list[Path]) -> dict:
    vocabulary = load_vocabulary()
    totals: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    unreadable: list[tuple[str, str]] = []
    for path in collect_files([str(p) for p in paths]):
        try:
            designs, _ = load_designs(path, ParseOptions())
        except Exception as error:  # noqa: BLE001 - every reason a file is unread is reported, none stops the run
            unreadable.append((str(path), f"{type(error).__name__}: {error}"))
            continue
        for design in designs:
            roles = assign_roles(design, vocabulary)
            totals["designs"] += 1
            totals["nodes"] += len(design.nodes)
            totals["with_model"] += any(found.role == "model_inference" for found in roles.values())
            for node in design.nodes:
                if roles[node.id].role == UNKNOWN_ROLE:
                    unknown[(node.label or node.id).strip()] += 1
                else:
                    totals["with_role"] += 1
    return {"totals": totals, "unknown": unknown, "unreadable": unreadable}


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--top", type=int, default=40, help="how many unknown labels to list")
    args = parser.parse_args()
    paths = args.paths
    if not paths:
        upstream, absent = upstream_only_files()
        paths = [REALWORLD, CORPUS / "mermaid" / "docs", *upstream]
        for line in absent:
            print(f"skipped: {line}")
    refused = reserved_in(paths)
    if refused:
        print(f"refused: reserved for independent measurement (RESERVED_REPOS.txt): {', '.join(refused)}")
        return 2
    result = report(paths)
    totals = result["totals"]
    print(f"files unreadable: {len(result['unreadable'])}")
    for path, reason in result["unreadable"]:
        print(f"  {path}: {reason[:120]}")
    print(f"designs: {totals['designs']}, with a model found: {totals['with_model']} ({_share(totals['with_model'], totals['designs'])})")
    print(f"nodes: {totals['nodes']}, with a role: {totals['with_role']} ({_share(totals['with_role'], totals['nodes'])})")
    print(f"unknown labels, most frequent first (top {args.top} of {len(result['unknown'])}):")
    for label, count in sorted(result["unknown"].items(), key=lambda item: (-item[1], item[0]))[: args.top]:
        print(f"  {count:>4}  {label[:100]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
