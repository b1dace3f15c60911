"""Text from a design made safe to print on a terminal.

Labels, IDs, paths and source lines come from files anyone can write: an escape sequence in a label
could clear the screen, retitle the window or hide a link (OSC 8) in the report. Every terminal-facing
output passes such text through :func:`visible`, which writes control characters as escapes.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the invisible characters that reorder or hide text (bidi overrides and
# isolates, line and paragraph separators).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\x1b"}


def _escape(match: re.Match) -> str:
    char = match.group(0)
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def visible(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\n``, ``\\u202e``)."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(_escape, text)
