"""IoT is a source only beside the devices or data it names (docs/roles.md, "IoT alone"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("IoT sensors", "data_source"),
        ("IoT telemetry", "data_source"),
        ("IoT Hub", "data_source"),
        ("IoT Integration Service", "application"),
        ("IoT Connector Adapter", "data_source"),  # a connector brings data in, by its own word
        ("IoT Adapter", "unknown"),
    ],
)
def test_iot_is_a_source_only_beside_its_devices_or_data(label, role):
    assert reading_of(label).role == role
