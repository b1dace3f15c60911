"""``some-path-through``: where sources reach targets, some node of ``through`` lies on such a path."""

from __future__ import annotations

from typing import Literal

from aidlint.rules.checks import PathCheck, register
from aidlint.rules.search import DesignContext, Violation, bypassed, path_to
from aidlint.rules.selectors import Selector


@register
class SomePathThrough(PathCheck):
    """Where sources reach targets, some node of ``through`` lies on such a path."""

    kind: Literal["some-path-through"]
    source: list[Selector]
    """Where paths start."""
    target: list[Selector]
    """Where paths end."""
    through: list[Selector]
    """What at least one source-to-target path must pass through. A box whose label lists a guard or release
    step among these beside its own role ("Auth & Rate Limiting") counts: docs/roles.md, "A box that lists
    several components"."""

    def always_names_a_node(self) -> bool:
        return True

    def always_has_a_witness(self) -> bool:
        return True

    def evaluate(self, context: DesignContext) -> list[Violation]:
        sources, targets = context.matching(self.source), context.matching(self.target)
        base = context.blocked_base(self.paths)
        forward = context.search(sources, base)
        reached_targets = [t for t in targets if t in forward and forward[t] is not None]
        if not reached_targets:
            return []
        # A node lies on some source-to-target path exactly when it is reached both ways.
        backward = context.search(targets, base, reverse=True)
        through_nodes = context.matching(self.through, parts=True)
        if any(n in forward and n in backward for n in through_nodes):
            return []
        first = reached_targets[0]
        return [Violation(first, path_to(forward, first), [first], bypassed(through_nodes), through_nodes=through_nodes)]
