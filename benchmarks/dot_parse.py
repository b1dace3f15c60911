"""How fast the DOT front end reads architecture-sized and bigger graphs, next to pydot and Graphviz.

    python benchmarks/dot_parse.py                  # 1k, 10k and 100k edges
    python benchmarks/dot_parse.py --sizes 1000 --repeat 5

The files look like exported architecture diagrams: clusters of labelled services with default styles,
and labelled edges between them. Each size is timed as parse + model, the best of --repeat runs:
aidlint's ``parse`` to Designs, pydot's ``graph_from_dot_data`` (its own pyparsing grammar) and
Graphviz's C parser through pygraphviz (``AGraph(string=...)``). pydot takes about 30 s at 10k edges,
so it is skipped above --pydot-limit edges. This is a measurement, never a test assertion.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from typing import Callable

KINDS = [
    "API gateway", "Safety filter", "LLM inference", "Vector store", "Feedback collector",
    "Training pipeline", "Model registry", "Canary deploy", "Monitoring", "Alerting",
]


def architecture_dot(edges: int, seed: int = 7) -> str:
    """A digraph with ``edges`` labelled edges between ``edges // 3`` labelled nodes in 25-node clusters."""
    rng = random.Random(seed)
    nodes = max(10, edges // 3)
    lines = [
        'digraph "AI platform" {',
        "  rankdir=LR;",
        '  node [shape=box, style="rounded,filled", fillcolor="#eef"];',
        '  edge [color="#555"];',
    ]
    for start in range(0, nodes, 25):
        cluster = start // 25
        lines.append(f"  subgraph cluster_{cluster} {{")
        lines.append(f'    label="Service {cluster}";')
        for node in range(start, min(nodes, start + 25)):
            lines.append(f'    n{node} [label="{KINDS[node % len(KINDS)]} {node}\\n(v{node % 7})"];')
        lines.append("  }")
    for edge in range(edges):
        lines.append(f'  n{rng.randrange(nodes)} -> n{rng.randrange(nodes)} [label="call {edge}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def best_time(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size and parser; the best counts")
    parser.add_argument("--pydot-limit", type=int, default=10_000, help="largest size pydot is timed at")
    args = parser.parse_args(argv)

    from aidlint.frontends.dot import parse

    try:
        import pydot
    except ImportError:
        pydot = None
    try:
        import pygraphviz
    except ImportError:
        pygraphviz = None

    parse("digraph { warm -> up }", "warm.dot")  # build the cached parser outside the timings
    aidlint_times: dict[int, float] = {}
    print(
        f"{'edges':>8} {'bytes':>10} {'aidlint s':>10} {'pydot s':>9} {'C s':>8}"
        f" {'pydot/aidlint':>14} {'aidlint/C':>10}"
    )
    for size in args.sizes:
        text = architecture_dot(size)
        repeat = args.repeat if size <= 10_000 else max(1, args.repeat // 3)
        seconds, designs = best_time(lambda: parse(text, "bench.dot"), repeat)
        design = designs[0]
        assert len(design.edges) == size, (len(design.edges), size)
        aidlint_times[size] = seconds

        pydot_seconds = None
        if pydot is not None and size <= args.pydot_limit:
            pydot_seconds, graphs = best_time(lambda: pydot.graph_from_dot_data(text), 1 if size >= 10_000 else repeat)
            assert graphs and len(graphs[0].get_edges()) == size
        c_seconds = None
        if pygraphviz is not None:
            c_seconds, graph = best_time(lambda: pygraphviz.AGraph(string=text), repeat)
            assert graph.number_of_edges() == size and graph.number_of_nodes() == len(design.nodes)

        def show(value: float | None, width: int, digits: int = 3) -> str:
            return f"{value:>{width}.{digits}f}" if value is not None else f"{'-':>{width}}"

        print(
            f"{size:>8} {len(text):>10} {show(seconds, 10)} {show(pydot_seconds, 9)} {show(c_seconds, 8)}"
            f" {show(pydot_seconds / seconds if pydot_seconds else None, 14, 1)}"
            f" {show(seconds / c_seconds if c_seconds else None, 10, 1)}",
            flush=True,
        )
    skipped = [size for size in args.sizes if size > args.pydot_limit]
    if pydot is not None and skipped:
        print(
            f"pydot not timed at {', '.join(map(str, skipped))} edges (over --pydot-limit): it takes about"
            " half a minute for 10k edges, and ten times the edges take it at least ten times as long"
        )
    sizes = sorted(aidlint_times)
    for small, big in zip(sizes, sizes[1:]):
        print(
            f"aidlint {big} edges / {small} edges: {aidlint_times[big] / aidlint_times[small]:.1f}x the time"
            f" for {big / small:.0f}x the edges"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
