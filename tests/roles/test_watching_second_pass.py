"""Watchers read by what they are (docs/roles.md, "Known products" and "Logging is the audit log"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of, mermaid_roles as roles_of


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


def test_a_model_monitor_or_a_content_guard_keeps_generic_monitors_on_the_model():
    traced = 'flowchart LR\n  s["Langtrace SDK"] --> c["OTel Collector"] --> d["TimescaleDB"]\n'
    guarded = 'flowchart LR\n  g["Edge gateway"] --> f["toxicity filter"]\n  g --> q["Request queue"]\n  g --> m["Metrics collector"]\n'
    servers = 'flowchart LR\n  g["Edge gateway"] --> q["Request queue"]\n  g --> m["Metrics collector"]\n'
    assert roles_of(traced)["c"] == "monitoring"
    assert (roles_of(guarded)["f"], roles_of(guarded)["m"]) == ("safety_filter", "monitoring")
    assert roles_of(servers)["m"] == "infra_monitoring"
