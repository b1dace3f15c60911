"""Which family of models a design serves, so that rules about generated content run only where a model
may generate it (docs/roles.md, "Model families").

A reviewer does not ask a churn classifier or a vision detector for a prompt-injection filter, an output
moderation step or a way to report a harmful answer: those gaps belong to models that take free text
and generate content. The family is read from the words of the whole drawing: any generative sign (an
LLM, chat, a prompt, an agent, RAG, generation: ``terms.generative_words``) makes it ``generative``;
otherwise a predictive sign (a classifier, forecaster, detector, scorer, a named classic model, features:
``terms.predictive_words``) makes it ``predictive``; with neither it is ``unknown`` and every rule runs.
``aidlint: models=...`` in the file, or ``models`` in configuration, overrides it.
"""

from __future__ import annotations

from dataclasses import dataclass

from aidlint.model import Design
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.vocabulary import Vocabulary

#: Roles whose words decide nothing about the family: who uses the system and where it runs.
_SILENT_ROLES = frozenset({"user"})


@dataclass(frozen=True)
class ModelFamily:
    family: str
    reason: str
    declared: bool = False


def classify_models(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> ModelFamily:
    if design.models:
        return ModelFamily(design.models, "declared", True)
    predictive: str | None = None
    texts = [(node.id, node.label or node.id) for node in design.nodes if roles[node.id].role not in _SILENT_ROLES]
    texts += [(group.id, group.label or group.id) for group in design.groups]
    for node_id, text in texts:
        if vocabulary.term_matches("generative_words", text):
            return ModelFamily("generative", f"{node_id} names a generative model or its use")
        if predictive is None and vocabulary.term_matches("predictive_words", text):
            predictive = node_id
    if predictive is not None:
        return ModelFamily("predictive", f"{predictive} names a predictive model or its features, and nothing names a generative one")
    return ModelFamily("unknown", "no node names the family of its models")
