"""Node-level role accuracy: aidlint's inferred role of every labelled node against a reader's label.

The labels live in benchmarks/data/roles/labels/*.toml (see benchmarks/data/roles/README.md: how they were
made, the split, sources). This runs the role inference of whatever ``aidlint`` is importable (so the
same script scores an older checkout from its own venv) and prints, for ``--split dev|heldout|all``:
precision and recall per role, macro precision and recall over the roles the built-in rules use (the
roles named in the ``check`` of src/aidlint/data/rules/builtin.toml), and a confusion matrix.
``--batch NAME`` keeps only the label files of one labelling batch (their ``batch`` key, e.g. ``round3``), so a
fresh batch can be scored on its own before anyone tunes on it; ``--batch -NAME`` leaves that batch out (several: ``--batch=-round4,-round5``), so figures
stay comparable with those taken before it was added.

``--interval N`` adds how far the macro figures move by chance: N redraws of the split's repositories,
with replacement (diagrams of one repository are read alike, so the repository is the unit drawn), seeded,
so the same labels give the same interval; it prints the 2.5th and 97.5th percentiles of each.

``--show-errors`` lists every wrong node with its label, for the dev split only: the held-out split is
there to measure, and reading its errors would turn it into a development set.

    python benchmarks/roles_accuracy.py [--split dev|heldout|all] [--batch NAME] [--interval N] [--show-errors] [--format text|json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "benchmarks" / "data" / "roles" / "labels"
SPLITS = ("dev", "heldout", "all")
UNKNOWN = "unknown"
#: Diagrams of the real-world corpus are vendored under this path; those whose licence keeps them out
#: (tests/corpus/realworld/NOT_VENDORED.tsv) are read from a ../shared beside the checkout when it is there.
VENDORED_CORPUS = "tests/corpus/realworld/"


@dataclass
class LabelFile:
    name: str
    file: str
    repo: str
    split: str
    nodes: dict[str, str]
    notes: list[str] = field(default_factory=list)
    batch: str | None = None


def load_labels(labels_dir: Path = LABELS) -> list[LabelFile]:
    """Every label file, sorted by name."""
    found = []
    for path in sorted(labels_dir.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found.append(
            LabelFile(
                path.stem,
                data["file"],
                data["repo"],
                data["split"],
                dict(data["nodes"]),
                list(data.get("notes", [])),
                data.get("batch"),
            )
        )
    return found


def diagram_path(file: str) -> Path | None:
    """Where the labelled diagram is: in this repository, else (shared corpus only) in a ../shared beside it."""
    path = REPO / file
    if path.exists():
        return path
    if file.startswith(VENDORED_CORPUS):
        for base in (REPO.parent, REPO.parent.parent):
            shared = base / "shared" / "corpus" / "realworld" / file[len(VENDORED_CORPUS) :]
            if shared.exists():
                return shared
    return None


def labelled_designs(split: str = "dev"):
    """(label file, design) for every design of every diagram of ``split`` that is at hand, in label order."""
    from aidlint.frontends import load_file

    for label in load_labels():
        path = diagram_path(label.file) if split in ("all", label.split) else None
        if path is not None:
            for design in load_file(path):
                yield label, design


def rule_roles() -> list[str]:
    """Roles named in the checks of the built-in rules of the importable aidlint."""
    from aidlint.model import ROLES

    text = resources.files("aidlint").joinpath("data/rules/builtin.toml").read_text(encoding="utf-8")
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            found.update({value} & set(ROLES))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for rule in tomllib.loads(text).get("rule", []):
        walk(rule.get("check"))
    return [role for role in ROLES if role in found]


def predict(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """aidlint's role and the label text of each node of the diagram (``{}`` if aidlint cannot read it)."""
    from aidlint.frontends import load_file
    from aidlint.roles.infer import assign_roles

    roles: dict[str, str] = {}
    texts: dict[str, str] = {}
    for design in load_file(path):
        assigned = assign_roles(design)
        for node in design.nodes:
            answer = assigned.get(node.id)
            roles[node.id] = getattr(answer, "role", answer) or UNKNOWN
            texts[node.id] = " ".join((node.label or node.id).replace("\\n", " ").split())
    return roles, texts


