"""Give every node of a design a role, and remember why (``aidlint roles`` shows it).

Order (docs/roles.md): a declaration; else the label (then the ID) against the vocabulary; then structure
(a node a deployment controller or model registry feeds is the served model); then "an agent with no
model" (the agent node is the model); else ``unknown``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aidlint.model import ROLES, UNKNOWN_ROLE, Design, Node
from aidlint.roles.vocabulary import Match, Vocabulary, clean_label, load_vocabulary, tokenize

#: Roles a served model may be drawn as when a controller or registry feeds it.
_SERVING_SIDE = frozenset(
    {"safety_filter", "application", "retrieval", "tool_executor", "data_store", "data_source", "api_gateway", "auth", "rate_limiter"}
)
_RELEASES_MODELS = frozenset({"deployment_controller", "model_registry"})
#: Roles that are kinds of store themselves: a data noun after them does not make them plain data.
_STORES = frozenset({"data_store", "model_registry", "audit_log", "retrieval"})


@dataclass(frozen=True)
class RoleAssignment:
    role: str
    how: str
    """declared | config | label | id | interface | structure | agent | legend | unknown"""
    matched: str | None = None
    """The synonym (or the feeding node, for structure) that decided."""
    ambiguous_with: tuple[str, ...] = field(default=())
    """Other roles that matched exactly as strongly, lost only on precedence."""
    tie_rule: str | None = None
    """What settled the tie with ``ambiguous_with`` when it was not precedence."""

    @property
    def reason(self) -> str:
        if self.how == "declared":
            return "declared"
        if self.how in ("label", "id"):
            text = f'matched "{self.matched}" in {self.how}'
            if self.ambiguous_with:
                rule = self.tie_rule or f"{self.role} takes precedence"
                text += f" (ambiguous with {', '.join(self.ambiguous_with)}; {rule})"
            return text
        if self.how == "interface":
            return f'structure: matched "{self.matched}" as strongly as another role, and the flow starts or ends here, so it is the person\'s interface'
        if self.how == "structure":
            return f"structure: fed by {self.matched}, so it is the model being served"
        if self.how == "config":
            return f"configured: {self.matched}"
        if self.how == "agent":
            return "structure: no model drawn, so the agent is the model"
        if self.how == "legend":
            return "unknown: the drawing's legend, not a component"
        return "unknown: no synonym matched"


def node_text(node: Node) -> str:
    return clean_label(node.label) if node.label else node.id


def classify_label(node: Node, vocabulary: Vocabulary) -> RoleAssignment:
    """Role from the node's own words: its label, else its ID."""
    cleaned = clean_label(node.label) if node.label else ""
    has_label = bool(cleaned) and cleaned != node.id
    attempts = []
    if has_label:
        attempts.append(("label", node.label, False))
    attempts.append(("id", node.id, has_label))
    legend_words = vocabulary.terms.get("legend_words", ())
    for how, text, labelled in attempts:
        tokens = tokenize(text)
        # Graph dumps (GStreamer, Graphviz exports) draw the key to their notation as a node of its own.
        if how == attempts[0][0] and tokens and tokens[0].text in legend_words:
            return RoleAssignment(UNKNOWN_ROLE, "legend")
        matches = vocabulary.matches(tokens, text, for_id_of_labelled_node=labelled)
        if not matches:
            continue
        chosen, tie_rule = _choose(matches, vocabulary)
        head = _data_head(tokens, matches, chosen[0], vocabulary)
        if head is not None:
            return RoleAssignment("data_store", how, head.synonym.written, (chosen[0].synonym.role,), "the label names data")
        role = chosen[0].synonym.role
        if role == "monitoring" and _is_infrastructure_only(tokens, matches, vocabulary):
            return RoleAssignment("infra_monitoring", how, chosen[0].synonym.written + " (machine metrics only)")
        others = tuple(m.synonym.role for m in chosen[1:])
        return RoleAssignment(role, how, chosen[0].synonym.written, others, tie_rule if others else None)
    return RoleAssignment(UNKNOWN_ROLE, "unknown")


def _data_head(tokens, matches: list[Match], winner: Match, vocabulary: Vocabulary) -> Match | None:
    """The data_store match that ends the label's main text when the winner stands before it.

    A noun phrase names its last noun: "Fine-tune dataset", "Prediction logs" and "Expert reviews table"
    are data whatever step their first words name, as "Model training data" is (docs/roles.md). A winner that
    itself ends the phrase keeps it ("Vector database", "Audit logs"), and so does a winner that is a kind
    of store itself: a table of model versions is the registry, an audit log table the audit log."""
    heads = vocabulary.terms.get("data_heads", ())
    main = [i for i, token in enumerate(tokens) if token.in_main]
    if not main or tokens[main[-1]].text not in heads or winner.synonym.role in _STORES:
        return None
    last = main[-1]
    if winner.start + winner.covered - 1 >= last:
        return None
    return next(
        (m for m in matches if m.synonym.role == "data_store" and m.in_main and m.start + m.covered - 1 == last),
        None,
    )


