"""What every front end needs the same way: spans, the nesting-depth limit, group expansion and the
limits on how many nodes and edges a file may expand to.

Hostile input must end fast with a located syntax finding: a few kilobytes of DOT (``{a1 ... a1500} ->
{b1 ... b1500}``) or Mermaid (``A & B & ... --> C & D & ...``) stand for millions of edges, and a file
nests subgraphs as deep as its author likes. The limits are counted while the file is read, so the
error names the line that crossed them.
"""

from __future__ import annotations

from dataclasses import dataclass

from aidlint.frontends.errors import DesignSyntaxError
from aidlint.model import Span

#: Groups and subgraphs nested deeper than this are refused: no real diagram needs it.
MAX_NESTING_DEPTH = 64

#: Default limits on what one file expands to; ``aidlint.toml``'s ``[limits]`` may change them.
DEFAULT_MAX_NODES = 200_000
DEFAULT_MAX_EDGES = 300_000


@dataclass(frozen=True)
class Limits:
    max_nodes: int = DEFAULT_MAX_NODES
    max_edges: int = DEFAULT_MAX_EDGES


def source_lines(text: str) -> list[str]:
    """The text's lines as the parsers number them: only '\n' ends a line (str.splitlines() also splits
    at form feeds, U+2028 and lone carriage returns, which a design may hold), and a CRLF's '\r' is dropped."""
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


def line_of(text: str, line: int) -> str:
    """Line ``line`` (1-based) of ``text``, without splitting the whole text."""
    if line < 1:
        return ""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    end = text.find("\n", start)
    found = text[start:] if end == -1 else text[start:end]
    return found[:-1] if found.endswith("\r") else found


def error_at(message: str, text: str, line: int, col: int, expected: list[str] | None = None) -> DesignSyntaxError:
    return DesignSyntaxError(message, line=line, col=col, source_line=line_of(text, line), expected=expected)


def token_span(path: str, first, last) -> Span:
    """The span from the start of token ``first`` to the end of token ``last`` (Lark tokens)."""
    return Span(path=path, line=first.line, col=first.column, end_line=last.end_line, end_col=last.end_column)


def check_depth(depth: int, what: str, text: str, line: int, col: int) -> None:
    """Refuse ``what`` (``"subgraphs"``, ``"groups"``) opened at ``line:col`` at nesting ``depth``."""
    if depth > MAX_NESTING_DEPTH:
        raise error_at(f"{what} are nested deeper than {MAX_NESTING_DEPTH} levels", text, line, col)


class ExpansionBudget:
    """Counts the nodes and edges a file expands to; the statement that crosses a limit is a syntax finding."""

    __slots__ = ("limits", "text", "nodes", "edges")

    def __init__(self, text: str, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self.text = text
        self.nodes = 0
        self.edges = 0

    def add_edges(self, count: int, line: int, col: int) -> None:
        self.edges += count
        self.require_edges(self.edges, line, col)

    def require_edges(self, total: int, line: int, col: int) -> None:
        """Refuse a statement that would make ``total`` edges, before it is expanded."""
        if total > self.limits.max_edges:
            raise error_at(
                f"this statement takes the design past aidlint's limit of {self.limits.max_edges:,} edges"
                " (set `max-edges` under [limits] in aidlint.toml to allow more)",
                self.text,
                line,
                col,
            )

    def require_nodes(self, nodes) -> None:
        """Refuse a finished set of nodes over the limit, at the first node (in source order) past it."""
        if len(nodes) > self.limits.max_nodes:
            spans = sorted((node.span.line, node.span.col) for node in nodes if node.span is not None)
            line, col = spans[min(self.limits.max_nodes, len(spans) - 1)] if spans else (1, 1)
            self.add_nodes(len(nodes), line, col)

    def add_nodes(self, count: int, line: int, col: int) -> None:
        self.nodes += count
        if self.nodes > self.limits.max_nodes:
            raise error_at(
                f"this statement takes the design past aidlint's limit of {self.limits.max_nodes:,} nodes"
                " (set `max-nodes` under [limits] in aidlint.toml to allow more)",
                self.text,
                line,
                col,
            )


class GroupMembers:
    """The nodes inside each group, subgroups included, computed once for all of a design's edges.

    ``parents`` maps each group to its parent group (None at the top), ``node_groups`` each node, in
    design order, to its innermost group. ``members(g)`` lists g's nodes in design order.
    """

    def __init__(self, parents: dict[str, str | None], node_groups: dict[str, str | None]) -> None:
        self.parents = parents
        self.node_groups = node_groups
        self._members: dict[str, list[str]] | None = None

    def _build(self) -> dict[str, list[str]]:
        members: dict[str, list[str]] = {group: [] for group in self.parents}
        for node, group in self.node_groups.items():
            seen = 0
            while group is not None and seen <= len(self.parents):
                members[group].append(node)
                group = self.parents.get(group)
                seen += 1
        return members

    def members(self, group: str) -> list[str]:
        if self._members is None:
            self._members = self._build()
        return self._members.get(group, [])
