"""``any-of``: satisfied when any of its design-level checks is satisfied."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from aidlint.rules.checks import CheckKind, register
from aidlint.rules.checks.edge_exists import EdgeExists
from aidlint.rules.checks.must_reach import MustReach
from aidlint.rules.checks.requires_role import RequiresRole
from aidlint.rules.search import DesignContext, Violation

#: Kinds whose verdict is one per design, so that "any of them holds" means something.
DesignLevelCheck = Annotated[Union[MustReach, EdgeExists, RequiresRole], Field(discriminator="kind")]


@register
class AnyOf(CheckKind):
    """Satisfied when any of the checks is satisfied (design-level checks only)."""

    kind: Literal["any-of"]
    of: list[DesignLevelCheck]
    """Check tables of the kinds ``must-reach``, ``edge-exists`` and ``requires-role``."""

    def evaluate(self, context: DesignContext) -> list[Violation]:
        for alternative in self.of:
            if not alternative.evaluate(context):
                return []
        return [Violation(None)]
