"""Lay out DOT read from standard input with the Graphviz bundled in pygraphviz; the picture goes to
standard output. Run as a child process by render/layout.py: Graphviz can abort the whole process on an
internal assertion, and only a child can die of that without taking aidlint with it."""

from __future__ import annotations

import sys

NO_GRAPHVIZ = 3


def main() -> int:
    output_format = sys.argv[1]
    try:
        import pygraphviz
    except ImportError as error:
        sys.stderr.write(f"pygraphviz is not installed ({error})\n")
        return NO_GRAPHVIZ
    graph = pygraphviz.AGraph(string=sys.stdin.buffer.read().decode("utf-8"))
    sys.stdout.buffer.write(graph.draw(format=output_format, prog="dot"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
