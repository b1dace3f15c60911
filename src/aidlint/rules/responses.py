"""Arrows as a reader takes them (docs/rules.md, "How findings are read"; docs/roles.md, "Arrows").

A two-headed arrow (Mermaid ``<-->``, DOT ``dir=both``) goes both ways. And answers are rarely drawn coming
back: in ``User -> API -> LLM`` the reply travels the request path in reverse, so an output filter missing
from it is a real gap. When the request path stops at a model (the drawing ends there), each request edge
on the serving side implies its response edge; not when the drawing already shows a way back from a model
to a user or where every model's output goes, nor in a one-way flow (its kind, ``aidlint:
responses=drawn`` or configuration). A filter that only checks input (``stage=input``, or a label naming input,
prompts, injection or jailbreaks) is not on the way back: the response skips it.
"""

from __future__ import annotations

from collections import deque

from aidlint.model import Design, Edge, Node
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.kinds import ONE_WAY_KINDS
from aidlint.roles.vocabulary import Vocabulary
from aidlint.rules.sequences import senders_by_order

#: Roles of the lifecycle side: requests do not travel through them, so neither do implied responses.
_NOT_SERVING = frozenset(
    {
        "training_pipeline", "evaluation", "model_registry", "deployment_controller", "feedback_collector",
        "human_review", "pii_scrubber", "monitoring", "alerting", "infra_monitoring", "audit_log",
    }
)


def is_bidirectional(edge: Edge) -> bool:
    return edge.attrs.get("dir") == "both" or edge.attrs.get("type", "").startswith("double_")


def drawn_edges(design: Design) -> list[tuple[str, str]]:
    """Every edge as drawn, a two-headed arrow as two edges; a sequence diagram's message sent after an
    answered call as sent from the one that answered (rules/sequences.py)."""
    resent = senders_by_order(design)
    pairs = []
    for index, edge in enumerate(design.edges):
        if is_bidirectional(edge):
            pairs += [(edge.source, edge.target), (edge.target, edge.source)]
        else:
            pairs.append((resent.get(index, edge.source), edge.target))
    return pairs


def implied_responses(
    design: Design, roles: dict[str, RoleAssignment], kind: str, vocabulary: Vocabulary, drawn: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Response edges the request arrows imply, in a deterministic order; empty when none are implied."""
    if design.responses == "drawn" or kind in ONE_WAY_KINDS:
        return []
    users = [n.id for n in design.nodes if roles[n.id].role == "user"]
    if not users:
        return []
    succ: dict[str, list[str]] = {}
    for source, target in drawn:
        if roles[source].role not in _NOT_SERVING and roles[target].role not in _NOT_SERVING:
            succ.setdefault(source, []).append(target)
    is_user = set(users)
    requested = _reach(succ, users, is_user)
    models = [n for n in requested if roles[n].role == "model_inference"]
    if not models or _reach(succ, models, is_user) & is_user:
        return []  # no model on a request path, or the drawing shows the way back already
    if all(succ.get(model) for model in models):
        return []  # every model's output goes somewhere drawn: the flow is drawn to its end
    on_path = requested | is_user
    filters = {n.id: n for n in design.nodes if n.id in on_path and roles[n.id].role == "safety_filter"}
    input_only = {node_id for node_id, node in filters.items() if _checks_input_only(node, vocabulary)}
    # Sets and per-node lists, not scans of `drawn` per edge or per guard: a document of 5,000 diagrams
    # merged into one design repeats the same edge thousands of times.
    drawn_pairs = set(drawn)
    implied: list[tuple[str, str]] = []
    for source, target in drawn:
        if source in on_path and target in requested and target in succ.get(source, ()) and (target, source) not in drawn_pairs:
            if source not in input_only and target not in input_only:
                implied.append((target, source))
    if input_only:
        into: dict[str, list[str]] = {}
        out_of: dict[str, list[str]] = {}
        for source, target in drawn:
            if target in input_only and source in on_path:
                into.setdefault(target, []).append(source)
            if source in input_only and target in requested:
                out_of.setdefault(source, []).append(target)
        for guard in sorted(input_only):
            before, after = into.get(guard, []), out_of.get(guard, [])
            implied.extend((a, b) for a in after for b in before if a != b)
    return list(dict.fromkeys(implied))


def _reach(succ: dict[str, list[str]], starts: list[str], users: set[str]) -> set[str]:
    """Nodes reached from ``starts``; a user reached is an end, never a conduit."""
    reached: set[str] = set()
    queue = deque(starts)
    while queue:
        current = queue.popleft()
        for nxt in succ.get(current, ()):
            if nxt not in reached:
                reached.add(nxt)
                if nxt not in users:
                    queue.append(nxt)
    return reached


def _checks_input_only(node: Node, vocabulary: Vocabulary) -> bool:
    if node.attrs.get("stage"):
        return node.attrs["stage"] == "input"
    return vocabulary.term_matches("input_checks", node.label or node.id)
