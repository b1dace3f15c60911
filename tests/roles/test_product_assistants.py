"""Readings found on whole products' diagrams (docs/roles.md), each rule on labels invented for these tests."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize("label", ["Speech-to-speech", "Speech to Speech Processing<br>streams audio", "Voice-to-voice model"])
def test_speech_to_speech_is_a_model(label):
    assert reading_of(label).role == "model_inference"
