"""Identity and authorization products and second factors, read as the access control they are (docs/roles.md,
"Known products"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    "label",
    [
        "SPIRE server<br/>workload attestation",
        "SPIFFE",
        "Ory Kratos",
        "Ory Hydra (OAuth2 server)",
        "WorkOS SSO",
        "Stytch",
        "Descope",
        "Permit.io PDP",
        "Pomerium",
        "Microsoft Entra",
        "Amazon Verified Permissions",
        "AWS STS",
        "PingFederate",
        "Duo MFA",
        "Passkey sign-in",
        "WebAuthn",
    ],
)
def test_an_identity_or_authorization_product_is_auth(label):
    assert reading_of(label).role == "auth"


def test_an_identity_document_alone_is_a_record():
    # an ID is what is checked, not the check ("SPIFFE ID" names a workload's identity document)
    assert reading_of("SPIFFE ID").role == "unknown"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Policy Decision Point", "auth"),
        ("PEP (policy enforcement point)", "auth"),
        ("Identity-Aware Proxy", "auth"),  # an identity check in front of the app, not just a proxy
        ("PDP", "unknown"),  # as often a product detail page
    ],
)
def test_the_points_of_an_access_architecture_are_auth(label, role):
    assert reading_of(label).role == role
