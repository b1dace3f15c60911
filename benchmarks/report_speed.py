"""What a large check costs, phase by phase: parse + roles + rules, then writing the report in each format.

Run: python benchmarks/report_speed.py [--edges 10000] [--repeat 3]
The design is the rules_scaling cell (one SAF001 gap per cell, so thousands of findings with witnesses
and fixes) written as an .aidl file. Issue 17's target: the report is a small share of the check; the
check's own phases are what a large design costs. Figures are best-of-repeat wall times on this machine.

Measured at 10,000 edges, 2,860 findings (2 shared cores, under load): the text report took 6.0 s
(7.7 s in colour) against a 6.7 s check when it was one rich ``Console.print`` per line; written in
one pass it takes 0.05-0.19 s (0.16 s in colour), under 3% of check + report. End to end,
``aidlint check`` of that file went from 17.4 s to 11.5 s with byte-identical output. SARIF went
from 11.7 s (profiled; pure-Python indented JSON, a ``Path.cwd()`` per location) to 0.6 s.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rules_scaling import CELL_EDGES, CELL_NODES  # noqa: E402

from aidlint.frontends import ParseOptions  # noqa: E402
from aidlint.reports import FORMATS, ReportOptions, renderer  # noqa: E402
from aidlint.roles.vocabulary import load_vocabulary  # noqa: E402
from aidlint.rules.runner import RuleSelection, builtin_pack  # noqa: E402
from aidlint.workspace import check_files  # noqa: E402


# Without its filters, review, scrubber and monitoring a cell has about ten gaps: SAF001, SAF002,
# OBS001, FBK002, FBK003, ... each with a witness and a fix, so the report has thousands of blocks.
_OPEN = {"guard", "out", "review", "pii", "mon"}
OPEN_NODES = [(node, label) for node, label in CELL_NODES if node not in _OPEN]
OPEN_EDGES = [
    ("user", "gw"), ("gw", "app"), ("app", "llm"), ("llm", "app"), ("app", "gw"), ("gw", "user"), ("user", "fb"),
    ("fb", "train"), ("train", "eval"), ("eval", "reg"), ("reg", "canary"), ("canary", "llm"), ("llm", "pager"),
]


def design_text(edges: int, many_findings: bool = True) -> str:
    nodes, links = (OPEN_NODES, OPEN_EDGES) if many_findings else (CELL_NODES, CELL_EDGES)
    cells = max(1, edges // (len(links) + 1))
    lines = ['design "bench"', ""]
    for cell in range(cells):
        lines += [f'{node}{cell} "{label} {cell}"' for node, label in nodes]
        lines += [f"{a}{cell} -> {b}{cell}" for a, b in links]
        if cell:
            lines.append(f"app{cell - 1} -> app{cell}")
    return "\n".join(lines) + "\n"


def best_of(repeat: int, action):
    best, value = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        value = action()
        best = min(best, time.perf_counter() - start)
    return best, value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edges", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "bench.aidl"
        path.write_text(design_text(args.edges), encoding="utf-8")
        pack = builtin_pack()
        active = RuleSelection().active(pack)
        vocabulary = load_vocabulary()
        checking, result = best_of(args.repeat, lambda: check_files([path], active, vocabulary, ParseOptions()))
        print(f"{args.edges} edges, {len(result.findings)} findings")
        print(f"  check (parse, roles, rules): {checking:7.3f} s")
        options = {
            "text": ReportOptions(color=False),
            "text, colour": ReportOptions(color=True),
        }
        for name in FORMATS:
            if name != "text":
                options[name] = ReportOptions(rules=tuple(a.spec for a in active), severities={a.spec.id: a.severity.value for a in active})
        for label, option in options.items():
            render = renderer(label.split(",")[0])
            seconds, _ = best_of(args.repeat, lambda: render(result, option))
            print(f"  report {label:<13} {seconds:7.3f} s  ({100 * seconds / (checking + seconds):4.1f}% of check + report)")


if __name__ == "__main__":
    main()
