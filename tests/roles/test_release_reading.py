"""The release side of reading (docs/roles.md): released models, release words, traffic splits; each rule
on labels and designs invented for these tests."""

from __future__ import annotations

import pytest

from aidlint.roles.assignment import for_the_rules
from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of


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
    assert roles["api"] == ("application", "name", 'matched "API" in label')
    checked = for_the_rules(assign_roles(design_from('train "Nightly training"\nreg "Model registry"\napi "Orders API"\ntrain -> reg -> api\n')))
    assert (checked["api"].role, checked["api"].strength, checked["api"].reason) == (
        "model_inference", "structure", "structure: fed by reg (model_registry), so it is the model being served"
    )


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


def read(label: str) -> tuple[str, str, str | None]:
    assignment = reading_of(label)
    return assignment.role, assignment.how, assignment.matched


def test_a_group_named_by_a_release_arrangement_lends_no_release_role():
    roles = roles_of(
        """
        group "Build & Deployment" {
          img "Docker images"
          files "Compose files"
        }
        group "Traffic Split" {
          a "Variant A"
          b "Variant B"
        }
        group "Rollout" {
          ramp "Shift 10 percent"
        }
        """
    )
    assert {n: roles[n][0] for n in ("img", "files", "a", "b", "ramp")} == {
        "img": "unknown",
        "files": "unknown",
        "a": "unknown",
        "b": "unknown",
        "ramp": "deployment_controller",
    }


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # The random split that assigns traffic is the experiment, drawn as a box or as a diamond.
        ("Random assignment", ("experimentation", "label", "random assignment")),
        ("Traffic allocation service", ("experimentation", "label", "traffic allocation")),
        ("Randomization?", ("experimentation", "label", "randomization")),
        # The versions a release compares are served models; promoting one is the release step.
        ("Champion model", ("model_inference", "label", "champion")),
        ("Challenger", ("model_inference", "label", "challenger")),
        ("Shadow model", ("model_inference", "label", "shadow model")),
        ("Promote challenger", ("deployment_controller", "label", "promote")),
        # A gate, comparison or analysis on a release decides whether a version goes on: evaluation.
        ("Canary gates", ("evaluation", "label", "gate")),
        ("Deployment gate", ("evaluation", "label", "gate")),
        ("Shadow comparison", ("evaluation", "label", "comparison")),
        ("Canary analysis", ("evaluation", "label", "analysis")),
        ("Cost analysis", ("unknown", "unknown", None)),
        # A service mesh releases only where it shifts traffic.
        ("Istio Gateway", ("api_gateway", "label", "gateway")),
        ("Istio", ("unknown", "unknown", None)),
        ("Istio traffic shift 90/10", ("deployment_controller", "label", "traffic shift")),
        # Named strategies and cutovers are release steps; a verb that stops a release is an outcome.
        ("Rolling update", ("deployment_controller", "label", "rolling update")),
        ("Switch traffic to green", ("deployment_controller", "label", "switch traffic")),
        ("Hold rollout", ("unknown", "step", "rollout")),
        ("Pause deployment", ("unknown", "step", "deployment")),
        # The noun "deployment" is what runs somewhere; the verb and the phrases stay release steps.
        ("Deployment fraud-scorer-predictor<br>3 replicas", ("model_inference", "label", "predictor")),
        ("Redis deployment", ("data_store", "label", "Redis")),
        ("Deployment", ("deployment_controller", "label", "deployment")),
        ("Continuous deployment", ("deployment_controller", "label", "deployment")),
        ("Model deployment", ("deployment_controller", "label", "model deployment")),
        ("Deploy predictor", ("deployment_controller", "label", "deploy")),
        # "Actions" are an agent's tools only beside a word of acting; a CI service is what its detail says.
        ("GitHub Actions<br>(Build & Deploy)", ("deployment_controller", "label", "deploy")),
        ("Quick actions", ("unknown", "unknown", None)),
        ("Execute action", ("tool_executor", "label", "actions")),
    ],
)
def test_release_words_in_the_sense_they_name(label, expected):
    assert read(label) == expected


def test_a_router_between_versions_of_a_model_is_the_experiment():
    roles = roles_of(
        """
        u "Customer"
        r "Serving router"
        champ "Champion model"
        chall "Challenger model"
        pick "Request router"
        a "Billing LLM"
        b "Support LLM"
        u -> r
        r -> champ
        r -> chall
        u -> pick
        pick -> a
        pick -> b
        """
    )
    assert roles["r"] == ("experimentation", "position", "position: a router that splits traffic between versions of a model")
    assert roles["pick"][0] == "application"


def test_an_unread_registration_step_after_training_or_evaluation_is_the_model_registry():
    roles = roles_of(
        """
        train "Nightly training"
        check "Offline evaluation"
        reg "Registration component"
        signup "Registration form"
        u "Customer"
        train -> check -> reg
        u -> signup
        """
    )
    assert roles["reg"] == ("model_registry", "position", "position: registering what training or evaluation made")
    assert roles["signup"][0] != "model_registry"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # a Helm chart installs what it names: the release, whatever runs after it
        ("Ollama Helm chart", "deployment_controller"),
        ("Qdrant Helm Chart<br>values-prod.yaml", "deployment_controller"),
        # where charts are kept is a store, as a container registry is
        ("Helm repo", "data_store"),
        ("Image registries and Helm repositories", "data_store"),
        ("ChartMuseum", "data_store"),
    ],
)
def test_a_helm_chart_releases_and_a_chart_repository_keeps_charts(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # a digital twin or shadow mirrors a physical asset in software: the application
        ("Pump digital twin", "application"),
        ("Asset digital shadow<br/>state sync", "application"),
        # a version run in shadow is still released
        ("Shadow deployment", "deployment_controller"),
        ("Shadow mode<br/>mirrored traffic", "deployment_controller"),
    ],
)
def test_a_digital_shadow_is_no_shadow_release(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize("label", ["Stage transition<br/>Staging → Production", "Version stage transitions"])
def test_a_stage_transition_of_a_model_version_is_the_release_even_in_the_registry_group(label):
    design = design_from(
        f'flowchart LR\n  T["Trainer job"] --> V\n  subgraph R["MLflow Model Registry"]\n    V["Model versions"] --> S["{label}"]\n  end\n  S --> P["Scoring API"]\n',
        "mermaid",
        "d.mmd",
    )
    assert assign_roles(design)["S"].role == "deployment_controller"
