"""``must-reach``: sources reach a target (optionally through a node of ``via``): some source, or each."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from aidlint.rules.checks import PathCheck, register
from aidlint.rules.search import DesignContext, Violation
from aidlint.rules.selectors import Selector


@register
class MustReach(PathCheck):
    """Sources reach a target (optionally through a node of ``via``): some source, or each one."""

    kind: Literal["must-reach"]
    source: list[Selector]
    """Where paths start."""
    target: list[Selector]
    """What they must reach. A box whose label lists a guard or release step among these beside its own role
    ("Auth & Rate Limiting") counts: docs/roles.md, "A box that lists several components"."""
    via: list[Selector] = Field(default_factory=list)
    """If set, the path must pass through a node of these on its way (a box listing one counts, as for
    ``target``)."""
    quantifier: Literal["any", "each"] = "any"
    """``any``: some source reaches a target (one design-level finding otherwise); ``each``: every
    source does (one finding per source that does not)."""

    def always_names_a_node(self) -> bool:
        return self.quantifier == "each"

    def evaluate(self, context: DesignContext) -> list[Violation]:
        sources, targets = context.matching(self.source), set(context.matching(self.target, parts=True))
        base = context.blocked_base(self.paths)
        if self.quantifier == "each":
            # Searching backwards from the targets answers "does each source reach one?" in one pass.
            starts = targets
            if self.via:
                reaches_target = context.search(targets, base, reverse=True)
                starts = {v for v in context.matching(self.via, parts=True) if v in reaches_target}
            reaching = context.search(starts, base, reverse=True)
            return [Violation(s, [], [s]) for s in sources if s not in reaching]
        reached = context.search(sources, base)
        if self.via:
            reached = context.search([v for v in context.matching(self.via, parts=True) if v in reached], base)
        if any(t in reached for t in targets):
            return []
        return [Violation(None, [], [])]
