"""How fast the Mermaid front end reads a sequence diagram, as a ratio to it reading the same graph as a flowchart.

    python benchmarks/mermaid_sequence_parse.py                     # 1k, 10k and 100k messages
    python benchmarks/mermaid_sequence_parse.py --sizes 1000 --repeat 3
    python benchmarks/mermaid_sequence_parse.py --mermaid-dir DIR   # also Mermaid's own parser

Both texts hold the same design, each in its own idiom: 1 participant per 20 messages, declared with an
alias (``participant p3 as Service 3`` / ``p3["Service 3"]``), then the messages as real diagrams write them,
a third of them replies drawn back (``-->>``), a third without text, every tenth inside an ``alt`` block and
every twentieth followed by a note (which a flowchart cannot say: set aside by the sequence front end). Both
must give the same nodes (IDs, labels) and edges (ends and text), checked before timing. Each size is timed
as parse + model in CPU time, the best of --repeat runs that alternate the two; the ratio is sequence time /
flowchart time, so 1.0 means "as fast as a flowchart". Mermaid's own parser is the optional column of
benchmarks/mermaid_parse.py (``mermaid.parse`` in Node, with ``npm install mermaid jsdom`` in --mermaid-dir).
A measurement, never a test assertion; the figures are in docs/testing.md, "Speed of the Mermaid and Markdown
front ends".
"""

from __future__ import annotations

import argparse
import random

from mermaid_parse import add_mermaid_options, cpu_time, mermaid_js_seconds


def conversation(messages: int, seed: int = 11) -> tuple[list[tuple[str, str]], list[tuple[str, str, str | None, bool]]]:
    """Participants (id, label) and messages (sender, receiver, text or None, drawn back) in order."""
    rng = random.Random(seed)
    count = max(3, messages // 20)
    participants = [(f"p{i}", f"Service {i}") for i in range(count)]
    said = []
    for number in range(messages):
        sender, receiver = rng.sample(range(count), 2)
        said.append((f"p{sender}", f"p{receiver}", None if number % 3 == 2 else f"call {number}", number % 3 == 1))
    return participants, said


def as_sequence(messages: int) -> str:
    participants, said = conversation(messages)
    lines = ["sequenceDiagram"] + [f"    participant {pid} as {label}" for pid, label in participants]
    for number, (sender, receiver, text, back) in enumerate(said):
        if number % 10 == 0:
            lines.append(f"    alt branch {number}")
        lines.append(f"    {sender}{'-->>' if back else '->>'}{receiver}: {text or ''}".rstrip())
        if number % 10 == 0:
            lines.append("    end")
        if number % 20 == 0:
            lines.append(f"    Note over {sender},{receiver}: step {number}")
    return "\n".join(lines) + "\n"


def as_flowchart(messages: int) -> str:
    participants, said = conversation(messages)
    lines = ["flowchart LR"] + [f'    {pid}["{label}"]' for pid, label in participants]
    for sender, receiver, text, back in said:
        arrow = "-.->" if back else "-->"
        lines.append(f"    {sender} {arrow}|{text}| {receiver}" if text else f"    {sender} {arrow} {receiver}")
    return "\n".join(lines) + "\n"


def same_design(sequence, flowchart) -> None:
    assert [(n.id, n.label) for n in sequence.nodes] == [(n.id, n.label) for n in flowchart.nodes]
    assert [(e.source, e.target, e.label) for e in sequence.edges] == [(e.source, e.target, e.label) for e in flowchart.edges]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size and front end; the best counts")
    add_mermaid_options(parser)
    args = parser.parse_args(argv)

    from aidlint.frontends.mermaid import parse

    parse("sequenceDiagram\n  warm->>up: go\n", "warm.mmd")  # build the cached parsers outside the timings
    parse("flowchart LR\n  warm --> up\n", "warm.mmd")
    print(f"{'messages':>9} {'flowchart s':>12} {'sequence s':>11} {'seq us/msg':>11} {'seq/flow':>9} {'mermaid.js s':>13}")
    notes = []
    for size in args.sizes:
        sequence_text, flowchart_text = as_sequence(size), as_flowchart(size)
        repeat = args.repeat if size <= 10_000 else 1
        flowchart_seconds = sequence_seconds = float("inf")
        for _ in range(repeat):  # alternate, so that a busy machine slows both alike
            seconds, flowchart_designs = cpu_time(lambda: parse(flowchart_text, "bench.mmd"))
            flowchart_seconds = min(flowchart_seconds, seconds)
            seconds, sequence_designs = cpu_time(lambda: parse(sequence_text, "bench.mmd"))
            sequence_seconds = min(sequence_seconds, seconds)
        assert len(sequence_designs[0].edges) == size
        same_design(sequence_designs[0], flowchart_designs[0])
        js_seconds, why = mermaid_js_seconds(sequence_text, args.mermaid_dir, args.mermaid_timeout)
        if why and why not in notes:
            notes.append(why)
        js = f"{js_seconds:13.3f}" if js_seconds is not None else f"{'-':>13}"
        print(
            f"{size:9d} {flowchart_seconds:12.3f} {sequence_seconds:11.3f} {sequence_seconds / size * 1e6:11.1f}"
            f" {sequence_seconds / flowchart_seconds:9.2f} {js}"
        )
    for why in notes:
        print(f"mermaid.js not timed: {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
