"""Words met at the front door of AI services (gateways, proxies, privacy-preserving inference): the people
handed access at an event, Azure's built-in role names, and validations of a message's own parts
(docs/roles.md); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import mermaid_roles as _roles_of, reading_of


@pytest.mark.parametrize("label", ["Attendee", "Workshop attendees", "Conference Attendees"])
def test_attendees_are_users(label):
    assert reading_of(label).role == "user"


@pytest.mark.parametrize(
    "label",
    [
        "Storage Blob Data Reader",
        "Storage Queue Data<br/>Contributor",
        "Cognitive Services User",
        "Key Vault Secrets User",
        "AcrPull",
        "Search Index Data Reader",
    ],
)
def test_azure_built_in_role_names_are_auth(label):
    assert reading_of(label).role == "auth"


@pytest.mark.parametrize("label", ["Envelope validation", "Ciphertext Validation", "Message validation", "Header validation"])
def test_a_validation_of_a_message_s_parts_is_no_evaluation(label):
    assert reading_of(label).role != "evaluation"


def test_a_validation_of_a_model_stays_evaluation():
    assert reading_of("Model validation").role == "evaluation"


def test_a_gateway_named_with_what_it_is_built_with_stays_the_gateway():
    roles = _roles_of(
        'flowchart LR\n  a["Planner agent"] --> g["AI gateway<br/>Flask"]\n'
        '  a --> p["LLM proxy (Portkey)"]\n  a --> b["LLM Gateway"]\n  a --> c["Model gateway<br/>LiteLLM → Ollama"]\n'
    )
    assert roles["g"] == "api_gateway"
    assert roles["p"] == "api_gateway"
    # bare, or with the model behind it named, it is all the drawing shows of the models
    assert roles["b"] == "model_inference"
    assert roles["c"] == "model_inference"
