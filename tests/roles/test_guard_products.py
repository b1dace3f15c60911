"""Guard products and checks of what a model reads or writes, read as the safety filter they are (docs/roles.md,
"Guards named by what they stop"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    "label",
    [
        "Cloud Model Armor<br/>prompt + response screening",
        "LlamaFirewall",
        "CodeShield (insecure code)",
        "Arthur Shield",
        "LLM Firewall",
        "AI firewall for the chat API",
        "Prompt firewall",
        "Constitutional classifiers",
        "self_check_input rail",
        "Self check output",
    ],
)
def test_a_guard_product_or_check_is_the_safety_filter(label):
    assert reading_of(label).role == "safety_filter"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Firewall", "unknown"),  # a bare firewall guards a network, not what a model reads
        ("Web Application Firewall", "rate_limiter"),  # a WAF stays what it was
        ("Armor", "unknown"),
    ],
)
def test_a_firewall_of_the_network_is_no_guard_of_content(label, role):
    assert reading_of(label).role == role
