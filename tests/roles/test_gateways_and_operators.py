"""How the edge, the people who run a system and access control are read (docs/roles.md), each on labels
invented for these tests."""

from __future__ import annotations

import pytest

from aidlint.model import Node
from aidlint.roles.infer import classify_label
from aidlint.roles.vocabulary import load_vocabulary


def read(label: str, node_id: str = "n") -> tuple[str, str | None]:
    assignment = classify_label(Node(id=node_id, label=label), load_vocabulary())
    return assignment.role, assignment.matched


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # An API server serves the product's API: the application, not the edge in front of it.
        ("API Server", ("application", "API")),
        ("Starlette API server", ("application", "API")),
        ("HTTP server", ("application", "HTTP server")),
        # A gateway, ingress or proxy is named as one.
        ("API Gateway", ("api_gateway", "API gateway")),
        ("Nginx ingress", ("api_gateway", "Nginx")),
        ("Reverse proxy", ("api_gateway", "reverse proxy")),
    ],
)
def test_an_api_server_is_the_application_and_a_gateway_is_named_as_one(label, expected):
    assert read(label) == expected
