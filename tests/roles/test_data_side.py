"""The data side of a design: stores, retrieval and where data enters (docs/roles.md); invented labels."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of


def role_of(label: str) -> str:
    return reading_of(label).role


@pytest.mark.parametrize(
    "label",
    [
        "Knowledge Service",
        "Policy knowledge service",
        "Knowledge query<br/>service",
        "Knowledge Query API",
    ],
)
def test_a_service_or_query_named_after_knowledge_is_the_retrieval(label):
    assert role_of(label) == "retrieval"


def test_a_knowledge_query_service_between_agent_and_model_is_the_retrieval():
    design = design_from(
        'flowchart LR\n  A["Support agent"] --> K["Knowledge query<br/>service"]\n  K --> L["GPT-4o"]\n',
        "mermaid",
        "d.mmd",
    )
    assert assign_roles(design)["K"].role == "retrieval"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Dataset Service", "application"),  # a service in front of data that is no knowledge base stays code
        ("Knowledge Sources", "data_source"),  # where knowledge comes from, not where it is searched
    ],
)
def test_other_services_and_sources_of_knowledge_keep_their_reading(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize("label", ["RFID Readers", "Dock barcode scanners", "Wearable devices", "Wearable sensor<br/>heart rate"])
def test_a_device_that_reads_is_where_data_enters(label):
    assert role_of(label) == "data_source"


@pytest.mark.parametrize(("label", "role"), [("Wearable app", "application"), ("RFID Adapter", "unknown")])
def test_code_named_after_such_a_device_keeps_its_own_reading(label, role):
    # "RFID" alone names no device that reads: an adapter for one is code (its words give it no role)
    assert role_of(label) == role


@pytest.mark.parametrize("label", ["Bronze raw", "Bronze layer<br/>(raw events)", "Silver tables", "Gold features via dbt", "Gold layer"])
def test_a_lakehouse_layer_is_a_store(label):
    assert role_of(label) == "data_store"


@pytest.mark.parametrize("label", ["Gold plan", "gold answer", "Bronze → Silver<br/>Transform", "Silver tier"])
def test_a_tier_a_grade_or_a_transform_between_layers_is_no_store(label):
    assert role_of(label) == "unknown"


@pytest.mark.parametrize("label", ["Orchestration State", "Agent state", "Workflow state<br/>DynamoDB", "Conversation state", "State store"])
def test_the_state_an_orchestrator_keeps_is_a_store(label):
    assert role_of(label) == "data_store"


@pytest.mark.parametrize(("label", "role"), [("Update State:<br/>- retry counter", "unknown"), ("State Manager", "unknown"), ("Session State Manager", "application")])
def test_a_step_or_code_on_state_is_no_store(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(("label", "role"), [("Sensor data stream", "data_source"), ("Live camera stream", "data_source"), ("Stream processor", "unknown")])
def test_a_stream_beside_what_flows_in_it_is_data_entering(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize("label", ["Output Stream", "Stream Terminated", "Stream"])
def test_a_stream_a_program_writes_out_is_no_source(label):
    assert role_of(label) == "unknown"


def test_a_group_named_streaming_still_holds_the_sources():
    design = design_from(
        'flowchart LR\n  subgraph S["Streaming"]\n    R["Replay worker"]\n  end\n  R --> M["Fraud classifier"]\n',
        "mermaid",
        "d.mmd",
    )
    assert assign_roles(design)["R"].role == "data_source"


@pytest.mark.parametrize(("label", "role"), [("Web Scrapper", "data_source"), ("PriceListScrapper", "data_source"), ("Scrapping", "unknown"), ("Scrapped items", "unknown")])
def test_a_misspelt_scraper_is_the_scraper(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(("label", "role"), [("External Sites<br/>(news, filings)", "data_source"), ("Third-party websites", "data_source"), ("Company website", "unknown")])
def test_sites_outside_the_system_are_where_content_comes_from(label, role):
    assert role_of(label) == role


def test_csv_files_where_the_flow_starts_are_where_data_enters():
    design = design_from(
        'flowchart LR\n  A["Raw invoices CSV"] --> P["Cleaning job"]\n  P --> S[("exports.csv store")]\n'
        '  S --> T["Model training"]\n  B["Monthly sales CSVs"] --> P\n',
        "mermaid",
        "d.mmd",
    )
    roles = assign_roles(design)
    # CSV files where the flow starts are the data it reads in; a CSV store fed by a step stays a store
    assert (roles["A"].role, roles["B"].role, roles["S"].role) == ("data_source", "data_source", "data_store")


def test_the_data_a_drift_check_compares_where_the_flow_starts_is_where_data_enters():
    design = design_from(
        'flowchart LR\n  R["Baseline distribution"] --> D["Drift check"]\n  W["Hourly windows"] --> D\n'
        '  D --> P["Pager"]\n',
        "mermaid",
        "d.mmd",
    )
    roles = assign_roles(design)
    assert (roles["R"].role, roles["W"].role) == ("data_source", "data_source")


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("NASA C-MAPSS FD003", "data_source"),
        ("MNIST digits", "data_source"),
        ("ImageNet-1k subset", "data_source"),
        ("Common Crawl snapshot", "data_source"),
        ("MovieLens 25M", "data_source"),
        ("Kaggle datasets", "data_source"),
        ("ResNet-50 trained on ImageNet", "model_inference"),  # the model named with its data stays the model
    ],
)
def test_well_known_public_datasets_are_the_data_a_flow_is_fed(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Input files<br/>.pdf .docx", "data_source"),
        ("Source texts", "data_source"),
        ("Input documents bucket", "data_store"),  # kept in a named store, the store
        ("Source Documents DB", "data_store"),
    ],
)
def test_data_named_as_fed_in_is_where_data_enters(label, role):
    assert role_of(label) == role


def test_input_files_a_pipeline_points_at_are_still_its_input():
    design = design_from('flowchart LR\n  P["Redaction pipeline"] --> I["Input files<br/>.pdf .docx"]\n', "mermaid", "d.mmd")
    assert assign_roles(design)["I"].role == "data_source"
