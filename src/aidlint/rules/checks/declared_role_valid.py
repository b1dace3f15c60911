"""``declared-role-valid``: every role an author declared is one of the taxonomy's."""

from __future__ import annotations

from typing import Literal

from aidlint.roles.infer import is_known_role
from aidlint.rules.checks import CheckKind, register
from aidlint.rules.search import DesignContext, Violation


@register
class DeclaredRoleValid(CheckKind):
    """Every role declared in the design is a role of the taxonomy (one finding per bad declaration)."""

    kind: Literal["declared-role-valid"]

    def always_names_a_node(self) -> bool:
        return True

    def evaluate(self, context: DesignContext) -> list[Violation]:
        return [
            Violation(node.id, [], [node.id])
            for node in context.design.nodes
            if node.role is not None and not is_known_role(node.role)
        ]
