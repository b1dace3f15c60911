"""The group around a box, and check words read by the design they are in (docs/roles.md); invented labels."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from


def roles_of(source: str) -> dict[str, tuple[str, str]]:
    design = design_from(source, "mermaid", "design.mmd")
    return {node: (a.role, a.how) for node, a in assign_roles(design).items()}


def grouped(group: str, member: str) -> str:
    return f'flowchart LR\n  u["Customer"] --> m\n  subgraph g["{group}"]\n    m["{member}"]\n  end\n  m --> llm["LLM"]\n'


@pytest.mark.parametrize(
    ("group", "member", "role"),
    [
        ("Guardrail Layer", "Dosage Checker", "safety_filter"),
        ("Vector Store", "Shard Writer", "retrieval"),
        ("Feature Store", "Write Path", "data_store"),
        ("Audit Trail Tier", "Entry Appender", "audit_log"),
    ],
)
def test_a_box_whose_words_name_nothing_takes_the_role_its_group_is(group, member, role):
    assert roles_of(grouped(group, member))["m"] == (role, "group")


@pytest.mark.parametrize(
    ("group", "member"),
    [
        ("Queue-Based Scaling", "Pod spawner"),  # the group is a scaling, "queue" only describes it
        ("Memory Kinds", "Episodic notes"),  # the role word is not the group's last word
        ("Billing Server", "Invoice Poller"),  # a generic title names no role
        ("LLM Core", "Sparse Attention"),  # the parts of a model are not more models
        ("End Users", "Load Generator"),  # people are not read from groups
        ("Rules Engine", "Session Keeper"),  # nor the application: its group holds code of every kind
        ("Feature Store", "120 rows/s"),  # a figure about the group, not a member
        ("MCP Servers", "..."),  # a placeholder for more of the same
        ("Guardrail Layer", "…"),
    ],
)
def test_groups_that_name_no_role_of_their_members_give_none(group, member):
    assert roles_of(grouped(group, member))["m"][0] == "unknown"


def test_a_box_that_names_its_own_role_keeps_it_in_any_group():
    assert roles_of(grouped("Guardrail Layer", "Redis cache"))["m"] == ("data_store", "label")


@pytest.mark.parametrize("member", ["search_orders", "write_to_cache", "getUserProfile"])
def test_a_function_among_tools_is_one_of_the_tools_whatever_it_acts_on(member):
    assert roles_of(grouped("MCP Servers", member))["m"] == ("tool_executor", "group")


def test_a_function_keeps_its_words_in_a_group_of_another_role():
    assert roles_of(grouped("Guardrail Layer", "write_to_cache"))["m"] == ("data_store", "label")


def test_an_outer_group_names_the_role_when_the_inner_one_names_none():
    source = (
        'flowchart LR\n  u["Customer"] --> m\n  subgraph outer["Safety Layer"]\n'
        '    subgraph inner["Stage A"]\n      m["Dosage Checker"]\n    end\n  end\n  m --> llm["LLM"]\n'
    )
    assert roles_of(source)["m"] == ("safety_filter", "group")


@pytest.mark.parametrize("label", ["Validate + Run", "Payload validation", "Evaluate routing rules", "Input validator"])
def test_check_words_are_no_model_evaluation_in_a_design_that_makes_no_model(label):
    source = f'flowchart LR\n  u["Customer"] --> c["{label}"] --> llm["LLM"]\n'
    assert roles_of(source)["c"][0] != "evaluation"


@pytest.mark.parametrize("label", ["Validate candidate", "Offline evaluator"])
def test_check_words_are_the_evaluation_beside_training_or_a_release(label):
    source = f'flowchart LR\n  t["Retraining job"] --> c["{label}"] --> d["Deploy"]\n'
    assert roles_of(source)["c"] == ("evaluation", "label")


@pytest.mark.parametrize("label", ["Validate model", "Run evaluations", "Evaluation", "Answer evaluator"])
def test_a_named_model_or_the_noun_evaluation_stays_evaluation_in_any_design(label):
    source = f'flowchart LR\n  u["Customer"] --> c["{label}"] --> llm["LLM"]\n'
    assert roles_of(source)["c"][0] == "evaluation"


def test_tests_are_no_model_evaluation_where_only_a_release_step_is_drawn():
    # "Build -> Run tests -> Deploy" is code CI: a release step ships code as often as models.
    source = 'flowchart LR\n  b["Build image"] --> t["Run tests"] --> d["Deploy to prod"]\n  m["Model tests"] --> d\n'
    assert {n: roles_of(source)[n] for n in ("t", "m", "d")} == {
        "t": ("unknown", "unknown"),
        "m": ("evaluation", "label"),
        "d": ("deployment_controller", "label"),
    }


@pytest.mark.parametrize("maker", ["Retraining job", "Model registry", "A/B experiment"])
def test_tests_are_the_evaluation_where_models_are_made(maker):
    source = f'flowchart LR\n  t["{maker}"] --> c["Run tests"] --> d["Deploy"]\n'
    assert roles_of(source)["c"] == ("evaluation", "label")


@pytest.mark.parametrize(
    ("label", "kind"),
    [("Unit tests", "unit tests"), ("Run E2E tests", "e2e tests"), ("End-to-end test suite", "end-to-end test suite"), ("Smoke tests", "smoke tests")],
)
def test_tests_of_code_are_no_evaluation_in_any_design(label, kind):
    source = f'flowchart LR\n  t["Retraining job"] --> c["{label}"] --> d["Deploy"]\n'
    design = design_from(source, "mermaid", "design.mmd")
    assignment = assign_roles(design)["c"]
    assert (assignment.role, assignment.reason) == ("unknown", f"unknown: tests code ({kind}), not a model")


def test_a_quality_gate_is_no_evaluation_where_no_model_is_made():
    # A gate on the quality of cleaned data, in a data pipeline, checks no model.
    source = 'flowchart LR\n  c["Clean records"] --> q["Quality Gate<br/>completeness >= 0.9"] --> p["Publish table"]\n  m["Model quality gate"] --> p\n'
    assert roles_of(source)["q"][0] == "unknown"
    assert roles_of(source)["m"] == ("evaluation", "label")


def test_a_quality_gate_is_the_evaluation_where_models_are_made():
    source = 'flowchart LR\n  t["Fine-tuning job"] --> q["Quality gate"] --> d["Deploy"]\n'
    assert roles_of(source)["q"] == ("evaluation", "label")


@pytest.mark.parametrize("label", ["Code quality gate", "CI: code quality gates"])
def test_a_quality_gate_on_code_is_no_evaluation_in_any_design(label):
    source = f'flowchart LR\n  t["Fine-tuning job"] --> c["{label}"] --> d["Deploy"]\n'
    assert roles_of(source)["c"][0] == "unknown"


def test_a_validation_group_of_a_serving_flow_names_no_evaluation():
    assert roles_of(grouped("Validation Layer", "Dosage Checker"))["m"][0] == "unknown"


@pytest.mark.parametrize(
    ("label", "monitors"),
    [
        ("Drift dashboard", True),
        ("Model metrics dashboard", True),
        ("Usage analytics", True),
        ("Admin dashboard", False),
        ("Analytics dashboard", False),
        ("Sales dashboards", False),
    ],
)
def test_a_dashboard_monitors_only_where_it_names_what_it_watches(label, monitors):
    roles = roles_of(f'flowchart LR\n  llm["LLM"] --> d["{label}"]\n')
    assert (roles["d"][0] == "monitoring") is monitors


def sources(member: str, group: str = "Data Sources", fed: bool = False) -> str:
    feeder = '  etl["Nightly export"] --> m\n' if fed else ""
    return f'flowchart LR\n{feeder}  subgraph g["{group}"]\n    m["{member}"]\n  end\n  m --> p["Feature Engineering"]\n'


@pytest.mark.parametrize("member", ["Orders DB", "Clickstream Kafka", "Partner APIs", "Billing service"])
def test_a_store_or_an_outside_api_where_the_flow_starts_in_a_sources_group_is_a_data_source(member):
    assert roles_of(sources(member))["m"] == ("data_source", "group")


@pytest.mark.parametrize(
    ("member", "group", "fed", "role"),
    [
        ("Orders DB", "Data Sources", True, "data_store"),  # fed by an export: the flow does not start there
        ("Orders DB", "Storage Layer", False, "data_store"),  # a group that names no source
        ("Vector index", "Data Sources", False, "retrieval"),  # only stores and outside APIs enter this way
    ],
)
def test_a_store_keeps_its_words_off_the_start_or_outside_a_sources_group(member, group, fed, role):
    assert roles_of(sources(member, group, fed))["m"][0] == role


@pytest.mark.parametrize(
    ("group", "member", "role"),
    [
        ("MCP Servers", "Billing Server B", "tool_executor"),  # one of the servers the group is named for
        ("Identity Provider", "Application Roster", "auth"),  # the provider's list of applications, not an app
        ("Ticket Tools", "/tickets · /comments", "tool_executor"),  # the routes of the tool server drawn around them
    ],
)
def test_a_box_named_only_by_a_generic_title_or_a_route_is_a_member_of_its_group(group, member, role):
    assert roles_of(grouped(group, member))["m"] == (role, "group")


@pytest.mark.parametrize(
    ("group", "member", "role"),
    [
        ("MCP Servers", "Chat Service", "application"),  # a phrase of its own, not a bare title
        ("Billing Server", "Invoice Server", "application"),  # a group with a generic title names no role
        ("Gateway Layer", "Routing Service", "application"),  # a gateway's code that routes nothing by name
    ],
)
def test_a_box_with_words_of_its_own_or_in_a_generic_group_keeps_them(group, member, role):
    assert roles_of(grouped(group, member))["m"][0] == role


def test_valid_asks_a_model_check_only_where_models_are_made():
    serving = 'flowchart LR\n  s["Start server"] --> v{"All env vars valid?"} --> a["Accept traffic"]\n'
    assert roles_of(serving)["v"][0] == "unknown"
    lifecycle = 'flowchart LR\n  t["Retraining job"] --> v{"Candidate valid?"} --> d["Deploy"]\n'
    assert roles_of(lifecycle)["v"][0] == "evaluation"
