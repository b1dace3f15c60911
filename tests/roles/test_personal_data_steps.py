"""Readings of the steps that find personal data and hide, swap or restore it (docs/roles.md: "Privacy
products are the privacy step", "Personal data"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def role_of(label: str) -> str:
    return reading_of(label).role


@pytest.mark.parametrize(
    "label",
    ["Re-identify patients", "Reidentification step", "clinical_deid", "DeID job<br/>nightly", "Re-identification service"],
)
def test_re_identification_and_deid_are_the_privacy_step(label):
    assert role_of(label) == "pii_scrubber"


@pytest.mark.parametrize(("label", "role"), [("deid tables", "data_store"), ("De-identified notes database", "data_store")])
def test_what_de_identification_produces_stays_the_data(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    "label",
    ["PII Response Scanning", "PHI Output Scanner<br/>(NER)", "Detectors: regex + PHI list + LLM", "Scan chat for PII"],
)
def test_a_scan_or_detector_of_pii_or_phi_is_the_privacy_step(label):
    assert role_of(label) == "pii_scrubber"


@pytest.mark.parametrize(("label", "role"), [("Object detector", "model_inference"), ("Phi-3 mini", "model_inference")])
def test_a_detector_without_personal_data_is_not_the_privacy_step(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize("label", ["数据脱敏", "匿名化", "去标识化", "仮名化"])
def test_the_privacy_acts_in_chinese_and_japanese_are_the_privacy_step(label):
    assert role_of(label) == "pii_scrubber"


@pytest.mark.parametrize(
    "label", ["Detect<br/>sensitive entities", "Sensitive entity detection", "Detect personal data in uploads", "Sensitive data scanning"]
)
def test_finding_sensitive_entities_or_personal_data_is_the_privacy_step(label):
    assert role_of(label) == "pii_scrubber"


@pytest.mark.parametrize(("label", "role"), [("Sensitive entity store", "data_store"), ("Sensitive entities", "unknown")])
def test_the_entities_themselves_are_not_the_privacy_step(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(("label", "role"), [("Pseudonym Manager", "pii_scrubber"), ("Pseudonym Generator<br/>per tenant", "pii_scrubber"), ("Pseudonym store", "data_store"), ("Pseudonym mapping table", "data_store")])
def test_what_hands_out_pseudonyms_is_the_privacy_step_and_their_store_the_data(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    "label",
    ["De-identify records", "Re-identify rows", "Remove personal information", "Personal information removal", "Replace PII with placeholders"],
)
def test_privacy_acts_told_with_a_hyphen_or_in_full_words(label):
    assert role_of(label) == "pii_scrubber"


def test_a_store_of_personal_information_stays_the_store():
    assert role_of("Personal information store") == "data_store"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Identify PII", "pii_scrubber"),
        ("PII classifier", "pii_scrubber"),
        ("Hash emails", "pii_scrubber"),
        ("Encrypt PHI", "pii_scrubber"),
        ("Strip identifiers", "pii_scrubber"),
        ("PII leakage check", "pii_scrubber"),
        ("Hash passwords", "unknown"),  # a credential hashed is no personal data hidden
        ("Content hash", "unknown"),
    ],
)
def test_finding_classifying_hashing_or_encrypting_personal_data(label, role):
    assert role_of(label) == role
