"""People reviewing what the system does, and the data people give or that is about them (docs/roles.md), on
invented labels: human review, feedback, personal data."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Amazon A2I human loop", "human_review"),
        ("SageMaker Ground Truth", "human_review"),
        ("Doccano labelling UI", "human_review"),
        ("MTurk workers", "human_review"),
        ("Subject matter experts", "human_review"),
        ("Human expert", "human_review"),
        # the data people label stays data, and AI augmented by retrieval is no review service
        ("Ground truth labels", "data_store"),
        ("Retrieval-Augmented AI Assistant", "retrieval"),
    ],
)
def test_review_services_crowds_and_experts_put_people_on_the_outputs(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Skyflow vault", "pii_scrubber"),
        ("Data privacy vault", "pii_scrubber"),
        ("Google Sensitive Data Protection", "pii_scrubber"),
        ("Amazon Comprehend PII detection", "pii_scrubber"),
        ("Presidio PII recognizers", "pii_scrubber"),
        ("Philter", "pii_scrubber"),
        ("Tonic Textual", "pii_scrubber"),
        ("k-anonymity on exports", "pii_scrubber"),
        # the model service itself, and a vault of secrets, are what they are
        ("Amazon Comprehend", "model_inference"),
        ("HashiCorp Vault", "auth"),
    ],
)
def test_privacy_products_and_vaults_hide_personal_data(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Net Promoter Score", "feedback_collector"),
        ("User satisfaction survey", "feedback_collector"),
        ("Slack emoji reactions", "feedback_collector"),
        ("Correction capture", "feedback_collector"),
        ("Capture corrections", "feedback_collector"),
        # a score that is no one's verdict stays a record
        ("Risk score", "unknown"),
    ],
)
def test_the_users_verdict_by_survey_reaction_or_correction_is_feedback(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Review retraining dataset", "human_review"),
        ("Annotate support documents", "human_review"),
        ("Curate training data", "human_review"),
        ("Review ground truth answers", "human_review"),
        ("Redact call logs", "pii_scrubber"),
        # a noun phrase names its last noun, and a table or store named in the head keeps it
        ("Review history table", "data_store"),
        ("Review results DB", "data_store"),
        ("Expert reviews table", "data_store"),
    ],
)
def test_a_verb_of_review_starting_the_label_is_the_review_whatever_data_it_acts_on(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Action gate (Human-in-the-Loop)", "human_review"),
        ("Release gate (HITL)", "human_review"),
        ("Release gate<br/>human sign-off", "human_review"),
        # a gate decided on a model's figures, or said by nobody, stays the evaluation
        ("Promotion gate (accuracy > 0.9)", "evaluation"),
        ("Deployment gate", "evaluation"),
    ],
)
def test_a_gate_its_detail_says_people_keep_is_human_review(label, role):
    assert reading_of(label).role == role
