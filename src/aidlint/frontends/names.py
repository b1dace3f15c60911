"""How each format writes a node ID and declares its role: light code (no parser), used for suggestions.

Each function returns one line that, pasted into a file (or Markdown fence) of its format, declares
``node_id``'s role; ``tests/frontends/test_registry.py`` pastes each one and parses the result.
"""

from __future__ import annotations

import re

#: An ID DOT reads without quotes (grammars/dot.lark's NAME and NUMERAL); keywords need quotes.
_DOT_PLAIN_ID = re.compile(r"[A-Za-z_\u0080-\U0010ffff][A-Za-z_0-9\u0080-\U0010ffff]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)")
_DOT_KEYWORDS = frozenset({"strict", "graph", "digraph", "subgraph", "node", "edge"})


def dot_id(node_id: str) -> str:
    if _DOT_PLAIN_ID.fullmatch(node_id) and node_id.lower() not in _DOT_KEYWORDS:
        return node_id
    # Graphviz keeps every escape but \" as written, so only the quote is escaped.
    return '"' + node_id.replace('"', '\\"') + '"'


def declare_aidl_role(node_id: str, role: str) -> str:
    return f"{node_id}: {role}"


def declare_dot_role(node_id: str, role: str) -> str:
    return f'{dot_id(node_id)} [role="{role}"]'


def directive_id(node_id: str) -> str:
    """A node ID as an ``aidlint: role`` directive reads it: bare, or a JSON string when blanks, ``=``,
    ``,`` or a leading quote would cut it (a sequence diagram's ``Alice Smith``)."""
    if re.search(r'[\s=,]|^"', node_id):
        import json

        return json.dumps(node_id)
    return node_id


def declare_mermaid_role(node_id: str, role: str) -> str:
    return f"%% aidlint: role {directive_id(node_id)}={role}"


def declare_any_role(node_id: str, role: str) -> str:
    """For a format with no syntax of its own (a Markdown file outside its fences)."""
    return f"aidlint: role {directive_id(node_id)}={role}"
