"""Reading rules of round five (docs/roles.md), each on labels invented for these tests."""

from __future__ import annotations

import pytest

from aidlint.model import Node
from aidlint.roles.assignment import for_the_rules
from aidlint.roles.infer import assign_roles, classify_label
from aidlint.roles.vocabulary import load_vocabulary

from ..helpers import design_from, reading_of


def read(label: str) -> tuple[str, str, str | None]:
    assignment = reading_of(label)
    return assignment.role, assignment.how, assignment.matched


@pytest.mark.parametrize(
    ("label", "matched"),
    [
        # Rule, decision and policy engines are the application's logic; assembling the context is too.
        ("Fraud Rules Engine", "rule engine"),
        ("Eligibility rule engine", "rule engine"),
        ("Decision engine", "decision engine"),
        ("Refund Policy Engine", "policy engine"),
        ("Prepare context: last 5 turns", "prepare context"),
        ("Build context from past tickets", "build context"),
        ("Context assembly", "context assembly"),
    ],
)
def test_engines_of_rules_and_context_assembly_are_the_application(label, matched):
    assert read(label) == ("application", "label", matched)


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Chunking engine", "unknown"),  # an engine alone is whatever it processes with: no role
        ("Compute Engine", "unknown"),
        ("Policy enforcement engine", "auth"),  # the longer phrase still wins
        ("Inference engine", "model_inference"),
    ],
)
def test_other_engines_are_read_by_their_other_words(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role", "how"),
    [
        # "RAG" names the pattern: the retrieval written under it is the box.
        ("RAG\n(Qdrant)", "retrieval", "Qdrant"),
        ("RAG (hybrid search)", "retrieval", "hybrid search"),
        ("RAG service\n(Pinecone)", "retrieval", "Pinecone"),
        ("RAG", "application", "RAG"),
        ("RAG pipeline (LangChain)", "application", "RAG pipeline"),
        ("Backend (Postgres)", "application", "backend"),  # a store under a title does not replace it
    ],
)
def test_a_generic_title_gives_way_to_the_retrieval_named_under_it(label, role, how):
    assert (read(label)[0], read(label)[2]) == (role, how)


@pytest.mark.parametrize(
    ("label", "noun"),
    [
        # A value after a record noun does not end the phrase, and the noun alone is the record even
        # where it is also a verb.
        ("Score", "score"),
        ("Score 0.87", "score"),
        ("Verdict: score 0", "score"),
        ("Churn score 12", "score"),
    ],
)
def test_a_score_with_or_without_its_value_is_a_record(label, noun):
    assert read(label) == ("unknown", "record", noun)


def test_a_verb_before_a_record_noun_is_still_a_step():
    assert read("Translate message")[:2] == ("model_inference", "label")
    assert read("Scoring")[:2] == ("model_inference", "label")


@pytest.mark.parametrize(
    ("label", "checked"),
    [
        # A validation of data is a step on the data's way in, not a model's evaluation, in any design.
        ("Data validation", "data"),
        ("Validate incoming data", "data"),
        ("Feature validation", "feature"),
        ("Schema + range validation", "schema"),
        ("Payload contract validation", "contract"),
    ],
)
def test_a_validation_of_data_is_no_evaluation(label, checked):
    assert read(label) == ("unknown", "data_check", checked)


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Validate model on holdout data", "evaluation"),  # the model is what is validated
        ("Model validation", "evaluation"),
        ("Validation", "evaluation"),
        ("Input validation", "safety_filter"),
    ],
)
def test_a_validation_of_a_model_or_of_input_keeps_its_role(label, role):
    assert read(label)[0] == role


def test_aidlint_roles_says_why_a_data_validation_has_no_role():
    assignment = classify_label(Node(id="n", label="Feature validation"), load_vocabulary())
    assert assignment.reason == "unknown: checks data (feature) on its way in, not a model"


@pytest.mark.parametrize("label", ["Health check", "Health checks", "Health Check"])
def test_a_health_check_is_a_probe_of_code_not_monitoring(label):
    assert read(label)[0] == "unknown"


def test_machine_monitoring_keeps_its_role():
    assert read("Node exporter")[0] == "infra_monitoring"
    assert read("Uptime checks")[0] == "infra_monitoring"


