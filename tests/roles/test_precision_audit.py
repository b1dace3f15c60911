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
