"""Where the model ends (docs/roles.md): boxes that mention a model without being one, each rule on labels
invented for these tests."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of


def roles_of(source: str) -> dict[str, str]:
    return {node: a.role for node, a in assign_roles(design_from(source)).items()}


def read(label: str) -> tuple[str, str]:
    assignment = reading_of(label)
    return assignment.role, assignment.how


@pytest.mark.parametrize("label", ["job-planner<br>Model scheduling", "Bin packer (model packaging)", "Placement<br>model card"])
def test_a_model_that_only_qualifies_an_act_in_the_detail_is_no_model(label):
    assert read(label) == ("unknown", "unknown")


@pytest.mark.parametrize("label", ["Worker<br>Model A", "Runner (model serving)", "Pod<br>model inference"])
def test_a_model_named_in_the_detail_still_gives_way_to(label):
    assert read(label)[0] == "model_inference"


@pytest.mark.parametrize(
    "label", ["POST /v2/score", "GET /classify/{id}", "Worker → PUT /jobs/summarize", "/api/v2/translate<br>Translation", "🔮 /forecast"]
)
def test_a_route_that_names_a_models_act_is_the_application(label):
    assert read(label) == ("application", "label")


@pytest.mark.parametrize("label", ["/api/v2/documents<br>Document store", "PUT /tools/{name}", "/v1/sessions<br>Redis session store", "POST /search"])
def test_a_route_is_the_application_not_what_it_calls(label):
    assert read(label) == ("application", "label")


@pytest.mark.parametrize(("label", "role"), [("POST /feedback", "feedback_collector"), ("GET /metrics", "monitoring")])
def test_a_route_keeps_what_it_does_itself(label, role):
    assert read(label) == (role, "label")


def test_a_route_where_the_flow_ends_is_no_persons_message():
    roles = roles_of('u "Customer"\nr "/api/v1/chat<br>Assistant chat"\nm "LLM"\nu -> m -> r\n')
    assert roles["r"] == "application"


@pytest.mark.parametrize("api", ["Scoring API", "Serving endpoint", "Predictions API"])
def test_an_api_named_after_serving_beside_a_drawn_model_exposes_it(api):
    roles = roles_of(f'm "Fraud classifier"\na "{api}"\nd "Dashboard"\nm -> a -> d\n')
    assert roles["m"] == "model_inference"
    assert roles["a"] == "application"


def test_an_api_named_after_serving_with_no_model_beside_it_runs_the_model():
    roles = roles_of('c "Customer"\na "Scoring API"\nr "Results table"\nc -> a -> r\n')
    assert roles["a"] == "model_inference"


def test_an_api_named_after_a_model_stays_the_model_beside_another():
    roles = roles_of('a "Embedding API"\nm "Chat LLM"\na -> m\n')
    assert roles == {"a": "model_inference", "m": "model_inference"}


@pytest.mark.parametrize("step", ["Triage agent drafts reply", "Billing Agent Checks Invoice"])
def test_an_agent_acting_is_the_model_at_work_even_beside_a_drawn_model(step):
    roles = roles_of(f'u "Customer"\na "{step}"\nm "Embedding model"\nu -> a -> m\n')
    assert roles["a"] == "model_inference"


def test_an_agent_named_only_is_the_application_beside_a_drawn_model():
    roles = roles_of('u "Customer"\na "Triage agent"\nm "Claude"\nu -> a -> m\n')
    assert roles["a"] == "application"


@pytest.mark.parametrize("label", ["vLLM Proxy", "Ollama gateway<br>port 8080", "OpenAI API proxy"])
def test_a_gateway_in_front_of_a_model_is_the_gateway(label):
    assert read(label) == ("api_gateway", "label")


def test_a_gateway_only_in_the_detail_leaves_the_model():
    assert read("Mistral 7B<br>behind the ingress proxy") == ("model_inference", "label")


@pytest.mark.parametrize("label", ["Service Layer<br>(Tool / Resource / Server)", "Backend (servers)"])
def test_a_generic_title_in_the_detail_gives_no_serving(label):
    # "Server" is a word form of "serving", but a generic title under a generic head names no model.
    assert read(label) == ("application", "label")


def test_a_runtime_named_under_a_generic_title_still_wins():
    assert read("Server: mlserver") == ("model_inference", "label")


@pytest.mark.parametrize("label", ["Extract chat message", "Header token extractor", "Request ID extraction", "Prompt extractor"])
def test_pulling_a_part_out_of_a_request_is_parsing(label):
    # a part of a request is no content a model pulls out of a text: the extract word does not count
    # (needs_with in roles.model_inference) or, where it does, the step parses (roles/objects.py)
    assert read(label)[0] == "unknown"


@pytest.mark.parametrize("label", ["Claim extraction", "Symptom extractor", "Extract entities"])
def test_extracting_what_text_says_is_the_model(label):
    assert read(label)[0] == "model_inference"


@pytest.mark.parametrize("label", ["model<br>on_llm_start", "retriever<br>retrieval_finished", "agent<br>step_failed"])
def test_an_event_named_in_code_is_a_record(label):
    assert read(label) == ("unknown", "record")


@pytest.mark.parametrize("label", ["LLM<br>generate_answer()", "Reranker<br>top_k"])
def test_code_in_the_detail_that_names_no_event_leaves_the_component(label):
    assert read(label)[0] == "model_inference"


@pytest.mark.parametrize("label", ["LangGraph<br>(Claude 3.5 Sonnet)", "Semantic Kernel<br>Chat model", "LlamaIndex: Mistral"])
def test_an_agent_framework_over_a_named_model_gives_way_to_it(label):
    assert read(label)[0] == "model_inference"


@pytest.mark.parametrize("label", ["LangGraph", "Haystack (Postgres)"])
def test_an_agent_framework_alone_is_the_application(label):
    assert read(label)[0] == "application"


@pytest.mark.parametrize("label", ["Vertex AI helpers", "ClaudeConnection", "OpenAI wrapper<br>retries, timeouts"])
def test_code_that_calls_a_model_is_the_application(label):
    assert read(label) == ("application", "label")


@pytest.mark.parametrize("label", ["LLM call flow", "Generation loop<br>until the answer is sufficient", "GPT-4o Flow", "Reasoning loops"])
def test_a_loop_or_flow_after_the_model_is_the_code_that_calls_it(label):
    assert read(label)[0] == "application"


@pytest.mark.parametrize(
    ("label", "role"),
    [("Active learning loop", "training_pipeline"), ("Feedback loop", "feedback_collector"), ("LLM<br>flow of tokens", "model_inference")],
)
def test_loops_named_for_their_own_role_or_only_in_the_detail_keep_it(label, role):
    assert read(label)[0] == role


def test_a_caller_word_before_the_model_leaves_the_model():
    assert read("Helper LLM") == ("model_inference", "label")


@pytest.mark.parametrize("label", ["API Server", "FastAPI server", "Orders API server"])
def test_an_api_server_is_the_application_not_the_edge(label):
    assert read(label)[0] == "application"


@pytest.mark.parametrize("label", ["FastAPI model service", "Flask prediction service", "Django ML model service"])
def test_a_framework_before_the_service_a_model_is_served_by_is_that_model(label):
    assert read(label) == ("model_inference", "label")


@pytest.mark.parametrize("label", ["Prompt construction", "Response formatting"])
def test_a_step_acting_on_a_message_is_no_message(label):
    roles = roles_of(f'u "Customer"\nm "LLM"\ns "{label}"\nu -> m -> s\n')
    assert roles["s"] == "application"


@pytest.mark.parametrize("label", ["Reciprocal rank fusion", "RRF merge", "Hybrid ranker<br>BM25 + dense"])
def test_rank_fusion_is_retrieval_not_a_ranking_model(label):
    assert read(label)[0] == "retrieval"


def test_a_ranker_alone_is_the_model():
    assert read("Cross-encoder ranker")[0] == "model_inference"


@pytest.mark.parametrize("label", ["Groundedness detector", "Groundedness check<br>NLI model"])
def test_a_groundedness_check_is_a_safety_filter(label):
    assert read(label)[0] == "safety_filter"


def test_groundedness_alone_is_no_check():
    assert read("Groundedness score")[0] != "safety_filter"


@pytest.mark.parametrize("label", ["Escalation classifier", "Review-needed detector"])
def test_a_machine_that_decides_on_review_is_a_model(label):
    assert read(label)[0] == "model_inference"


@pytest.mark.parametrize("label", ["Escalation to agent", "Human review of model output"])
def test_people_who_review_stay_human_review(label):
    assert read(label)[0] == "human_review"


@pytest.mark.parametrize(
    "label",
    ["ChatModelTestCase", "Embedding test cases", "Scores for the use case", "Summarizer support case"],
)
def test_a_case_is_a_record_not_the_model(label):
    assert read(label) == ("unknown", "record")


@pytest.mark.parametrize("label", ["Chat Model Factory", "Embedder factory<br>app/embed/factory.py", "LLM client factories"])
def test_code_that_builds_model_clients_is_no_model(label):
    assert read(label) == ("unknown", "code_maker")


@pytest.mark.parametrize("label", ["BaseSentimentClassifier<br/>Interface", "AbstractEmbedder", "BaseLLM", "BaseRetriever<br>(abstract)"])
def test_a_base_class_named_after_a_model_kind_is_code(label):
    assert read(label) == ("unknown", "base_class")


@pytest.mark.parametrize(
    ("label", "role"),
    [("Base model", "model_inference"), ("Baseline classifier", "model_inference"), ("Basecamp API", "application")],
)
def test_base_as_a_word_of_its_own_is_no_class_name(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize("label", ["Chat model<br>built by the client factory", "Summarizer model<br>3 test cases"])
def test_a_factory_or_case_in_the_detail_leaves_the_model(label):
    assert read(label)[0] == "model_inference"


@pytest.mark.parametrize("label", ["Model Downloader", "Model Selector", "Model fetcher<br>(startup)", "Model warmer"])
def test_code_that_fetches_loads_or_picks_a_model_is_not_the_model(label):
    assert read(label) == ("unknown", "unknown")


@pytest.mark.parametrize("label", ["Reranker model loader", "LLM Selector", "Model Router"])
def test_a_named_model_before_a_loader_or_selector_keeps_its_reading(label):
    assert read(label)[0] == "model_inference"


@pytest.mark.parametrize("label", ["GraphML Generator", "Generate GraphML export", "JSONL generation", "SVG generator", "Generate XLSX workbook"])
def test_a_generation_step_that_writes_a_file_format_is_code(label):
    assert read(label) == ("unknown", "format")


@pytest.mark.parametrize("label", ["GraphRAG answer generator", "Generate summary", "Diagram caption generator"])
def test_a_generation_step_of_text_stays_the_model(label):
    assert read(label)[0] == "model_inference"
