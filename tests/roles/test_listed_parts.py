"""A box whose head lists several components counts as each where a rule asks for one (roles/parts.py)."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles
from tests.helpers import check, design_from, summary


def parts_of(source: str) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    assigned = assign_roles(design_from(source, "mermaid", "design.mmd"))
    return {node: (a.role, a.how, a.parts) for node, a in assigned.items()}


@pytest.mark.parametrize(
    ("label", "role", "parts"),
    [
        ("Auth & Rate Limiting", "auth", ("rate_limiter",)),
        ("API Gateway + Guardrails", "api_gateway", ("safety_filter",)),
        ("Model registry + promotion gate", "model_registry", ("evaluation",)),
        ("Model Training and Validation", "training_pipeline", ("evaluation",)),
        ("Monitoring & Alerts", "monitoring", ("alerting",)),
        # one item, or items the rules never ask for on the way: no parts
        ("Rate Limiter", "rate_limiter", ()),
        ("Redis + Postgres", "data_store", ()),
        # a slash joins no items: a data split is one step, not training beside a test
        ("Train / Test Split", "unknown", ()),
    ],
)
def test_each_listed_item_the_rules_ask_for_is_a_part(label, role, parts):
    found = parts_of(f'flowchart LR\n  U[User] --> B["{label}"] --> M[LLM]\n')
    assert (found["B"][0], found["B"][2]) == (role, parts)


def test_a_box_marked_absent_or_a_declared_box_has_no_parts():
    found = parts_of(
        "flowchart LR\n"
        '  U[User] --> Q["Auth & Rate Limiting (TODO)"] --> G["Auth & Rate Limiting"] --> M[LLM]\n'
        "  %% aidlint: role G=api_gateway\n"
    )
    assert found["Q"][1:] == ("absent", ())
    assert found["G"] == ("api_gateway", "declared", ())


def test_a_listed_guard_on_the_way_satisfies_the_rule():
    guarded = 'flowchart LR\n  U[Customer] --> G["API Gateway + Guardrails"] --> M[LLM]\n'
    bare = 'flowchart LR\n  U[Customer] --> G["API Gateway"] --> M[LLM]\n'
    assert "SAF001" not in [f.rule_id for f in check(guarded, fmt="mermaid", path="d.mmd")]
    assert [(rule, witness) for rule, _, _, _, witness in summary(check(bare, fmt="mermaid", path="d.mmd")) if rule == "SAF001"] == [
        ("SAF001", ["U", "G", "M"])
    ]


def test_a_box_that_does_what_the_path_needs_satisfies_it_where_the_path_starts():
    design = (
        "flowchart LR\n"
        '  T["Model Training and Validation"] --> R[Model Registry] --> S["Model Serving"]\n'
    )
    assert "LCY002" not in [f.rule_id for f in check(design, fmt="mermaid", path="d.mmd")]
    plain = design.replace("Model Training and Validation", "Model Training")
    assert "LCY002" in [f.rule_id for f in check(plain, fmt="mermaid", path="d.mmd")]


def test_monitoring_that_lists_alerts_alerts():
    design = 'flowchart LR\n  U[Customer] --> M[LLM]\n  M --> W["Monitoring & Alerts"]\n'
    assert "OBS002" not in [f.rule_id for f in check(design, fmt="mermaid", path="d.mmd")]
    assert "OBS002" in [f.rule_id for f in check(design.replace(" & Alerts", ""), fmt="mermaid", path="d.mmd")]


def test_parts_never_make_a_subject():
    # "Support + LLM" lists a model word, but only the rules' own subjects raise findings: the box is
    # the application, and a model is no part (roles/parts.py, PART_ROLES), so no rule about models fires on it.
    found = parts_of('flowchart LR\n  U[Customer] --> A["Support App + LLM"]\n')
    assert found["A"][2] == ()


def test_roles_output_names_the_parts():
    (assignment,) = [a for n, a in assign_roles(design_from('flowchart LR\n  U[User] --> B["Auth & Rate Limiting"]\n', "mermaid", "d.mmd")).items() if n == "B"]
    assert assignment.shown_reason.endswith("; also lists rate_limiter, which count where a rule asks for one")
