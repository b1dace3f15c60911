"""``edge-exists``: some edge whose label or ``kind`` attribute mentions a term ends at a target."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from aidlint.rules.checks import CheckKind, register
from aidlint.rules.search import DesignContext, Violation
from aidlint.rules.selectors import Selector, check_selectors


@register
class EdgeExists(CheckKind):
    """Some edge whose label or ``kind`` attribute mentions the term list ``mentions`` ends at a target."""

    kind: Literal["edge-exists"]
    mentions: str
    """A vocabulary term list (data/vocabulary.toml ``[terms]``), such as ``rollback``."""
    target: list[Selector]
    """Where the edge must end."""

    _roles_exist = field_validator("target")(classmethod(lambda cls, selectors: check_selectors(selectors)))

    def evaluate(self, context: DesignContext) -> list[Violation]:
        targets = set(context.matching(self.target))
        for edge in context.design.edges:
            if edge.target not in targets:
                continue
            text = " ".join(filter(None, [edge.label, edge.attrs.get("kind"), edge.attrs.get("label")]))
            if text and context.vocabulary.term_matches(self.mentions, text):
                return []
        return [Violation(None)]
