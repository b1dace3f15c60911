"""Readings of the steps that find personal data and hide, swap or restore it (docs/roles.md: "Privacy
products are the privacy step", "Personal data"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def role_of(label: str) -> str:
    return reading_of(label).role


@pytest.mark.parametrize(
    "label",
    ["Re-identify patients", "Reidentification step", "clinical_deid", "DeID job<br/>nightly", "Re-identification service"],
)
def test_re_identification_and_deid_are_the_privacy_step(label):
    assert role_of(label) == "pii_scrubber"


@pytest.mark.parametrize(("label", "role"), [("deid tables", "data_store"), ("De-identified notes database", "data_store")])
def test_what_de_identification_produces_stays_the_data(label, role):
    assert role_of(label) == role
