"""Watching the machines versus watching the model (docs/roles.md, "Logs gathered from the servers", and
"Order": monitors fed by watchers of machines); invented labels."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of


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


def _roles(source: str) -> dict[str, str]:
    return {node_id: a.role for node_id, a in assign_roles(design_from(source, "mermaid", "design.mmd")).items()}


def test_a_monitor_fed_by_a_watcher_of_machines_gathers_machine_metrics():
    source = (
        "flowchart LR\n"
        '  ui["Chat UI"] --> bot["Support agent"] --> llm["Claude"]\n'
        '  drift["Answer drift monitor"]\n'
        '  nx["Node exporter"] --> prom["Prometheus"] --> graf["Grafana boards"]\n'
        '  cad["cAdvisor"] --> prom\n'
        '  db[("Postgres")] --> prom\n'
    )
    roles = _roles(source)
    assert roles["prom"] == "infra_monitoring"
    assert roles["graf"] == "infra_monitoring"
    assert roles["drift"] == "monitoring"


def test_a_monitor_fed_by_the_model_as_well_keeps_its_words():
    source = (
        "flowchart LR\n"
        '  ui["Chat UI"] --> llm["vLLM server"]\n'
        '  gpu["DCGM exporter"] --> prom["Prometheus"] --> graf["Grafana"]\n'
        '  llm --> prom\n'
    )
    roles = _roles(source)
    assert roles["gpu"] == "infra_monitoring"
    assert roles["prom"] == "monitoring"
    assert roles["graf"] == "monitoring"


@pytest.mark.parametrize(
    "label",
    ["Telegraf agent", "collectd", "Metricbeat", "Filebeat", "Checkmk", "Sensu checks", "PRTG", "LibreNMS", "Munin",
     "Site24x7", "Healthchecks.io", "Pyroscope profiling"],
)
def test_watchers_of_hosts_named_for_what_they_are_watch_the_machines(label):
    assert reading_of(label).role == "infra_monitoring"


def test_a_channel_only_watchers_feed_is_where_they_alert():
    source = (
        "flowchart LR\n"
        '  ui["Web UI"] --> api["Orders API"] --> llm["GPT-4o"]\n'
        '  llm --> mon["Toxicity monitor"] --> am["Alertmanager"] --> chan["Slack"]\n'
        '  mon --> mail["Email"]\n'
        '  team["Teams"] --> api\n'
    )
    roles = _roles(source)
    assert roles["chan"] == "alerting"
    assert roles["mail"] == "alerting"
    assert roles["team"] == "user"  # it sends to the product: the people's chat app


def test_a_channel_fed_by_the_product_keeps_its_reading():
    source = (
        "flowchart LR\n"
        '  bot["Support agent"] --> llm["Claude"]\n'
        '  mon["Drift monitor"] --> chan["Slack"]\n'
        '  bot --> chan\n'
    )
    assert _roles(source)["chan"] == "user"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Hardware monitoring", "infra_monitoring"),
        ("Queue length monitor", "infra_monitoring"),
        ("SLO monitoring", "infra_monitoring"),
        ("Grafana (RPS, error budget)", "infra_monitoring"),
        ("Linkerd telemetry", "infra_monitoring"),
        ("Exception tracking", "infra_monitoring"),
        ("Kiali console", "infra_monitoring"),
        ("Continuous profiling", "infra_monitoring"),
        ("LLM SLO monitoring", "monitoring"),  # a model word keeps it on the model
    ],
)
def test_what_an_sre_watches_is_the_machines(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Hash chain writer", "audit_log"),
        ("Hash-chained event log", "audit_log"),
        ("Merkle log", "audit_log"),
        ("Consistent hash ring", "unknown"),  # hashing alone keeps no log
    ],
)
def test_a_hash_chain_keeps_the_tamper_evident_log(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("AWS X-Ray", "monitoring"),
        ("AWS X-Ray (CPU, latency)", "infra_monitoring"),  # generic, as Jaeger is: machine metrics say the machines
        ("Chest X-Ray", "unknown"),  # an image a model reads
        ("OpenInference", "monitoring"),
        ("Arthur AI", "monitoring"),
    ],
)
def test_tracers_named_for_what_they_are(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("OpenTelemetry Operator", "unknown"),  # installs the collectors, as the Prometheus Operator does
        ("OpenSearch Operator<br/>v2.1", "unknown"),
        ("Prometheus Operator", "unknown"),
        ("Translate message", "model_inference"),  # a step verb written as a word still leads a step
    ],
)
def test_a_product_whose_name_opens_with_a_verb_is_no_step(label, role):
    assert reading_of(label).role == role


def test_a_box_naming_an_agent_draws_ai_to_watch():
    # the span is read as a record, not as the agent, but it says what the collectors gather
    source = (
        "flowchart LR\n"
        '  op["Operator injects SDK"] --> pod["Workload pod"]\n'
        '  pod --> span["Trace · agent.run span"] --> otel["OTel Collector"] --> jg["Jaeger"]\n'
        '  pod --> db[("Postgres")]\n'
    )
    roles = _roles(source)
    assert roles["otel"] == "monitoring"
    assert roles["jg"] == "monitoring"


def test_a_watchers_own_agent_names_no_ai():
    source = (
        "flowchart LR\n"
        '  lb["Nginx"] --> db[("Postgres")]\n'
        '  dd["Datadog Agent"] --> prom["Prometheus"]\n'
        '  lb --> prom\n'
    )
    roles = _roles(source)
    assert roles["prom"] == "infra_monitoring"
    assert roles["dd"] == "infra_monitoring"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Latency alert email", "alerting"),
        ("Send warning email", "alerting"),
        ("Alert notifications", "alerting"),
        ("Order notification", "unknown"),  # a notification alone tells people of the product's work
    ],
)
def test_an_alert_told_by_how_it_is_sent_is_alerting(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Provenance ledger<br/>who · what · when", "audit_log"),
        ("Immutable ledger", "audit_log"),
        ("Decision ledger", "audit_log"),
        ("Planner<br/>orchestrator + ledger", "application"),  # the orchestrator's own book of its tasks
        ("General ledger", "unknown"),  # the accounts a finance assistant reads, no audit
    ],
)
def test_a_ledger_is_the_audit_only_beside_what_says_it_records_who_did_what(label, role):
    assert reading_of(label).role == role
def test_a_notice_only_watchers_send_is_their_alert():
    source = (
        "flowchart LR\n"
        '  ui["Web UI"] --> llm["Llama 3"] --> out["Summary notification"]\n'
        '  llm --> mon["Hallucination monitor"] --> note["Notify team"]\n'
    )
    roles = _roles(source)
    assert roles["note"] == "alerting"
    assert roles["out"] == "unknown"  # the product's notice to people, not an alert
