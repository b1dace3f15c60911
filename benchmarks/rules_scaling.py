"""How the full rule catalogue scales: designs of 1k, 10k and 100k edges, time per size, ratio per 10x.

Run: python benchmarks/rules_scaling.py [--sizes 1000,10000,100000]
The target (issue 5): every 10x in size costs no more than 11x in time (all checks are linear).
"""

from __future__ import annotations

import argparse
import gc
import time

from aidlint.model import Design, Edge, Node
from aidlint.roles.vocabulary import load_vocabulary
from aidlint.rules.runner import RuleSelection, builtin_pack, check_design

# One "cell" of an AI product: a serving path, a feedback loop and a release path (15 nodes, 20 edges),
# with one gap per cell so that rules produce findings and witnesses at every size.
CELL_NODES = [
    ("user", "End user"), ("gw", "API gateway"), ("app", "Chat orchestrator"), ("guard", "Input moderation"),
    ("llm", "Chat LLM"), ("out", "Output moderation"), ("fb", "Thumbs up/down"), ("review", "Review queue"),
    ("pii", "PII redaction"), ("train", "Fine-tuning"), ("eval", "Eval gate"), ("reg", "Model registry"),
    ("canary", "Canary rollout"), ("mon", "Quality monitoring"), ("pager", "On-call pager"),
]
CELL_EDGES = [
    ("user", "gw"), ("gw", "app"), ("app", "guard"), ("guard", "llm"), ("llm", "out"), ("out", "app"),
    ("app", "gw"), ("gw", "user"), ("user", "fb"), ("fb", "review"), ("review", "pii"), ("pii", "train"),
    ("train", "eval"), ("eval", "reg"), ("reg", "canary"), ("canary", "llm"), ("llm", "mon"), ("mon", "pager"),
    ("pager", "canary"), ("app", "llm"),  # the last edge bypasses the input filter: SAF001 in every cell
]


def make_design(edges: int) -> Design:
    cells = max(1, edges // len(CELL_EDGES))
    nodes, links = [], []
    for cell in range(cells):
        # Distinct labels per cell, so that no cache makes the large sizes look cheaper than they are.
        nodes += [Node.model_construct(id=f"{n}{cell}", label=f"{label} {cell}", role=None, attrs={}, group=None, span=None) for n, label in CELL_NODES]
        links += [Edge.model_construct(source=f"{a}{cell}", target=f"{b}{cell}", label=None, attrs={}, span=None) for a, b in CELL_EDGES]
        if cell:  # chain the cells so that the graph is one component
            links.append(Edge.model_construct(source=f"app{cell - 1}", target=f"app{cell}", label=None, attrs={}, span=None))
    return Design.model_construct(name="bench", path="bench.aidl", format="aidl", profile=None, nodes=nodes, edges=links, groups=[], suppressions=[], notes=[], span=None)


def measure(edges: int, repeat: int) -> tuple[float, int]:
    design = make_design(edges)
    rules = RuleSelection().active(builtin_pack())
    vocabulary = load_vocabulary()
    best, count = float("inf"), 0
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        findings = check_design(design, rules, vocabulary)
        best = min(best, time.perf_counter() - start)
        count = len(findings)
    return best, count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    previous = None
    print(f"{'edges':>8} {'seconds':>9} {'findings':>9} {'x per 10x':>10}")
    for size in sizes:
        seconds, count = measure(size, args.repeat)  # best of --repeat at every size
        ratio = f"{seconds / previous:.2f}" if previous else "-"
        print(f"{size:>8} {seconds:>9.3f} {count:>9} {ratio:>10}")
        previous = seconds
    print("target: <= 11x per 10x of size")


if __name__ == "__main__":
    main()
