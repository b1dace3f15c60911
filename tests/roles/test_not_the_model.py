"""What is not the model (docs/roles.md): boxes named with a model word that name something else, a
registry's pointer, code around the model, a record; each rule on labels invented for these tests."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def role_of(label: str) -> str:
    return reading_of(label).role


@pytest.mark.parametrize("label", ["Champion alias", "Challenger Alias<br>points at v7", "Model aliases", "Versioned registry aliases"])
def test_a_registered_models_alias_is_the_registry(label):
    assert role_of(label) == "model_registry"


@pytest.mark.parametrize(("label", "role"), [("Champion model", "model_inference"), ("Challenger", "model_inference")])
def test_the_versions_themselves_stay_the_served_model(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize("label", ["Batch LLM Mode", "Offline classifier mode", "Gathered outputs<br>tool calls + traces", "Embedding arrays", "Forecast outputs"])
def test_a_mode_or_the_outputs_of_a_step_are_records(label):
    assert reading_of(label).role == "unknown"


@pytest.mark.parametrize(("label", "role"), [("Shadow mode", "deployment_controller"), ("Summarizer<br>Mistral · structured output", "model_inference")])
def test_a_phrase_of_its_own_role_or_a_singular_output_keeps_the_role(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize("label", ["Prediction shift", "Prediction drift<br>weekly PSI", "Label shift", "Concept shift check"])
def test_drift_named_by_what_moved_is_monitoring(label):
    assert role_of(label) == "monitoring"


@pytest.mark.parametrize("label", ["ACL pre-filter<br>(before the embedding search)", "ACL check", "Access control list"])
def test_an_access_control_list_enforced_is_auth(label):
    assert role_of(label) == "auth"


def test_acl_metadata_alone_is_no_check():
    assert role_of("ACL metadata per document") != "auth"
