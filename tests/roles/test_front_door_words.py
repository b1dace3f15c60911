"""Words met at the front door of AI services (gateways, proxies, privacy-preserving inference): the people
handed access at an event, Azure's built-in role names, and validations of a message's own parts
(docs/roles.md); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


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