def _choose(matches: list[Match], vocabulary: Vocabulary) -> tuple[list[Match], str | None]:
    """The winning match first, then one match per other role that tied with it on strength, and what
    broke the tie when it was not precedence."""
    best_per_role: dict[str, Match] = {}
    for match in matches:
        role = match.synonym.role
        if role not in best_per_role or match.strength > best_per_role[role].strength:
            best_per_role[role] = match
    ordered = sorted(best_per_role.values(), key=lambda m: (tuple(-x for x in m.strength), vocabulary.rank(m.synonym.role)))
    top = ordered[0].strength
    tied = [m for m in ordered if m.strength == top]
    if len(tied) > 1 and any(m.synonym.role == "user" for m in tied) and _only_messages(matches, top, vocabulary):
        # "User query", "Final response to user": what a person sends or receives is not a component
        # standing between them and the system, so the person is the node ("User DB" stays a store).
        tied.sort(key=lambda m: m.synonym.role != "user")
        return tied, "a person's own message is the person"
    return tied, None


def _only_messages(matches: list[Match], top: tuple[int, int, int], vocabulary: Vocabulary) -> bool:
    messages = {w.lower() for w in vocabulary.terms.get("person_messages", ())}
    return all(
        m.synonym.written.lower() in messages for m in matches if m.strength == top and m.synonym.role != "user"
    )


def _is_infrastructure_only(tokens, matches: list[Match], vocabulary: Vocabulary) -> bool:
    generic = {w.lower() for w in vocabulary.terms.get("generic_monitoring", ())}
    monitoring = [m for m in matches if m.synonym.role == "monitoring"]
    if any(m.synonym.written.lower() not in generic for m in monitoring):
        return False
    return vocabulary.mentions_any(tokens, "machine_metrics") and not vocabulary.mentions_any(tokens, "model_metrics")


def _is_agent(node: Node, vocabulary: Vocabulary) -> bool:
    main = [t.text for t in tokenize(node_text(node)) if not t.in_parens]
    tails = set(vocabulary.terms.get("agent_tails", ()))
    if main and main[-1] in tails:
        main = main[:-1]
    return bool(main) and main[-1] in set(vocabulary.terms.get("agent_words", ()))


def assign_roles(design: Design, vocabulary: Vocabulary | None = None) -> dict[str, RoleAssignment]:
    vocabulary = vocabulary or load_vocabulary()
    roles: dict[str, RoleAssignment] = {}
    by_label: dict[str, RoleAssignment] = {}  # designs repeat labels (A, B, "Model" in every fence)
    for node in design.nodes:
        override = next((o for o in vocabulary.overrides if o.matches(node.id, node.label)), None)
        if node.role:
            roles[node.id] = RoleAssignment(node.role, "declared")
        elif override is not None:
            roles[node.id] = RoleAssignment(override.role, "config", f"id {override.id}" if override.id else f"label /{override.label}/")
        elif node.label and (known := by_label.get(node.label)) is not None and known.how == "label":
            roles[node.id] = known
        else:
            roles[node.id] = classify_label(node, vocabulary)
            if node.label and roles[node.id].how == "label":
                by_label[node.label] = roles[node.id]

    _interfaces_at_the_ends(design, roles, vocabulary)

    # A node that a controller or registry feeds is the served model, unless its own words say it is
    # a person, a lifecycle step or something else that a controller may legitimately feed.
    for edge in sorted(design.edges, key=lambda e: (e.source, e.target)):
        feeder, fed = roles.get(edge.source), roles.get(edge.target)
        if feeder is None or fed is None or feeder.role not in _RELEASES_MODELS or fed.how in ("declared", "config"):
            continue
        if fed.role == UNKNOWN_ROLE or fed.role in _SERVING_SIDE:
            roles[edge.target] = RoleAssignment("model_inference", "structure", f"{edge.source} ({feeder.role})")

    if not any(a.role == "model_inference" for a in roles.values()):
        for node in design.nodes:
            assignment = roles[node.id]
            if assignment.how in ("label", "id") and assignment.role == "application" and _is_agent(node, vocabulary):
                roles[node.id] = RoleAssignment("model_inference", "agent", assignment.matched)
    return roles


def _interfaces_at_the_ends(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """A label that names a user interface and another role equally ("Sensors & UI", "TTS & UI display")
    is the person's end of the drawing where the flow starts or ends there: users are only ever a path's
    first or last node. Elsewhere precedence decides (a conduit is a component, not a person)."""
    interfaces = {w.lower() for w in vocabulary.terms.get("user_interfaces", ())}
    candidates = [n for n in design.nodes if roles[n.id].how in ("label", "id") and "user" in roles[n.id].ambiguous_with]
    if not candidates or not interfaces:
        return
    targets = {edge.target for edge in design.edges}
    sources = {edge.source for edge in design.edges}
    for node in candidates:
        if (node.id in targets) == (node.id in sources):
            continue  # a conduit, or not connected at all
        assignment = roles[node.id]
        text = node.label if assignment.how == "label" else node.id
        matches = vocabulary.matches(tokenize(text), text, for_id_of_labelled_node=assignment.how == "id" and bool(node.label))
        top = max(m.strength for m in matches)
        interface = next(
            (m for m in matches if m.strength == top and m.synonym.role == "user" and m.synonym.written.lower() in interfaces),
            None,
        )
        if interface is not None:
            others = (assignment.role,) + tuple(r for r in assignment.ambiguous_with if r != "user")
            roles[node.id] = RoleAssignment("user", "interface", interface.synonym.written, others)


def is_known_role(role: str) -> bool:
    return role in ROLES
