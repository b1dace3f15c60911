"""Routes of an API drawn as boxes: "POST /api/v1/predict" is the application's route that calls what
its path names; "GET /healthz" or "/admin/workers" is one operators call to run the service, no component
of the product (docs/roles.md, "An API is a service, not the edge")."""

from __future__ import annotations

import re

from aidlint.model import UNKNOWN_ROLE
from aidlint.roles.asides import LINE_BREAK
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.vocabulary import Vocabulary

#: An HTTP method before a path: a route whatever its path names, where a bare path may be a file's.
_HTTP_ROUTE = re.compile(r"\b(?:GET|POST|PUT|PATCH|DELETE)\s+/")
#: A route of an API: an HTTP method before a path ("POST /api/v1/predict", "Frontend → GET /chat") or a head
#: that starts with a path.
_ROUTE = re.compile(_HTTP_ROUTE.pattern + r"|^[^\w(\[{]*/[a-z]")
_PATH_SEGMENT = re.compile(r"/([A-Za-z_-]+)")


def unnamed_route(text: str, vocabulary: Vocabulary) -> RoleAssignment | None:
    """A label whose words name no role but whose first line is an HTTP method and path: the product's
    route ("POST /research/insights"), or one operators call ("GET /healthz")."""
    first_line = LINE_BREAK.split(text, maxsplit=1)[0]
    if not _HTTP_ROUTE.search(first_line):
        return None
    operations = _operations_endpoint(_segments(first_line), vocabulary)
    return RoleAssignment(UNKNOWN_ROLE, "operations", operations) if operations else RoleAssignment("application", "label", "route")


def named_route(text: str, vocabulary: Vocabulary) -> RoleAssignment | None:
    """A label whose first line is a route and whose words name a role: the application's route that
    calls it ("POST /api/v1/predict": the model runs behind it), or one operators call ("/api/v1/health")."""
    first_line = LINE_BREAK.split(text, maxsplit=1)[0]
    if not _ROUTE.search(first_line):
        return None
    segments = _segments(first_line)
    if endpoint := _operations_endpoint(segments, vocabulary):
        return RoleAssignment(UNKNOWN_ROLE, "operations", endpoint)
    if _mcp_endpoint(segments):
        # "POST /mcp", "/mcp": the endpoint the Model Context Protocol serves tools at is the MCP server.
        return RoleAssignment("tool_executor", "label", "route")
    return RoleAssignment("application", "label", "route", ("model_inference",), "a route names the model it calls")


def _segments(first_line: str) -> list[str]:
    """The path's segments, lowercased, read once for every question asked of them."""
    return [segment.lower() for segment in _PATH_SEGMENT.findall(first_line)]


def _operations_endpoint(segments: list[str], vocabulary: Vocabulary) -> str | None:
    """The segment of a route's path (lowercased) that names an endpoint operators call
    (`terms.operations_paths`: health, readiness, migrations, admin), if any."""
    return next((word for word in vocabulary.terms.get("operations_paths", ()) if word in segments), None)


def _mcp_endpoint(segments: list[str]) -> bool:
    """Does the route's path (its segments, lowercased) end in "mcp" outside the product's own API ("/mcp",
    "POST /mcp": the endpoint an MCP server serves its tools at; "/api/v1/mcp" is a route of the product's API
    about MCP)?"""
    return bool(segments) and segments[-1] == "mcp" and "api" not in segments
