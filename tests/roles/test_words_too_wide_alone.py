"""Bare words the role benchmark's ablation removed (docs/roles.md), each on labels invented for these tests.

The narrower phrases that name the component stay: a vector or embedding index is a retrieval; "index"
alone is a data structure of whatever store holds it.
"""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def read(label: str) -> tuple[str, str]:
    assignment = reading_of(label)
    return assignment.role, assignment.how


@pytest.mark.parametrize(
    ("label", "role", "how"),
    [
        ("Order index", "unknown", "unknown"),
        ("Build HNSW index", "unknown", "unknown"),
        ("Vector index", "retrieval", "label"),
        ("Embedding index", "retrieval", "label"),
        ("Elasticsearch index", "retrieval", "label"),
    ],
)
def test_a_bare_index_is_no_retrieval_a_vector_index_is(label, role, how):
    assert read(label) == (role, how)


@pytest.mark.parametrize("label", ["Grounded answer or abstention", "Answer + citations", "Draft answer"])
def test_an_answer_is_what_a_model_returns_not_the_application(label):
    assert reading_of(label).role != "application"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # to fit a model is to train it: the verb starts the head
        ("Fit model", "training_pipeline"),
        ("Fit models<br/>(gradient boosting)", "training_pipeline"),
        ("Step 2: Fit model on features", "training_pipeline"),
        # after another word the noun "fit" names what a model predicts
        ("Candidate fit model", "model_inference"),
        ("Tenant fit score", "unknown"),
    ],
)
def test_fit_model_is_training_only_as_the_verb(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # What gates, manages or protects a box from outside, joined to it by a hyphen, names none of it ...
        ("Okta-gated dashboards", "unknown"),
        ("OAuth-protected Orders API", "application"),
        ("Argo-managed Redis", "data_store"),
        ("Keycloak-secured Milvus", "retrieval"),
        # ... while what the box is built on, or is a kind of, still names it.
        ("LLM-based classifier", "model_inference"),
        ("MinIO-compatible bucket", "data_store"),
        # A gate written as a word of its own is the gate.
        ("SSO gate", "auth"),
    ],
)
def test_a_hyphened_gate_or_manager_qualifies_the_box(label, role):
    assert reading_of(label).role == role
