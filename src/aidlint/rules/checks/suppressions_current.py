"""``suppressions-current``: no ``aidlint: ignore[...] until=DATE`` comment is past its date.

The runner reports it (rules/runner.py): after its date a suppression silences nothing, so the
findings it covered come back, and this finding says why.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from aidlint.rules.checks import CheckKind, register


@register
class SuppressionsCurrent(CheckKind):
    """No ``aidlint: ignore[...] until=DATE`` comment is past its date (then it silences nothing)."""

    kind: Literal["suppressions-current"]

    reported_by: ClassVar = "runner"
    user_declarable: ClassVar = False
    suppressible: ClassVar = False
