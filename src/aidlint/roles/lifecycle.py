"""The model's lifecycle read from where boxes stand (docs/roles.md, "Order"): model development
upstream of evaluation is training, an unqualified registry between training and serving is the model
registry, and with no model drawn, what a release step feeds runs the released model.

Run by ``assign_roles`` (roles/infer.py) after the ends of the flow are read and before groups and agents.
"""

from __future__ import annotations

from collections import deque

from aidlint.model import UNKNOWN_ROLE, Design
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.reading import is_step, node_text
from aidlint.roles.vocabulary import Vocabulary, tokenize

#: What a release step may feed that, with no model drawn, runs the released model: a serving box (an
#: API, a service, an endpoint at the edge) or a safety classifier; stores, sources, tools, retrieval and
#: access control keep what their words say (a registry writes its artefacts to "MinIO / S3").
_SERVING_SIDE = frozenset({"safety_filter", "application", "api_gateway"})
#: What hands a model to serving: a release step, a registry, or training that feeds a serving box straight
#: ("Model Training -> ML Service": docs/roles.md, "released models").
_RELEASES_MODELS = frozenset({"deployment_controller", "model_registry", "training_pipeline"})
#: What produces a model for release: a deployment controller downstream of these is a release step.
_MODEL_MAKERS = frozenset({"training_pipeline", "model_registry"})
_UPSTREAM_OF_REGISTRY = frozenset({"training_pipeline", "evaluation"})
_DOWNSTREAM_OF_REGISTRY = frozenset({"model_inference", "deployment_controller"})


def from_words(assignment: RoleAssignment) -> bool:
    """The role came from the node's own words (its label or its ID), not from a declaration or the drawing."""
    return assignment.how in ("label", "id")


def forward(successors: dict[str, list[str]], starts) -> set[str]:
    """Nodes reached, one edge or more, from ``starts`` (breadth first, each node once)."""
    reached: set[str] = set()
    queue = deque(starts)
    while queue:
        for nxt in successors.get(queue.popleft(), ()):
            if nxt not in reached:
                reached.add(nxt)
                queue.append(nxt)
    return reached


def development_by_position(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """"Model development" or "Model building" upstream of evaluation or training is training: a step that
    makes the model the evaluation then checks, not a served model."""
    words = vocabulary.words("development_words")
    feeds_evaluation = {e.source for e in design.edges if roles[e.target].role in ("evaluation", "training_pipeline")}
    for node in design.nodes:
        assignment = roles[node.id]
        if not (from_words(assignment) and assignment.role == "model_inference" and node.id in feeds_evaluation):
            continue
        if {t.text for t in tokenize(node_text(node)) if t.in_main} & words:
            roles[node.id] = RoleAssignment(
                "training_pipeline", "position", "model development upstream of evaluation makes the model"
            )


def registry_by_position(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """An unqualified "registry" fed by training or evaluation and feeding serving or deployment is the
    model registry ("Container registry", "Customer registry" say what they hold and stay data), and so is an
    otherwise unread registration step right after training or evaluation ("Registration component")."""
    registering = vocabulary.words("registration_words")
    preds: dict[str, set[str]] = {}
    succs: dict[str, set[str]] = {}
    for edge in design.edges:
        succs.setdefault(edge.source, set()).add(roles[edge.target].role)
        preds.setdefault(edge.target, set()).add(roles[edge.source].role)
    for node in design.nodes:
        assignment = roles[node.id]
        if assignment.how == "unknown" and preds.get(node.id, set()) & _UPSTREAM_OF_REGISTRY:
            if {t.text for t in tokenize(node_text(node)) if t.in_main} & registering:
                roles[node.id] = RoleAssignment("model_registry", "position", "registering what training or evaluation made")
            continue
        if not (from_words(assignment) and assignment.role == "data_store" and (assignment.matched or "").lower() == "registry"):
            continue
        if preds.get(node.id, set()) & _UPSTREAM_OF_REGISTRY and succs.get(node.id, set()) & _DOWNSTREAM_OF_REGISTRY:
            roles[node.id] = RoleAssignment(
                "model_registry", "position", "a registry between training or evaluation and serving holds models"
            )


def released_models(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> dict[str, RoleAssignment]:
    """A node that a release step (or training, straight) feeds is the served model, unless its own words
    say it is a person, a lifecycle step or something no controller serves; a place a release step deploys to ("Test
    environment: ML apps") serves what it releases. A deployment controller is a release step only when it
    feeds a node that names ML, or training or a registry reaches it: "Deploy to PROD" in a code
    pipeline releases code. Nothing that reading set aside (a question, a record, a planned box), and no step named by a
    verb phrase ("Fix issues in new PR", "Create backup"), becomes a model this way. Only a design that draws
    no model of its own is read so ("Registry -> Prediction API" with no model box: the API runs it);
    where a model is drawn, the API, store or log a release feeds beside it is what its words say, and a
    release step never makes a store, a source, a tool or access control a model. Returns the readings of
    the boxes so taken, which they keep as shown roles (their role benchmark reads them right 1 time in 11)."""
    released: dict[str, RoleAssignment] = {}
    if any(a.role == "model_inference" and a.how in ("declared", "config", "label", "id") for a in roles.values()):
        return released
    steps = {n.id for n in design.nodes if is_step(tokenize(node_text(n), compounds=bool(n.label)), vocabulary)}
    successors: dict[str, list[str]] = {}
    for edge in design.edges:
        successors.setdefault(edge.source, []).append(edge.target)
    downstream_of_makers = forward(successors, [n for n, a in roles.items() if a.role in _MODEL_MAKERS])
    labels = {n.id: n.label or n.id for n in design.nodes}
    names_ml = {n for n, text in labels.items() if vocabulary.term_matches("ml_words", text)}
    apps = vocabulary.words("app_words")
    names_apps = {n.id for n in design.nodes if apps & {t.text for t in tokenize(node_text(n))}}
    feeds_ml = {e.source for e in design.edges if e.target in names_ml}
    for edge in sorted(design.edges, key=lambda e: (e.source, e.target)):
        feeder, fed = roles[edge.source], roles[edge.target]
        if feeder.role not in _RELEASES_MODELS or fed.how in ("declared", "config") or edge.target in steps:
            continue
        if feeder.role == "deployment_controller" and edge.source not in downstream_of_makers:
            # Released as ML only by the words of what it feeds: only those nodes are served models.
            if edge.source not in feeds_ml or edge.target not in names_ml:
                continue
        if fed.role == "application" and edge.target in names_apps:
            continue  # "Test server: ML applications" runs applications, whatever models they hold
        if (fed.role == UNKNOWN_ROLE and fed.how in ("unknown", "infrastructure")) or fed.role in _SERVING_SIDE:
            released.setdefault(edge.target, fed)
            roles[edge.target] = RoleAssignment("model_inference", "structure", f"{edge.source} ({feeder.role})")
    return released
