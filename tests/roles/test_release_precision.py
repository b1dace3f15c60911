"""Precision of evaluation and of the release step (docs/roles.md, "Tools that only test code" and "A canary
or shadow version named by its model noun"): code tests are no evaluation of a model, and a version run in
canary or shadow is the model; each rule on labels invented for these tests."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def role_of(label: str) -> str:
    return reading_of(label).role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Playwright tests", "unknown"),  # a browser test runner tests the product's code
        ("Jest test suite", "unknown"),
        ("k6 load tests", "unknown"),
        ("SonarQube quality gate", "unknown"),  # a code-quality server's gate
        ("CI tests", "unknown"),
        ("Quality gate", "evaluation"),  # alone, after a model, the gate on its scores
        ("Model CI tests", "evaluation"),  # naming the model, they test it
    ],
)
def test_tools_that_only_test_code_name_code_tests(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Shadow predictor", "model_inference"),  # the version run in shadow, the model at work
        ("Canary LLM", "model_inference"),
        ("Shadow classifier (v3)", "model_inference"),
        ("Canary release", "deployment_controller"),
        ("Shadow traffic", "deployment_controller"),
        ("Canary deployment of the LLM", "deployment_controller"),
    ],
)
def test_a_canary_or_shadow_version_named_by_its_model_noun_is_the_model(label, role):
    assert role_of(label) == role
