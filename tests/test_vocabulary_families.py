"""Each family of words the role vocabulary must know, checked on labels invented for these tests.

None of these labels is copied from a corpus: they are how people commonly name such components, so
that a pass here says the family is covered in general, not that one drawing was fixed.
"""

from __future__ import annotations

import pytest

from aidlint.roles.infer import RoleAssignment, assign_roles
from aidlint.roles.vocabulary import load_vocabulary

from .helpers import design_from, reading_of


def assignment(label: str) -> RoleAssignment:
    return reading_of(label)


def roles_of(labels: list[str]) -> dict[str, str]:
    return {label: assignment(label).role for label in labels}


def all_are(labels: list[str], role: str) -> None:
    assert roles_of(labels) == {label: role for label in labels}


@pytest.mark.parametrize(
    "labels",
    [
        [
            "GPT-4o", "gpt-4o-mini", "Claude 3.5 Sonnet", "Claude Haiku", "Llama 3.1 70B", "Mistral 7B",
            "Mixtral 8x7B", "Gemma 2 9B", "Qwen2.5 coder", "Phi-3 mini", "YOLOv8 detector", "ResNet-50",
            "BERT base", "DistilBERT sentiment", "Gemini Pro", "DeepSeek R1", "Whisper large",
            "Stable Diffusion XL", "CLIP ViT-L/14", "XGBoost churn scorer",
        ]
    ],
)
def test_model_names_and_families_are_the_model(labels):
    all_are(labels, "model_inference")


@pytest.mark.parametrize(
    "labels",
    [
        [
            "OpenAI chat completions", "Azure OpenAI deployment gpt-4", "Amazon Bedrock", "Vertex AI endpoint",
            "vLLM server", "TGI container", "Triton Inference Server", "Ollama (local)", "llama.cpp server",
            "LiteLLM", "KServe InferenceService", "Seldon Core model", "BentoML service", "Ray Serve app",
            "TorchServe", "SageMaker endpoint", "Groq API", "Together AI", "NVIDIA API catalog", "NVIDIA AI Endpoints",
            "NeMo Retriever embedding NIM",
        ]
    ],
)
def test_hosted_model_apis_and_self_hosted_runtimes_are_the_model(labels):
    all_are(labels, "model_inference")


def test_a_runtime_name_beats_the_generic_word_beside_it():
    # "deployment" and "service" are generic; the runtime says what is served.
    assert assignment("Azure OpenAI deployment gpt-4").matched == "Azure OpenAI"
    assert assignment("BentoML service").matched == "BentoML"


@pytest.mark.parametrize(
    "labels",
    [
        [
            "Speech-to-text", "ASR service", "Whisper transcription", "Text-to-speech", "TTS engine",
            "OCR service", "Vision model", "Object detection", "Image classifier", "Embedding model",
            "Text embedding service", "Sentence transformer encoder", "Pose estimation",
        ]
    ],
)
def test_speech_vision_and_embedding_model_servers_are_the_model(labels):
    all_are(labels, "model_inference")


@pytest.mark.parametrize(
    "labels",
    [
        [
            "Predict", "Predict churn", "Classify intent", "Generate reply", "Embed documents", "Rerank results",
            "Summarize thread", "Extract fields", "Translate message", "Forecast demand", "Score lead",
        ]
    ],
)
def test_inference_verbs_as_step_labels_are_the_model(labels):
    all_are(labels, "model_inference")


@pytest.mark.parametrize(
    "labels",
    [["Intent classifier", "Judge", "LLM judge", "Summarizer", "Reflection step: reasoning", "LLM router"]],
)
def test_llm_call_nodes_in_agent_graphs_are_the_model(labels):
    all_are(labels, "model_inference")


def test_a_router_is_no_model_unless_it_names_one():
    # Readers of real diagrams took "Router", "Revision Router" and a request router for routing code or
    # a gateway, never for a model (benchmarks/data/roles, benchmarks/data/design_labels_round2): the
    # application's code, a generic title that a gateway or a model named beside it replaces (docs/roles.md).
    all_are(["Router", "Intent router", "Revision router"], "application")


def test_a_traffic_router_is_a_release_control_not_an_llm_call():
    assert assignment("Traffic router").role == "deployment_controller"


@pytest.mark.parametrize(
    "labels",
    [
        [
            "Is it safe?", "Is the reply toxic?", "Toxicity check", "Safety check", "Unsafe?",
            "Jailbreak detection", "Prompt injection check", "Content moderation", "Llama Guard 3",
            "NeMo Guardrails", "Input rails", "Output guardrail",
        ]
    ],
)
def test_decision_nodes_that_are_safety_checks_are_safety_filters(labels):
    all_are(labels, "safety_filter")


@pytest.mark.parametrize(
    "labels",
    [["Is it cached?", "Safety stock", "Safe harbor notice", "Filter by region"]],
)
def test_questions_and_filters_that_are_not_safety_checks_are_not_safety_filters(labels):
    assert all(role != "safety_filter" for role in roles_of(labels).values())


