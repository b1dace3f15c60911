"""What kind of design a drawing is, so that only the rules that fit it run (docs/roles.md, "Kinds").

A reviewer does not ask a code CI/CD pipeline for an output filter, nor an algorithm's flowchart for a
model registry. The kind is read from the roles the drawing holds; ``aidlint: kind=...`` in the file, or
``kind`` in configuration, overrides it.
"""

from __future__ import annotations

from dataclasses import dataclass

from aidlint.model import Design
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.questions import is_decision
from aidlint.roles.vocabulary import Vocabulary, tokenize

KINDS: tuple[str, ...] = ("serving", "ml-platform", "agent-workflow", "flowchart", "data-pipeline", "code-cicd")
#: Kinds whose arrows carry data one way: a request does not imply a response drawn back.
ONE_WAY_KINDS = frozenset({"flowchart", "data-pipeline", "code-cicd"})
_LIFECYCLE = frozenset({"training_pipeline", "model_registry"})
_RELEASE = frozenset({"deployment_controller", "evaluation"})
_DATA = frozenset({"data_source", "data_store", "retrieval"})
#: Share of a drawing's nodes that are questions or steps before it reads as a flowchart.
_FLOWCHART_SHARE = 0.3


@dataclass(frozen=True)
class DesignKind:
    kind: str
    reason: str
    declared: bool = False


def classify_design(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> DesignKind:
    if design.kind:
        return DesignKind(design.kind, "declared", True)
    present = {a.role for a in roles.values()}
    nodes = len(design.nodes) or 1
    models = [n for n, a in roles.items() if a.role == "model_inference"]
    decisions = sum(1 for node in design.nodes if is_decision(node, node.label or ""))
    code = _code_nodes(design, vocabulary)
    if not models:
        if code >= 2 and not present & _LIFECYCLE:
            return DesignKind("code-cicd", f"no model; {code} nodes name code, builds or releases")
        if present & _LIFECYCLE:
            return DesignKind("ml-platform", "training or a registry, but no model found")
        if decisions >= 2 and decisions / nodes >= _FLOWCHART_SHARE:
            return DesignKind("flowchart", f"no model; {decisions} of {len(design.nodes)} nodes are questions")
        if present & _DATA and "user" not in present:
            return DesignKind("data-pipeline", "no model and no user: data flows from sources to stores")
        return DesignKind("serving", "no model found; read as a serving design")
    if decisions >= 2 and decisions / nodes >= _FLOWCHART_SHARE and "user" not in present:
        return DesignKind("flowchart", f"{decisions} of {len(design.nodes)} nodes are questions and no user is drawn")
    if "tool_executor" in present:
        return DesignKind("agent-workflow", "a model drives tools")
    if "user" not in present and present & (_LIFECYCLE | _RELEASE):
        return DesignKind("ml-platform", "models with their lifecycle and no user drawn")
    return DesignKind("serving", "a model" + (" serving users" if "user" in present else ""))


def _code_nodes(design: Design, vocabulary: Vocabulary) -> int:
    words = vocabulary.words("code_words")
    count = 0
    for node in design.nodes:
        tokens = {t.text for t in tokenize(node.label or node.id)}
        count += bool(tokens & words)
    return count
