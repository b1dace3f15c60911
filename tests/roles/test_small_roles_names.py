"""How the world names the small roles (privacy, people reviewing, feedback, experiments, alerts, audit), read as
what they are (docs/roles.md, "Further rules of reading"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Deanonymizer", "pii_scrubber"),
        ("De-anonymise answer", "pii_scrubber"),
        ("Unredact response", "pii_scrubber"),
        ("GDPR erasure worker", "pii_scrubber"),
        ("Right to be forgotten", "pii_scrubber"),
        ("Delete personal data", "pii_scrubber"),
        ("Personal data store", "data_store"),  # what holds the data stays the store
    ],
)
def test_undoing_and_erasing_personal_data_is_the_privacy_step(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Flipt", "experimentation"),
        ("OpenFeature SDK", "experimentation"),
        ("flagd sidecar", "experimentation"),
        ("Amplitude Experiment", "experimentation"),
        ("Multivariate testing", "experimentation"),
        ("User bucketing", "experimentation"),
        ("Canary rollout", "deployment_controller"),  # a release step stays the release
    ],
)
def test_experiment_products_and_bucketing_are_the_experiment(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("incident.io", "alerting"),
        ("Splunk On-Call", "alerting"),
        ("PagerTree", "alerting"),
        ("Page SRE", "alerting"),
        ("Azure Monitor alerts", "alerting"),
        ("Prometheus alerting rules", "alerting"),
        ("Azure Monitor", "monitoring"),  # the product alone watches
        ("Prometheus", "monitoring"),
    ],
)
def test_paging_products_and_a_monitors_alerts_page_people(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Amazon QLDB", "audit_log"),
        ("WORM bucket", "audit_log"),
        ("Rekor transparency log", "audit_log"),
        ("Compliance archive", "audit_log"),
        ("S3 bucket", "data_store"),  # a bucket alone stays the store
    ],
)
def test_records_that_cannot_change_are_the_audit_log(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Human verification", "human_review"),
        ("Manual vetting", "human_review"),
        ("Human fact-checkers", "human_review"),
        ("Four-eyes check", "human_review"),
        ("Human supervisor", "human_review"),
        ("QA analysts", "human_review"),
        ("Fact-checker", "safety_filter"),  # the check alone stays the guard
        ("Supervisor", "application"),  # a supervisor agent orchestrates
    ],
)
def test_people_checking_told_in_more_words_are_human_review(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Rate this response", "feedback_collector"),
        ("Collect preference data", "feedback_collector"),
        ("Preference feedback", "feedback_collector"),
        ("Preference model", "model_inference"),  # a reward model trained on them is a model
    ],
)
def test_the_ask_to_rate_and_collected_preferences_are_feedback(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Privacy scan", "pii_scrubber"),
        ("Privacy gate", "pii_scrubber"),
        ("Data privacy filtering", "pii_scrubber"),
        ("Privacy policy", "unknown"),  # a document, no working part
    ],
)
def test_privacy_named_with_a_scan_gate_or_filter_is_the_privacy_step(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Placeholder substitution", "pii_scrubber"),
        ("Surrogate replacement", "pii_scrubber"),
        ("Restore original values", "pii_scrubber"),
        ("Format-preserving encryption", "pii_scrubber"),
        ("HIPAA filter", "pii_scrubber"),
        ("Surrogate model", "model_inference"),  # no personal data
        ("Fill template placeholders", "unknown"),
    ],
)
def test_stand_ins_originals_and_privacy_laws_filters_are_the_privacy_step(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Observation feedback", "unknown"),
        ("Retry with feedback", "unknown"),
        ("Credit rating", "unknown"),
        ("Risk rating", "unknown"),
        ("Feedback on generated answers", "feedback_collector"),  # people's verdict on what was generated
        ("Thumbs up/down", "feedback_collector"),
    ],
)
def test_feedback_a_machine_gives_and_scores_of_risk_are_no_feedback_collector(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("PII discovery", "pii_scrubber"),
        ("Sensitive data discovery", "pii_scrubber"),
        ("Purge personal data", "pii_scrubber"),
        ("Crypto-shredding", "pii_scrubber"),
        ("DataFog", "pii_scrubber"),
        ("Data discovery", "unknown"),  # no personal data named
    ],
)
def test_finding_purging_and_shredding_personal_data_is_the_privacy_step(label, role):
    assert reading_of(label).role == role
