"""Readings of product names, privacy layers, guards, clients, streams and agents (docs/roles.md: "Personal
data", "Guards named by what they stop", "Known products", "Clients of a model API", "Streaming the answer",
"Agents named after people's work"); invented labels."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of


def role_of(label: str) -> str:
    return reading_of(label).role


@pytest.mark.parametrize(
    "label",
    [
        "Detect PII",
        "Strip personal data",
        "Mask PII<br/>emails, phone numbers",
        "Rehydrate PII",
        "Restore PII in response",
        "Unmask PII",
        "Desanitizer",
        "Privacy Layer",
        "Privacy Proxy",
        "Privacy Guard",  # a guard of privacy keeps personal data out, it does not judge content
        "Sensitive data filter",
        "Data Loss Prevention",
        "PII Redactor",
    ],
)
def test_a_layer_that_keeps_personal_data_from_the_model_is_the_pii_scrubber(label):
    assert role_of(label) == "pii_scrubber"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Customer PII database", "data_store"),  # where personal data is kept, not where it is removed
        ("Content Guard", "safety_filter"),  # a guard of content is the safety filter
        ("Anonymized dataset", "data_store"),  # the product of anonymising is data
        ("Redaction logs", "data_store"),  # a noun phrase names its last noun
        ("PII logs", "data_store"),
    ],
)
def test_personal_data_kept_or_content_guarded_is_not_the_scrubber(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize("label", ["Redact logs", "Pseudonymize records", "Redact PII from support tickets", "Anonymise chat logs"])
def test_a_privacy_verb_that_starts_the_label_is_the_step_whatever_data_it_names(label):
    assert role_of(label) == "pii_scrubber"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Topic Filter", "safety_filter"),
        ("Profanity filter", "safety_filter"),
        ("Denied topics", "safety_filter"),
        ("OpenRouter", "model_inference"),  # a hosted model API, not the application's router
        ("Portkey", "api_gateway"),
        ("HAProxy", "api_gateway"),
        ("E2B sandbox", "tool_executor"),
        ("Python REPL", "tool_executor"),
        ("Computer use", "tool_executor"),
        ("MLflow Model Registry", "model_registry"),  # the registry, not an MLflow model
        ("Comet ML<br/>Experiments", "model_registry"),  # a tracker of training runs, not an A/B test
        ("ClearML", "model_registry"),
        ("OpenLIT SDK", "monitoring"),
        ("Langtrace", "monitoring"),
        ("o11y adapter", "monitoring"),  # the numeronym of observability
        ("Model performance tracking", "monitoring"),
        ("Spam check", "safety_filter"),
        ("Similarity Engine", "retrieval"),
        ("Tavily web search", "retrieval"),
        ("n8n", "application"),
        ("LiveKit Room", "application"),
        ("Deepgram STT", "model_inference"),
        ("Mem0", "data_store"),
        ("Deepchecks", "evaluation"),
        ("MetricsReloaded<br/>Dice, Hausdorff distance", "evaluation"),  # a library of evaluation metrics, no monitor
        ("APISIX", "api_gateway"),
        ("Labeling Queue", "human_review"),  # people's work waiting, not a message queue
        ("Intent Detection", "model_inference"),
        ("Prompt Registry", "data_store"),
    ],
)
def test_guards_by_what_they_stop_and_known_products(label, role):
    assert role_of(label) == role


def roles_in(source: str) -> dict[str, str]:
    return {node: a.role for node, a in assign_roles(design_from(source, "mermaid", "design.mmd")).items()}


def test_a_client_of_a_model_api_is_the_caller_not_the_model():
    """Where the flow starts, "OpenAI client" is the program someone calls the service with (their end of the
    drawing); in the middle of the flow it is the application's code that calls the model."""
    roles = roles_in(
        """
        flowchart LR
          c["OpenAI client"] --> gw["FastAPI gateway"] --> v["vLLM"]
          app["Chat backend"] --> oc["OpenAI client"] --> llm["GPT-4o"]
          u["User"] --> app
        """
    )
    expected = ("user", "application", "model_inference", "model_inference")
    assert (roles["c"], roles["oc"], roles["v"], roles["llm"]) == expected


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Anthropic SDK / httpx", "application"),  # the first alternative is code that calls the model
        ("Gemini client, REST fallback", "application"),
        ("Mistral SDK (Python)", "application"),
        ("Claude Sonnet", "model_inference"),  # no caller word: the model
    ],
)
def test_a_caller_word_right_after_the_model_names_its_calling_code(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Reviewer Agent", "application"),  # software doing a reviewer's work, not people reviewing
        ("annotation_agent", "application"),
        ("Human agent", "human_review"),  # people, named as such
        ("Support agent", "human_review"),
        ("Expert review", "human_review"),
    ],
)
def test_an_agent_named_after_peoples_work_is_software(label, role):
    assert role_of(label) == role


def test_with_no_model_drawn_a_reviewer_agent_is_the_model():
    roles = roles_in(
        """
        flowchart LR
          p["planner_agent"] --> a["analyst_agent"] --> r["reviewer_agent"] --> h["human_review"]
        """
    )
    assert (roles["r"], roles["h"]) == ("model_inference", "human_review")


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Token Streaming (SSE)", "application"),  # the answer sent as it is made
        ("Server-sent events", "application"),
        ("Response streaming", "application"),
        ("Event stream", "data_store"),  # data arriving stays data
        ("Clickstream", "unknown"),
    ],
)
def test_streaming_the_answer_is_the_application(label, role):
    assert role_of(label) == role


