"""``must-pass-through``: every path from a source to a target passes through a node of ``through``."""

from __future__ import annotations

from typing import Literal

from aidlint.rules.checks import PathCheck, register
from aidlint.rules.search import DesignContext, Violation, bypassed, path_to
from aidlint.rules.selectors import Selector


@register
class MustPassThrough(PathCheck):
    """Every path from a source to a target passes through a node of ``through``."""

    kind: Literal["must-pass-through"]
    source: list[Selector]
    """Where paths start."""
    target: list[Selector]
    """Where paths end."""
    through: list[Selector]
    """What every path from a source to a target must pass through; a path that starts or ends in one passes it.
    A box whose label lists a guard or release step among these beside its own role ("Auth & Rate Limiting")
    counts: docs/roles.md, "A box that lists several components"."""
    report: Literal["each-target", "each-source"] = "each-target"
    """One finding per target reached by a bypassing path, or per source that starts one."""
    when_unreached: bool = False
    """Also a finding (one per design) when no target is reachable from any source at all."""

    def always_names_a_node(self) -> bool:
        return not self.when_unreached

    def always_has_a_witness(self) -> bool:
        return not self.when_unreached

    def evaluate(self, context: DesignContext) -> list[Violation]:
        through_nodes = context.matching(self.through, parts=True)
        through = set(through_nodes)
        # A box that lists what the path must pass through beside its own role ("Model Training and
        # Validation", "LLM + guardrails": roles/parts.py) does it on every path that starts or ends in it.
        sources = [n for n in context.matching(self.source) if n not in through]
        targets = [n for n in context.matching(self.target) if n not in through]
        if not sources or not targets:
            return []
        base = context.blocked_base(self.paths)
        violations = []
        # One search with the ``through`` nodes deleted: whatever it still reaches is a bypass.
        if self.report == "each-target":
            parents = context.search(sources, base | through)
            for target in targets:
                if target in parents and parents[target] is not None:
                    violations.append(
                        Violation(target, path_to(parents, target), [target], bypassed(through), through_nodes=through_nodes)
                    )
        else:
            parents = context.search(targets, base | through, reverse=True)
            for source in sources:
                if source in parents and parents[source] is not None:
                    witness = list(reversed(path_to(parents, source)))
                    violations.append(Violation(source, witness, [source], bypassed(through), through_nodes=through_nodes))
        if self.when_unreached and not violations:
            reached = context.search(sources, base)
            if not any(t in reached for t in targets):
                violations.append(Violation(None, [], [], "unreached"))
        return violations
