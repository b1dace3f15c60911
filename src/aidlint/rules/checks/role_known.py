"""``role-known``: every node has a role."""

from __future__ import annotations

from typing import Literal

from aidlint.model import UNKNOWN_ROLE
from aidlint.rules.checks import CheckKind, register
from aidlint.rules.search import DesignContext, Violation


@register
class RoleKnown(CheckKind):
    """Every node has a role (one finding per design lists the nodes without one)."""

    kind: Literal["role-known"]

    def always_names_a_node(self) -> bool:
        return True

    def evaluate(self, context: DesignContext) -> list[Violation]:
        unknown = [n.id for n in context.design.nodes if context.role(n.id) == UNKNOWN_ROLE]
        return [Violation(unknown[0], [], unknown)] if unknown else []
