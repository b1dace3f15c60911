"""Proxies, gateways, load balancers, access products and limiters named for what they are (docs/roles.md,
"Known products"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("YARP reverse proxy", "api_gateway"),
        ("OpenResty", "api_gateway"),
        ("Pingora edge", "api_gateway"),
        ("Zuplo", "api_gateway"),
        ("MetalLB", "api_gateway"),
        ("ngrok tunnel", "api_gateway"),
        ("Service (NodePort)", "api_gateway"),
        ("Authorino", "auth"),
        ("oauth2-proxy", "auth"),  # signs people in before the app: not just a proxy
        ("Passport.js strategies", "auth"),
        ("Spring Security", "auth"),
        ("Limitador", "rate_limiter"),
        ("slowapi", "rate_limiter"),
        ("Bucket4j", "rate_limiter"),
        ("AWS Shield", "rate_limiter"),
        ("ModSecurity", "rate_limiter"),
        ("Coraza WAF", "rate_limiter"),
        ("Spike Arrest policy", "rate_limiter"),
        ("API usage plans", "rate_limiter"),
    ],
)
def test_an_edge_or_access_product_is_read_as_what_it_is(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    "label",
    ["Backend Pool A<br/>weighted", "Upstream pool (3 replicas)", "Model aliasing<br/>gpt-fast -> small model"],
)
def test_a_gateways_backend_pool_and_model_aliases_are_the_gateway(label):
    assert reading_of(label).role == "api_gateway"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Validate JWT", "auth"),  # a credential checked, no model evaluation
        ("Validate token<br/>signature + expiry", "auth"),
        ("Check token", "auth"),
        ("Bearer token validation", "auth"),
        ("Token introspection endpoint", "auth"),
        ("Authorize", "auth"),
        ("Check permissions", "auth"),
        ("Verify credentials", "auth"),
        ("Authorized tools", "tool_executor"),  # what was authorized, not the check
    ],
)
def test_a_credential_checked_is_access_control(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("TLS termination", "api_gateway"),
        ("SSL offloading", "api_gateway"),
        ("Model server<br/>TLS termination", "model_inference"),  # the head's component keeps its role
        ("Cost controls<br/>per-team budgets", "rate_limiter"),
    ],
)
def test_tls_termination_is_the_edge_and_cost_controls_the_limiter(label, role):
    assert reading_of(label).role == role
