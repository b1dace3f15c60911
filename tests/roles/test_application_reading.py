"""How the product's own application is read (docs/roles.md), each rule on labels invented for these tests."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of, mermaid_roles as _roles_of


def read(label: str) -> tuple[str, str, str | None]:
    assignment = reading_of(label)
    return assignment.role, assignment.how, assignment.matched


@pytest.mark.parametrize(
    ("label", "matched"),
    [
        ("Order Events Handler", "handler"),
        ("Cache Manager", "manager"),
        ("Redis Manager", "manager"),
        ("Sensor Readings Logic", "logic"),
        ("ChatHistoryAnalyzer", "analyzer"),
    ],
)
def test_code_that_acts_on_data_is_the_application(label, matched):
    assert read(label) == ("application", "label", matched)


@pytest.mark.parametrize("label", ["Billing Queue Worker", "SQS Worker", "Kafka Workers", "Redis Worker<br>sends receipts"])
def test_a_worker_after_the_queue_it_drains_is_the_application(label):
    assert read(label)[0] == "application"


def test_a_queue_named_after_its_workers_stays_the_queue():
    assert read("Worker queue")[0] == "data_store"


@pytest.mark.parametrize("label", ["Dialog Manager", "Dialogue manager<br>slot filling + next action", "Dialogue management"])
def test_a_dialogue_manager_is_the_application_as_a_conversation_manager_is(label):
    assert read(label)[0] == "application"


def test_dialog_rails_stay_the_guardrail():
    assert read("Dialog rails")[0] == "safety_filter"


@pytest.mark.parametrize("label", ["Mobile Backend", "Client backend<br>Go", "Customer Backends"])
def test_a_backend_named_after_who_it_serves_is_no_person(label):
    assert read(label)[0] == "application"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Handler logs", "data_store"),  # the data ends the head: the handler's logs
        ("Manager database", "data_store"),
        ("Cache<br>manager", "data_store"),  # the handling word only in the detail
    ],
)
def test_data_that_ends_the_head_stays_data(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize("label", ["Backend connection", "Chat Server Connection", "OrdersApiConnection"])
def test_a_connection_to_a_part_of_the_application_is_no_part(label):
    assert read(label) == ("unknown", "link", "connection")


def test_a_connection_to_a_model_stays_the_code_that_calls_it():
    assert read("MistralLlmConnection") == ("application", "label", "connection")


@pytest.mark.parametrize("label", ["Router", "Smart Router<br>picks the next agent", "Orders Router"])
def test_a_router_is_the_code_that_picks_the_next_step(label):
    assert read(label) == ("application", "label", "router")


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Traffic Router", "deployment_controller"),  # a release word names what it splits
        ("API Gateway Router", "api_gateway"),
        ("LLM Router", "model_inference"),
    ],
)
def test_a_router_gives_way_to_what_its_head_names_it_for(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    "label",
    [
        # Router and orchestrator name the application's control code, not an empty title: the model, mode or
        # check under them is what they call or do, not what they are.
        "Router<br>GPT-4o-mini classifier",
        "router.py<br>size limits, MIME check",
        "VoiceOrchestrator<br>(OpenAI Realtime mode)",
        "Chat Orchestrator<br>Claude 3.5",
    ],
)
def test_a_router_or_orchestrator_is_the_code_whatever_its_detail_names(label):
    assert read(label)[0] == "application"


@pytest.mark.parametrize(
    ("label", "matched"),
    [
        ("Tool Management<br>/tools CRUD", "management"),
        ("Tool Selector", "selector"),
        ("MCP Manager", "manager"),
        ("Tools Routing", "routing"),
    ],
)
def test_code_that_manages_tools_is_the_application(label, matched):
    assert read(label) == ("application", "label", matched)


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Tool Catalog", "data_store"),  # a record of tools names no code; a catalog is kept, as a registry is
        ("Tool List", "unknown"),
        ("Tool Execution", "tool_executor"),
        ("MCP Server", "tool_executor"),
    ],
)
def test_records_of_tools_and_tools_at_work_keep_their_reading(label, role):
    assert read(label)[0] == role


def roles_in_flow(middle: str) -> dict[str, str]:
    design = design_from(f"flowchart LR\n  U[Customer] --> C[{middle}] --> A[Support agent] --> L[GPT-4o]\n", "mermaid", "d.mmd")
    return {node_id: assignment.role for node_id, assignment in assign_roles(design).items()}


@pytest.mark.parametrize("middle", ["Chat API", "CLI Chat", "Chat Server"])
def test_a_chat_beside_a_word_for_a_program_is_that_program(middle):
    assert roles_in_flow(middle)["C"] == "application"


@pytest.mark.parametrize("middle", ["Chat", "Chat Message", "Chat request"])
def test_a_chat_alone_in_the_middle_is_a_message(middle):
    assert roles_in_flow(middle)["C"] == "unknown"


@pytest.mark.parametrize(
    ("label", "matched"),
    [
        ("Context manager", "context manager"),
        ("ContextManager<br/>trims old turns", "context manager"),
        ("Conversation context management", "context management"),
        ("Context compression (token budget)", "context compression"),
        ("Context compaction", "context compaction"),
    ],
)
def test_keeping_the_model_context_is_the_application(label, matched):
    assert read(label) == ("application", "label", matched)


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Compact context<br/>summarize older turns", "model_inference"),  # a step a model does
        ("Context manager DB", "data_store"),  # where it keeps what it manages
    ],
)
def test_context_steps_done_elsewhere_keep_their_reading(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Dispatcher", "application"),
        ("Job Dispatcher<br/>Celery", "application"),
        ("Webhook event dispatcher", "application"),
        ("Tool Dispatcher", "tool_executor"),  # a role named beside it wins, as for a router
        ("Alert Dispatcher", "alerting"),
    ],
)
def test_a_dispatcher_is_the_application_unless_it_names_a_role(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Order Queue Consumer", "application"),
        ("Billing event consumers", "application"),
        ("Kafka consumer<br/>group payments", "application"),  # the worker, not the broker
        ("SQS Consumer (batch=10)", "application"),
        ("Job consumer", "application"),
        ("Consumer", "user"),  # alone, the one who buys
        ("API consumer", "user"),  # who calls the API, no queue named
        ("Kafka", "data_store"),
    ],
)
def test_a_queue_consumer_is_the_worker(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Provider Layer", "application"),
        ("Provider interface<br/>BaseProvider", "application"),
        ("Provider abstraction<br/>OpenAI / Anthropic", "application"),
        ("LLM Provider", "model_inference"),  # a provider named by its kind stays that kind
        ("Identity Provider Interface", "auth"),
    ],
)
def test_a_provider_interface_is_the_application(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Domain layer (orders, invoices)", "application"),
        ("Data-access layer", "application"),  # code that reads and writes the database
        ("Domain logic", "application"),
        ("Data Layer", "unknown"),  # may be the database itself
    ],
)
def test_the_layers_of_code_of_a_layered_design_are_the_application(label, role):
    assert read(label)[0] == role


def test_a_step_written_as_a_function_is_the_products_code():
    roles = _roles_of(
        """
        flowchart LR
          U[User] --> API[Chat API]
          API --> P[process_upload_task]
          P --> H["handle_upload()"]
          H --> L[LLM]
          API --> T[Tools]
          T --> D[delete_record]
          API --> W[Process upload]
        """
    )
    assert roles["P"] == "application"
    assert roles["H"] == "application"
    assert roles["D"] == "unknown"  # what only tools call is one of their operations, not the product's code
    assert roles["W"] != "application"  # a step in words stays a step


@pytest.mark.parametrize(
    ("label", "tail"),
    [
        ("NoteManager", "manager"),
        ("WidgetFactory", "factory"),
        ("FallbackController<br>picks another route", "controller"),
        ("OrderExecutionPipeline (30s)", "pipeline"),
        ("LeadMatcher", "matcher"),
    ],
)
def test_a_camelcase_class_ending_in_a_control_noun_is_the_application(label, tail):
    design = design_from(f'flowchart LR\n  U[Customer] --> B["{label}"] --> D[(Postgres)]\n', "mermaid", "d.mmd")
    assignment = assign_roles(design)["B"]
    assert (assignment.role, assignment.matched) == ("application", tail)


@pytest.mark.parametrize(
    "label",
    [
        "Note Manager",  # written apart: as often infrastructure or a generic step
        "ParagraphSplitter",  # a processing noun is a generic step, class or not
        "ClusterReconciler",  # a noun outside the list
    ],
)
def test_other_names_of_code_stay_unread(label):
    design = design_from(f'flowchart LR\n  U[Customer] --> B["{label}"] --> D[(Postgres)]\n', "mermaid", "d.mmd")
    assert assign_roles(design)["B"].role == "unknown"


@pytest.mark.parametrize(
    ("label", "method"),
    [
        ("Basket.addItem", "addItem"),
        ("Wiring.getInstance() — one per process", "getInstance"),
        ("new ReplyPipeline([steps]).run(ctx)", "run"),
        ("Session.resumeRequest<br>from the last turn", "resumeRequest"),
    ],
)
def test_a_method_called_on_a_class_is_the_application(label, method):
    design = design_from(f'flowchart LR\n  U[Customer] --> B["{label}"] --> D[(Postgres)]\n', "mermaid", "d.mmd")
    assignment = assign_roles(design)["B"]
    assert (assignment.role, assignment.matched) == ("application", method)


@pytest.mark.parametrize("label", ["Example.com", "Next.js", "context.Context", "HQ.Region.ShipmentRequest"])
def test_domains_frameworks_values_and_dotted_names_are_no_method_calls(label):
    design = design_from(f'flowchart LR\n  U[Customer] --> B["{label}"] --> D[(Postgres)]\n', "mermaid", "d.mmd")
    assert assign_roles(design)["B"].tie_rule != "a method of the product's code called"


@pytest.mark.parametrize("label", ["Tool Router", "Tool Router<br>picks the skill", "Tool Routing"])
def test_a_tool_router_is_the_application_not_a_tool(label):
    design = design_from(
        f'flowchart LR\n  U[Customer] --> A[Helpdesk agent] --> L[GPT-4o]\n  A --> R["{label}"] --> T[Weather tool]\n', "mermaid", "d.mmd"
    )
    assert assign_roles(design)["R"].role == "application"


def test_a_service_named_for_routing_tools_stays_the_application_where_tools_call_it():
    design = design_from(
        "flowchart LR\n  A[Helpdesk agent] --> M[MCP Server] --> R[Tool Routing Service] --> T[Weather tool]\n"
        "  M --> B[Ticket API]\n",
        "mermaid",
        "d.mmd",
    )
    roles = {node_id: a.role for node_id, a in assign_roles(design).items()}
    assert roles["R"] == "application"
    assert roles["B"] == "tool_executor"  # a service tools call is what they act on


@pytest.mark.parametrize(
    "label",
    [
        "Agent Orchestrator · LangChain<br>planner · human-in-the-loop",
        "Agent Router<br>classifies: billing / returns / other",
        "agent_router.py<br>classify intent",
    ],
)
def test_a_head_that_names_the_application_by_its_own_word_keeps_it_over_its_detail(label):
    assert read(label)[0] == "application"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Agent<br>GPT-4o", "model_inference"),  # a bare title still gives way
        ("SupportChatHandler — default LLM path", "model_inference"),  # a message word is no name of its own
    ],
)
def test_a_bare_title_still_gives_way_to_its_detail(label, role):
    assert read(label)[0] == role
