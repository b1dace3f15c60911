"""The code a library's user writes is no person (docs/roles.md, "The code a library's user writes is code"),
on invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def read(label: str) -> tuple[str, str, str | None]:
    assignment = reading_of(label)
    return assignment.role, assignment.how, assignment.matched


@pytest.mark.parametrize("label", ["User logic", "Customer callback", "User callbacks<br/>on_message, on_error"])
def test_the_code_a_library_user_writes_is_no_person(label):
    assert read(label)[0] != "user"


@pytest.mark.parametrize("label", ["User", "End users", "Customer"])
def test_people_stay_people(label):
    assert read(label)[0] == "user"
