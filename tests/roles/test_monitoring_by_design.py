"""Boxes read by the design they are drawn in: generic monitors, checks of an answer (docs/roles.md, "Order"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import mermaid_roles as roles_of


SERVING = 'flowchart LR\n  u["Shopper"] --> api["Orders API"] --> m["Churn classifier"]\n'


def test_generic_monitors_drawn_apart_from_a_model_monitor_watch_the_machines():
    source = SERVING + '  m --> d["Prediction drift monitor"]\n  p["Prometheus"] --> g["Grafana"] --> a["Pager alerts"]\n  t["Zipkin"]\n'
    roles = roles_of(source)
    assert (roles["d"], roles["p"], roles["g"], roles["t"]) == ("monitoring", "infra_monitoring", "infra_monitoring", "infra_monitoring")


def test_a_generic_monitor_linked_to_another_box_or_to_the_model_monitor_keeps_its_words():
    source = SERVING + '  m --> d["Prediction drift monitor"]\n  api --> p["Prometheus"]\n  d --> g["Grafana"]\n'
    roles = roles_of(source)
    assert (roles["p"], roles["g"]) == ("monitoring", "monitoring")


def test_without_a_monitor_of_the_model_a_generic_monitor_drawn_apart_keeps_its_words():
    assert roles_of(SERVING + '  p["Prometheus"]\n')["p"] == "monitoring"


@pytest.mark.parametrize(
    "source",
    [
        'q["Customer question"] --> r["Policy retriever"] --> v["Grounding verification"] --> a["Answer"]',
        'u["Shopper"] --> llm["GPT-4o"] --> v["Citation validator"] --> a["Final answer"]',
        # a check named before a generic title: the title says what kind of box makes the check
        'u["Shopper"] --> llm["GPT-4o"] --> v["Verifier Agent<br/>policy check"] --> a["Final answer"]',
        'u["Shopper"] --> llm["GPT-4o"] --> v["Verification loop<br/>retry on fail"] --> a["Final answer"]',
    ],
)
def test_a_check_of_a_result_after_a_model_or_retrieval_is_an_output_filter(source):
    assert roles_of(f"flowchart LR\n  {source}\n")["v"] == "safety_filter"


@pytest.mark.parametrize(
    "source",
    [
        'u["Shopper"] --> v["Payload verification"] --> llm["GPT-4o"]',  # before any model: a request check
        'u["Shopper"] --> v["Verification loop"] --> llm["GPT-4o"]',
        'u["Shopper"] --> llm["GPT-4o"] --> v["Health check"]',  # "check" alone checks no answer
        't["Model training"] --> m["Fraud model"] --> v["Verification"]',  # a design that makes models
    ],
)
def test_checks_before_any_model_or_in_a_design_that_makes_models_are_no_output_filter(source):
    assert roles_of(f"flowchart LR\n  {source}\n")["v"] == "unknown"


CHECK_GROUP = '  subgraph g["Answer Validation Layer"]\n    c1["Dosage check"] --> c2["Claim matcher"]\n  end\n'
SCORER_IN_CHECK_GROUP = '  subgraph g["Verification — per answer"]\n    c1["Dosage check"] --> s["Certainty scorer"]\n  end\n'


def test_unread_boxes_in_a_group_named_for_a_check_after_a_model_check_the_answer():
    roles = roles_of('flowchart LR\n  u["Shopper"] --> llm["GPT-4o"] --> c1\n' + CHECK_GROUP + '  c2 --> a["Final answer"]\n')
    assert (roles["c1"], roles["c2"]) == ("safety_filter", "safety_filter")


def test_a_scorer_in_a_check_group_after_a_model_scores_the_answer_for_the_check():
    roles = roles_of('flowchart LR\n  u["Shopper"] --> llm["GPT-4o"] --> c1\n' + SCORER_IN_CHECK_GROUP)
    assert (roles["c1"], roles["s"]) == ("safety_filter", "safety_filter")


def test_a_scorer_outside_a_check_group_is_a_model():
    assert roles_of('flowchart LR\n  u["Shopper"] --> llm["GPT-4o"] --> s["Certainty scorer"]\n')["s"] == "model_inference"


def test_a_check_group_before_any_model_checks_a_request_and_leaves_its_boxes_unread():
    roles = roles_of('flowchart LR\n  u["Shopper"] --> c1\n  c2 --> llm["GPT-4o"]\n' + CHECK_GROUP)
    assert (roles["c1"], roles["c2"]) == ("unknown", "unknown")


def test_a_check_group_in_a_design_that_makes_models_is_the_model_evaluation():
    roles = roles_of('flowchart LR\n  t["Model training"] --> m["Fraud model"] --> c1\n' + CHECK_GROUP)
    assert (roles["c1"], roles["c2"]) == ("evaluation", "evaluation")


def test_an_agent_named_for_a_check_before_any_model_stays_the_application():
    assert roles_of('flowchart LR\n  u["Shopper"] --> v["Verifier Agent"] --> llm["GPT-4o"]\n')["v"] == "application"


def test_a_drawing_of_monitors_alone_says_nothing_of_what_they_watch():
    # No servers drawn: the stack is not read as watching machines (with servers drawn, it is).
    source = 'flowchart LR\n  a["Telemetry adapter"] --> j["Jaeger"]\n  a --> g["Grafana"]\n'
    assert (roles_of(source)["j"], roles_of(source)["g"]) == ("monitoring", "monitoring")
    servers = source + '  fs["Feature server"] --> a\n'
    assert (roles_of(servers)["j"], roles_of(servers)["g"]) == ("infra_monitoring", "infra_monitoring")


def test_the_parts_of_an_opentelemetry_collector_are_monitoring():
    source = (
        'flowchart LR\n  app["Chat service"] --> r\n  subgraph c["OpenTelemetry Collector"]\n'
        '    r["Receivers"] --> x["Batchers"]\n  end\n  x --> t["Tempo"]\n'
    )
    assert (roles_of(source)["r"], roles_of(source)["x"]) == ("monitoring", "monitoring")


@pytest.mark.parametrize("label", ["Token counter", "Cost tracking", "Usage accounting", "Cost calculator", "Spend tracker"])
def test_counting_what_model_calls_use_is_monitoring_where_the_design_watches_its_model(label):
    source = SERVING + f'  m --> d["Prediction drift monitor"]\n  api --> c["{label}"]\n'
    assert roles_of(source)["c"] == "monitoring"


@pytest.mark.parametrize("label", ["Token counter", "Cost tracking", "Usage accounting"])
def test_counting_spend_where_nothing_watches_is_no_monitor(label):
    # The usage count alone must not stand in for the monitor the design lacks.
    assert roles_of(SERVING + f'  api --> c["{label}"]\n')["c"] != "monitoring"


def test_only_a_head_made_of_what_calls_use_counts_it():
    source = SERVING + '  m --> d["Prediction drift monitor"]\n  api --> e["Event tracking"]\n  api --> r["Error counter"]\n'
    roles = roles_of(source)
    assert (roles["e"], roles["r"]) == ("unknown", "unknown")


@pytest.mark.parametrize("label", ["Analytics", "Analytics engine", "Analytics service", "Analytics Module"])
def test_an_analytics_box_beside_a_monitor_analyses_what_the_model_did(label):
    source = SERVING + f'  m --> d["Prediction drift monitor"]\n  api --> c["{label}"]\n'
    assert roles_of(source)["c"] == "monitoring"


@pytest.mark.parametrize(
    ("source", "node"),
    [
        (SERVING + '  api --> c["Analytics engine"]\n', "c"),  # nothing watches: no monitor to be part of
        (SERVING + '  m --> d["Prediction drift monitor"]\n  api --> c["Sales analytics warehouse"]\n', "c"),
        (SERVING + '  m --> d["Prediction drift monitor"]\n  api --> c["Clickstream analytics"]\n', "c"),
    ],
)
def test_analytics_where_nothing_watches_or_of_something_named_is_no_monitor(source, node):
    assert roles_of(source)[node] != "monitoring"


@pytest.mark.parametrize("label", ["Dashboard", "Trace UI", "Ops dashboard :8080", "Run visualization"])
def test_a_screen_that_a_monitor_feeds_is_the_monitors_front(label):
    source = SERVING + f'  m --> d["Prediction drift monitor"] --> s["{label}"]\n'
    assert roles_of(source)["s"] == "monitoring"


def test_a_screen_takes_the_side_of_the_monitor_that_feeds_it():
    source = 'flowchart LR\n  fs["Feature server"] --> p["Prometheus"] --> s["Dashboard"]\n'
    assert (roles_of(source)["p"], roles_of(source)["s"]) == ("infra_monitoring", "infra_monitoring")


@pytest.mark.parametrize(
    "source",
    [
        '  m --> d["Prediction drift monitor"] --> s["Chat UI"]\n',  # a screen its words name
        '  s["Dashboard"] --> api\n',  # no monitor feeds it
        '  m --> d["Prediction drift monitor"] --> s["Retraining job"]\n',  # no screen
    ],
)
def test_screens_its_words_name_or_no_monitor_feeds_keep_their_reading(source):
    assert roles_of(SERVING + source)["s"] != "monitoring"
