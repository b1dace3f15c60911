"""Business systems an agent acts on (docs/roles.md, "Business systems an agent acts on").

A tool executor carries out an action a model or agent asked for (benchmarks/data/roles/README.md,
`tool_executor`): opening a ticket, booking a meeting, charging a card, updating a CRM record. Drawn, the
agent's arrow goes straight to the business system the action lands in ("Support agent -> Zendesk",
"Planner agent -> Google Calendar API", "Agent -> Stripe"). Such a system, named by a product of ticketing,
CRM, calendars, payments, commerce or HR (`terms.action_products`) and read by its words as nothing or as
an API of the product, is the tool the agent acts through when a model, an agent or one of its tools feeds it
at once ("CRM tool -> Salesforce": what tools call is part of the tool, as infer.py's `_called_by_tools`
reads an API client). Fed by anything else (a backend, a scheduler, a pipeline) it keeps its reading: the
system is then data the product reads or a service it calls, not an agent's action.
"""

from __future__ import annotations

from aidlint.model import Design, UNKNOWN_ROLE
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.reading import head_words, written_head
from aidlint.roles.vocabulary import Vocabulary

#: Readings a business system's own words give that an agent's arrow outranks: none, or an API or client.
_OPEN = frozenset({UNKNOWN_ROLE, "application"})
#: Readings its detail alone gives that the arrow outranks too: "Gmail (OAuth)", "Stripe<br/>API key" say
#: how the system is reached, not that it is the access control.
_BY_DETAIL = frozenset({"auth"})


def systems_agents_act_on(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    if not vocabulary.terms.get("action_products"):
        return
    agents = vocabulary.words("agent_words")
    labels = {node.id: node for node in design.nodes}

    def acts(node_id: str) -> bool:
        if roles[node_id].role in ("model_inference", "tool_executor"):
            return True
        head = [w.lower() for w in written_head(labels[node_id])]
        return bool(head) and head[-1] in agents

    fed_by_agent = {edge.target for edge in design.edges if edge.source in labels and acts(edge.source)}
    for node_id in sorted(fed_by_agent):
        assignment = roles.get(node_id)
        if assignment is None or assignment.how not in ("label", "id", "unknown"):
            continue
        if assignment.role not in _OPEN and not (assignment.in_detail and assignment.role in _BY_DETAIL):
            continue
        named = vocabulary.first_term("action_products", head_words(labels[node_id]))
        if named is not None:
            roles[node_id] = RoleAssignment("tool_executor", "structure", named, (assignment.role,), "a business system an agent acts on")
