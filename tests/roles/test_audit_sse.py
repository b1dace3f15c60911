"""SSE is the application's answer stream only beside a word of that stream (docs/roles.md, "SSE alone is a
transport"); labels invented for this test."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("SSE", "unknown"),
        ("gRPC / SSE / HTTP", "unknown"),
        ("SSE answer stream", "application"),
        ("Chat SSE endpoint", "application"),
        ("Server-sent events", "application"),
    ],
)
def test_sse_is_the_answer_stream_only_beside_a_word_of_it(label, role):
    assert reading_of(label).role == role
