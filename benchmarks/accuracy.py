"""Accuracy on real diagrams: how aidlint's findings compare with a reviewer's labels.

Scores aidlint on benchmarks/data/labels/ exactly as that directory's README says: over
(design, concept) pairs, a concept is predicted when any of its rules (concepts.toml) fires at any
severity; `missing` is the truth and `ambiguous` concepts count neither way; a design with nothing
missing must come out with no finding of any mapped rule. Prints precision and recall per concept and
overall, whether every complete design is clean, and each design with a miss once: its misses with the
rules behind them, then every node's role and why. A labelled file aidlint cannot read is reported as such
(its misses are the front end's, not the roles'). A labelled diagram whose licence keeps it out of the
repository is read from the upstream corpus beside the checkout, or skipped and named (corpus_paths.py).

``--no-profiles`` ignores the profile a label names (``classic-ml`` where a user would choose it): what a
user who chooses no profile gets.

``--fail-on warning`` counts only the findings that fail a check by default (config ``fail-on``): info
findings are the ones whose subject rests on weak evidence and say what they assumed, so the two figures
show what those assumptions cost and what they find.

A label's `file` is relative to its labels directory when the diagram is kept there (design_labels_round2),
else to tests/corpus/realworld/.

Run: python benchmarks/accuracy.py [--labels DIR] [--quiet] [--check] [--fail-on info|warning|error]
``--check`` exits 1 unless precision and recall are >= 0.95, every complete design is clean and every
labelled file was read (issue 10's "done when").
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

from aidlint.frontends import ParseOptions
from aidlint.model import Severity
from aidlint.roles.infer import assign_roles
from aidlint.roles.vocabulary import load_vocabulary
from aidlint.rules.runner import RuleSelection, builtin_pack
from aidlint.workspace import check_files, load_designs
from corpus_paths import LABELS, labels_file, locate, reserved_in


def score(labels_dir: Path, verbose: bool = True, fail_on: Severity = Severity.info, label_profiles: bool = True) -> dict:
    concepts = tomllib.loads(labels_file(labels_dir, "concepts.toml").read_text(encoding="utf-8"))
    rule_concepts = {rule: concept for concept, rules in concepts.items() for rule in rules}
    pack, vocabulary = builtin_pack(), load_vocabulary()
    counts = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    complete_clean, complete_total, misses, unreadable, skipped = 0, 0, [], [], []
    for label_file in sorted(labels_dir.glob("*.json")):
        label = json.loads(label_file.read_text(encoding="utf-8"))
        path, why = locate(label["file"], labels_dir)
        if path is None:
            skipped.append((label_file.stem, f"{label['file']}: {why}"))
            continue
        if reserved_in([path], labels_dir):
            raise SystemExit(f"{label_file.name} names a reserved repository (RESERVED_REPOS.txt): {path}")
        profile = (label.get("profile") if label_profiles else None) or "recommended"
        rules = RuleSelection(profile=profile).active(pack)
        result = check_files([path], rules, vocabulary, ParseOptions())
        fired: dict[str, list[str]] = defaultdict(list)
        for finding in result.findings:
            if finding.severity.rank < fail_on.rank:
                continue
            if finding.rule_id == "SYN001":
                unreadable.append((label_file.stem, finding.message))
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
        "complete_designs_all_clean": complete_clean == complete_total,
        "unreadable": unreadable,
        "skipped": skipped,
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
    clean = report["complete_designs_clean"]
    print(f"complete designs clean: {clean}" + (" (no labelled design is complete)" if clean == "0/0" else ""))
    for design, message in report["unreadable"]:
        print(f"UNREADABLE: {design}: {message}")
    for design, why in report["skipped"]:
        print(f"SKIPPED: {design}: {why}")
    by_design: dict[str, list] = defaultdict(list)
    for design, kind, concept, rules, path in report["misses"]:
        by_design[design].append((kind, concept, rules, path))
    for design, misses in by_design.items():
        print(f"\n{design}:")
        for kind, concept, rules, _ in misses:
            print(f"  {kind}: {concept} (rules {', '.join(rules)})")
        path = misses[0][3]
        try:
            designs, _ = load_designs(path, ParseOptions())
        except Exception as error:  # a parse failure is itself the reason for the miss
            print(f"  cannot parse {path}: {error}")
            continue
        for design_model in designs:
            roles = assign_roles(design_model, vocabulary)
            for node in design_model.nodes:
                found = roles[node.id]
                print(f"    {node.id[:24]:<24} {found.role:<21} {(node.label or '')[:40]!r:<44} {found.reason}")


def meets_target(report: dict, target: float = 0.95) -> bool:
    overall = report["overall"]
    return (
        overall["precision"] >= target
        and overall["recall"] >= target
        and report["complete_designs_all_clean"]
        and not report["unreadable"]
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--quiet", action="store_true", help="only the scores")
    parser.add_argument("--check", action="store_true", help="exit 1 unless issue 10's targets are met")
    parser.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default="info",
        help="count a concept as predicted only from findings of this severity or higher (default: any)",
    )
    parser.add_argument(
        "--no-profiles",
        action="store_true",
        help="run every design with the default profile, as a user who chooses none gets it (labels name a profile, such as classic-ml, where a user would choose one)",
    )
    args = parser.parse_args()
    if not args.labels.is_dir():
        print(f"no labels at {args.labels}", file=sys.stderr)
        return 2
    report = score(args.labels, verbose=not args.quiet, fail_on=Severity(args.fail_on), label_profiles=not args.no_profiles)
    if args.quiet:
        print(json.dumps({k: v for k, v in report.items() if k != "misses"}, indent=2))
    return 1 if args.check and not meets_target(report) else 0


if __name__ == "__main__":
    raise SystemExit(main())
