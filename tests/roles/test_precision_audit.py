"""Words the precision audit narrowed (docs/roles.md), each on labels invented for these tests.

A word that names one component in an LLM application and something else in the rest of the world counts
only beside the words of its sense there.
"""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # what an LLM application chains: a prompt, a search, a question and its answer
        ("Support QA chain", "application"),
        ("Prompt chaining", "application"),
        ("Billing RAG chain", "application"),
        ("Conversational chain", "application"),
        # a chain of something else is no program of the product
        ("Approval chain", "unknown"),
        ("Supply chain planner", "unknown"),
        ("Decision chain", "unknown"),
        ("Middleware chain", "unknown"),
        ("Chain", "unknown"),
    ],
)
def test_a_chain_is_the_application_only_beside_what_it_chains(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # what a rule engine evaluates, or the files a review reads, is no model's evaluation
        ("Evaluate rules", "unknown"),
        ("Condition evaluator", "unknown"),
        ("Pricing rules evaluation", "unknown"),
        ("File-by-file evaluation", "unknown"),
        # how a model's answers are judged, or a model named beside the rules, stays the evaluation
        ("Rule-based evaluation", "evaluation"),
        ("Evaluate model on rules", "evaluation"),
        ("Evaluate answers", "evaluation"),
        ("Offline evaluation", "evaluation"),
    ],
)
def test_evaluating_rules_or_files_is_no_model_evaluation(label, role):
    assert reading_of(label).role == role
