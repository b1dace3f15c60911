"""Gateways, load balancers and a cloud WAF, read as what they are (docs/roles.md, "Known products"); invented
labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("KrakenD", "api_gateway"),
        ("Zuul edge service", "api_gateway"),
        ("kgateway", "api_gateway"),
        ("agentgateway<br/>MCP + A2A", "api_gateway"),
        ("Higress", "api_gateway"),
        ("TensorZero Gateway", "api_gateway"),
        ("AWS NLB", "api_gateway"),
        ("Internal ELB", "api_gateway"),
        ("Cloud Load Balancing", "api_gateway"),
        ("Google Cloud Armor", "rate_limiter"),  # a WAF, as "WAF" is
    ],
)
def test_an_edge_product_is_read_as_what_it_is(label, role):
    assert reading_of(label).role == role
