"""An incident is a record; what opens, pages and tracks incidents is alerting (docs/roles.md, "An incident is
a record; what opens it alerts"), on invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize("label", ["Incident", "Incidents", "Incident summary", "postmortem_incident.md", "Outage incident logged"])
def test_an_incident_alone_is_no_alerting(label):
    assert reading_of(label).role != "alerting"


@pytest.mark.parametrize(
    "label", ["Create incident", "Raise an incident", "Incident management", "Incident manager", "Incident response", "Incident alerts"]
)
def test_what_opens_or_manages_incidents_is_alerting(label):
    assert reading_of(label).role == "alerting"
