"""Model families, classic learners, managed AI services and the products of the other roles, read as what
they are (docs/roles.md, "Known products"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def role_of(label: str) -> str:
    return reading_of(label).role


@pytest.mark.parametrize(
    "label",
    [
        "o3-mini",
        "Sonnet 4.5",
        "Nemotron 70B",
        "Granite 3.1",
        "GLM-4 chat",
        "StarCoder2",
        "DALL-E 3",
        "LSTM forecaster",
        "Prophet",
        "Isolation Forest",
        "K-Means clustering",
        "Logistic Regression",
        "spaCy NER",
        "Sentiment Analysis",
        "Audio Transcription",
        "Recommendation Engine",
        "Amazon Textract",
        "Azure Document Intelligence",
        "Google Cloud Vision",
        "LocalAI",
    ],
)
def test_a_model_named_by_family_learner_or_managed_service_is_the_model(label):
    assert role_of(label) == "model_inference"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("OIDC provider", "auth"),
        ("mTLS", "auth"),
        ("OpenFGA", "auth"),
        # what issues the certificates that prove identity over TLS
        ("cert-manager<br/>ClusterIssuer", "auth"),
        ("Let's Encrypt", "auth"),
        ("Internal certificate authority", "auth"),
        ("Token bucket", "rate_limiter"),  # the limiter's algorithm, not a storage bucket
        ("Spend limit", "rate_limiter"),
        ("Budget enforcement", "rate_limiter"),
        ("BudgetGuard", "rate_limiter"),  # a guard of spend caps it, it judges no content
        ("Spend cap per tenant", "rate_limiter"),
        ("Daily cap ($20)", "rate_limiter"),
        ("Axolotl", "training_pipeline"),
        ("NeMo Customizer", "training_pipeline"),
        ("Vertex AI Pipelines", "training_pipeline"),  # the pipeline, not the Vertex AI endpoint it feeds
        ("Slack notification", "alerting"),  # a message sent to people, not the people on Slack
        ("CloudTrail", "audit_log"),
        ("Activity log", "audit_log"),
        ("Amazon Macie", "pii_scrubber"),
        ("Tokenization service", "pii_scrubber"),
        ("Playwright", "tool_executor"),
        ("Composio", "tool_executor"),
        ("MCPO server", "tool_executor"),  # mcpo serves MCP tools as OpenAPI
        ("External functions<br/>(stock quotes)", "tool_executor"),  # what a model calls by function calling
    ],
)
def test_products_and_acts_of_the_other_roles_are_read_as_what_they_are(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("SFT dataset", "data_store"),  # the data a tuning method learns from, not the training step
        ("Vertex AI endpoint", "model_inference"),
        ("Slack", "user"),  # the channel people write in
        ("Amazon Comprehend PII detection", "pii_scrubber"),  # the longer phrase names the act
    ],
)
def test_what_the_new_names_do_not_reach(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Logging Service", "audit_log"),
        ("Structured Logs", "audit_log"),
        ("Request logger", "audit_log"),
        ("logging", "audit_log"),
        ("Log Event", "data_store"),  # a step writing a record, not the logging component
        ("Rejected request log", "data_store"),  # one log the flow writes to
        ("Call transcripts", "unknown"),  # what transcription writes is data, not the model
        ("Transcribe audio", "model_inference"),
    ],
)
def test_logging_as_a_component_is_the_audit_log_and_a_log_written_to_is_data(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Parameter Validation", "unknown"),
        ("Valid JSON?", "unknown"),
        ("Config validation", "unknown"),
        ("Validate request body", "unknown"),
        ("Model Validation", "evaluation"),  # a model's validation is the evaluation
        ("Validation", "evaluation"),
    ],
)
def test_a_validation_of_parameters_formats_or_config_checks_data_not_a_model(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Dataset Audit", "unknown"),  # an inspection of the data
        ("Fairness Audit<br/>stratified analysis", "evaluation"),  # of a model's fairness, as a bias audit is
        ("Request audit", "audit_log"),  # events audited are what an audit log keeps
        ("Audit trail", "audit_log"),
    ],
)
def test_an_audit_of_data_or_fairness_is_an_inspection_not_the_audit_log(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Physician Assessment", "unknown"),  # a clinical assessment evaluates a patient, not a model
        ("Risk assessment", "unknown"),
        ("Model assessment", "evaluation"),
        ("Red Flag Detected?", "safety_filter"),  # a warning sign caught (a guard's verdict), not a user flagging content
        ("Flag content", "feedback_collector"),
        ("User flagging", "feedback_collector"),
        ("Valid Session?", "unknown"),  # a session checked is no model evaluated
    ],
)
def test_assessments_red_flags_and_sessions_are_not_read_as_model_words(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("AuthPlugin", "auth"),  # middleware named for what it does
        ("RateLimitPlugin", "rate_limiter"),
        ("Device Plugin", "unknown"),
        ("Assistant plugins", "tool_executor"),  # beside what calls them they are its tools
        ("Agent plugins", "tool_executor"),
    ],
)
def test_a_plugin_is_an_agents_tool_only_beside_the_agent_or_model_that_calls_it(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Remove sensitive information", "pii_scrubber"),
        ("Pseudonymize user data", "pii_scrubber"),
        ("Personal data filter", "pii_scrubber"),
        ("Latency alarm", "alerting"),
        ("Per-tenant limits", "rate_limiter"),
        ("Backpressure", "rate_limiter"),
    ],
)
def test_privacy_alarms_and_limits_told_in_other_words(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Rate response", "feedback_collector"),
        ("CSAT", "feedback_collector"),
        ("Was this helpful?", "feedback_collector"),
        ("Flag as inappropriate", "feedback_collector"),
        ("Helpful / Not helpful", "feedback_collector"),
        ("Implicit signals (clicks)", "feedback_collector"),
        ("Moderation queue", "human_review"),  # content waiting for moderators, not a message queue
        ("Learning rate", "unknown"),  # a rate that no user gives
        # "human" before an act names the act: a case handed to people, people's votes on answers.
        ("Human handoff", "human_review"),
        ("Handoff to a human", "human_review"),
        ("Human oversight", "human_review"),
        ("Human voting", "feedback_collector"),
        ("Human preferences", "feedback_collector"),
        # a person overruling what the system decided
        ("Manual override", "human_review"),
        ("Human override", "human_review"),
        ("Manual override (clinician)", "human_review"),
        # a person's veto of what the system is about to do; "veto" alone names nobody
        ("Human veto", "human_review"),
        ("Operator veto queue", "human_review"),
        ("Veto", "unknown"),
    ],
)
def test_feedback_and_review_told_as_acts_surveys_and_queues(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Session validation", "auth"),
        ("Tenant isolation", "auth"),
        ("Entitlements", "auth"),
        ("Row-level security", "auth"),
        # A JWT or an HMAC checked is the caller's identity checked, not a model evaluated.
        ("JWT validation", "auth"),
        ("HMAC verify", "auth"),
        ("Webhook signature check", "auth"),
        ("Model validation", "evaluation"),
        # Kubernetes and OpenShift objects that route traffic in are the edge; sources of knowledge are where data enters.
        ("OpenShift Routes", "api_gateway"),
        ("HTTPRoute<br>chat-model", "api_gateway"),
        ("Knowledge sources", "data_source"),
        # Calibrating a model's scores is one more step of making it; a camera's calibration is none.
        ("Model calibration", "training_pipeline"),
        ("Probability calibration<br>Platt scaling", "training_pipeline"),
        ("Calibration", "unknown"),
        # A policy engine's evaluation decides a request: access control, no model evaluation.
        ("Cedar eval<br>deny policies", "auth"),
        ("OPA policy eval", "auth"),
        ("Offline eval + promotion policy", "evaluation"),
        ("Refusal check", "safety_filter"),
        ("Refusal gate<br/>grounding score below threshold?", "safety_filter"),
    ],
)
def test_access_checks_and_refusal_checks_told_in_other_words(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # Cloud products and objects, each read as what it is.
        ("Microsoft Purview<br/>Audit", "audit_log"),
        ("per-tenant CMK", "auth"),
        ("Bucket policy", "auth"),
        ("Cedar policies", "auth"),
        ("BudgetPolicy<br/>monthlyUsd=500", "rate_limiter"),
        ("Public web sources", "data_source"),
        ("Azure Web App", "application"),
        ("Bedrock invocation log group", "data_store"),
        ("CloudWatch log groups", "data_store"),
        # Kinds of search, and the model that understands a query.
        ("pg_trgm", "retrieval"),
        ("Full-text search", "retrieval"),
        ("Embedding vector column", "retrieval"),
        ("Query understanding", "model_inference"),
        # Networking is no gateway in front of the product and no guard of a model's input.
        ("NAT Gateway", "unknown"),
        ("VPN Gateway", "unknown"),
        ("Private network<br/>Tailscale · WireGuard · VPN", "unknown"),
        ("Kong API Gateway", "api_gateway"),
        ("Llama Guard", "safety_filter"),
    ],
)
def test_products_objects_and_networking_read_as_what_they_are(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # What training produced is no model at work, whatever kind of model it is.
        ("Trained Router", "unknown"),
        ("Retrained classifier", "unknown"),
        ("Updated model", "unknown"),
        ("Fraud classifier", "model_inference"),
        ("Request Router", "application"),
        # "Reasoning" and "labelling" only as written: a decision's reason, a label attached.
        ("PolicyDecision(outcome=DENY, reason)", "unknown"),
        ("Reasoning model", "model_inference"),
        ("Risk label", "unknown"),
        ("Data labelling", "human_review"),
        ("terraform apply", "unknown"),  # to apply is a step; an application is a program
        ("Apply session settings", "unknown"),
        ("Web applications", "application"),
        ("Cross-region replication", "unknown"),  # no call to the Replicate model API
        # Masking, hashing and tokenizing hide personal data only beside the data they hide.
        ("Mask emails and phone numbers", "pii_scrubber"),
        ("Tokenize card numbers", "pii_scrubber"),
        ("Hash PII", "pii_scrubber"),
        ("Attention mask", "unknown"),
        ("Tokenize text", "unknown"),
        ("Replicate API", "model_inference"),
    ],
)
def test_words_in_the_sense_they_name(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("G-Eval: score coherence", "model_inference"),  # an LLM judge scoring by a rubric
        ("GEval correctness judge", "model_inference"),
        ("Chunk relevance evaluator", "model_inference"),  # the relevance grader by another name
        ("Relevance evaluation", "evaluation"),  # evaluating relevance offline is no judge at work
        ("Answer evaluator", "evaluation"),
    ],
)
def test_an_llm_judge_named_for_what_it_grades_is_the_model(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Flower monitor :5555", "infra_monitoring"),  # Celery's monitor of task workers
        ("Celery Flower", "infra_monitoring"),
        ("Flower", "unknown"),  # also a federated-learning framework: bare, it stays open
    ],
)
def test_celery_flower_watches_the_workers(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Browser Use<br>drives Chromium", "tool_executor"),  # the library an agent drives a browser with
        ("Stagehand", "tool_executor"),
        ("Daytona<br>isolated workspace", "tool_executor"),  # where an agent runs the code it writes
        ("Wolfram Alpha", "tool_executor"),
        ("Code Executor (Python)", "tool_executor"),
        ("Serper", "retrieval"),  # web-search APIs queried at answer time, as Tavily is
        ("SerpAPI<br>Google results", "retrieval"),
        ("Brave Search API", "retrieval"),
        ("SearXNG", "retrieval"),
    ],
)
def test_agent_tool_and_web_search_products_read_as_what_they_are(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("VoiceLive", "model_inference"),  # Azure Voice Live, a speech-to-speech model service
        ("Azure Voice Live<br>speech in, speech out", "model_inference"),
        ("OpenAI Realtime API", "model_inference"),
        ("gpt-4o-realtime-preview", "model_inference"),
        ("Azure VoiceLive Connection", "application"),  # the code that calls the service
        ("Realtime API", "application"),  # the product's own API: no service named
    ],
)
def test_realtime_speech_model_services_are_models(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("GPT Actions<br>calls the booking API", "tool_executor"),
        ("Zapier Actions", "tool_executor"),
        ("Zapier", "application"),  # the workflow tool itself
        ("AgentCore Browser", "tool_executor"),  # a browser an agent drives, no person's browser
        ("Browserless", "tool_executor"),
        ("Headless Chrome pool", "tool_executor"),
        ("Chrome browser", "user"),  # a person's browser
    ],
)
def test_actions_and_browsers_an_agent_drives_are_tools(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Codestral 25.01", "model_inference"),
        ("Ministral 3B (edge)", "model_inference"),
        ("Pixtral Large", "model_inference"),
        ("LLaVA-NeXT captioner", "model_inference"),
        ("InternLM2 chat", "model_inference"),
        ("OLMo 2 13B", "model_inference"),
        ("Florence-2 OCR", "model_inference"),
        ("DINOv2 backbone", "model_inference"),
        ("Detectron2", "model_inference"),
        ("EfficientNet-B4", "model_inference"),
        ("MobileNetV3 on device", "model_inference"),
        ("Segment Anything", "model_inference"),
        ("wav2vec2 ASR", "model_inference"),
        ("XTTS v2 voice", "model_inference"),
        ("NLLB-200 translator", "model_inference"),
        ("LMDeploy", "model_inference"),
        # names too common alone stay out: a city, a phrase, an identifier
        ("Florence office", "unknown"),
        ("Customer segment", "unknown"),
        ("O3", "unknown"),
    ],
)
def test_models_of_the_second_list_are_read_as_what_they_are(label, role):
    assert role_of(label) == role


def test_open_llms_of_the_second_list_sign_a_generative_design_and_vision_backbones_a_predictive_one():
    from aidlint.roles.families import classify_models
    from aidlint.roles.infer import assign_roles
    from aidlint.roles.vocabulary import load_vocabulary

    from ..helpers import design_from

    vocabulary = load_vocabulary()
    for source, family in (
        ('u "Upload"\nm "Pixtral Large"\nu -> m\n', "generative"),
        ('c "Camera feed"\nm "EfficientNet-B4"\nc -> m\n', "predictive"),
    ):
        design = design_from(source)
        assert classify_models(design, assign_roles(design), vocabulary).family == family
