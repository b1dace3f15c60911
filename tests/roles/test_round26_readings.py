"""Readings found on round 26's fresh diagrams (people in the loop, privacy and experimentation, watching AI in
production), each a general reading of the words, tested on invented labels (docs/roles.md)."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    "label", ["Instrumentation", "Tracing instrumentation module", "Auto-instrumentation sidecar", "Instrumentation Layer"]
)
def test_instrumentation_is_the_monitoring(label):
    assert reading_of(label).role == "monitoring"


@pytest.mark.parametrize("label", ["Hash chain appender", "Hash-chained event store", "Decision hash chain"])
def test_a_hash_chain_is_the_audit_log(label):
    assert reading_of(label).role == "audit_log"


@pytest.mark.parametrize("label", ["Prompt regression check", "Quality regression detector", "Run regression suite"])
def test_a_regression_check_is_the_evaluation(label):
    assert reading_of(label).role == "evaluation"


def test_a_regression_model_stays_the_model():
    assert reading_of("Logistic regression classifier").role == "model_inference"


@pytest.mark.parametrize("label", ["Incident deduplication", "Incident correlation engine", "Dedupe incidents"])
def test_incidents_folded_together_are_alerting(label):
    assert reading_of(label).role == "alerting"


@pytest.mark.parametrize("label", ["Action safety boundary", "Safety boundaries (allow list)"])
def test_a_safety_boundary_is_a_guard(label):
    assert reading_of(label).role == "safety_filter"


def test_a_boundary_without_safety_is_no_guard():
    assert reading_of("Tenant boundary").role != "safety_filter"


@pytest.mark.parametrize("label", ["Persistence tier", "Session persistence layer", "Persistence backend"])
def test_the_persistence_layer_is_a_store(label):
    assert reading_of(label).role == "data_store"
