"""Extraction names what it pulls out (docs/roles.md): an extract word is a model at work only beside what a
model pulls out of a text or a model; on labels invented for these tests."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Text extractor", "unknown"),  # pulls text out of files: parsing
        ("Extraction stage", "unknown"),
        ("Extractors: DOCX / PPTX / HTML", "unknown"),
        ("PageExtract", "unknown"),
        ("Extract", "unknown"),  # the E of ETL
        ("Entity extraction", "model_inference"),
        ("Extract claims from filings", "model_inference"),
        ("LLM-based extractor", "model_inference"),
        ("Relationship extractor", "model_inference"),
        ("Extract invoice fields", "model_inference"),
        ("Query extractor", "unknown"),  # a part of a request, parsed (roles/objects.py)
    ],
)
def test_an_extract_word_is_the_model_only_beside_what_a_model_pulls_out(label, role):
    assert reading_of(label).role == role
