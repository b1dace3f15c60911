"""Words met at the front door of AI services (gateways, proxies, privacy-preserving inference): the people
handed access at an event, Azure's built-in role names, and validations of a message's own parts
(docs/roles.md); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize("label", ["Attendee", "Workshop attendees", "Conference Attendees"])
def test_attendees_are_users(label):
    assert reading_of(label).role == "user"
