"""A product or device of user interfaces named only in a label's detail is what the box is built with or
reached through, not the person's end (docs/roles.md, "Further rules of reading"). Invented labels."""

from __future__ import annotations

import pytest

from ..helpers import mermaid_roles as roles_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Ward Dashboard<br/>React/TypeScript", "unknown"),
        ("Meeting Found<br/>Teams · Meet", "unknown"),
        ("Ward View<br/>(Vue.js)", "unknown"),  # a kiosk is a device people use (test_people_channels.py)
        ("Badge Reader<br/>tablet", "unknown"),
        # In the head they stay the person's end; so does an interface noun in the detail.
        ("Streamlit UI", "user"),
        ("Teams", "user"),
        ("Next.js<br/>chat UI", "user"),
    ],
)
def test_a_product_in_the_detail_is_no_person(label, role):
    roles = roles_of(f'flowchart LR\n  A["{label}"] --> B["Inference service<br/>vLLM"]\n')
    assert roles["A"] == role
