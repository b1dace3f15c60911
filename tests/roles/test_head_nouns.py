"""The head noun decides: the last noun of a compound names what the box is (docs/roles.md, "A store ends
its phrase as a database does" and the bullets after it); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def role_of(label: str) -> str:
    return reading_of(label).role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Rating history", "data_store"),  # where feedback is kept, not the feedback collected
        ("Feedback history", "data_store"),
        ("Scorecard storage", "data_store"),
        ("Evaluation storage", "data_store"),
        ("Guardrail rules repository", "data_store"),
        ("Eval runs folder", "data_store"),
        ("Experiment datastore", "data_store"),
        ("Alert history", "data_store"),
        ("Model repository", "model_registry"),  # a phrase of its own role keeps it
        ("Audit history", "audit_log"),  # a kind of store itself
        ("LDAP directory", "auth"),  # a directory of identities is no folder of files
        ("Grafana dashboards and storage", "monitoring"),  # a list is named by its first item
    ],
)
def test_a_container_ends_its_phrase_as_a_store_does(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Log redactor", "pii_scrubber"),  # the agent noun ends the phrase: the privacy step
        ("Prompt redactor", "pii_scrubber"),
        ("Transcript pseudonymizer", "pii_scrubber"),
        ("Chat log de-identifier", "pii_scrubber"),
        ("Redaction log", "data_store"),  # the data told after the act stays data
        ("Redacted logs", "data_store"),
    ],
)
def test_the_one_who_does_a_privacy_act_ends_its_phrase(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Documents crawler", "data_source"),  # the source's agent noun ends the head, after a store word
        ("Logs scraper", "data_source"),
        ("Database connector", "data_source"),
        ("Crawler logs", "data_store"),  # the data named after it stays data
        ("Web scraper", "data_source"),
    ],
)
def test_a_sources_agent_noun_ending_the_head_is_the_source(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Model retrainer", "training_pipeline"),  # the one who retrains ends the phrase
        ("Embedding finetuner", "training_pipeline"),
        ("Reranker fine-tuner", "training_pipeline"),
        ("Retrainer logs", "data_store"),  # the data named after it stays data
    ],
)
def test_the_one_who_retrains_is_the_training(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Log alerter", "alerting"),  # the one who sends alerts ends the phrase
        ("Budget alerter", "alerting"),
        ("Alerter logs", "data_store"),  # the data named after it stays data
    ],
)
def test_the_one_who_sends_alerts_is_the_alert(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Prompt sanitiser", "safety_filter"),  # the guard's head noun spelt the British way
        ("Response sanitisation", "safety_filter"),
        ("Sanitise output", "safety_filter"),
        ("PII sanitiser", "pii_scrubber"),  # the privacy act so spelt stays the privacy step
        ("Sanitise PHI", "pii_scrubber"),
    ],
)
def test_guards_spelt_the_british_way(label, role):
    assert role_of(label) == role
