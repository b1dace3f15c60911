"""Bandit the Python security linter is no experiment (docs/roles.md, "Known products"), on invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize("label", ["Bandit SAST", "Ruff + Bandit", "Bandit vulnerability scan<br/>Python code", "Lint (flake8, bandit)"])
def test_bandit_among_code_security_words_is_no_experiment(label):
    assert reading_of(label).role != "experimentation"


@pytest.mark.parametrize("label", ["Bandit", "Multi-armed bandit", "Bandit router<br/>Thompson sampling", "A/B test"])
def test_bandits_of_experiments_stay_experimentation(label):
    assert reading_of(label).role == "experimentation"
