"""SVG and PNG: the gap diagram's DOT laid out by Graphviz in a child process, with fallbacks.

Graphviz aborts its process on an internal assertion (``mincross.c: fixLabelOrder``) when many edge
labels meet clusters, and runs for minutes on some large graphs. The child dies instead of aidlint;
a crash is retried with edge labels as ``xlabel`` (placed after layout, so mincross never sees them),
then with clusters flattened as well; a timeout goes straight to the flattened layout, the one that
is fast. Graphviz's stderr (fontconfig warnings and the like) is never shown.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from dataclasses import dataclass, field

from aidlint.render import dot
from aidlint.render.gap import GapDiagram

DEFAULT_TIMEOUT = 60.0
#: The child's command after the interpreter (the tests point it at a child that crashes on purpose).
CHILD = ("-m", "aidlint.render.graphviz_child")

#: Each attempt: what it changes (for the user), and the DOT layout it uses.
ATTEMPTS = (
    ("as drawn", dot.DotLayout()),
    ("edge labels placed as xlabels", dot.DotLayout(edge_labels_as_xlabels=True)),
    ("edge labels as xlabels and clusters flattened", dot.DotLayout(edge_labels_as_xlabels=True, clusters=False)),
)


@dataclass
class Layout:
    picture: bytes | None = None
    """The SVG or PNG bytes, ``None`` when every attempt failed."""
    changed: str | None = None
    """What the layout that worked changed from the design as drawn, if anything."""
    failures: list[str] = field(default_factory=list)
    """Why each failed attempt failed, in order."""


class GraphvizUnavailable(RuntimeError):
    """pygraphviz (and so Graphviz) is not installed."""


def lay_out(diagram: GapDiagram, output_format: str, timeout: float = DEFAULT_TIMEOUT) -> Layout:
    result = Layout()
    attempt = 0
    while attempt < len(ATTEMPTS):
        description, dot_layout = ATTEMPTS[attempt]
        outcome = _run_graphviz(dot.write(diagram, dot_layout), output_format, timeout)
        if isinstance(outcome, bytes):
            result.picture = outcome
            result.changed = None if attempt == 0 else description
            return result
        result.failures.append(f"{description}: {outcome}")
        # A timeout would only repeat with edge labels moved: go to the layout without clusters.
        attempt = len(ATTEMPTS) - 1 if outcome.startswith("timed out") and attempt < len(ATTEMPTS) - 1 else attempt + 1
    return result


def _run_graphviz(dot_text: str, output_format: str, timeout: float) -> bytes | str:
    """The picture, or why Graphviz gave none."""
    try:
        child = subprocess.run(
            [sys.executable, *CHILD, output_format],
            input=dot_text.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout:g} s"
    if child.returncode == 0 and child.stdout:
        return child.stdout
    if child.returncode == 3:
        raise GraphvizUnavailable(child.stderr.decode("utf-8", "replace").strip())
    if child.returncode < 0:
        name = signal.Signals(-child.returncode).name if -child.returncode in signal.valid_signals() else str(-child.returncode)
        return f"Graphviz crashed ({name}){_assertion(child.stderr)}"
    return f"Graphviz failed (exit {child.returncode}){_assertion(child.stderr)}"


def _assertion(stderr: bytes) -> str:
    """The line of Graphviz's stderr that names what went wrong (an assertion), without the noise."""
    for line in stderr.decode("utf-8", "replace").splitlines():
        if "Assertion" in line or "Error" in line:
            return f": {line.strip()[:200]}"
    return ""
