"""Boxes written as a call of the product's code (docs/roles.md, "A call of a method is the application").

"AgentOS.processRequest", "ServiceContainer.getInstance()", "new ChatPipeline([stages]).execute(context)": a
label whose name is a method called on a class, or on an object the label constructs, is the product's own
code at work, the application, where neither its words nor the drawing gave it a component's role. Its
words ("Request", "Container", "context") name what the method handles, not a message or a place.
"""

from __future__ import annotations

import re

from aidlint.model import Design
from aidlint.roles.asides import LINE_BREAK
from aidlint.roles.assignment import RoleAssignment

#: A method called on a class ("AgentOS.processRequest", "Store.get()") or on a new object ("new
#: Pipeline(x).run()"): the method is a camelCase name or is called, so "TryNessa.com" and "Next.js" are no
#: calls; a lowercase receiver ("context.Context") is a value or a package, not a class of the product.
_METHOD_CALL = re.compile(r"^(?:new\s+)?[A-Z][A-Za-z0-9]*(?:\([^)]*\))?\.([a-z_][a-z0-9_]*(?:[A-Z][A-Za-z0-9]*)+|[a-z_][A-Za-z0-9_]*\()")
#: Readings a call outranks: nothing read, a message or record word, a place word, a step of processing.
_WEAK = frozenset({"unknown", "message", "record", "infrastructure", "step"})


def methods_of_the_product(design: Design, roles: dict[str, RoleAssignment]) -> None:
    for node in design.nodes:
        if roles[node.id].how not in _WEAK or not node.label:
            continue
        first = LINE_BREAK.split(node.label, maxsplit=1)[0].strip()
        if (call := _METHOD_CALL.match(first)) is not None:
            roles[node.id] = RoleAssignment("application", "label", call.group(1).rstrip("("), tie_rule="a method of the product's code called")
