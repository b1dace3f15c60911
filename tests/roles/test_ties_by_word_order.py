"""Ties settled by where words stand in the head: a list's first item, a search ending the head
(docs/roles.md, "When several roles match"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Training and evaluation", "training_pipeline"),
        ("Evaluation and retraining", "evaluation"),
        ("Auth + Quota", "auth"),
        ("Quota + Auth", "rate_limiter"),
        ("Alerting & Logging", "alerting"),
        ("Model registry + promotion gate", "model_registry"),
        ("Promotion gate, model registry", "evaluation"),
        # the item is read as a label of its own: a lifecycle word beats the generic "model" there too
        ("Model Retraining and Validation<br>nightly, on GPUs", "training_pipeline"),
        ("Model fine-tuning & evaluation", "training_pipeline"),
        ("Model evaluation & retraining", "evaluation"),
    ],
)
def test_the_first_item_of_a_list_in_the_head_names_the_box(label, role):
    assert reading_of(label).role == role


def test_the_reading_says_which_rule_settled_the_tie():
    reading = reading_of("Alerting & Logging")
    assert (reading.role, reading.ambiguous_with, reading.tie_rule) == (
        "alerting",
        ("audit_log",),
        "the first item of a list in the head names the box",
    )


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("RLHF Pipeline Monitor", "monitoring"),  # a noun phrase lists nothing: its last noun names the box
        ("Logging & Alerting<br>training and evaluation", "audit_log"),  # the detail's list does not count
    ],
)
def test_what_is_no_list_of_the_head_keeps_the_usual_reading(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Residual Transformer Retriever", "retrieval"),
        ("Rerank Search", "retrieval"),
        ("Embedding Search", "retrieval"),
        ("Search Reranker", "model_inference"),  # the reranker ends the head: it is the model
    ],
)
def test_a_search_or_retriever_ending_the_head_is_retrieval_whatever_model_word_qualifies_it(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # Access control, then a limit: the auth box, however many words the limit takes ...
        ("SSO & Rate Limiting", "auth"),
        ("check schema → JWT → rate limit", "auth"),
        ("OAuth + token bucket rate limiter", "auth"),
        # ... while a limit alone, or access named only in the detail, is the limit.
        ("Token bucket rate limiter", "rate_limiter"),
        ("Rate limiting<br>per API key", "rate_limiter"),
    ],
)
def test_access_control_named_before_a_limit_is_the_access_control(label, role):
    assert reading_of(label).role == role


def test_the_reading_says_access_control_settled_it():
    assert reading_of("SSO & Rate Limiting").tie_rule == "access control named beside a limit is the access control"