@pytest.mark.parametrize(
    ("label", "matched"),
    [
        # An experiment tracker records runs and the models they made: the registry side, not monitoring.
        ("Experiment tracking", "experiment tracking"),
        ("Experiment tracker", "experiment tracking"),
        ("MLflow Tracking", "MLflow tracking"),
        ("MLflow tracking server", "MLflow tracking"),
    ],
)
def test_experiment_tracking_is_the_model_registry(label, matched):
    assert read(label) == ("model_registry", "label", matched)


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("PostgreSQL", "data_store"),
        ("S3-compatible object store", "data_store"),
        ("Prediction log", "data_store"),
        ("RBAC policies", "auth"),
        ("Quota and priority", "rate_limiter"),
        ("Model endpoint service", "model_inference"),
        ("Inference API", "model_inference"),
        ("Backend service", "model_inference"),  # a serving-side box a release step feeds serves the model
    ],
)
def test_what_a_release_step_feeds_is_the_served_model_only_when_it_is_no_store_nor_control(label, role):
    roles = assign_roles(design_from(f'flowchart LR\n  t["Training job"] --> d["Deploy"] --> n["{label}"]\n', "mermaid", "d.mmd"))
    assert for_the_rules(roles)["n"].role == role


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("Backend service", "application"),
        ("Test Environment<br>RHEL server<br>ML apps", "unknown"),  # a place things run
        ("GPU Prod<br>ML Training/Inference", "unknown"),
    ],
)
def test_a_box_a_release_deploys_to_shows_its_own_reading_and_the_rules_read_the_model_it_serves(label, shown):
    roles = assign_roles(design_from(f'flowchart LR\n  t["Training job"] --> d["Deploy"] --> n["{label}"]\n', "mermaid", "d.mmd"))
    assert (roles["n"].role, roles["n"].serves) == (shown, "d (deployment_controller)")
    assert roles["n"].shown_reason.endswith("; the rules read it as the model it serves (fed by d (deployment_controller))")
    assert (for_the_rules(roles)["n"].role, for_the_rules(roles)["n"].how) == ("model_inference", "structure")


@pytest.mark.parametrize("label", ["Model selection", "Model packaging", "Model owner", "Model card", "Model management"])
def test_a_box_about_a_model_is_not_the_model(label):
    assert read(label) == ("unknown", "unknown", None)


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("vLLM dashboards", "monitoring"),
        ("Llama 3 traces", "monitoring"),
        ("GPT-4o cost alerts", "alerting"),
        ("LLM dashboard", "monitoring"),
        ("Admin dashboard", "unknown"),
        ("Mistral 7B", "model_inference"),
        ("LLM Orchestrator", "application"),
        ("RAG / multi-model orchestrator", "application"),
    ],
)
def test_what_watches_or_calls_a_model_and_is_named_after_it_is_not_the_model(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Model iteration\nRetraining, A/B tests", "model_inference"),  # "iteration" is a development word
        ("Model selection\n(hyperparameter tuning)", "training_pipeline"),  # the rest of the label decides
        ("Model serving", "model_inference"),
        ("Model training", "training_pipeline"),
        ("Model A", "model_inference"),
        ("Model container", "model_inference"),
    ],
)
def test_a_model_word_that_is_not_only_a_qualifier_keeps_its_reading(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role", "how"),
    [
        # Ingestion is a processing step, like loading and chunking: it names no source of its own.
        ("Ingestion", "unknown", "unknown"),
        ("Ingest documents", "unknown", "step"),
        ("Ingestion service", "application", "label"),
        # What brings data in from outside still does.
        ("Data ingestion", "data_source", "label"),
        ("Web crawler", "data_source", "label"),
    ],
)
def test_ingestion_alone_is_a_step_not_a_source(label, role, how):
    assert read(label)[:2] == (role, how)


@pytest.mark.parametrize("label", ["Git repository", "GitHub repository\nthe desired state", "GitLab repo"])
def test_a_code_repository_is_no_data_store(label):
    assert read(label)[0] == "unknown"


def test_other_repositories_keep_their_role():
    assert read("Model repository")[0] == "model_registry"
    assert read("Document repository")[0] == "data_store"


@pytest.mark.parametrize("label", ["Evaluation results", "Benchmark results", "Training results", "HumanFeedbackResult"])
def test_results_are_records_of_the_step_that_made_them(label):
    assert read(label)[:2] == ("unknown", "record")


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # A controller alone is a control loop of the platform (Kubernetes, a PLC), not the application.
        ("HPA Controller", "unknown"),
        ("PLC controller", "unknown"),
        ("Ingress controller", "api_gateway"),
        ("HAProxy Ingress Controller", "api_gateway"),
        # A controller of gateways or load balancers provisions the edge and carries no traffic itself.
        ("Edge Gateway Controller", "unknown"),
        ("Cloud Load Balancer Controller", "unknown"),
        ("API gateway controllers", "unknown"),
        ("Rollout controller", "deployment_controller"),
        ("Chat controller", "application"),
    ],
)
def test_a_controller_is_read_by_what_it_controls(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # A pipeline is whatever flows through it: alone, or of a processing step, it is no application.
        ("Pipeline", "unknown"),
        ("Preprocessing pipeline", "unknown"),
        ("MLOps pipeline", "unknown"),
        ("RAG pipeline", "application"),
        ("Chat pipeline", "application"),
        ("Training pipeline", "training_pipeline"),
        ("Pipeline (nightly fine-tuning)", "training_pipeline"),
    ],
)
def test_a_pipeline_is_what_flows_through_it(label, role):
    assert read(label)[0] == role