def test_an_agent_is_read_by_the_end_of_its_head_and_may_act_past_a_line_break():
    roles = roles_in(
        """
        flowchart LR
          u["User"] --> l["Agent Loader<br/>discover_agents()"] --> o["Orchestrator Agent<br/>Validates input"]
        """
    )
    assert (roles["l"], roles["o"]) == ("application", "model_inference")


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("PHI detector", "pii_scrubber"),  # protected health information, not the Phi model
        ("Redact PHI from notes", "pii_scrubber"),
        ("PHI filter", "pii_scrubber"),
        ("Phi-3 mini", "model_inference"),  # the model, named as its makers write it
    ],
)
def test_phi_is_health_cares_personal_data(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Human gate before publish", "human_review"),
        ("Human verdict: accept / reject", "human_review"),
        ("Human sign-off", "human_review"),
        ("Privacy Protection layer", "pii_scrubber"),
        ("Immutable storage (WORM)", "audit_log"),
        ("Human", "user"),  # a person alone is the user; the act of judging makes the reviewer
    ],
)
def test_people_judging_privacy_protection_and_immutable_records(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Secret detection step", "pii_scrubber"),  # data loss prevention: secrets found before they leave
        ("Redact secrets from logs", "pii_scrubber"),
        ("Secrets Manager", "auth"),  # where the secrets are kept
        ("Vault secret store", "auth"),
    ],
)
def test_secrets_found_before_they_leave_are_data_loss_prevention(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Compute PSI per feature", "monitoring"),  # population stability index: drift
        ("PSI above threshold?", "monitoring"),
        ("Tire PSI sensor", "data_source"),  # a pressure, not drift
        ("Prometheus Pushgateway", "monitoring"),
    ],
)
def test_drift_measured_by_the_population_stability_index(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Compare live vs reference distributions", "monitoring"),  # drift told by what it compares
        ("Covariate shift detector", "monitoring"),
        ("Weekly prediction shift", "monitoring"),  # what shifts: the model's outputs, not a prediction made
        ("Label shift check", "monitoring"),
        ("Dataset shift?", "monitoring"),
        ("Compare distributions of new inputs", "monitoring"),
        ("Reference distribution", "unknown"),  # the baseline alone is data, not the check
    ],
)
def test_drift_told_as_a_comparison_of_distributions(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Apache Airflow", "application"),  # a workflow orchestrator, as n8n is
        ("Dagster", "application"),
        ("Prefect flows", "application"),
        ("Airflow DAG", "application"),  # a DAG alone names no training: the orchestrator's flow
        ("Nightly Airflow DAGs", "application"),
        ("Airflow retraining DAG", "training_pipeline"),
    ],
)
def test_workflow_orchestrators_are_the_application(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Pydantic AI<br>triage logic", "application"),  # agent frameworks, as LangGraph is
        ("smolagents runner", "application"),
        ("Mastra workflows", "application"),
        ("OpenAI Agents SDK", "application"),  # the SDK the agents are written with, not the model
        ("Google ADK", "application"),
        ("Strands Agents app", "application"),
        ("Vercel AI SDK route", "application"),
        ("Spring AI service", "application"),
        ("Genkit flows", "application"),
        ("Temporal.io", "application"),  # the workflow engine ...
        ("Temporal Workflow<br>order saga", "application"),
        ("Temporal features", "unknown"),  # ... not a word of time
        ("Botpress", "application"),
        ("Hatchet workflows<br>nightly jobs", "application"),  # durable workflow engines ...
        ("Hatchet", "unknown"),  # ... a tool's name alone
        ("Inngest functions", "application"),
        ("Trigger.dev tasks", "application"),
    ],
)
def test_agent_frameworks_and_workflow_engines_are_the_application(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Ruby on Rails", "application"),  # the web framework ...
        ("Rails API<br>Puma", "application"),
        ("Storefront Rails backend", "application"),
        ("Input rails", "safety_filter"),  # ... not a guardrail's rails
        ("Dialog rails", "safety_filter"),
    ],
)
def test_a_rails_app_is_the_web_framework_not_a_rail(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Supabase Edge Functions", "application"),  # serverless code of the product ...
        ("Edge Function<br>checkout.ts", "application"),
        ("Edge Router", "api_gateway"),  # ... while the edge itself stays the gateway
        ("Edge", "api_gateway"),
    ],
)
def test_edge_functions_are_the_products_code_not_the_edge(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Undeploy model", "deployment_controller"),  # out of service, as a rollback takes it
        ("Undeployment job", "deployment_controller"),
    ],
)
def test_undeploying_a_model_is_a_release_step(label, role):
    assert role_of(label) == role


def test_a_web_application_firewall_is_a_waf_written_out():
    assert role_of("Web Application Firewall (Cloudflare)") == "rate_limiter"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Grafana Loki", "monitoring"),
        ("Promtail agent", "monitoring"),
        ("Authentik SSO", "auth"),
        ("Caddy reverse proxy", "api_gateway"),
        ("Knowledge index", "retrieval"),
        ("Output policy check", "safety_filter"),  # the rules an answer must pass on its way out
        ("Input policy", "safety_filter"),
    ],
)
def test_parts_of_self_hosted_ai_stacks(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Parakeet ASR", "model_inference"),  # NVIDIA's speech recognition models
        ("Apache AGE", "data_store"),  # a graph database on PostgreSQL
    ],
)
def test_speech_models_and_graph_stores_by_name(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("ServiceMonitor", "monitoring"),
        ("ServiceMonitors for Triton and TGI", "monitoring"),  # what it scrapes does not make it the model
        ("servicemonitor: inference-metrics", "monitoring"),
    ],
)
def test_a_service_monitor_is_what_prometheus_scrapes(label, role):
    assert role_of(label) == role
