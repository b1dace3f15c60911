"""Accuracy on real diagrams: how aidlint's findings compare with a reviewer's labels.

Scores aidlint on ../shared/corpus/realworld/labels/ exactly as that directory's README says: over
(design, concept) pairs, a concept is predicted when any of its rules (concepts.toml) fires at any
severity; `missing` is the truth and `ambiguous` concepts count neither way; a design with nothing
missing must come out with no finding of any mapped rule. Prints precision and recall per concept and
overall, whether every complete design is clean, and each miss with the roles and the rule behind it.

Run: python benchmarks/accuracy.py [--labels DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

from aidlint.frontends import ParseOptions
from aidlint.roles.infer import assign_roles
from aidlint.roles.vocabulary import load_vocabulary
from aidlint.rules.runner import RuleSelection, builtin_pack
from aidlint.workspace import check_files, load_designs

REPO = Path(__file__).resolve().parent.parent
DEFAULT_LABELS = REPO.parent / "shared" / "corpus" / "realworld" / "labels"


def score(labels_dir: Path, verbose: bool = True) -> dict:
    concepts = tomllib.loads((labels_dir / "concepts.toml").read_text(encoding="utf-8"))
    rule_concepts = {rule: concept for concept, rules in concepts.items() for rule in rules}
    corpus = labels_dir.parent
    pack, vocabulary = builtin_pack(), load_vocabulary()
    counts = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    complete_clean, complete_total, misses = 0, 0, []
    for label_file in sorted(labels_dir.glob("*.json")):
        label = json.loads(label_file.read_text(encoding="utf-8"))
        path = corpus / label["file"]
        profile = label.get("profile") or "recommended"
        rules = RuleSelection(profile=profile).active(pack)
        result = check_files([path], rules, pack, vocabulary, ParseOptions())
        fired: dict[str, list[str]] = defaultdict(list)
        for finding in result.findings:
            if finding.rule_id in rule_concepts:
                fired[rule_concepts[finding.rule_id]].append(finding.rule_id)
        missing, ambiguous = set(label["missing"]), set(label.get("ambiguous", ()))
        predicted = set(fired) - ambiguous
        for concept in sorted(predicted | missing):
            if concept in ambiguous:
                continue
            if concept in predicted and concept in missing:
                counts[concept]["tp"] += 1
            elif concept in predicted:
                counts[concept]["fp"] += 1
                misses.append((label_file.stem, "false positive", concept, sorted(set(fired[concept])), path))
            else:
                counts[concept]["fn"] += 1
                misses.append((label_file.stem, "missed", concept, concepts[concept], path))
        if not missing:
            complete_total += 1
            complete_clean += not predicted
    totals = {key: sum(c[key] for c in counts.values()) for key in ("tp", "fp", "fn")}
    report = {
        "per_concept": {k: _pr(v) for k, v in sorted(counts.items())},
        "overall": _pr(totals),
        "complete_designs_clean": f"{complete_clean}/{complete_total}",
        "misses": misses,
    }
    if verbose:
        _print(report, vocabulary)
    return report


def _pr(c: dict) -> dict:
    precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return {**c, "precision": round(precision, 3), "recall": round(recall, 3)}


def _print(report: dict, vocabulary) -> None:
    print(f"{'concept':<22} {'TP':>3} {'FP':>3} {'FN':>3} {'precision':>9} {'recall':>7}")
    for concept, row in report["per_concept"].items():
        print(f"{concept:<22} {row['tp']:>3} {row['fp']:>3} {row['fn']:>3} {row['precision']:>9.3f} {row['recall']:>7.3f}")
    row = report["overall"]
    print(f"{'overall':<22} {row['tp']:>3} {row['fp']:>3} {row['fn']:>3} {row['precision']:>9.3f} {row['recall']:>7.3f}")
    print(f"complete designs clean: {report['complete_designs_clean']}")
    for design, kind, concept, rules, path in report["misses"]:
        print(f"\n{kind}: {design}: {concept} (rules {', '.join(rules)})")
        try:
            designs, _ = load_designs(path, ParseOptions())
        except Exception as error:  # a parse failure is itself the reason for the miss
            print(f"  cannot parse {path}: {error}")
            continue
        for design_model in designs:
            roles = assign_roles(design_model, vocabulary)
            for node in design_model.nodes:
                print(f"  {node.id:<16} {roles[node.id].role:<22} {(node.label or '')[:50]!r}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--quiet", action="store_true", help="only the scores")
    args = parser.parse_args()
    if not args.labels.is_dir():
        print(f"no labels at {args.labels}", file=sys.stderr)
        return 2
    report = score(args.labels, verbose=not args.quiet)
    if args.quiet:
        print(json.dumps({k: v for k, v in report.items() if k != "misses"}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
