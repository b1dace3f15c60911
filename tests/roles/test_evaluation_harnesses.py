"""Evaluation harnesses read as a reader of one reads them (docs/roles.md): the judging stage, its
scorers, metrics and gates; invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def role_of(label: str) -> str:
    return reading_of(label).role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Policy Judges", "evaluation"),
        ("Score with judges", "evaluation"),
        ("Judges<br/>(check / LLM / rubric)", "evaluation"),
        ("Judge", "model_inference"),  # one judge is the model that judges
        ("LLM Judge", "model_inference"),
        ("LLM judges", "model_inference"),  # the LLM named is the model
    ],
)
def test_a_panel_of_judges_is_the_evaluation(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Evaluation metrics", "evaluation"),
        ("Eval metrics", "evaluation"),
        ("RAGAS metrics<br/>faithfulness, relevancy", "evaluation"),
        ("Validation stats", "evaluation"),
        ("Custom metrics", "unknown"),  # numbers, not the computation of an evaluation
        ("Evaluation results", "unknown"),  # the record a run made
        ("Model metrics", "monitoring"),
    ],
)
def test_an_evaluations_own_numbers_are_the_evaluation(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Post scores to EvalHub API", "evaluation"),
        ("EvalHub", "evaluation"),
        ("lm-evaluation-harness", "evaluation"),
        ("lm-eval (MMLU, GSM8K)", "evaluation"),
        ("UpTrain checks", "evaluation"),
        ("garak probes", "evaluation"),
        ("PyRIT", "evaluation"),
        ("Pass thresholds<br/>(regression gate)", "evaluation"),
        ("Regression gate", "evaluation"),
    ],
)
def test_evaluation_services_and_harnesses_are_read_as_what_they_are(label, role):
    assert role_of(label) == role
