"""People reviewing and the user's verdict recorded (docs/roles.md, "Further rules of reading"), second
pass, on invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # a rating is the user's verdict, written as such
        ("Rating", "feedback_collector"),
        ("Ratings", "feedback_collector"),
        ("User ratings", "feedback_collector"),
        ("Rate the answer", "feedback_collector"),
        ("Star rating widget", "feedback_collector"),
        # a bare rate is a frequency or a price
        ("503 rate limited", "unknown"),
        ("Rate card", "unknown"),
        ("Hit rate", "unknown"),
    ],
)
def test_a_rating_is_feedback_a_bare_rate_is_none(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Manual verification", "human_review"),
        ("Manual validation step", "human_review"),
        ("Manual checks", "human_review"),
        ("Expert validation", "human_review"),
        ("Expert sign-off", "human_review"),
        ("Physician validation", "human_review"),
        ("Clinician sign-off", "human_review"),
        ("Human corrections", "human_review"),
        # the user's own corrections of an answer stay the user's feedback
        ("User corrections", "feedback_collector"),
    ],
)
def test_a_check_by_hand_or_by_experts_is_people_reviewing(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("👍 / 👎", "feedback_collector"),
        ("👍👎", "feedback_collector"),
        ("Answer 👍 or 👎", "feedback_collector"),
        # one thumb alone may be a status mark
        ("Build passed 👍", "unknown"),
    ],
)
def test_thumbs_up_and_down_drawn_together_are_the_users_verdict(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Human feedback gate", "human_review"),
        ("Feedback gate before release", "human_review"),
        # feedback itself, with no gate, stays the user's verdict
        ("Human feedback", "feedback_collector"),
        ("Collect feedback", "feedback_collector"),
    ],
)
def test_a_gate_waiting_for_peoples_feedback_is_people_deciding(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Human operator", "human_review"),
        ("Human operators (on call)", "human_review"),
        # an operator alone runs the platform; a Kubernetes operator is code
        ("Operator", "unknown"),
        ("Cluster Operator", "unknown"),
    ],
)
def test_a_human_operator_is_the_person_in_the_loop(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Content moderators", "human_review"),
        # one content moderator may be a moderation API; moderation itself is the guard
        ("Content Moderator", "safety_filter"),
        ("Content moderation API", "safety_filter"),
    ],
)
def test_content_moderators_are_people(label, role):
    assert reading_of(label).role == role
