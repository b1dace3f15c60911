"""A web framework's name says how a box is built, a serving word beside it what the box does.

"FastAPI" is written as one word but tokenized as two ("Fast", "API"), so it covers more of a label than
the one word "inference" beside it and wins the tie (docs/roles.md, "When several roles match", rule 4):
"FastAPI inference" or "FastAPI<br/>(Inference)" read as the application. The framework (`terms.
web_frameworks`) names only what the box is written in; the labelling guidelines read a serving box named
so as the model it runs (benchmarks/data/roles/README.md, round 3: "FastAPI (Inference)" runs the model).
So the label is read again without the framework's name, and a model word of serving (`terms.serving_acts`,
"ML service") that remains names the box; so does a guard's word ("FastAPI guardrails" is the safety filter,
written in FastAPI: design round five, first touch). Any other word that remains ("FastAPI<br>query rewrite ·
retrieval · generation") leaves the framework's application, which calls the model and more. Access words
are not read so: "FastAPI: SSE, JWT, rate limits" is the application that does them (role benchmark dev).
"""

from __future__ import annotations

import re

from aidlint.model import Node
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.reading import classify_label
from aidlint.roles.vocabulary import Vocabulary


def framework_serving(node: Node, assignment: RoleAssignment, vocabulary: Vocabulary) -> RoleAssignment:
    """The model, or the safety filter, when a web framework's name carried the application and a serving or
    guard word is beside it."""
    frameworks = vocabulary.words("web_frameworks")
    if assignment.role != "application" or assignment.how != "label" or (assignment.matched or "").lower() not in frameworks:
        return assignment
    rest = re.sub(rf"\b{re.escape(assignment.matched)}\b", " ", node.label or "", flags=re.IGNORECASE)
    reading = classify_label(Node(id=node.id, label=rest), vocabulary)
    serving = vocabulary.words("serving_acts") | vocabulary.words("serving_services")
    if reading.role == "model_inference" and reading.how == "label" and (reading.matched or "").lower() in serving:
        return RoleAssignment("model_inference", "label", reading.matched, ("application",), "a serving word beside a web framework names what it serves")
    if reading.role == "safety_filter" and reading.how == "label" and not reading.in_detail:
        return RoleAssignment("safety_filter", "label", reading.matched, ("application",), "a guard word beside a web framework names what the box does")
    return assignment
