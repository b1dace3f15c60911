"""A node's role with its evidence: what decided it and how strong that evidence is.

Strengths, strongest first (docs/roles.md, "Evidence"): ``declared`` in the drawing, ``config``,
``name`` (an exact product or role name in the label's head, or in a bare ID), ``detail`` (a word outside
the head: in brackets, after a colon, on a later line, or the first part of a camelCase name), ``arrow``
(the label of an edge), ``position`` (where the node stands in the chain), ``structure`` (what feeds it).
The last four are weak: a finding whose subject rests only on them is reported as ``info`` and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Evidence too weak to build a warning or error on: the finding becomes ``info`` and says what it assumed.
WEAK_STRENGTHS = frozenset({"detail", "arrow", "position", "structure"})

_STRENGTH_OF_HOW = {
    "declared": "declared",
    "config": "config",
    "arrow": "arrow",
    "position": "position",
    "structure": "structure",
    "agent": "structure",
    "interface": "structure",
    "source": "position",
    "group": "position",
    "shape": "structure",
    # A sequence diagram's `actor` is the drawing's own word for a person, as strong as a role's name.
    "actor": "name",
}

#: Why a node has no role although words matched: the reading rules that set it aside.
_NOT_A_COMPONENT = {
    "legend": "the drawing's legend, not a component",
    "absent": "marked as absent or planned ({matched}), not a component of the design",
    "decision": "a decision or question ({matched}), not a component",
    "record": "names a record, a schema or a metric ({matched}), not a component",
    "builder": "a builder of the system ({matched}), not one of its users",
    "infrastructure": "names where things run ({matched}), not a component",
    "artefact": "names what a step produced ({matched}), not a served model",
    "step": "a step ({matched}) acting on what its label names, not that component",
    "message": "a message in the middle of the flow ({matched}), not a component",
    "outcome": "names an outcome ({matched}), not a component",
    "code_test": "tests code ({matched}), not a model",
    "code_change": "a change to code ({matched}), not a person's message",
    "data_check": "checks data ({matched}) on its way in, not a model",
    "operations": "a route operators call (/{matched}), not the product's application",
    "format": "generates {matched}, which code writes, not a model",
    "link": "names a link ({matched}) to a part of the application, not the part",
    "code_maker": "names code that builds objects ({matched}), not the component it builds",
    "base_class": "names a base class in code ({matched}) that others implement, not a component that runs",
}


#: The readings that set a box aside as no component (the keys of `_NOT_A_COMPONENT`).
NOT_A_COMPONENT_READINGS = frozenset(_NOT_A_COMPONENT)

@dataclass(frozen=True)
class RoleAssignment:
    role: str
    how: str
    """declared | config | label | id | interface | structure | agent | actor | arrow | position | message |
    payload (a bare message at an end) | unknown, or
    one of the not-a-component readings: legend | absent | decision | record | builder"""
    matched: str | None = None
    """The synonym (or the feeding node, for structure) that decided."""
    ambiguous_with: tuple[str, ...] = field(default=())
    """Other roles that matched exactly as strongly, lost only on precedence."""
    tie_rule: str | None = None
    """What settled the tie with ``ambiguous_with`` when it was not precedence."""
    in_detail: bool = False
    """For label and ID matches: the deciding words stand outside the label's head."""
    serves: str | None = None
    """For a box that a release deploys the model to ("Test Environment<br>ML apps", "GPU Prod"): the
    release step that feeds it. The box is what its own words say; the rules read it as the model it
    serves (`for_the_rules`)."""
    parts: tuple[str, ...] = ()
    """Other components the head lists ("Validate query + rate limit": rate_limiter): they count where a rule
    asks for one on the way or at the end, never as a rule's subject (roles/parts.py)."""

    @property
    def strength(self) -> str:
        """declared | config | name | detail | arrow | position | structure | none"""
        if self.how in ("label", "id"):
            return "detail" if self.in_detail else "name"
        if self.how in ("message", "payload") and self.role == "user":
            return "position"
        return _STRENGTH_OF_HOW.get(self.how, "none")

    @property
    def weak(self) -> bool:
        return self.strength in WEAK_STRENGTHS

    @property
    def reason(self) -> str:
        if self.how == "declared":
            return f"declared by the class {self.matched!r}" if self.matched else "declared"
        if self.how in ("label", "id"):
            where = f"{self.how} detail" if self.in_detail else self.how
            text = f'matched "{self.matched}" in {where}'
            if self.ambiguous_with:
                rule = self.tie_rule or f"{self.role} takes precedence"
                text += f" (ambiguous with {', '.join(self.ambiguous_with)}; {rule})"
            elif self.tie_rule:
                text += f" ({self.tie_rule})"
            return text
        if self.how == "interface":
            if self.role == "user":
                return f'structure: matched "{self.matched}" as strongly as another role, and the flow starts or ends here, so it is the person\'s interface'
            return f'structure: matched "{self.matched}", an interface in the middle of the flow, so it is part of the application'
        if self.how == "structure":
            return f"structure: fed by {self.matched}, so it is the model being served"
        if self.how == "position":
            return f"position: {self.matched}"
        if self.how == "source":
            return f'position: "{self.matched}" where the flow starts is data entering the system'
        if self.how == "message" and self.role == "user":
            return f'position: "{self.matched}" where the flow starts or ends is the person\'s own message'
        if self.how == "payload":
            return (
                f'position: "{self.matched}" where the flow starts or ends stands in for a person the drawing'
                " leaves out (rules about people drawn do not count it)"
            )
        if self.how == "group":
            return f"position: {self.matched}"
        if self.how == "actor":
            return "name: drawn as an actor, Mermaid's symbol of a person"
        if self.how == "shape":
            return f"structure: drawn as a {self.matched}, the symbol of a database"
        if self.how == "arrow":
            return f'arrow label: matched "{self.matched}" on an edge into it'
        if self.how == "config":
            return f"configured: {self.matched}"
        if self.how == "agent":
            return "structure: no model drawn, so the agent is the model"
        if self.how in _NOT_A_COMPONENT:
            return "unknown: " + _NOT_A_COMPONENT[self.how].format(matched=self.matched)
        return "unknown: no synonym matched"

    @property
    def shown_reason(self) -> str:
        """The reason, and what the rules read the box as when that differs from its role."""
        reason = self.reason
        if self.parts:
            reason += f"; also lists {', '.join(self.parts)}, which count where a rule asks for one"
        if self.serves is None:
            return reason
        return f"{reason}; the rules read it as the model it serves (fed by {self.serves})"

    @property
    def evidence(self) -> str:
        """One line for assumed findings: the strength, then the reason (once, when the reason names it)."""
        reason = self.reason
        return reason if reason.startswith(f"{self.strength}:") else f"{self.strength}: {reason}"


def for_the_rules(roles: dict[str, RoleAssignment]) -> dict[str, RoleAssignment]:
    """The roles the rules check: a box that serves a released model is that model (structure evidence,
    so findings resting on it are assumed), whatever its own words make it."""
    if all(a.serves is None for a in roles.values()):
        return roles
    return {
        node_id: RoleAssignment("model_inference", "structure", a.serves) if a.serves is not None else a
        for node_id, a in roles.items()
    }