def in_batches(label_batch: str | None, batches: str) -> bool:
    """Whether a label file of ``label_batch`` is scored under ``--batch``: a comma-separated list of NAMEs
    (keep only those batches) and -NAMEs (leave those out): ``-round4,-round5`` is the diagrams before both."""
    names = [name.strip() for name in batches.split(",") if name.strip()]
    kept = {name for name in names if not name.startswith("-")}
    left_out = {name[1:] for name in names if name.startswith("-")}
    return (not kept or label_batch in kept) and label_batch not in left_out


def score(split: str = "all", labels_dir: Path = LABELS, batch: str | None = None) -> dict:
    """Counts, per-role and macro figures and the wrong nodes of one split (of one batch, when given)."""
    pairs: list[tuple[str, str]] = []  # (truth, predicted)
    pairs_by_repo: dict[str, list[tuple[str, str]]] = defaultdict(list)
    errors: list[dict] = []
    unreadable: list[str] = []
    diagrams = 0
    for label in load_labels(labels_dir):
        if split != "all" and label.split != split:
            continue
        if batch is not None and not in_batches(label.batch, batch):
            continue
        diagrams += 1
        path = diagram_path(label.file)
        try:
            if path is None:
                raise FileNotFoundError(label.file)
            predicted, texts = predict(path)
        except Exception as error:  # a diagram aidlint cannot read counts as every node unknown
            unreadable.append(f"{label.file}: {type(error).__name__}: {error}")
            predicted, texts = {}, {}
        for node_id, truth in label.nodes.items():
            guess = predicted.get(node_id, UNKNOWN)
            pairs.append((truth, guess))
            pairs_by_repo[label.repo.lower()].append((truth, guess))
            if guess != truth:
                errors.append(
                    {"file": label.file, "node": node_id, "label": texts.get(node_id, ""), "truth": truth, "predicted": guess}
                )
    report = _figures(pairs, errors, unreadable, diagrams, split) | {"batch": batch}
    report["repositories"] = len(pairs_by_repo)
    report["_pairs_by_repo"] = dict(pairs_by_repo)
    return report


def macro(pairs: list[tuple[str, str]], used: list[str]) -> tuple[float | None, float | None]:
    """Macro precision and recall over the roles ``used``, each counted only where it is labelled or predicted;
    a role predicted but never right scores precision 0, and a role never labelled has no recall."""
    truth_count = Counter(t for t, _ in pairs)
    predicted_count = Counter(p for _, p in pairs)
    hits = Counter(t for t, p in pairs if t == p)
    present = [r for r in used if truth_count[r] or predicted_count[r]]
    precisions = [hits[r] / predicted_count[r] if predicted_count[r] else 0.0 for r in present]
    recalls = [hits[r] / truth_count[r] for r in present if truth_count[r]]
    return _ratio(sum(precisions), len(precisions)), _ratio(sum(recalls), len(recalls))


def macro_interval(pairs_by_repo: dict[str, list[tuple[str, str]]], used: list[str], draws: int, seed: int = 15) -> dict:
    """The 2.5th and 97.5th percentiles of macro precision and recall over ``draws`` redraws of the
    repositories with replacement: how far the figures move with which repositories a split happens to hold."""
    rng = random.Random(seed)
    repos = sorted(pairs_by_repo)
    precisions, recalls = [], []
    for _ in range(draws):
        drawn = [pair for _ in repos for pair in pairs_by_repo[rng.choice(repos)]]
        precision, recall = macro(drawn, used)
        precisions.append(precision or 0.0)
        recalls.append(recall or 0.0)

    def percentiles(values: list[float]) -> list[float]:
        values = sorted(values)
        return [round(values[int(0.025 * (len(values) - 1))], 4), round(values[int(0.975 * (len(values) - 1))], 4)]

    return {"draws": draws, "seed": seed, "macro_precision": percentiles(precisions), "macro_recall": percentiles(recalls)}


