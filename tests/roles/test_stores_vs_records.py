"""Places that keep data against records and artefacts that pass through the flow (docs/roles.md,
"Events and reports after data words"); invented labels."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of


@pytest.mark.parametrize(
    "label",
    ["Billing Events", "Checkout events<br/>per session", "HTML / JSON Reports", "Parquet reports"],
)
def test_an_event_or_a_report_after_data_words_is_a_record(label):
    assert reading_of(label).role == "unknown"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Event Bus", "data_store"),  # the bus keeps the events
        ("Event Broker (NATS)", "data_store"),
        ("Log Event", "data_store"),  # a step that writes the log stands for it
        ("Drift Reports", "monitoring"),  # a word of another role keeps it
        ("Kafka events", "data_store"),  # the store named as written before the event
    ],
)
def test_stores_and_other_roles_keep_their_reading(label, role):
    assert reading_of(label).role == role


def test_events_among_data_sources_where_the_flow_starts_are_the_source():
    source = (
        'flowchart LR\n  subgraph g["Data Sources"]\n    e["Payment Events"]\n  end\n'
        '  e --> p["Fraud scorer"]\n  p --> db[("Scores DB")]\n'
    )
    design = design_from(source, "mermaid", "design.mmd")
    assert assign_roles(design)["e"].role == "data_source"
