"""How people's review, content guards and privacy steps are named (docs/roles.md), on invented labels."""

from __future__ import annotations

import pytest

from aidlint.roles.vocabulary import word_forms

from ..helpers import reading_of


def test_a_process_noun_leads_back_to_its_verb_not_to_a_three_letter_stub():
    assert "curate" in word_forms("curation")
    assert "cur" not in word_forms("curation")


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("CUR 2.0 report", "unknown"),
        ("Curing oven", "unknown"),
        ("Data curation", "human_review"),
        ("Dataset curator", "human_review"),
    ],
)
def test_cur_is_no_curation(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Flagged?", "safety_filter"),
        ("Comment flagged?", "safety_filter"),
        ("Red flag detected?", "safety_filter"),
        ("Moderation model flagged it?", "safety_filter"),
        ("Claude says unsafe?", "safety_filter"),
        # no question, or a question about the model itself, names no guard
        ("Flagged items", "unknown"),
        ("Red flags", "unknown"),
        ("LLM available?", "unknown"),
    ],
)
def test_a_question_whether_content_was_flagged_is_the_guards_verdict(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("SpendGuard", "rate_limiter"),
        ("Budget guard<br>daily cap", "rate_limiter"),
        ("Token guard", "rate_limiter"),
        ("Output guard", "safety_filter"),
    ],
)
def test_a_guard_of_spend_caps_it(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Cooldown window passed?", "rate_limiter"),  # a question of the limit is the limiter's check
        ("Action cooldown (6 h)", "rate_limiter"),
        ("Max iterations hit?", "rate_limiter"),
        ("Turn limit", "rate_limiter"),
        ("Max Retries?", "unknown"),  # retrying is no limit on how often
    ],
)
def test_limits_of_time_and_of_an_agents_steps(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Spotlighting<br>datamark retrieved pages", "safety_filter"),
        ("Safety Engine", "safety_filter"),
        ("TrustSafetyEngine", "safety_filter"),
        ("Safety stock engine", "unknown"),
        ("Instruction Hierarchy<br>(System > Developer > User)", "safety_filter"),  # injected text ranks last
    ],
)
def test_spotlighting_and_a_safety_engine_guard_content(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Prompt-injection scanner", "safety_filter"),
        ("Jailbreak scan", "safety_filter"),
        ("Toxicity scanner (Detoxify)", "safety_filter"),
        ("Input sanitization", "safety_filter"),
        ("Prompt sanitizer", "safety_filter"),
        ("Jailbreak prompts dataset", "data_store"),
    ],
)
def test_scanners_and_sanitizers_of_prompts_are_guards(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Secrets scanner<br>API keys, tokens", "pii_scrubber"),
        ("Detect secrets in prompt", "pii_scrubber"),
        ("Check for PII", "pii_scrubber"),
        ("Secrets Manager", "auth"),
    ],
)
def test_secrets_found_in_content_are_sensitive_data(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("LLM reviewer", "model_inference"),
        ("Claude annotator", "model_inference"),
        ("GPT-4o labelers", "model_inference"),
        ("Model review", "human_review"),
        ("Expert reviewer", "human_review"),
    ],
)
def test_a_model_named_before_a_reviewer_is_the_model_reviewing(label, role):
    assert reading_of(label).role == role
