"""Questions on a guard's verdict (docs/roles.md, "Guards named by what they stop").

A decision drawn right after a guard that asks whether what the guard measured passes ("Score vs threshold",
"Risk level", "Quality score >= 0.7?") applies that guard's verdict: benchmarks/data/roles/README.md reads "a
decision engine applying a guard's verdict" as `safety_filter`. Questions on anything else ("Sufficient
information?") stay decisions, and so does any question no guard feeds (a quality gate after tests).
"""

from __future__ import annotations

from aidlint.model import Design
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.questions import is_decision
from aidlint.roles.reading import node_text
from aidlint.roles.vocabulary import Vocabulary, tokenize


def questions_on_a_verdict(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """An unread decision fed by a guard whose words ask about the guard's measure (`terms.verdict_measures`)
    is the guard deciding; read in the order of the flow, so a chain of such questions is the guard's."""
    measures = vocabulary.words("verdict_measures")
    feeders: dict[str, set[str]] = {}
    for edge in design.edges:
        feeders.setdefault(edge.target, set()).add(edge.source)
    changed = True
    while changed:
        changed = False
        for node in design.nodes:
            if roles[node.id].how not in ("unknown", "decision"):
                continue
            text = node_text(node)
            fed = feeders.get(node.id, set())
            if not any(roles[f].role == "safety_filter" for f in fed if f in roles) or not is_decision(node, text):
                continue
            asked = {t.text for t in tokenize(text)} & measures
            if asked:
                word = sorted(asked)[0]
                roles[node.id] = RoleAssignment("safety_filter", "position", f'asks whether the "{word}" of the guard before it passes')
                changed = True
