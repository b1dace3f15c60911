"""Readings of the data-handling roles: the privacy step, the audit log, stores and sources (docs/roles.md:
"Personal data named with a working part" and the bullets after it); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def role_of(label: str) -> str:
    return reading_of(label).role


@pytest.mark.parametrize(
    "label",
    ["PII Engine", "PII Middleware", "PII Proxy<br/>(outbound)", "PII Firewall", "Privacy Module", "Privacy Service", "PII handler"],
)
def test_pii_or_privacy_named_with_a_working_part_is_the_privacy_step(label):
    assert role_of(label) == "pii_scrubber"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Customer PII Database", "data_store"),
        ("PII data", "unknown"),
        ("User Service (PII)", "application"),
        ("Gateway (PII masking)", "api_gateway"),
        ("Privacy Policy", "unknown"),
    ],
)
def test_what_holds_personal_data_or_names_it_aside_is_not_the_privacy_step(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    "label",
    [
        "Filter PII",
        "Drop PII columns",
        "Tokenise card numbers",
        "PII tokenisation",
        "Data Minimisation",
        "Consent Filter",
        "Data Obfuscation",
        "Detect Personally Identifiable Information",
        "Sensitive Data Handler",
    ],
)
def test_the_privacy_acts_in_other_words_and_spellings_are_the_privacy_step(label):
    assert role_of(label) == "pii_scrubber"


@pytest.mark.parametrize(
    ("label", "role"),
    [("Sensitive Data Store", "data_store"), ("Encrypted PII store", "data_store"), ("Sensitive data", "unknown"), ("Tokenise text", "unknown")],
)
def test_a_store_of_sensitive_data_stays_the_store(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize("label", ["Source Text", "Raw text<br/>(markdown)", "Original text", "原始数据", "データソース"])
def test_the_text_a_flow_starts_from_told_as_its_origin_is_a_source(label):
    assert role_of(label) == "data_source"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Scanned PDFs", "data_source"),
        ("PDF", "data_source"),
        ("PDF import", "data_source"),
        ("PDF / DOCX / EML", "data_source"),
        ("PDF Summaries", "unknown"),
        ("PDF Parser", "unknown"),
    ],
)
def test_a_format_before_another_noun_names_no_source(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize("label", ["Anonymisierung", "PII-Schwärzung", "Anonimización de datos", "개인정보 비식별화", "가명처리 모듈", "マスキング処理"])
def test_the_privacy_acts_in_other_languages_are_the_privacy_step(label):
    assert role_of(label) == "pii_scrubber"


@pytest.mark.parametrize("label", ["审计日志", "監査ログ", "감사 추적", "Prüfprotokoll"])
def test_the_audit_log_in_other_languages_is_the_audit_log(label):
    assert role_of(label) == "audit_log"
