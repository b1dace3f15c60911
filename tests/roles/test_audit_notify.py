"""A notification where the flow ends is no delivery of the answer unless it names the person
(docs/roles.md, "A notification is no delivery of the answer"); labels invented for this test."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from


def roles_of(source: str) -> dict[str, tuple[str, str]]:
    return {node: (a.role, a.how) for node, a in assign_roles(design_from(source)).items()}


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Notify care team", "unknown"),
        ("Notify patient by SMS", "user"),  # names the person notified
        ("Send summary", "user"),  # a verb of delivering the answer
    ],
)
def test_a_notification_at_the_end_is_the_person_only_when_it_names_one(label, role):
    roles = roles_of(f'u "Patient"\nllm "LLM"\nd "{label}"\nu -> llm -> d\n')
    assert roles["d"][0] == role
