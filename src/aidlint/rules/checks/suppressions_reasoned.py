"""``suppressions-reasoned``: every ``aidlint: ignore[...]`` comment says why.

The runner reports it (rules/runner.py). A suppression without a reason still silences its rules: the
warning asks for the reason, and the file's other findings are reported as usual.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from aidlint.rules.checks import CheckKind, register


@register
class SuppressionsReasoned(CheckKind):
    """Every ``aidlint: ignore[...]`` comment gives a reason (it still silences its rules without one)."""

    kind: Literal["suppressions-reasoned"]

    reported_by: ClassVar = "runner"
    user_declarable: ClassVar = False
    suppressible: ClassVar = False