def test_helm_is_the_kubernetes_package_manager_not_the_benchmark():
    assert read("Helm chart")[0] == "deployment_controller"
    assert read("Helm upgrade --install")[0] == "deployment_controller"
    assert read("HELM benchmark")[0] == "evaluation"  # the benchmark says it is one


@pytest.mark.parametrize(
    ("label", "matched"),
    [
        # A role that grants access is auth, whatever product it opens.
        ("OpenSearch Role\nCollection access", "role"),
        ("Bedrock KB role", "role"),
        ("EC2 Role\nBedrock + S3", "role"),
        ("ServiceAccount\n(imagePullSecrets)", "service account"),
        ("default-deny NetworkPolicy", "network policy"),
    ],
)
def test_an_access_role_or_policy_is_auth(label, matched):
    assert read(label) == ("auth", "label", matched)


def test_a_role_word_that_does_not_end_the_head_is_no_access_role():
    assert read("Role inference")[0] == "model_inference"


def test_performance_tests_test_code_unless_they_name_the_model():
    assert read("Performance Tests") == ("unknown", "code_test", "performance tests")
    assert read("Model performance tests")[0] == "evaluation"


def test_a_data_pipeline_processes_data_it_does_not_bring_it_in():
    assert read("Data pipeline")[0] == "unknown"
    assert read("ETL job")[0] == "data_source"  # extract, transform, load: it brings the data in


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # A serving platform's name alone names its parts (scheduler, mesh), not the served model.
        ("seldon-scheduler", "unknown"),
        ("seldon-mesh\nEnvoy proxy", "api_gateway"),
        ("Seldon Core", "model_inference"),
        ("Seldon model", "model_inference"),
    ],
)
def test_a_serving_platform_is_the_model_only_where_it_serves(label, role):
    assert read(label)[0] == role


def test_a_web_or_chat_interface_is_the_users_interface():
    roles = assign_roles(design_from('flowchart LR\n  w["Web Interface"] --> a["Agent"] --> l["LLM"]\n  c["Chat interface"] --> a\n', "mermaid", "d.mmd"))
    assert (roles["w"].role, roles["c"].role) == ("user", "user")


