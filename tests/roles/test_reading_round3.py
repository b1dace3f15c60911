"""Reading rules of round three (docs/roles.md), each on labels invented for these tests."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of


def read(label: str) -> tuple[str, str]:
    assignment = reading_of(label)
    return assignment.role, assignment.how


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # A bare record noun after a modifier is the numbers, not the monitoring of them.
        ("Custom metrics", "unknown"),
        ("Pick metrics", "unknown"),
        ("Metrics", "monitoring"),
        ("Quality metrics", "monitoring"),
        ("Prometheus metrics", "monitoring"),
        # Settings of a component are not the component.
        ("Router configuration", "unknown"),
        ("GatewayConfig: nginx", "unknown"),
        # Outcomes are not components.
        ("Handle tool error", "unknown"),
        ("Embedding failure", "unknown"),
        ("Error handler", "application"),
        ("Web search fallback", "retrieval"),  # a fallback is a path taken, not an outcome
        # MCP servers are what an agent acts through; human feedback is the user's, not a reviewer's.
        ("Filesystem MCP server", "tool_executor"),
        ("Human feedback form", "feedback_collector"),
        # A generic title gives way to the runtime in its detail, even when a word form of "serving"
        # matched the title itself.
        ("Server: mlserver", "model_inference"),
        ("Server: TorchServe", "model_inference"),
        # PII filters scrub PII; resource limits and allowlists limit use.
        ("PII filter", "pii_scrubber"),
        ("PII guard", "pii_scrubber"),
        ("Quota and resource limits", "rate_limiter"),
        ("Tool allowlist", "rate_limiter"),
        # A step that picks, loads or hands over to a component is not that component at work.
        ("Use billing agent", "unknown"),
        ("Load fine-tuned model", "unknown"),
        ("Route to triage agent", "unknown"),
        ("Fallback to backup agent", "unknown"),
        # Written as one word "fallback" is a noun: before a component it names the one kept as a fallback.
        ("Fallback LLM", "model_inference"),
        ("Fallback Models<br/>second provider", "model_inference"),
        ("Fallback onto the small model", "unknown"),
        ("Call LLM", "model_inference"),
        # An environment variable or constant is a value, not a box.
        ("STRIPE_API_KEY", "unknown"),
        ("MAX_TOKENS", "unknown"),
        # Content delivery networks are the public edge; speech models include voice activity detection.
        ("CloudFront distribution", "api_gateway"),
        ("Global Accelerator<br/>(optional)", "api_gateway"),
        ("CDN", "api_gateway"),
        ("Voice activity detection", "model_inference"),
        ("Silero VAD", "model_inference"),
        # A knowledge base, also abbreviated, is retrieval; a phone is the person holding it.
        ("Product KB", "retrieval"),
        ("Bedrock KB", "retrieval"),
        ("Mobile", "user"),
        ("Summarize ticket", "model_inference"),
    ],
)
def test_round_three_reading(label, role):
    assert read(label)[0] == role


def test_what_only_tools_call_is_part_of_the_tool():
    roles = assign_roles(
        design_from(
            'a "Agent"\nllm "LLM"\nt "Ticket tools"\napi "Tracker API"\nc "Tracker API client"\nown "Orders API"\n'
            "a -> llm\na -> t -> c -> api\na -> own\n"
        )
    )
    assert [roles[n].role for n in ("c", "api", "own")] == ["tool_executor", "tool_executor", "application"]
    assert roles["api"].strength == "position"


def test_an_api_that_a_person_or_a_model_also_calls_stays_the_application():
    for caller in ('u "Customer"', 'u "GPT-4o"'):
        roles = assign_roles(design_from(f'a "Agent"\nt "Tools"\napi "Billing API"\n{caller}\na -> t -> api\nu -> api\n'))
        assert roles["api"].role == "application"


def test_an_api_that_tools_and_the_application_code_call_is_part_of_the_tool():
    # "Slack commands" code also reaches the tracker: the tracker stays what the tools act on.
    roles = assign_roles(
        design_from(
            'a "Agent"\nllm "LLM"\nt "Tracker tools"\nc "Tracker API client"\napi "Tracker API"\n'
            'cmd "Command service"\nhook "Webhook relay"\n'
            "a -> llm\na -> t -> c -> api\ncmd -> c\nhook -> api\n"
        )
    )
    assert [roles[n].role for n in ("c", "api", "cmd")] == ["tool_executor", "tool_executor", "application"]


@pytest.mark.parametrize("label", ["Prometheus", "Grafana dashboards", "OpenTelemetry (traces + metrics)"])
def test_with_nothing_ai_drawn_generic_monitoring_watches_servers(label):
    servers = assign_roles(design_from(f'fs "Feature server"\nr "Redis"\nm "{label}"\nfs -> r\nfs -> m\n'))
    assert servers["m"].role == "infra_monitoring"
    assert servers["m"].strength == "position"
    with_model = assign_roles(design_from(f'fs "Scoring service"\nllm "LLM"\nm "{label}"\nfs -> llm\nfs -> m\n'))
    assert with_model["m"].role == "monitoring"


def test_model_words_keep_monitoring_even_with_nothing_ai_drawn():
    roles = assign_roles(design_from('fs "Feature server"\nm "Grafana: prediction drift"\nfs -> m\n'))
    assert roles["m"].role == "monitoring"


@pytest.mark.parametrize("label", ["Support tickets", "HR policies", "Runbooks + postmortems", "Team wiki", "Call transcripts"])
def test_what_people_write_is_a_data_source_where_the_flow_starts(label):
    roles = assign_roles(design_from(f'd "{label}"\ne "Embedder"\nd -> e\n'))
    assert (roles["d"].role, roles["d"].strength) == ("data_source", "position")


@pytest.mark.parametrize("label", ["Question Generator", "Synthetic ticket generation", "Test-set generator"])
def test_a_generator_where_the_flow_starts_is_a_data_source(label):
    roles = assign_roles(design_from(f'g "{label}"\nllm "Answer model"\ng -> llm\n'))
    assert (roles["g"].role, roles["g"].strength) == ("data_source", "position")


@pytest.mark.parametrize("label", ["Generate weekly summaries", "GPT-4 generator"])
def test_a_generation_step_or_a_named_model_where_the_flow_starts_stays_the_model(label):
    roles = assign_roles(design_from(f'g "{label}"\nllm "Answer model"\ng -> llm\n'))
    assert roles["g"].role == "model_inference"


@pytest.mark.parametrize("label", ["Clickstream producers<br/>Go binaries", "Order producer", "Recorded trip replay", "Traffic simulator"])
def test_a_producer_or_replay_where_the_flow_starts_is_a_data_source(label):
    roles = assign_roles(design_from(f'p "{label}"\nk "Kafka"\ns "Scoring service"\np -> k -> s\n'))
    assert (roles["p"].role, roles["p"].strength) == ("data_source", "position")


def test_a_producer_the_flow_feeds_is_no_source():
    roles = assign_roles(design_from('a "Orders API"\np "Order producer"\nk "Kafka"\na -> p -> k\n'))
    assert roles["p"].role == "unknown"


def test_a_generator_the_flow_feeds_stays_the_model():
    roles = assign_roles(design_from('r "Retriever"\ng "Question Generator"\nllm "Answer model"\nr -> g -> llm\n'))
    assert roles["g"].role == "model_inference"


def test_a_function_only_tools_call_is_one_of_their_operations():
    roles = assign_roles(
        design_from(
            'a "Agent"\nllm "LLM"\nt "Tools"\nadd_todo\ngetWeather\nout "Process results"\nbook_flight\n'
            "a -> llm\na -> t\nt -> add_todo\nt -> getWeather\nt -> out\nt -> book_flight\na -> book_flight\n"
        )
    )
    assert [roles[n].role for n in ("add_todo", "getWeather", "out", "book_flight")] == ["tool_executor", "tool_executor", "unknown", "unknown"]
    assert (roles["add_todo"].strength, roles["add_todo"].reason) == ("position", "position: a function that only tools call is one of their operations")


def test_the_application_step_after_the_tools_stays_the_application():
    roles = assign_roles(design_from('a "Agent"\nt "Ticket tools"\napi "Tracker API"\nf "Response formatter"\na -> t -> api -> f\n'))
    assert (roles["api"].role, roles["f"].role) == ("tool_executor", "application")


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # Code in the detail says where the code lives, not what the box is.
        ("Session Keeper<br>src/agents/llm/session.py", "unknown"),
        ("Batch Shaper<br>VECTOR_DB_BATCH=64", "unknown"),
        ("Style hints<br>from cached_llm_notes.pkl", "unknown"),
        ("Answer cache<br>llm_cache_v2", "data_store"),  # the head decides still
        ("get_user_profile<br>fetch_llm_reply", "unknown"),  # all code: read as written (a step)
        # A head that names a record is the record, whatever its detail describes.
        ("Leaf Span<br>type: llm", "unknown"),
        ("Risk score<br>(XGBoost)", "unknown"),
        ("Scoring service<br>(XGBoost)", "model_inference"),
    ],
)
def test_code_in_the_detail_and_records_in_the_head(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # Two or more "key: value" lines list the attributes of a record or the settings of something.
        ("model: claude-3<br>prompt_tokens: 512", "unknown"),
        ("store_kind: redis<br>ttl: 60s", "unknown"),
        ("input: user question<br>output: ranked docs", "unknown"),
        # One such line is a head and its detail, as always.
        ("Cache: Redis", "data_store"),
        ("Offline: BigQuery<br>or Snowflake", "data_store"),
    ],
)
def test_a_listing_of_attributes_is_a_record(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # A component or step named after the data it handles is that component, not the data.
        ("Invoice Processor", "unknown"),
        ("Dataset Reader", "unknown"),
        ("PdfReader", "unknown"),
        ("Table Formatting", "unknown"),
        ("Invoice Normalizer", "unknown"),
        ("Ticket chunker", "unknown"),
        ("Event joiner", "unknown"),
        ("Chunk documents", "unknown"),
        # So is a worker of another role whom stronger data words only qualify: it makes or checks the data.
        ("Labelled Data Generator", "unknown"),
        ("Artifacts Validator", "unknown"),
        # A worker that wins on its own keeps its role, and code acting on data is the application's.
        ("Document Summarizer", "model_inference"),
        ("Synthetic Data Generator", "model_inference"),
        ("Kafka Event Handler", "application"),
        # A container noun or the store's own word keeps the data.
        ("Document Collection", "data_store"),
        ("Redis Cluster", "data_store"),
        ("Customer table", "data_store"),
    ],
)
def test_a_component_named_after_data_is_no_store(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # Data brought in from elsewhere, named by the word of bringing it in that ends the head, is a source.
        ("CSV download", "data_source"),
        ("Lakehouse table pull", "data_source"),
        ("Git repository ingestion", "unknown"),
        ("S3 bucket import", "data_source"),
        # A step that starts with the verb, or a store that ends the head, is read as before.
        ("Download dataset", "unknown"),
        ("Ingestion bucket", "data_store"),
        ("Data ingestion", "data_source"),
    ],
)
def test_data_brought_in_is_a_source(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # A quantity in the detail measures the box; it does not name it.
        ("TokenSplitter<br>~120 docs/s", "unknown"),
        ("Page reader<br>1 table per page", "unknown"),
        # Digits inside a name are part of the name.
        ("Nightly mirror<br>S3 bucket", "data_store"),
    ],
)
def test_a_quantity_in_the_detail_is_not_read(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Nightly (non-training) jobs", "unknown"),  # what the box is not
        ("Fine-tuning job", "training_pipeline"),
        ("Non-LLM fallback rules", "unknown"),
    ],
)
def test_a_negated_word_is_not_read(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(("label", "role"), [("Loader", "unknown"), ("Settings Loader", "unknown"), ("Document loader", "data_source")])
def test_a_bare_loader_names_no_data_source(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # a dataset's split names, written as one word with "train", name its parts, not a step
        ("Dedupe<br>drop train/test leaks", "unknown"),
        ("Split: train-val-holdout", "unknown"),
        ("Claims train/validation split", "unknown"),
        # ... while training written apart, or beside eval (a step of each), keeps its reading
        ("Train model<br>on the train split", "training_pipeline"),
        ("Nightly training (train/val)", "training_pipeline"),
    ],
)
def test_split_names_written_with_train_name_a_dataset_not_a_step(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # SFT abbreviates supervised fine-tuning: the step, whatever platform runs it ...
        ("SFT", "training_pipeline"),
        ("Replicate QLoRA SFT", "training_pipeline"),
        ("Anyscale SFT<br>Mistral 7B + LoRA", "training_pipeline"),
        ("SFT job", "training_pipeline"),
        # ... but before another noun it says what that noun is for
        ("SFT Pool<br>curated trajectories", "unknown"),
        ("SFT examples", "unknown"),
        ("SFT dataset", "data_store"),
    ],
)
def test_sft_is_the_fine_tuning_step_only_where_it_ends_the_head(label, role):
    assert reading_of(label).role == role