def _figures(pairs, errors, unreadable, diagrams, split) -> dict:
    from aidlint.model import ROLES

    truth_count = Counter(t for t, _ in pairs)
    predicted_count = Counter(p for _, p in pairs)
    hits = Counter(t for t, p in pairs if t == p)
    per_role = {}
    for role in (*ROLES, UNKNOWN):
        if truth_count[role] or predicted_count[role]:
            per_role[role] = {
                "support": truth_count[role],
                "predicted": predicted_count[role],
                "correct": hits[role],
                "precision": _ratio(hits[role], predicted_count[role]),
                "recall": _ratio(hits[role], truth_count[role]),
            }
    used = rule_roles()
    macro_precision, macro_recall = macro(pairs, used)
    confusion: dict[str, dict[str, int]] = defaultdict(dict)
    for (truth, guess), count in sorted(Counter(pairs).items()):
        confusion[truth][guess] = count
    return {
        "split": split,
        "diagrams": diagrams,
        "nodes": len(pairs),
        "accuracy": _ratio(sum(hits.values()), len(pairs)),
        "rule_roles": used,
        "macro_precision": macro_precision,
        "macro_recall": macro_recall,
        "per_role": per_role,
        "confusion": dict(confusion),
        "unreadable": unreadable,
        "errors": errors,
    }


def _ratio(part: float, whole: float) -> float | None:
    return round(part / whole, 4) if whole else None


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def print_report(report: dict, show_errors: bool) -> None:
    batch = f" (batch {report['batch']})" if report.get("batch") else ""
    print(f"split {report['split']}{batch}: {report['diagrams']} diagrams, {report['nodes']} nodes, accuracy {_fmt(report['accuracy'])}")
    print(
        f"macro over the {len(report['rule_roles'])} roles the rules use: "
        f"precision {_fmt(report['macro_precision'])}  recall {_fmt(report['macro_recall'])}"
    )
    if report.get("interval"):
        interval = report["interval"]
        print(
            f"  95% of {interval['draws']} redraws of the {report['repositories']} repositories: precision "
            f"{_fmt(interval['macro_precision'][0])} to {_fmt(interval['macro_precision'][1])}, recall "
            f"{_fmt(interval['macro_recall'][0])} to {_fmt(interval['macro_recall'][1])}"
        )
    print(f"\n{'role':24} {'support':>7} {'predicted':>9} {'correct':>7} {'precision':>9} {'recall':>7}")
    for role, row in report["per_role"].items():
        mark = "*" if role in report["rule_roles"] else " "
        print(
            f"{mark}{role:23} {row['support']:7} {row['predicted']:9} {row['correct']:7} "
            f"{_fmt(row['precision']):>9} {_fmt(row['recall']):>7}"
        )
    print("(* a role the rules use)")
    roles = list(report["per_role"])
    short = {role: role[:6] for role in roles}
    print("\nconfusion matrix (rows: label, columns: aidlint)")
    print(f"{'':24}" + "".join(f"{short[r]:>7}" for r in roles))
    for truth in roles:
        row = report["confusion"].get(truth, {})
        print(f"{truth:24}" + "".join(f"{row.get(guess, 0) or '.':>7}" for guess in roles))
    for line in report["unreadable"]:
        print(f"unreadable: {line}")
    if show_errors:
        print(f"\n{len(report['errors'])} wrong nodes")
        for error in report["errors"]:
            print(f"  {error['file']}  {error['node']!r} {error['label']!r}: label {error['truth']}, aidlint {error['predicted']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--batch", help="keep only the label files whose batch key is NAME (e.g. round3); -NAME leaves them out; several are comma-separated (-round4,-round5)")
    parser.add_argument("--interval", type=int, metavar="N", help="add the 95%% interval of the macro figures over N redraws of the repositories")
    parser.add_argument("--show-errors", action="store_true", help="list every wrong node (dev split only)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    if args.show_errors and args.split != "dev":
        print(
            f"refusing to show errors on the {args.split} split: the held-out diagrams measure, they are not read "
            "for tuning. Use --split dev --show-errors.",
            file=sys.stderr,
        )
        return 2
    report = score(args.split, batch=args.batch)
    if args.batch is not None and not report["diagrams"]:
        print(f"no label file of batch {args.batch!r} in the {args.split} split", file=sys.stderr)
        return 2
    pairs_by_repo = report.pop("_pairs_by_repo")
    if args.interval is not None:
        if args.interval < 1:
            print("--interval needs a positive number of redraws", file=sys.stderr)
            return 2
        report["interval"] = macro_interval(pairs_by_repo, report["rule_roles"], args.interval)
    if not args.show_errors:
        report.pop("errors")
    if args.format == "json":
        print(json.dumps(report, indent=2, sort_keys=True))
    else:
        print_report(report, args.show_errors)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # `roles_accuracy.py | head -2`: the reader stopped reading; say nothing more.
        sys.stderr.close()
        sys.exit(0)
