"""Records and results named as noun phrases are no component (docs/roles.md, "Records and metrics"), on
invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def read(label: str) -> tuple[str, str, str | None]:
    assignment = reading_of(label)
    return assignment.role, assignment.how, assignment.matched


@pytest.mark.parametrize(
    ("label", "matched"),
    [
        ("Gateway information", "information"),
        ("Agent info", "info"),
        ("Rollout plan", "plan"),
        ("Evaluation plan", "plan"),
        ("Retrieval fields", "fields"),
    ],
)
def test_what_is_known_or_planned_about_a_component_is_a_record(label, matched):
    assert read(label) == ("unknown", "record", matched)


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Information retrieval", "retrieval"),
        ("Planner agent", "application"),
        ("Monitoring", "monitoring"),
        # what a model pulls out of a text stays its work (terms.extracted_contents)
        ("Extract fields from the claim form", "model_inference"),
        ("Information extraction", "model_inference"),
    ],
)
def test_the_words_before_them_keep_their_reading(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "matched"),
    [("Weekly sales forecasts", "forecasts"), ("Churn predictions", "predictions"), ("LLM summaries", "summaries")],
)
def test_what_a_model_gave_named_as_a_noun_is_its_output(label, matched):
    assert read(label) == ("unknown", "record", matched)


@pytest.mark.parametrize(
    ("label", "role"),
    [("Forecast demand", "model_inference"), ("Summarize tickets", "model_inference"), ("Summarizer", "model_inference"), ("Predictions table", "data_store")],
)
def test_the_model_at_work_and_the_store_of_its_output_keep_their_reading(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(("label", "role"), [("Classifier returns summary", "model_inference"), ("Risk model sends predictions", "model_inference")])
def test_a_component_acting_on_a_record_in_a_sentence_is_the_component(label, role):
    # subject, verb, record: the box is the subject at work (roles/steps.py, acts_on_record)
    assert read(label)[0] == role



@pytest.mark.parametrize("label", ["Extract action items from the call transcript", "Summary extraction", "Extract the plan"])
def test_a_model_reading_texts_named_as_records_stays_the_model(label):
    # terms.extracted_contents: a record word a model reads or writes is no part of a request being parsed
    assert read(label)[0] == "model_inference"
