"""An organisation's own people using its assistant are users (docs/roles.md, "An organisation's staff are its
users"), on invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Hospital staff", "user"),
        ("Bank staff signs in<br/>Okta SSO", "user"),
        ("Staff member", "user"),
        # builders and data about staff are no users
        ("Staff engineer", "unknown"),
        ("Staff DB", "data_store"),
    ],
)
def test_staff_are_users(label, role):
    assert reading_of(label).role == role
