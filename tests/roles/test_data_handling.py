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
        ("External APIs", "data_source"),
        ("Third-party API<br/>(weather)", "data_source"),
        ("Partner APIs", "data_source"),
        ("Public API", "application"),
        ("REST API", "application"),
    ],
)
def test_apis_of_others_are_where_data_comes_from(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("CIFAR-10", "data_source"),
        ("Common Crawl snapshot", "data_source"),
        ("C-MAPSS turbofan data", "data_source"),
        ("Kaggle dataset", "data_source"),
        ("ResNet-50 (ImageNet)", "model_inference"),
        ("Kaggle Notebook", "unknown"),
    ],
)
def test_public_datasets_known_by_name_are_sources(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Provenance Log", "audit_log"),
        ("Compliance DB", "audit_log"),
        ("Evidence log (S3)", "audit_log"),
        ("S3 Object Lock", "audit_log"),
        ("Amazon QLDB", "audit_log"),
        ("immudb", "audit_log"),
        ("Append-only log", "data_store"),
    ],
)
def test_records_kept_for_accountability_are_the_audit_log(label, role):
    assert role_of(label) == role


def _roles(source: str) -> dict[str, str]:
    return {node_id: a.role for node_id, a in assign_roles(design_from(source, "mermaid", "design.mmd")).items()}


def test_a_bare_scanner_in_a_privacy_design_scans_for_personal_data():
    roles = _roles(
        'flowchart LR\n  u["Customer"] --> s["Pattern Scanner (regex + LLM)"] --> r["Redact PII"] --> a["Chat API"]\n'
        '  a --> m["GPT-4o"]\n  r --> q["Second-pass Scan"]\n'
    )
    assert roles["s"] == "pii_scrubber"
    assert roles["q"] == "pii_scrubber"


def test_a_bare_scanner_beside_a_content_guard_or_without_a_privacy_step_is_not_read_so():
    guarded = _roles(
        'flowchart LR\n  u["Customer"] --> s["Pattern Scanner"] --> r["Redact PII"] --> g["Toxicity guardrail"]\n'
        '  g --> m["GPT-4o"]\n'
    )
    plain = _roles('flowchart LR\n  u["Customer"] --> s["Pattern Scanner"] --> a["Chat API"] --> m["GPT-4o"]\n')
    assert guarded["s"] != "pii_scrubber"
    assert plain["s"] != "pii_scrubber"


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
