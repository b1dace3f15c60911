"""Watchers read by what they are (docs/roles.md, "Known products" and "Logging is the audit log"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("AuditRepository", "audit_log"),
        ("Audit DB", "audit_log"),
        ("audit_tables", "audit_log"),
        ("Audit Database<br/>consent events", "audit_log"),
        ("Orders DB", "data_store"),
    ],
)
def test_a_store_kept_for_the_audit_is_the_audit_log(label, role):
    assert reading_of(label).role == role
