"""Readings found on whole products' diagrams (docs/roles.md), each rule on labels invented for these tests."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize("label", ["Speech-to-speech", "Speech to Speech Processing<br>streams audio", "Voice-to-voice model"])
def test_speech_to_speech_is_a_model(label):
    assert reading_of(label).role == "model_inference"


@pytest.mark.parametrize("label", ["Outbox", "Order outbox<br>(order.created, order.paid)", "Transactional Outbox table"])
def test_an_outbox_is_a_store(label):
    assert reading_of(label).role == "data_store"


@pytest.mark.parametrize("label", ["Outbox relay", "Outbox Poller", "Outbox publisher"])
def test_what_publishes_an_outbox_is_the_application(label):
    assert reading_of(label).role == "application"


@pytest.mark.parametrize("label", ["Version comparison", "RunsComparison", "Compare experiments<br>champion vs candidate", "Compare Runs"])
def test_runs_or_versions_compared_are_an_evaluation(label):
    assert reading_of(label).role == "evaluation"
from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of


SERVING = 'flowchart LR\n  u["Traveller"] --> api["Booking API"] --> m["Fare classifier"]\n'


def _roles(source: str) -> dict[str, str]:
    return {node: a.role for node, a in assign_roles(design_from(source, "mermaid", "design.mmd")).items()}


@pytest.mark.parametrize("label", ["Usage Aggregator", "Token usage aggregation", "Cost aggregator"])
def test_summing_what_the_calls_use_is_monitoring_where_a_monitor_is_drawn(label):
    source = SERVING + f'  m --> d["Output quality monitor"]\n  api --> c["{label}"]\n'
    assert _roles(source)["c"] == "monitoring"


def test_summing_usage_where_nothing_watches_is_no_monitor():
    assert _roles(SERVING + '  api --> c["Usage Aggregator"]\n')["c"] != "monitoring"


@pytest.mark.parametrize("label", ["Пользователь", "Веб-клиент (покупатель)", "Студент в веб-интерфейсе", "Заказчик"])
def test_people_written_in_russian_are_the_user(label):
    assert reading_of(label).role == "user"


@pytest.mark.parametrize("label", ["Основная БД: заказы", "База данных заказов", "Хранилище данных"])
def test_a_database_written_in_russian_is_a_store(label):
    assert reading_of(label).role == "data_store"


@pytest.mark.parametrize("channel", ["Voice channel", "SMS Channel", "Phone channel", "Messaging channel"])
def test_a_channel_named_by_its_medium_is_the_people_at_the_start_and_the_interface_between(channel):
    start = {n: a.role for n, a in assign_roles(design_from(f'c "{channel}"\na "Booking assistant API"\nl "Claude"\nc -> a -> l\n')).items()}
    assert start["c"] == "user"
    between = {n: a.role for n, a in assign_roles(design_from(f'p "Guest"\nc "{channel}"\na "Booking assistant API"\np -> c -> a\n')).items()}
    assert (between["p"], between["c"]) == ("user", "application")


@pytest.mark.parametrize("label", ["Logs & Metrics", "Metrics / Logs / Traces", "Logs, metrics and traces"])
def test_the_pillars_of_observability_named_together_are_the_watching(label):
    watched = SERVING + f'  api --> o["{label}"]\n'
    assert _roles(watched)["o"] == "monitoring"


def test_the_pillars_of_observability_over_machines_only_are_infra_monitoring():
    source = 'flowchart LR\n  u["Shopper"] --> w["Web server"] --> db["Postgres"]\n  w --> o["Logs & Metrics<br/>CPU, memory"]\n'
    assert _roles(source)["o"] == "infra_monitoring"


@pytest.mark.parametrize("label", ["Trajectory grader", "Trajectory + end-state grader", "Trajectory evals", "Trajectory judge (LLM)"])
def test_an_agents_trajectory_graded_is_an_evaluation(label):
    assert reading_of(label).role == "evaluation"


def test_a_trajectory_alone_is_no_evaluation():
    assert reading_of("Agent trajectory").role != "evaluation"


@pytest.mark.parametrize("label", ["Residual leak scan", "Residual PII check<br>after masking", "Leftover scan", "Leakage scan"])
def test_the_last_scan_of_a_deidentification_is_the_privacy_step(label):
    assert reading_of(label).role == "pii_scrubber"


def test_a_leak_detection_alone_is_no_privacy_step():
    assert reading_of("Pipe leak detection").role != "pii_scrubber"