@pytest.mark.parametrize(
    "labels",
    [
        [
            "Langfuse", "LangSmith tracing", "Arize Phoenix", "Phoenix", "Arize", "Evidently report",
            "WhyLabs", "Fiddler", "Helicone", "TruLens", "Drift detection", "Model monitoring",
        ]
    ],
)
def test_model_observability_products_are_monitoring(labels):
    all_are(labels, "monitoring")


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Prometheus node exporter", "infra_monitoring"),
        ("Grafana (CPU, GPU utilisation)", "infra_monitoring"),
        ("Grafana: prediction drift", "monitoring"),
    ],
)
def test_machine_metrics_alone_are_infrastructure_monitoring(label, role):
    assert assignment(label).role == role


@pytest.mark.parametrize(
    "labels",
    [
        [
            "Champion/challenger", "Champion challenger switch", "Shadow deployment", "Shadow mode",
            "Canary 5%", "Ramp to 25%", "Traffic split 90/10", "Blue/green switch", "Progressive rollout",
            "Argo Rollouts", "Flagger", "Promote to production",
        ]
    ],
)
def test_release_words_are_deployment_control(labels):
    all_are(labels, "deployment_controller")


def test_release_words_name_a_progressive_rollout_only_when_they_say_so():
    vocabulary = load_vocabulary()
    for label in ("Champion/challenger", "Shadow deployment", "Ramp to 25%", "Canary 5%", "Traffic split 90/10"):
        assert vocabulary.term_matches("progressive", label), label
    for label in ("Deploy", "Release", "CD"):
        assert not vocabulary.term_matches("progressive", label), label


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # People who use the system.
        ("Customer", "user"),
        ("Patient portal user", "user"),
        ("Mobile app", "user"),
        ("Visitor (SDK consumer)", "user"),
        ("Visitor question", "user"),
        # People who build or run it are not its users.
        ("ML engineer workstation", "unknown"),
        ("Data scientist notebook", "unknown"),
        ("Developer laptop", "unknown"),
        ("Developer (SDK consumer)", "unknown"),
        # People who review are human review, not users.
        ("Annotator team", "human_review"),
        ("Moderators", "human_review"),
        ("Human raters", "human_review"),
        # Things named after users are components.
        ("User embeddings", "model_inference"),
        ("Customer table", "data_store"),
        ("User session store", "data_store"),
    ],
)
def test_people_who_use_the_system_versus_people_who_build_it(label, role):
    assert assignment(label).role == role


@pytest.mark.parametrize(
    ("label", "role", "matched", "ambiguous_with"),
    [
        # The more specific phrase wins: more words as written ...
        ("Model registry", "model_registry", "model registry", ()),
        ("Vector store", "retrieval", "vector store", ()),
        # ... then more of the label covered ("LlamaIndex" over "Llama") ...
        ("LlamaIndex router", "application", "LlamaIndex", ()),
        # ... then the main text over parentheses ...
        ("Reviewer (uses feedback)", "human_review", "reviewer", ()),
        # ... and what remains is a tie settled by precedence, which `aidlint roles` reports.
        ("Retrain model", "training_pipeline", "retrain", ("model_inference",)),
        ("Monitor alerts", "monitoring", "monitor", ("alerting",)),
    ],
)
def test_ambiguous_words_follow_specificity_then_precedence(label, role, matched, ambiguous_with):
    found = assignment(label)
    assert (found.role, found.matched, found.ambiguous_with) == (role, matched, ambiguous_with)
    if ambiguous_with:
        assert f"ambiguous with {', '.join(ambiguous_with)}; {role} takes precedence" in found.reason


def test_the_families_hold_inside_a_design():
    design = design_from(
        """
        u "Shopper"
        gw "API gateway"
        guard "Is it safe?"
        plan "Intent classifier"
        llm "Claude 3.5 Sonnet"
        obs "Langfuse"
        rollout "Champion/challenger"
        u -> gw -> guard -> plan -> llm -> obs
        rollout -> llm
        """
    )
    roles = {node: found.role for node, found in assign_roles(design).items()}
    assert roles == {
        "u": "user", "gw": "api_gateway", "guard": "safety_filter", "plan": "model_inference",
        "llm": "model_inference", "obs": "monitoring", "rollout": "deployment_controller",
    }


def test_key_value_and_coordination_stores_are_data_stores():
    all_are(["etcd cluster", "etcd<br/>Configuration Management", "ZooKeeper", "Consul KV"], "data_store")


def test_a_term_list_names_the_entry_a_label_contains_as_the_list_writes_it():
    vocabulary = load_vocabulary()
    assert vocabulary.first_term("action_products", ["open", "a", "zendesk", "ticket"]) == "Zendesk"
    assert vocabulary.first_term("action_products", ["google", "calendar", "api"]) == "Google Calendar"
    assert vocabulary.first_term("action_products", ["google", "drive"]) is None


def test_program_callers_are_caller_words():
    # roles/infer.py reads `program_callers` only on a box a caller word decided (CALLS_THE_MODEL): a word in
    # the first list and not in the second would never be read.
    vocabulary = load_vocabulary()
    assert vocabulary.words("program_callers") and vocabulary.words("program_callers") <= vocabulary.words("caller_words")
