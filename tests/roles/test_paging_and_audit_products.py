"""Paging and incident products, and logs that cannot be changed, read as what they are (docs/roles.md, "Paging
products and logs that cannot change"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("VictorOps", "alerting"),
        ("xMatters escalation", "alerting"),
        ("Rootly", "alerting"),
        ("Zenduty", "alerting"),
        ("CloudWatch Alarms<br/>(5xx rate)", "alerting"),
        ("CloudWatch", "monitoring"),  # watching, not yet an alert
        ("Tamper-proof log", "audit_log"),
        ("Hash-chained logs", "audit_log"),
    ],
)
def test_paging_products_and_unchangeable_logs_are_read_as_what_they_are(label, role):
    assert reading_of(label).role == role
