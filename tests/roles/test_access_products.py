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
