"""Every hostile-input pattern of issue 17 at 1x, 2x and 4x size: time per size and growth per doubling.

Run: python benchmarks/hostile_inputs.py [--scale 1.0] [--timeout 60] [--only NAME]
Each input is checked by a fresh `aidlint check` (or `aidlint roles`) process, so a hang shows as a
timeout rather than stopping the benchmark. Linear means about 2x per doubling; the target is at most
2.3x and no run over 10 s at the sizes the issue names. --scale multiplies every 1x size. Each run is
the child process's CPU time (user + system, from getrusage), so that other work on a shared machine
does not count; the timeout is wall-clock time. A factor in brackets compares own times under 0.1 s,
where the start-up's own spread outweighs the input: it says nothing about growth (--scale 8 does).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path


def mermaid_blank_run(n: int) -> tuple[str, str]:
    return "blanks.mmd", "flowchart LR\n  A" + " " * n + "--> B\n"


def mermaid_blanked_comments(n: int) -> tuple[str, str]:
    return "comments.mmd", "flowchart LR\n" + "%%" + " " * n + "\n  A --> B\n"


def mermaid_unterminated_directive(n: int) -> tuple[str, str]:
    return "directive.mmd", "%%{init: " + "x" * n + "\nflowchart LR\n  A --> B\n"


def mermaid_html_attribute_quotes(n: int) -> tuple[str, str]:
    return "tags.mmd", 'flowchart LR\n  A["' + "<a" * n + '"] --> B\n'


def mermaid_dotted_link_text(n: int) -> tuple[str, str]:
    return "dots.mmd", "flowchart LR\n  A -. wait" + "." * n + " .-> B\n"


def mermaid_style_hash(n: int) -> tuple[str, str]:
    return "style.mmd", "flowchart LR\n  A --> B\n  style A fill" + ":" * n + "#fff\n"


def markdown_label_normalising(n: int) -> tuple[str, str]:
    return "label.md", "```mermaid\nflowchart LR\n  A[\"" + "\u2039" * n + '"] --> B\n```\n'


def markdown_many_fences(n: int) -> tuple[str, str]:
    fence = "```mermaid\nflowchart LR\n  user[User] --> llm[Chat LLM]\n```\n\n"
    return "fences.md", "# Design\n\n" + fence * n


def dot_cross_product(n: int) -> tuple[str, str]:
    left = " ".join(f"a{i}" for i in range(n))
    right = " ".join(f"b{i}" for i in range(n))
    return "cross.dot", f"digraph {{ {{{left}}} -> {{{right}}} }}\n"


def dot_fan_out(n: int) -> tuple[str, str]:
    left = " ".join(f"a{i}" for i in range(n))
    right = " ".join(f"b{i}" for i in range(100))
    return "fan.dot", f"digraph {{ {{{left}}} -> {{{right}}} }}\n"


def dsl_group_to_group_edges(n: int) -> tuple[str, str]:
    groups = "".join(f'group g{i} {{ n{i} "Service {i}" }}\n' for i in range(n))
    edges = "".join(f"g{i} -> g{i + 1}\n" for i in range(n - 1))
    return "groups.aidl", groups + edges


def dot_many_edges(n: int) -> tuple[str, str]:
    return "edges.dot", "digraph {\n" + "".join(f"n{i} -> n{i + 1}\n" for i in range(n)) + "}\n"


def mermaid_nested_subgraphs(n: int) -> tuple[str, str]:
    return "nested.mmd", "flowchart LR\n" + "subgraph s\n" * n + "A --> B\n" + "end\n" * n


def roles_listing(n: int) -> tuple[str, str]:
    nodes = "".join(f'n{i} "{"Zorble" if i % 2 else "Service"} {i}"\n' for i in range(n))
    return "roles.aidl", nodes + "".join(f"n{i} -> n{i + 1}\n" for i in range(n - 1))


def roles_gateway_chain(n: int) -> tuple[str, str]:
    # Every box a model gateway, each feeding the next: what a gateway fronts is looked for past its
    # neighbours (roles/serving.py), which once walked the rest of the chain from every gateway.
    nodes = "".join(f'n{i} "LLM gateway"\n' for i in range(n))
    return "gateways.aidl", 'u "User"\nu -> n0\n' + nodes + "".join(f"n{i} -> n{i + 1}\n" for i in range(n - 1))


def user_pattern_on_long_label(n: int) -> tuple[str, str]:
    return "pattern.aidl", 'x "' + "a" * n + 'b"\n'


#: name -> (input maker, 1x size, command); sizes at 1x follow the issue's figures where it names them.
PATTERNS = {
    "mermaid: run of blanks": (mermaid_blank_run, 8_000, "check"),
    "mermaid: blanked %% comment": (mermaid_blanked_comments, 8_000, "check"),
    "mermaid: unterminated %%{ directive": (mermaid_unterminated_directive, 50_000, "check"),
    "mermaid: <a x N in a label": (mermaid_html_attribute_quotes, 10_000, "check"),
    "mermaid: style hash, N colons": (mermaid_style_hash, 10_000, "check"),
    "mermaid: N dots in -. text .-> link": (mermaid_dotted_link_text, 40_000, "check"),
    "markdown: label of N '‹'": (markdown_label_normalising, 5_000, "check"),
    "markdown: N mermaid fences": (markdown_many_fences, 1_250, "check"),
    # N x N edges: past the edge limit at the 1,500, refused before a single edge is made.
    "dot: {a1..aN} -> {b1..bN}": (dot_cross_product, 1_500, "check"),
    # N x 100 edges, under the limit: the expansion itself grows with the edges it makes.
    "dot: {a1..aN} -> {b1..b100}": (dot_fan_out, 500, "check"),
    "aidl: group-to-group edges, N groups": (dsl_group_to_group_edges, 1_000, "check"),
    "dot: N edges": (dot_many_edges, 25_000, "check"),
    # 1M edges at 4x (the figure): every size stops at the node limit (200,000 by default).
    "dot: N edges, past the limits": (dot_many_edges, 250_000, "check"),
    "mermaid: N nested subgraphs": (mermaid_nested_subgraphs, 25_000, "check"),
    "roles: N nodes": (roles_listing, 2_000, "roles"),
    "roles: chain of N model gateways": (roles_gateway_chain, 2_000, "roles"),
    "user regex on an N-char label": (user_pattern_on_long_label, 10_000, "check"),
}
USER_PATTERN_CONFIG = '[[roles.override]]\nlabel = "^a+b$"\nrole = "user"\n'


def run_once(folder: Path, maker, size: int, command: str, timeout: float) -> float | None:
    name, text = maker(size)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        subprocess.run(
            [sys.executable, "-m", "aidlint", command, str(path)],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def best_of(repeat: int, *run) -> float | None:
    times = [run_once(*run) for _ in range(repeat)]
    return None if None in times else min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--only", help="run the patterns whose name contains this text")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the least CPU time counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "aidlint.toml").write_text(USER_PATTERN_CONFIG)
        # A process that does nothing: start-up is subtracted so that growth is the input's own cost.
        baseline = min(run_once(folder, lambda n: ("empty.aidl", 'a "A"\n'), 0, "check", args.timeout) for _ in range(3))
        print(f"start-up of `aidlint check` on a one-node file: {baseline:.2f} s CPU (subtracted below)")
        print(f"{'pattern':<40} {'1x size':>9} {'1x s':>7} {'2x s':>7} {'4x s':>7} {'1x->2x':>7} {'2x->4x':>7}")
        for title, (maker, size, command) in PATTERNS.items():
            if args.only and args.only not in title:
                continue
            size = max(1, int(size * args.scale))
            seconds = [best_of(args.repeat, folder, maker, size * factor, command, args.timeout) for factor in (1, 2, 4)]
            cells = [f"{'>' + str(int(args.timeout)):>7}" if s is None else f"{s:7.2f}" for s in seconds]
            own = [None if s is None else max(s - baseline, 0.01) for s in seconds]
            growth = [_growth(a, b) for a, b in ((own[0], own[1]), (own[1], own[2]))]
            print(f"{title:<40} {size:>9} {' '.join(cells)} {' '.join(growth)}")
        print(
            f"(in brackets: the input's own time is under {NOISE_FLOOR} s at one of the two sizes, as close to "
            "the start-up's run-to-run spread as to nothing, so the factor says nothing; --scale 8 measures it)"
        )


#: Own CPU time (start-up subtracted) below which two runs differ by start-up noise more than by the input.
NOISE_FLOOR = 0.1


def _growth(before: float | None, after: float | None) -> str:
    if before is None or after is None:
        return "   hang"
    factor = f"{after / before:.2f}x"
    return f"{factor:>7}" if min(before, after) >= NOISE_FLOOR else f"({factor})".rjust(7)


if __name__ == "__main__":
    main()
