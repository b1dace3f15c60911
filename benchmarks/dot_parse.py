"""How fast the DOT front end reads architecture-sized and bigger graphs, next to pydot and Graphviz.

    python benchmarks/dot_parse.py                  # 1k, 10k and 100k edges, every generator
    python benchmarks/dot_parse.py --sizes 1000 --repeat 5 --generators layout

Three generators write the files: ``architecture`` looks like an exported architecture diagram (clusters
of labelled services with default styles, labelled edges between them), ``layout`` like Graphviz's own
output (``dot -Tdot``: quoted names, every node and edge with its layout attributes) and ``edge-list``
like a generated dependency graph (bare ``a -> b`` lines). Each size is timed as parse + model, the
best of --repeat runs: aidlint's ``parse`` to Designs, pydot's ``graph_from_dot_data`` (its own
pyparsing grammar) and Graphviz's C parser through pygraphviz (``AGraph(string=...)``), all in this
process and in CPU time (``time.process_time``), so that other work on a shared machine does not
count. pydot takes about 30 s at 10k edges, so it is skipped above --pydot-limit edges. This is a
measurement, never a test assertion.

Figures (2026-12-02, CPython 3.11, a 2-core machine shared by 5 sessions). Before the simple-statement
token (frontends/dot/statements.py), in wall time: aidlint/C was 7.1x, 7.0x and 5.4x at 1k, 10k and
100k edges (architecture: 0.052 s, 0.667 s, 7.1 s against 0.007 s, 0.095 s, 1.31 s). After it, in CPU
time:

    generator      edges  aidlint s    pydot s      C s  aidlint/C
    architecture    1000      0.021      3.912    0.008        2.6
    architecture   10000      0.208          -    0.073        2.9
    architecture  100000      2.601          -    1.397        1.9
    layout          1000      0.027      2.806    0.008        3.3
    layout         10000      0.301          -    0.116        2.6
    layout        100000      3.122          -    1.407        2.2
    edge-list       1000      0.020      1.053    0.004        5.5
    edge-list      10000      0.174          -    0.042        4.2
    edge-list     100000      1.812          -    0.668        2.7

pydot is 51-188x slower than aidlint at 1k edges. On bare edge lists Graphviz spends about 4 us an edge;
aidlint's model alone (pydantic validating each Node, Edge and Span) costs about 5.7 us an edge, so that
generator stays above 3x at small sizes. Runs vary by about a quarter on the shared machine.
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


def layout_dot(edges: int, seed: int = 7) -> str:
    """What ``dot -Tdot`` writes: quoted IDs, and positions and sizes on every node and edge."""
    rng = random.Random(seed)
    nodes = max(10, edges // 3)
    lines = ['digraph "AI platform" {', '  graph [bb="0,0,4000,3000", rankdir=LR];', "  node [label=\"\\N\"];"]
    for node in range(nodes):
        x, y = rng.randrange(4000), rng.randrange(3000)
        lines.append(
            f'  "n{node}" [height=0.5, label="{KINDS[node % len(KINDS)]} {node}", pos="{x},{y}", shape=box, width=1.75];'
        )
    for _ in range(edges):
        source, target = rng.randrange(nodes), rng.randrange(nodes)
        points = " ".join(f"{rng.randrange(4000)},{rng.randrange(3000)}" for _ in range(4))
        lines.append(f'  "n{source}" -> "n{target}" [pos="e,{points}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def edge_list_dot(edges: int, seed: int = 7) -> str:
    """Bare ``a -> b`` lines between ``edges // 3`` nodes, as a dependency graph generator writes them."""
    rng = random.Random(seed)
    nodes = max(10, edges // 3)
    lines = ["digraph deps {"]
    lines.extend(f"  n{rng.randrange(nodes)} -> n{rng.randrange(nodes)}" for _ in range(edges))
    lines.append("}")
    return "\n".join(lines) + "\n"


GENERATORS = {"architecture": architecture_dot, "layout": layout_dot, "edge-list": edge_list_dot}


def best_time(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        result = None  # the previous run's result is freed here, not inside the next run's timing
        gc.collect()
        started = time.process_time()
        result = run()
        best = min(best, time.process_time() - started)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per parser at 10k edges (scaled by size); the best counts"
    )
    parser.add_argument("--pydot-limit", type=int, default=10_000, help="largest size pydot is timed at")
    parser.add_argument("--generators", nargs="+", choices=sorted(GENERATORS), default=list(GENERATORS))
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
    aidlint_times: dict[tuple[str, int], float] = {}
    print(
        f"{'generator':<13} {'edges':>8} {'bytes':>10} {'aidlint s':>10} {'pydot s':>9} {'C s':>8}"
        f" {'pydot/aidlint':>14} {'aidlint/C':>10}"
    )
    for generator, size in ((generator, size) for generator in args.generators for size in args.sizes):
        text = GENERATORS[generator](size)
        # The same CPU time for every size: short runs are repeated more (10x --repeat at 1k edges), as
        # on a shared machine their best is otherwise a matter of luck; 100k edges run once or twice.
        repeat = max(1, min(args.repeat * 10, args.repeat * 10_000 // size))
        seconds, designs = best_time(lambda: parse(text, "bench.dot"), repeat)
        design = designs[0]
        assert len(design.edges) == size, (len(design.edges), size)
        aidlint_times[generator, size] = seconds

        pydot_seconds = None
        if pydot is not None and size <= args.pydot_limit:
            pydot_seconds, graphs = best_time(lambda: pydot.graph_from_dot_data(text), 1 if size >= 10_000 else args.repeat)
            assert graphs and len(graphs[0].get_edges()) == size
        c_seconds = None
        if pygraphviz is not None:
            c_seconds, graph = best_time(lambda: pygraphviz.AGraph(string=text), repeat)
            assert graph.number_of_edges() == size and graph.number_of_nodes() == len(design.nodes)

        def show(value: float | None, width: int, digits: int = 4) -> str:
            return f"{value:>{width}.{digits}f}" if value is not None else f"{'-':>{width}}"

        print(
            f"{generator:<13} {size:>8} {len(text):>10} {show(seconds, 10)} {show(pydot_seconds, 9)} {show(c_seconds, 8)}"
            f" {show(pydot_seconds / seconds if pydot_seconds else None, 14, 1)}"
            f" {show(seconds / c_seconds if c_seconds else None, 10, 2)}",
            flush=True,
        )
    skipped = [size for size in args.sizes if size > args.pydot_limit]
    if pydot is not None and skipped:
        print(
            f"pydot not timed at {', '.join(map(str, skipped))} edges (over --pydot-limit): it takes about"
            " half a minute for 10k edges, and ten times the edges take it at least ten times as long"
        )
    sizes = sorted(args.sizes)
    for generator in args.generators:
        for small, big in zip(sizes, sizes[1:]):
            ratio = aidlint_times[generator, big] / aidlint_times[generator, small]
            print(f"aidlint, {generator}: {big} edges / {small} edges: {ratio:.1f}x the time for {big / small:.0f}x the edges")
    return 0


if __name__ == "__main__":
    sys.exit(main())
