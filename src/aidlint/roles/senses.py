"""Check words read by the design they are in (docs/roles.md, "Order": check words by the design).

"Validate" and the verb "evaluate" name a model's evaluation only in a design that makes models: beside
training, a registry or a release step, "Validation" checks the new model; in a serving flow or an agent
workflow "Schema validation" and "Evaluate rules" check requests or rules. There the node is read again
without those words (``terms.lifecycle_checks``), so the rest of its label decides ("Validate + Execute"
is the tool that executes).
"""
from __future__ import annotations

from aidlint.model import Design
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.reading import classify_label
from aidlint.roles.vocabulary import Vocabulary, tokenize

#: Roles of a design that makes and releases models.
LIFECYCLE = frozenset({"training_pipeline", "model_registry", "deployment_controller", "experimentation"})
#: The evaluation synonyms those check words match (as word forms): dropped when the node is read again.
_CHECK_SYNONYMS = ("evaluation", "evaluate", "evaluator", "validation", "validate", "eval", "evals")


def makes_models(roles: dict[str, RoleAssignment]) -> bool:
    return any(assignment.role in LIFECYCLE for assignment in roles.values())


def is_lifecycle_check(assignment: RoleAssignment, text: str, vocabulary: Vocabulary) -> bool:
    """An evaluation read from a check word ("validate", "validation") and no model word, which only a
    model lifecycle makes a model's evaluation."""
    if assignment.role != "evaluation" or assignment.how not in ("label", "id"):
        return False
    words = {w.lower() for w in vocabulary.terms.get("lifecycle_checks", ())}
    tokens = {token.text for token in tokenize(text)}
    return bool(tokens & words) and not vocabulary.term_matches("ml_words", text)


def checks_outside_lifecycle(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    if makes_models(roles):
        return
    reread: Vocabulary | None = None
    for node in design.nodes:
        assignment = roles[node.id]
        # "Validate model", "Evaluate AI answers" name the model, whatever the design.
        if not is_lifecycle_check(assignment, node.label or node.id, vocabulary):
            continue
        if reread is None:
            reread = vocabulary.without("evaluation", _CHECK_SYNONYMS)
        roles[node.id] = classify_label(node, reread)
