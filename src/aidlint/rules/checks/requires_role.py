"""``requires-role``: the design has a node of ``role``."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from aidlint.rules.checks import CheckKind, register
from aidlint.rules.search import DesignContext, Violation
from aidlint.rules.selectors import check_role


@register
class RequiresRole(CheckKind):
    """The design has a node of ``role`` (one design-level finding otherwise)."""

    kind: Literal["requires-role"]
    role: str
    """The role some node must have."""

    _role_exists = field_validator("role")(classmethod(lambda cls, role: check_role(role)))

    def evaluate(self, context: DesignContext) -> list[Violation]:
        return [] if context.matching([self.role]) else [Violation(None)]
