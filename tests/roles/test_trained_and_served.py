"""Training that feeds a serving box straight hands it the model, where no model is drawn (roles/lifecycle.py)."""

from __future__ import annotations

from aidlint.roles.assignment import for_the_rules
from aidlint.roles.infer import assign_roles
from tests.helpers import check, design_from

RECOMMENDER = """
flowchart LR
  Web[Web App] --> GW[API Gateway] --> ML["ML Service<br/>Python FastAPI"]
  ML --> Redis[(Redis)]
  Training[Model Training] --> ML
"""


def test_the_service_training_feeds_serves_the_model_for_the_rules():
    design = design_from(RECOMMENDER, "mermaid", "d.mmd")
    shown = assign_roles(design)
    assert shown["ML"].role == "application"
    read = for_the_rules(shown)
    assert (read["ML"].role, read["ML"].how, read["ML"].matched) == ("model_inference", "structure", "Training (training_pipeline)")
    assert read["Redis"].role == "data_store"


def test_the_gaps_of_the_served_model_are_found():
    found = {f.rule_id for f in check(RECOMMENDER, profile="classic-ml", fmt="mermaid", path="d.mmd")}
    assert {"LCY001", "LCY002", "OBS001"} <= found


def test_where_a_model_is_drawn_the_service_stays_what_its_words_say():
    drawn = RECOMMENDER + '  ML --> Ranker["Ranking model"]\n'
    read = for_the_rules(assign_roles(design_from(drawn, "mermaid", "d.mmd")))
    assert read["ML"].role == "application"
    assert read["Ranker"].role == "model_inference"


def test_a_release_verb_before_a_store_is_the_release_step():
    from tests.helpers import reading_of

    assert [(reading_of(label).role, reading_of(label).matched) for label in ("Deploy to S3", "Promote to S3", "S3 bucket")] == [
        ("deployment_controller", "deploy"),
        ("deployment_controller", "promote"),
        ("data_store", "S3 bucket"),
    ]


def test_a_guard_word_beside_a_web_framework_names_the_box():
    design = design_from(
        'flowchart LR\n  U[Customer] --> G["FastAPI guardrails"] --> A["FastAPI: SSE, JWT, rate limits"] --> B["FastAPI backend"]\n',
        "mermaid",
        "d.mmd",
    )
    roles = assign_roles(design)
    assert {node: roles[node].role for node in ("G", "A", "B")} == {"G": "safety_filter", "A": "application", "B": "application"}
    assert roles["G"].tie_rule == "a guard word beside a web framework names what the box does"
