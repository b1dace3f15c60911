"""Detectors named by the content that must not pass, read as the safety filter (docs/roles.md, "Guards named by
what they stop"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    "label",
    ["NSFW detector", "NSFW Detection (CLIP)", "CSAM detection", "PhotoDNA hash match", "Sightengine", "Toxicity scorer"],
)
def test_a_detector_of_content_that_must_not_pass_is_the_safety_filter(label):
    assert reading_of(label).role == "safety_filter"


def test_a_detector_named_by_nothing_it_stops_stays_a_model():
    assert reading_of("Object detector").role == "model_inference"
