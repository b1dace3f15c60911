"""Watching the machines versus watching the model (docs/roles.md, "Logs gathered from the servers"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Loki<br/>log aggregation", "infra_monitoring"),
        ("Datadog + Log Analytics", "infra_monitoring"),
        ("Fluent Bit (container logs)", "infra_monitoring"),
        ("Central log aggregator", "infra_monitoring"),
        ("Log Analytics workspace", "infra_monitoring"),
        ("Loki", "monitoring"),  # what it watches is not in its words
        ("Loki: LLM output logs", "monitoring"),  # a model word keeps it on the model
    ],
)
def test_logs_gathered_from_the_servers_watch_the_machines(label, role):
    assert reading_of(label).role == role
