"""Observability products, read as the monitoring they are (docs/roles.md, "Known products"); invented labels."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Azure Application Insights", "monitoring"),  # no application: Azure's APM
        ("App Insights", "monitoring"),
        ("Stackdriver", "monitoring"),
        ("Dynatrace OneAgent", "monitoring"),
        ("AppDynamics", "monitoring"),
        ("SigNoz", "monitoring"),
        ("Kibana", "monitoring"),
        ("ELK Stack", "monitoring"),
        ("Fluent Bit", "monitoring"),
        ("VictoriaMetrics", "monitoring"),
        ("Pydantic Logfire", "monitoring"),
        ("LangWatch", "monitoring"),
        ("MLflow Tracing", "monitoring"),  # tracing of LLM calls, not the model registry
        ("Zabbix", "infra_monitoring"),
        ("Nagios checks", "infra_monitoring"),
        ("Netdata agent", "infra_monitoring"),
        ("Blackbox exporter", "infra_monitoring"),
        ("Uptime Kuma", "infra_monitoring"),
        ("nvidia-smi", "infra_monitoring"),
    ],
)
def test_an_observability_product_is_read_as_what_it_watches(label, role):
    assert reading_of(label).role == role


def test_an_apm_product_watching_servers_only_watches_the_machines():
    # generic, as Datadog is: with nothing AI drawn, it watches the servers
    source = 'flowchart LR\n  lb["Nginx"] --> db[("Postgres")]\n  lb --> apm["Dynatrace"]\n'
    roles = assign_roles(design_from(source, "mermaid", "design.mmd"))
    assert roles["apm"].role == "infra_monitoring"
