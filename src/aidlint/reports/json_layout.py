"""JSON laid out for both machines and diffs: the document's frame indented, each finding on one line.

``json.dumps(..., indent=2)`` runs Python's pure-Python encoder (the C one only writes compact JSON),
and SARIF of a large design then takes seconds to print. Here each item of the listed arrays is
encoded by the C encoder on a line of its own, which is also the layout a reviewer wants in a diff:
one finding per line.
"""

from __future__ import annotations

import json


def dumps(value, one_line_items: frozenset[str] = frozenset(), top_items_one_line: bool = False) -> str:
    """``value`` as indented JSON, except that each item of an array under a key of ``one_line_items``
    (or of ``value`` itself, with ``top_items_one_line``) is written on one line."""
    parts: list[str] = []
    _write(value, 0, parts, one_line_items, top_items_one_line)
    parts.append("\n")
    return "".join(parts)


def _one_line(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _write(value, level: int, out: list[str], keys: frozenset[str], items_on_one_line: bool) -> None:
    inner, outer = "  " * (level + 1), "  " * level
    if isinstance(value, dict) and value:
        out.append("{\n")
        last = len(value) - 1
        for index, (key, item) in enumerate(value.items()):
            out.append(f"{inner}{json.dumps(key, ensure_ascii=False)}: ")
            _write(item, level + 1, out, keys, key in keys)
            out.append(",\n" if index < last else "\n")
        out.append(outer + "}")
    elif isinstance(value, list) and value:
        out.append("[\n")
        last = len(value) - 1
        for index, item in enumerate(value):
            out.append(inner)
            if items_on_one_line:
                out.append(_one_line(item))
            else:
                _write(item, level + 1, out, keys, False)
            out.append(",\n" if index < last else "\n")
        out.append(outer + "]")
    else:
        out.append(_one_line(value))
