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
