"""``suppressions-used``: every ``aidlint: ignore[...]`` comment silences some finding.

The runner reports it once every other rule's findings are known (rules/runner.py); a comment cannot
silence the finding that says it is itself unused or wrong.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from aidlint.rules.checks import CheckKind, register


@register
class SuppressionsUsed(CheckKind):
    """Every ``aidlint: ignore[...]`` comment silences some finding (checked after all other rules)."""

    kind: Literal["suppressions-used"]

    reported_by: ClassVar = "runner"
    user_declarable: ClassVar = False
    suppressible: ClassVar = False