@pytest.mark.parametrize("label", ["Authentication & Quotas", "Token auth + quota"])
def test_access_control_drawn_with_its_limits_is_auth(label):
    assert read(label)[0] == "auth"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # A step that writes an error down stands for where it writes; "Handle tool error" stays an outcome.
        ("Log error", ("data_store", "label", "logs")),
        ("Store error", ("data_store", "label", "store")),
        ("Handle tool error", ("unknown", "outcome", "tool error")),
        # Updating a store writes to it; updating what no store word names stays a step.
        ("Update session cache", ("data_store", "label", "cache")),
        ("Update customer table", ("data_store", "label", "table")),
        ("Update ticket status", ("unknown", "unknown", None)),
        # Objects are instances in memory, records, not the store or source their words name.
        ("Parsed PDF objects", ("unknown", "record", "objects")),
        ("Invoice document objects<br/>1 per page", ("unknown", "record", "objects")),
        # A Kubernetes custom resource (CR, CRD) is a configuration object, not the component it configures.
        ("InferenceService CR", ("unknown", "record", "service cr")),
        ("Gateway CRDs", ("unknown", "record", "gateway crds")),
        # A bare protocol before another word only says what the box speaks: the agent is the agent.
        ("MCP Billing Agent", ("application", "label", "agent")),
        ("MCP Billing Agent<br/>Dynamic tool discovery", ("application", "label", "agent")),
        # Alone, ending the head, or as one written name it is the MCP server; phrases keep their own match.
        ("Slack MCP", ("tool_executor", "label", "MCP")),
        ("MCP", ("tool_executor", "label", "MCP")),
        ("mcp-west-1", ("tool_executor", "label", "MCP")),
        ("MCP server", ("tool_executor", "label", "MCP server")),
        ("MCP Tools", ("tool_executor", "label", "MCP tools")),
        # So is an MCP server named with the transport it speaks, and the handlers of its tool calls.
        ("MCP stdio server", ("tool_executor", "label", "MCP stdio server")),
        ("MCP SSE server<br/>search, fetch", ("tool_executor", "label", "MCP SSE server")),
        ("MCP Handlers", ("tool_executor", "label", "MCP handler")),
        # An MCP adapter exposes a system as MCP tools; an adapter alone is any glue code.
        ("MCP Adapters", ("tool_executor", "label", "MCP adapter")),
        ("ERP Adapter", ("unknown", "unknown", None)),
        # An MCP endpoint is the address where an MCP server takes tool calls: the server, not the API's code.
        ("Private MCP endpoint", ("tool_executor", "label", "MCP endpoint")),
        ("Billing MCP Endpoints<br/>/mcp", ("tool_executor", "label", "MCP endpoint")),
        ("Search API endpoint", ("application", "label", "API endpoint")),
        # What happened to data is a state of the flow, not the store: a step verb's past participle ends it.
        ("Payment event created", ("unknown", "outcome", "created")),
        ("Dataset updated", ("unknown", "outcome", "updated")),
        ("Record logged", ("unknown", "outcome", "logged")),
        ("Dataset reader", ("unknown", "step", "reader")),
        ("Document Collection", ("data_store", "label", "documents")),
    ],
)
def test_round_five_reading_of_records_states_and_protocols(label, expected):
    assert read(label) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # A tool before a word that keeps, finds or picks tools is what the box manages: no tool runs there.
        ("Shared Tool Catalog", ("data_store", "label", "catalog")),  # kept like a registry (docs/roles.md)
        ("Tool List", ("unknown", "unknown", None)),
        ("Tool Selector", ("application", "label", "selector")),  # code that picks them (docs/roles.md)
        ("Tool Discovery Service", ("application", "label", "service")),
        ("Tools registry", ("data_store", "label", "registry")),
        # Tools named after those who build or run the system, or their chores, are their tooling.
        ("CLI Tools", ("unknown", "builder", "CLI")),
        ("Ingestion Tools", ("unknown", "unknown", None)),
        ("Export/Import Tools", ("unknown", "unknown", None)),
        ("Admin tools", ("unknown", "unknown", None)),
        # The tool itself, or a tool that acts, stays the tool.
        ("Tool Execution", ("tool_executor", "label", "tools")),
        ("Weather Tool Wrapper", ("tool_executor", "label", "tool wrapper")),
        ("Calendar Tools", ("tool_executor", "label", "tools")),
        ("Tool", ("tool_executor", "label", "tools")),
    ],
)
def test_a_tool_that_a_box_manages_is_no_tool(label, expected):
    assert read(label) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # Infrastructure software under a generic title is where things run or are built, not the application.
        ("Jenkins Server", ("unknown", "infrastructure", "jenkins server")),
        ("Kubernetes API server<br/>control plane", ("unknown", "infrastructure", "kubernetes api server")),
        ("Docker daemon", ("unknown", "infrastructure", "docker daemon")),
        # A service mesh carries the services' traffic: infrastructure, whichever mesh it is.
        ("Service mesh", ("unknown", "infrastructure", "service mesh")),
        ("Linkerd Service Mesh<br/>mTLS between pods", ("unknown", "infrastructure", "linkerd service mesh")),
        # A product's own server or service stays the application; a port alone is still a port.
        ("Chat Server", ("application", "label", "chat")),
        ("Jenkins webhook handler", ("application", "label", "handler")),
        ("sink", ("unknown", "infrastructure", "sink")),
        ("Istio Gateway", ("api_gateway", "label", "gateway")),  # the mesh's gateway is the edge
    ],
)
def test_infrastructure_software_under_a_generic_title_is_no_component(label, expected):
    assert read(label) == expected


@pytest.mark.parametrize(
    ("label", "artefact"),
    [
        ("SBOM Generation", "sbom"),
        ("Generate JSON report", "json"),
        ("Generate LIME explanation", "lime"),
        ("CSV generator", "csv"),
        ("Generate baseline statistics", "statistics"),  # statistics are computed, not generated by a model
        ("Stats generation job", "stats"),
    ],
)
def test_generating_what_code_writes_is_no_model(label, artefact):
    assert read(label) == ("unknown", "format", artefact)


@pytest.mark.parametrize("label", ["Generate response", "Generate Weekly Report", "Embedding Generator", "Generate SQL"])
def test_generating_text_answers_and_embeddings_stays_the_model(label):
    assert read(label)[0] == "model_inference"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # A name wrapped onto the next line is still the head's name ...
        ("Application Load<br/>Balancer (ALB)", ("api_gateway", "label", "load balancer")),
        ("Model<br/>Registry", ("model_registry", "label", "model registry")),
        ("Human<br/>Review Queue", ("human_review", "label", "human review")),
        # ... while the detail under a whole head still only describes it.
        ("LLM Engine<br>tool-calling, reasoning", ("model_inference", "label", "LLM engine")),
    ],
)
def test_a_name_wrapped_onto_the_next_line_is_the_heads_name(label, expected):
    assert read(label) == expected
