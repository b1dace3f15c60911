"""How the edge, the people who run a system and access control are read (docs/roles.md), each on labels
invented for these tests."""

from __future__ import annotations

import pytest

from aidlint.model import Node
from aidlint.roles.infer import assign_roles, classify_label
from aidlint.roles.vocabulary import load_vocabulary

from ..helpers import design_from, reading_of, mermaid_roles as _roles_of


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
    ("label", "endpoint"), [("GET /livez", "livez"), ("POST /migrate", "migrate"), ("DELETE /admin/sessions/{id}", "admin")]
)
def test_a_bare_route_operators_call_is_no_part_of_the_product_either(label, endpoint):
    # No word of these paths names a role: the operations path is read before the bare route.
    assignment = reading_of(label)
    assert (assignment.role, assignment.how, assignment.matched) == ("unknown", "operations", endpoint)


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


@pytest.mark.parametrize(
    ("flow", "gateway", "expected"),
    [
        # A gateway for models with models drawn behind it is the gateway, at once or past its own checks ...
        ("A[Chat app] --> G[{g}] --> M[Mixtral]", "Inference proxy", "api_gateway"),
        ("A[Chat app] --> G[{g}] --> K[API key auth] --> M[Claude]", "AI Gateway", "api_gateway"),
        ("A[Notebook UI] --> G[{g}] --> M[Ollama] & N[vLLM]", "litellm", "api_gateway"),
        ("A[Chat app] --> G[{g}] --> P[Provider adapter service] --> O[OpenAI API]", "LLM proxy", "api_gateway"),
        ("A[Planner service] --> G[{g}] --> M[Gemma]", "OpenRouter", "api_gateway"),
        # ... and one that feeds no model is all the drawing shows of them: it stands for the models.
        ("A[Billing agent] --> G[{g}] --> P[Answer guardrail]", "LLM Gateway", "model_inference"),
        ("A[Portal] --> G[{g}<br/>routes to Llama 3]", "Model proxy", "model_inference"),
        ("A[Portal] --> G[{g}]", "LiteLLM", "model_inference"),
        # The answer drawn back to the caller leads nowhere behind the gateway.
        ("A[Billing agent] --> G[{g}] --> A\n  A --> E[Embedding model]", "LLM Gateway", "model_inference"),
        # A gateway for tools likewise: the gateway in front of tool servers, else the tools.
        ("A[Coding agent] --> G[{g}] --> T[GitHub MCP server]", "MCP Gateway", "api_gateway"),
        ("A[Coding agent] --> G[{g}<br/>tool catalogue]", "MCP gateway", "tool_executor"),
        # A gateway nothing calls is a resource being configured, and keeps its words.
        ("G[{g}] --> C[Tenant config]", "ModelGateway", "api_gateway"),
        # A gateway named for no model or tool keeps its words wherever it stands.
        ("A[Chat app] --> G[{g}] --> P[Answer guardrail]", "Edge gateway", "api_gateway"),
    ],
)
def test_a_gateway_for_models_or_tools_is_read_by_what_it_fronts(flow, gateway, expected):
    assert _roles_of("flowchart LR\n  " + flow.format(g=gateway) + "\n")["G"] == expected


def test_what_a_gateway_fronts_is_looked_for_nearby_and_past_that_it_keeps_its_words():
    # Gateways feeding gateways in a chain of 100 before the model: the first gateways are too far from
    # anything to tell what they front and keep their words; those within the look-ahead of the model
    # are the gateway in front of it (roles/serving.py, _LOOK_AHEAD).
    chain = " --> ".join(f"G{i}[LLM gateway]" for i in range(100))
    roles = _roles_of(f"flowchart LR\n  A[Chat app] --> {chain} --> M[Claude]\n")
    assert roles["G0"] == roles["G99"] == "api_gateway"
    assert roles["M"] == "model_inference"
    # A short chain that reaches no model is all the drawing shows of them: each gateway stands for them.
    short = _roles_of("flowchart LR\n  A[Chat app] --> " + " --> ".join(f"G{i}[LLM gateway]" for i in range(3)) + "\n")
    assert short == {"A": "application", "G0": "model_inference", "G1": "model_inference", "G2": "model_inference"}
    # In a long one, a gateway more than 64 arrows from the chain's end cannot tell, and keeps its words.
    long = _roles_of(f"flowchart LR\n  A[Chat app] --> {chain}\n")
    assert [long[f"G{i}"] for i in (0, 34, 35, 99)] == ["api_gateway", "api_gateway", "model_inference", "model_inference"]


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("/mcp", "tool_executor"),  # the endpoint an MCP server serves its tools at is that server
        ("POST /mcp<br/>SSE transport", "tool_executor"),
        ("/v2/mcp", "tool_executor"),
        ("/api/v2/mcp<br/>Connector settings", "application"),  # a route of the product's own API about MCP
        ("POST /mcp/servers/register", "application"),  # the path ends elsewhere
    ],
)
def test_a_route_ending_in_mcp_outside_the_products_api_is_the_mcp_server(label, role):
    assert read(label)[0] == role
