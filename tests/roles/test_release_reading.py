"""The release side of reading (docs/roles.md): released models, release words, traffic splits; each rule
on labels and designs invented for these tests."""

from __future__ import annotations

from aidlint.roles.infer import assign_roles

from ..helpers import design_from


def roles_of(source: str) -> dict[str, tuple[str, str, str]]:
    return {node_id: (a.role, a.strength, a.reason) for node_id, a in assign_roles(design_from(source)).items()}


def test_with_no_model_drawn_the_serving_box_a_release_feeds_runs_the_model():
    roles = roles_of(
        """
        train "Nightly training"
        reg "Model registry"
        api "Orders API"
        train -> reg -> api
        """
    )
    assert roles["api"] == ("model_inference", "structure", "structure: fed by reg (model_registry), so it is the model being served")


def test_a_release_never_makes_a_store_a_source_a_tool_or_access_control_a_model():
    roles = roles_of(
        """
        reg "Model registry"
        deploy "Deploy"
        blobs "Artifact bucket"
        feed "Raw data"
        tools "Tools"
        login "Login"
        reg -> blobs
        reg -> deploy
        deploy -> feed
        deploy -> tools
        deploy -> login
        """
    )
    assert {n: roles[n][:2] for n in ("blobs", "feed", "tools", "login")} == {
        "blobs": ("data_store", "name"),
        "feed": ("data_source", "name"),
        "tools": ("tool_executor", "name"),
        "login": ("auth", "name"),
    }


def test_where_a_model_is_drawn_what_a_release_feeds_beside_it_keeps_its_words():
    roles = roles_of(
        """
        reg "Model registry"
        rollout "Canary rollout"
        llm "Scoring LLM"
        api "Orders API"
        chg "Changelog"
        reg -> rollout -> llm
        rollout -> api
        rollout -> chg
        """
    )
    assert (roles["llm"][0], roles["api"][:2], roles["chg"][:2]) == (
        "model_inference",
        ("application", "name"),
        ("unknown", "none"),
    )


def test_a_declared_model_counts_as_drawn():
    roles = roles_of(
        """
        reg "Model registry"
        m: model_inference "Ranker v2"
        api "Orders API"
        reg -> m
        reg -> api
        """
    )
    assert roles["api"][:2] == ("application", "name")
