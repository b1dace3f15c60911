"""People and the channels they reach the product through (docs/roles.md, "Chat channels are how people come
in"), on invented labels."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from


def roles_of(source: str) -> dict[str, str]:
    return {node: a.role for node, a in assign_roles(design_from(source)).items()}


@pytest.mark.parametrize("channel", ["WhatsApp", "Telegram", "Discord", "WeChat", "Facebook Messenger", "Mattermost"])
def test_a_chat_app_where_the_flow_starts_is_the_people_and_between_them_and_the_backend_the_interface(channel):
    assert roles_of(f'c "{channel}"\na "Order assistant API"\nl "GPT-4o"\nc -> a -> l\n')["c"] == "user"
    roles = roles_of(f'p "Customer"\nc "{channel} channel"\na "Order assistant API"\np -> c -> a\n')
    assert (roles["p"], roles["c"]) == ("user", "application")


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Telegram bot", "application"),  # a bot is the product's code, wherever it lives
        ("Slack bot", "application"),
        ("Discord alerts", "alerting"),  # an alert sent to a chat app, as a "Slack alert" is
        ("Telegram notification", "alerting"),
        ("Teams alerts", "alerting"),
    ],
)
def test_a_bot_or_an_alert_in_a_chat_app_is_no_person(label, role):
    roles = roles_of(f'b "{label}"\na "Ticket service"\nm "Prometheus"\nam "Alertmanager"\nb -> a\nm -> am\n')
    if role == "alerting":
        roles = roles_of(f'm "Prometheus"\nam "Alertmanager"\nb "{label}"\nm -> am -> b\n')
    assert roles["b"] == role


@pytest.mark.parametrize("label", ["Patient app", "Customer UI", "Employee portal", "Student web interface"])
def test_a_persons_interface_between_the_person_and_the_backend_is_the_application(label):
    roles = roles_of(f'p "Person"\ni "{label}"\na "Booking API"\np -> i -> a\n')
    assert (roles["p"], roles["i"], roles["a"]) == ("user", "application", "application")
    # where the flow starts at it, it is the person's end
    assert roles_of(f'i "{label}"\na "Booking API"\ni -> a\n')["i"] == "user"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Teachers", "user"),
        ("Online learner", "training_pipeline"),  # a learner in ML is a model learning
        ("Policyholder", "user"),
        ("Job seekers", "user"),
        ("Account holder", "user"),
        # what the people's words qualify stays what it is
        ("Teacher model", "model_inference"),
        ("Account holder DB", "data_store"),
    ],
)
def test_people_who_use_the_product_are_users(label, role):
    assert roles_of(f'p "{label}"\na "Assistant API"\np -> a\n')["p"] == role


@pytest.mark.parametrize("label", ["Author", "Content authors", "Authored articles"])
def test_an_author_is_no_identity_check(label):
    # "author" is an agent form of "auth" by its spelling only
    assert roles_of(f'p "{label}"\na "Publishing API"\np -> a\n')["p"] != "auth"


@pytest.mark.parametrize("label", ["Kiosk", "Smart speaker", "Smartwatch", "Chrome extension", "Public", "General public"])
def test_devices_people_use_and_the_public_where_the_flow_starts_are_the_people(label):
    assert roles_of(f'd "{label}"\napi "Assistant API"\nl "LLM"\nd -> api -> l\n')["d"] == "user"


def test_a_kiosk_between_a_person_and_the_backend_is_the_interface():
    roles = roles_of('u "Visitor"\nk "Lobby kiosk"\napi "Assistant API"\nu -> k -> api\n')
    assert (roles["u"], roles["k"]) == ("user", "application")


def test_an_interface_fed_only_by_what_it_feeds_is_where_the_flow_starts():
    # the answer drawn back to the chat app leaves it the person's end, though a scheduler also feeds the backend
    source = 'c "Discord server"\nb "Bot API"\ns "Scheduler"\nl "LLM"\nc -> b\ns -> b\nb -> l\nb -> c\n'
    assert roles_of(source)["c"] == "user"
    # fed by a person as well, it stays between the person and the backend
    roles = roles_of('p "Customer"\nw "Web UI"\nb "Chat API"\np -> w -> b\nb -> w\n')
    assert (roles["p"], roles["w"]) == ("user", "application")


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Customer-approved model", "model_inference"),
        ("User-generated content", "unknown"),
        ("User-selected model", "model_inference"),
        ("User-uploaded files", "data_store"),
    ],
)
def test_who_approves_makes_or_picks_a_box_qualifies_it_and_is_no_person(label, role):
    roles = roles_of(f'a "Orders API"\nx "{label}"\na -> x\n')
    assert roles["x"] == role


@pytest.mark.parametrize("label", ["Customer churn", "User behaviour", "Student outreach", "Customer contact", "User intents"])
def test_what_is_done_about_people_or_known_of_them_is_no_person(label):
    roles = roles_of(f'a "Orders API"\nx "{label}"\na -> x\n')
    assert roles["x"] != "user"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("GPU driver", "unknown"),
        ("JDBC driver", "unknown"),
        ("Guest OS", "unknown"),
        ("Git checkout", "unknown"),
        ("Phone number", "unknown"),
        ("Delivery driver", "user"),
        ("Driver app", "user"),
        ("Hotel guest", "user"),
    ],
)
def test_machines_and_their_parts_named_with_a_persons_word_are_no_person(label, role):
    assert roles_of(f'x "{label}"\napi "Dispatch API"\nx -> api\n')["x"] == role
