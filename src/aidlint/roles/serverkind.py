"""A tool server named by its kind under its title (docs/roles.md, "Tools and feedback").

"Postgres MCP Server" on one line is the MCP server for Postgres, a tool the agent acts through. Drawn on
two lines, "Postgres<br/>MCP Server" or "Knowledge Base (MCP server)", the title names what the server
serves and the detail, which holds nothing but the kind of server (`terms.tool_server_kinds`), names what
the box is; read by its title alone it would be the store, search, access control or API it serves. The
labelling guidelines read MCP servers and tool servers as tools whatever they front
(benchmarks/data/roles/README.md, "MCP servers, sandbox servers, tool servers ... are `tool_executor`").
"""

from __future__ import annotations

import re

from aidlint.model import Node
from aidlint.roles.asides import BRACKETED, LINE_BREAK
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.vocabulary import Vocabulary

#: What a detail line may hold around the kind: spaces, dashes, dots, colons and brackets.
_TRIM = re.compile(r"^[\s\-–—·:,.()\[\]]+|[\s\-–—·:,.()\[\]]+$")


def _kind(text: str) -> str:
    return " ".join(_TRIM.sub("", text).split())


def tool_server_by_kind(node: Node, assignment: RoleAssignment, vocabulary: Vocabulary) -> RoleAssignment:
    """The tool when the label's detail is only the kind of tool server; else the assignment as read."""
    if not node.label or assignment.role == "tool_executor" or assignment.how not in ("label", "id", "unknown"):
        return assignment
    kinds = vocabulary.words("tool_server_kinds")
    lines = [line for line in LINE_BREAK.split(node.label) if line.strip()]
    first = lines[0] if lines else ""
    title = _kind(BRACKETED.sub("", first))
    candidates = [_kind(a) for a in BRACKETED.findall(first)] + ([_kind(lines[1])] if len(lines) > 1 else [])
    kind = next((c for c in candidates if c.lower() in kinds), None)
    if title and title.lower() not in kinds and kind is not None:
        return RoleAssignment("tool_executor", "label", kind, (assignment.role,), "the detail names the box a tool server", True)
    return assignment
