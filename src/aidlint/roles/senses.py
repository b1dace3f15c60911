"""Check words read by the design they are in (docs/roles.md, "Order": check words by the design).

"Validate" and the verb "evaluate" name a model's evaluation only in a design that makes models: beside
training, a registry or a release step, "Validation" checks the new model; in a serving flow or an agent
workflow "Schema validation" and "Evaluate rules" check requests or rules. "Tests" and "test suite" ask
more: training, a registry or an experiment, since a release step alone ships code as often as models
("Build -> Run tests -> Deploy" is code CI). There the node is read again without those words
(``terms.lifecycle_checks``, ``terms.model_tests``), so the rest of its label decides ("Validate +
Execute" is the tool that executes). A label that names the model ("Validate model", "Model tests") keeps
its evaluation in any design.
"""
from __future__ import annotations

from aidlint.model import Design
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.reading import classify_label
from aidlint.roles.vocabulary import Vocabulary, tokenize

#: Roles of a design that makes and releases models.
LIFECYCLE = frozenset({"training_pipeline", "model_registry", "deployment_controller", "experimentation"})
#: Roles of a design that makes models, not only releases something: what test words need.
_TRAINS = frozenset({"training_pipeline", "model_registry", "experimentation"})
#: The evaluation synonyms each kind of check word matches (as word forms): dropped when the node is read again.
_CHECK_SYNONYMS = {
    "lifecycle_checks": ("evaluation", "evaluate", "evaluator", "validation", "validate", "eval", "evals"),
    "model_tests": ("tests", "test suite", "quality gate"),
}


def makes_models(roles: dict[str, RoleAssignment]) -> bool:
    return any(assignment.role in LIFECYCLE for assignment in roles.values())


def is_lifecycle_check(assignment: RoleAssignment, text: str, vocabulary: Vocabulary, term: str = "lifecycle_checks") -> bool:
    """An evaluation read from a check word (``term``: "validate", "validation"; "tests") and no model
    word, which only a model lifecycle makes a model's evaluation."""
    if assignment.role != "evaluation" or assignment.how not in ("label", "id"):
        return False
    if term == "lifecycle_checks":
        words = vocabulary.words(term)
        if not {token.text for token in tokenize(text)} & words:
            return False
    elif (assignment.matched or "").lower() not in vocabulary.words(term):
        return False
    return not vocabulary.term_matches("ml_words", text)


def checks_outside_lifecycle(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    present = {assignment.role for assignment in roles.values()}
    terms = [term for term, needed in (("lifecycle_checks", LIFECYCLE), ("model_tests", _TRAINS)) if not present & needed]
    rereads: dict[str, Vocabulary] = {}
    for node in design.nodes:
        assignment = roles[node.id]
        # "Validate model", "Evaluate AI answers", "Model tests" name the model, whatever the design.
        term = next((t for t in terms if is_lifecycle_check(assignment, node.label or node.id, vocabulary, t)), None)
        if term is None:
            continue
        if term not in rereads:
            rereads[term] = vocabulary.without("evaluation", _CHECK_SYNONYMS[term])
        roles[node.id] = classify_label(node, rereads[term])
