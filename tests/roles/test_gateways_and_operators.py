"""How the edge, the people who run a system and access control are read (docs/roles.md), each on labels
invented for these tests."""

from __future__ import annotations

import pytest

from aidlint.model import Node
from aidlint.roles.infer import assign_roles, classify_label
from aidlint.roles.vocabulary import load_vocabulary

from ..helpers import design_from, reading_of


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
        # What routes between model providers, and falls back from one to another, is the gateway ...
        ("Provider Router", ("api_gateway", "provider router")),
        ("🔀 Fallback Router", ("api_gateway", "fallback router")),
        ("Provider fallback<br/>OpenAI -> Anthropic", ("api_gateway", "provider fallback")),
        # ... while a bare router is the application's routing code, and an LLM that routes is the model.
        ("Request Router", ("application", "request")),
        ("LLM Router", ("model_inference", "LLM")),
    ],
)
def test_an_api_server_is_the_application_and_a_gateway_is_named_as_one(label, expected):
    assert read(label) == expected


@pytest.mark.parametrize(
    ("label", "node_id", "expected"),
    [
        # Administrators run the system; they and their screens are not its users.
        ("Admin Users", "n", ("unknown", None)),
        ("Admin UI (Browser)", "n", ("unknown", None)),
        ("Administrator portal user", "n", ("unknown", None)),
        # What the label rules out, its ID does not bring back.
        ("Management\nClient", "OpsClient", ("unknown", None)),
        ("Billing admin\nconsole", "adminUI", ("unknown", None)),
        # A label that names no such word still leaves the ID to decide, and users stay users.
        ("⚙️", "WebClient", ("user", "web client")),
        ("Shop users", "n", ("user", "user")),
        ("Browser", "n", ("user", "browser")),
    ],
)
def test_administrators_and_what_the_label_rules_out_are_no_users(label, node_id, expected):
    assert read(label, node_id) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # Policies that decide who may do what, and the admission checks of a cluster, are access control.
        ("Tenant SecurityPolicy", ("auth", "security policy")),
        ("Gemini BackendSecurityPolicy", ("auth", "security policy")),
        ("Mesh\nAuthPolicy + RateLimitPolicy", ("auth", "auth policy")),
        ("OPA sidecar", ("auth", "OPA")),
        ("Open Policy Agent", ("auth", "Open Policy Agent")),
        ("Pod Security admission", ("auth", "pod security")),
        ("Admission controller", ("auth", "admission controller")),
        ("Kyverno", ("auth", "Kyverno")),
        # Capabilities are access control where they are checked, required or tabled.
        ("Verify required capabilities", ("auth", "capabilities")),
        ("Capability matrix", ("auth", "capability")),
        ("Role permission matrix", ("auth", "permission matrix")),
        # ... not where they list what something can do.
        ("Agent capabilities", ("application", "agent")),
        ("Vision capability", ("unknown", None)),
    ],
)
def test_policies_admission_and_checked_capabilities_are_auth(label, expected):
    assert read(label) == expected


def roles_in_groups(source: str) -> dict[str, tuple[str, str]]:
    design = design_from(source, "mermaid", "design.mmd")
    return {node: (a.role, a.how) for node, a in assign_roles(design).items()}


@pytest.mark.parametrize(
    ("member", "role"),
    [
        # In a gateway's group, what routes is the edge itself ...
        ("Protocol Router", "api_gateway"),
        ("Tenant routers", "api_gateway"),
        # ... and the other boxes no word places are the gateway's own code.
        ("Inventory Keeper", "application"),
        ("Peer Sync", "application"),
    ],
)
def test_a_gateway_group_holds_the_edge_that_routes_and_the_code_around_it(member, role):
    source = (
        'flowchart LR\n  c["Customer"] --> m\n  subgraph gw["Model Gateway"]\n    subgraph cp["Control Plane"]\n'
        f'      m["{member}"]\n    end\n  end\n  m --> llm["LLM"]\n'
    )
    assert roles_in_groups(source)["m"] == (role, "group")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # A word of the detail rules a role out of the detail only: the head still names the interface ...
        ("Shop UI\nOrder history\nSaved preferences", ("user", "UI")),
        ("Patient app\n(session data)", ("user", "patient")),
        # ... while the same word in the head rules it out of the whole label.
        ("Shopper history", ("data_store", "history")),
        ("Customer profile\nweb UI", ("data_store", "customer profile")),
    ],
)
def test_a_word_rules_a_role_out_of_its_own_part_of_the_label(label, expected):
    assert read(label) == expected


@pytest.mark.parametrize(
    ("label", "endpoint"),
    [
        ("/api/v1/health<br/>System Health", "health"),
        ("GET /api/healthz", "healthz"),
        ("/admin/workers", "admin"),
        ("POST /api/v1/migrations", "migrations"),
    ],
)
def test_a_route_operators_call_is_no_part_of_the_product(label, endpoint):
    assignment = reading_of(label)
    assert (assignment.role, assignment.how, assignment.matched) == ("unknown", "operations", endpoint)
    assert assignment.reason == f"unknown: a route operators call (/{endpoint}), not the product's application"


@pytest.mark.parametrize(
    "label", ["POST /api/v1/predict", "/v1/chat/completions", "POST /api/healthcare/triage", "PUT /orders/{id}/notes"]
)
def test_routes_of_the_product_stay_the_application(label):
    assert reading_of(label).role == "application"


def test_a_bare_path_whose_words_name_nothing_may_be_a_files_and_stays_unread():
    assert reading_of("/mnt/scratch").role == "unknown"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # A generic title gives way to the gateway its detail names ...
        ("Function App<br/>token proxy", ("api_gateway", "proxy")),
        ("Service<br/>reverse proxy", ("api_gateway", "reverse proxy")),
        ("orders-api (AWS::ApiGateway::RestApi)", ("api_gateway", "API gateway")),
        # ... but not to a store or a tool, and a named program keeps its name.
        ("Backend (Postgres)", ("application", "backend")),
        ("FastAPI<br/>behind the proxy", ("application", "FastAPI")),
    ],
)
def test_a_generic_title_gives_way_to_the_gateway_in_its_detail(label, expected):
    assert read(label) == expected
