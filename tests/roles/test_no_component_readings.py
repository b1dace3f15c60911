"""Boxes that name no component (docs/roles.md, "Boxes that are no component"), on invented labels."""

from __future__ import annotations

import pytest

from aidlint.model import Node
from aidlint.roles.infer import classify_label
from aidlint.roles.vocabulary import load_vocabulary

from ..helpers import reading_of


def read(label: str) -> tuple[str, str, str | None]:
    assignment = reading_of(label)
    return assignment.role, assignment.how, assignment.matched


@pytest.mark.parametrize(
    ("label", "matched"),
    [
        ("Continue monitoring", "continue monitoring"),
        ("Continue", "continue"),
        ("Proceed with the request", "proceed with"),
        ("Continue to the LLM", "continue to"),
    ],
)
def test_a_flow_that_goes_on_as_before_is_an_outcome(label, matched):
    assert read(label) == ("unknown", "outcome", matched)


def test_an_onward_label_is_not_read_by_its_id():
    # "Continue" drawn with the ID "EndUserReply" says where the flow goes, not who is there.
    assignment = classify_label(Node(id="EndUserReply", label="Continue"), load_vocabulary())
    assert (assignment.role, assignment.how) == ("unknown", "outcome")


@pytest.mark.parametrize(("label", "role"), [("Continuous deployment", "deployment_controller"), ("Monitoring", "monitoring")])
def test_words_like_continue_keep_their_reading(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize("label", ["Triton HPA", "vLLM HPA", "LLM server autoscaler", "Karpenter<br/>GPU nodes for the model"])
def test_an_autoscaler_named_after_what_it_scales_is_infrastructure(label):
    assert read(label)[:2] == ("unknown", "infrastructure")


@pytest.mark.parametrize("label", ["Horizontal Pod Autoscaler", "Cluster autoscaler", "Karpenter", "HPA<br/>min 2, max 10 replicas"])
def test_an_autoscaler_alone_is_no_component(label):
    assert read(label)[0] == "unknown"


@pytest.mark.parametrize(("label", "role"), [("Model server replicas (HPA)", "model_inference"), ("vLLM pods", "model_inference")])
def test_what_an_autoscaler_scales_keeps_its_reading(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize("label", ["Train / Test Split", "Train, validation, test splits", "Train / Val / Test split<br/>80 / 10 / 10"])
def test_a_split_named_as_such_is_no_training(label):
    assert read(label)[0] == "unknown"


@pytest.mark.parametrize(
    ("label", "role"), [("Train model, then test it", "training_pipeline"), ("Train on the test-split data", "training_pipeline")]
)
def test_steps_listed_with_a_split_name_keep_their_reading(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "matched"),
    [
        ("Gateway session cookie", "cookie"),
        ("Model routing header", "header"),
        ("Backend response JSON body", "body"),
        ("LLM provider headers", "headers"),
    ],
)
def test_the_parts_of_an_http_message_are_records(label, matched):
    assert read(label) == ("unknown", "record", matched)


@pytest.mark.parametrize("label", ["Request body", "Response headers", "Query body"])
def test_the_body_of_a_message_is_that_message(label):
    assert read(label)[1] != "record"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # a running copy of a component is that component
        ("Postgres Instance<br>/srv/db", "data_store"),
        ("Shared vLLM GPU", "model_inference"),
        ("Qdrant instance", "retrieval"),
        ("Whisper GPUs<br/>(spot)", "model_inference"),
        # a place named first, or a place word that is no running copy, stays a place
        ("EC2 Instance<br/>Ubuntu", "unknown"),
        ("Triton Operator", "unknown"),
        ("GPU pool<br/>LLM inference", "unknown"),
    ],
)
def test_a_component_named_before_an_instance_word_is_that_component(label, role):
    assert read(label)[0] == role
