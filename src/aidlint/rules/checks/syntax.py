"""``syntax``: the file can be read and parsed.

The front ends report it (a design that reached the engine has parsed), so it has no evaluation. It is
always on: an unreadable file must fail the run whatever the profile, selection or severity table say,
and no comment in a file that cannot be parsed can be trusted to silence it.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from aidlint.rules.checks import CheckKind, register


@register
class SyntaxValid(CheckKind):
    """The file can be read and parsed; front ends report this, the engine never evaluates it."""

    kind: Literal["syntax"]

    reported_by: ClassVar = "front ends"
    user_declarable: ClassVar = False
    suppressible: ClassVar = False
    always_on: ClassVar = True
