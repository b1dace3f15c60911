"""Stores a reader recognises whatever they carry, and services in front of data (docs/roles.md)."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def read(label: str) -> tuple[str, str | None]:
    assignment = reading_of(label)
    return assignment.role, assignment.matched


@pytest.mark.parametrize(
    ("label", "matched"),
    [
        # A queue holds what waits in it: the words before it say what waits, not what the box is.
        ("Inference Request Queue", "queue"),
        ("Pending request queue<br/>(depth per replica)", "queue"),
        # A service or message bus, and its dead-letter queue, hold messages whatever service runs them.
        ("Azure Service Bus<br/>orders-in / orders-out", "service bus"),
        ("Message bus<br/>order events", "message bus"),
        ("Failed jobs DLQ", "DLQ"),
        ("Dead-letter queue", "dead letter queue"),
    ],
)
def test_queues_and_buses_are_stores_whatever_they_carry(label, matched):
    assert read(label) == ("data_store", matched)


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Queue detected", "unknown"),  # what happened to the queue, a state of the flow
        ("Read from queue", "unknown"),  # a step acting on the queue
        ("Request handler", "application"),  # a head that is no queue keeps its own reading
    ],
)
def test_steps_and_states_of_a_queue_are_not_the_queue(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # A service named after the data it serves is the code in front of that data.
        ("Dataset Service", "application"),
        ("Customer Memory Service<br/>persistent context", "application"),
        # A service named after a kind of store, or a product, is the store run for someone else.
        ("Object Storage Service", "data_store"),
        ("Relational Database Service", "data_store"),
        ("Redis Service", "data_store"),
        ("Cache Service", "data_store"),
    ],
)
def test_a_service_is_code_before_its_data_and_a_store_after_a_kind_of_store(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # A catalog keeps the list of what exists, as a registry does: a store.
        ("Skills Catalog", "data_store"),
        ("Dataset catalog<br/>owners and schemas", "data_store"),
        ("Lakehouse catalog", "data_store"),
        # A phrase of another role keeps it: the model catalog is the registry, a catalog search the search.
        ("Model Catalog", "model_registry"),
        ("Catalog search", "retrieval"),
    ],
)
def test_a_catalog_is_a_store(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Scanned invoices folder", "data_store"),
        ("Uploads directory", "data_store"),
        ("Shared drive folder", "data_store"),
        # A directory of identities is access control.
        ("Corporate Active Directory", "auth"),
    ],
)
def test_a_directory_or_folder_of_files_is_a_store(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # What a model is evaluated on is data, as what it is trained on is.
        ("Eval queries and gold answers", "data_store"),
        ("Evaluation JSONs<br/>one per task", "data_store"),
        ("Holdout set", "data_store"),
        ("Evaluation data (500 rows)", "data_store"),
        # The evaluation itself, and steps that evaluate, keep their role.
        ("Run evaluation", "evaluation"),
        ("Evaluate queries", "evaluation"),
        ("Evaluate data quality", "evaluation"),
    ],
)
def test_what_a_model_is_evaluated_on_is_data(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # A head that ends in the act of a step after the data it acts on is the step, not the data.
        ("Feature Table Preparation", ("unknown", "preparation")),
        ("Parquet Files Transformation", ("unknown", "transformation")),
        ("Log Table Normalization", ("unknown", "normalization")),
        ("Sales Dataset Analysis", ("unknown", "analysis")),
        ("Corpus Deduplication", ("unknown", "deduplication")),
        ("Customer Records Enrichment", ("unknown", "enrichment")),
    ],
)
def test_the_act_of_a_step_on_data_is_the_step(label, expected):
    assignment = reading_of(label)
    assert (assignment.role, assignment.matched) == expected
    assert assignment.how == "step"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Corpus Collection", "data_store"),  # a collection is what it gathers, a container
        ("S3 Bucket Ingestion", "data_source"),  # data brought in stays the source
        ("Parquet Files Import", "data_source"),
        ("Cache Manager", "application"),  # code acting on data, not a step
        ("Dataset Preparation Queue", "data_store"),  # a store that ends the head keeps it
    ],
)
def test_nouns_that_name_a_thing_keep_the_data(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # What a training run writes is data kept in a store, not the registry that versions it.
        ("Model artifacts", "data_store"),
        ("Trained model artifact<br/>(weights + tokenizer)", "data_store"),
        ("Training checkpoints", "data_store"),
        ("Checkpoint store<br/>Redis", "data_store"),
        ("Graph checkpointer<br/>SqliteSaver", "data_store"),
        # Packaging what training wrote is a build step.
        ("Package model artifact", "unknown"),
        ("Package checkpoint", "unknown"),
        # The registry is still named as one.
        ("Model registry<br/>versions + stages", "model_registry"),
        ("MLflow (runs, artifacts)", "model_registry"),
    ],
)
def test_artifacts_and_checkpoints_are_data_and_packaging_them_a_step(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "matched"),
    [
        ("Redpanda<br/>orders.created", "Redpanda"),
        ("Apache Pulsar topics", "Apache Pulsar"),
        ("NATS JetStream", "NATS JetStream"),
        ("Amazon MSK cluster", "Amazon MSK"),
        ("ActiveMQ broker", "ActiveMQ"),
    ],
)
def test_event_brokers_named_as_products_are_stores_as_kafka_is(label, matched):
    assert read(label) == ("data_store", matched)
