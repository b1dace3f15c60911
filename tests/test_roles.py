"""Role inference: the traps of rules.md, precedence, structure and the agent rule."""

from __future__ import annotations

import pytest

from aidlint.frontends import declaration_for, parse_text
from aidlint.model import Node
from aidlint.roles.assignment import for_the_rules
from aidlint.roles.infer import assign_roles, classify_label
from aidlint.roles.vocabulary import load_vocabulary, tokenize, word_forms

from .helpers import design_from


def role_of(label: str | None, node_id: str = "n1") -> str:
    return classify_label(Node(id=node_id, label=label), load_vocabulary()).role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # The traps listed in rules.md.
        ("Bloom filter", "unknown"),
        ("Kalman filter", "unknown"),
        ("Filter by date", "unknown"),
        ("Customer registry", "data_store"),
        ("Docker/container registry", "data_store"),
        ("Feedback form UI", "feedback_collector"),
        ("Prometheus (CPU, memory)", "infra_monitoring"),
        ("User DB", "data_store"),
        ("Model training data", "data_store"),
        ("Developer workstation", "unknown"),
        ("Data scientist laptop", "unknown"),
        ("guardian", "unknown"),
        ("LlamaIndex", "application"),
        ("Developer (IDE plugin)", "unknown"),
        ("Anonymizer (drop user IDs)", "pii_scrubber"),
        ("Train model", "training_pipeline"),
        ("Test environment", "unknown"),
        ("GPU Test", "unknown"),
        ("Acceptance tests", "evaluation"),
        # Singular, plural, verb and agent forms.
        ("Input Rails", "safety_filter"),
        ("Alert", "alerting"),
        ("Predictor", "model_inference"),
        ("Model deployer", "deployment_controller"),
        ("Evaluate", "evaluation"),
        ("Monitors", "monitoring"),
        ("Reviewers", "human_review"),
        # One-word synonyms as written ("OAuth", "fine-tuning").
        ("OAuth", "auth"),
        ("fine-tuning", "training_pipeline"),
        # Infrastructure-only monitoring versus model monitoring.
        ("Grafana latency dashboard", "infra_monitoring"),
        ("Grafana model quality dashboard", "monitoring"),
        ("Drift detector", "monitoring"),
        # "safety" alone is no filter.
        ("Safety stock forecast", "model_inference"),
        ("Is the answer safe?", "safety_filter"),
        ("Custom rules", "unknown"),
        ("Mask R-CNN", "model_inference"),
        ("Canary 10%", "deployment_controller"),
        ("Redis client", "data_store"),
        ("Kafka consumer", "application"),  # the worker that reads the queue, not the broker
    ],
)
def test_label_inference(label, role):
    assert role_of(label) == role


def test_a_two_letter_synonym_matches_an_id_only_without_a_label():
    assert role_of(None, node_id="cd") == "deployment_controller"
    assert role_of("Community detection", node_id="cd") != "deployment_controller"
    assert role_of("Postgres primary", node_id="db") == "data_store"  # from the label's own word
    assert role_of("Orders", node_id="db") == "unknown"


def test_the_reason_names_the_synonym_and_any_tie():
    vocabulary = load_vocabulary()
    assignment = classify_label(Node(id="x", label="Kafka client"), vocabulary)
    assert assignment.reason == 'matched "Kafka" in label (ambiguous with user; data_store takes precedence)'
    assert classify_label(Node(id="x", label="Bloom filter"), vocabulary).reason == "unknown: no synonym matched"


def test_labels_are_cleaned_of_markup_before_matching():
    assert [t.text for t in tokenize(r"Model\nServer<br/>(vLLM) #quot;fast#quot; userDB")] == [
        "model", "server", "v", "llm", "fast", "user", "db",
    ]
    assert [t.in_parens for t in tokenize("A (b) c")] == [False, True, False]


def test_word_forms_cover_plural_verb_and_agent_forms_but_not_longer_words():
    forms = word_forms("deployment")
    assert {"deploy", "deployer", "deploying", "deployments"} <= forms
    assert "guardian" not in word_forms("guard")
    assert "custom" not in word_forms("customer")


def test_declared_roles_win_and_structure_makes_a_released_node_the_model():
    design = design_from(
        """
        reg "Model registry"
        deploy "Canary rollout"
        tox "Toxicity classifier"
        pager: alerting "Pager"
        thing: application "Declared app"
        deploy -> tox
        reg -> deploy -> pager
        reg -> thing
        """
    )
    roles = assign_roles(design)
    # shown as its words say; the rules read it as the model the rollout serves
    assert (roles["tox"].role, roles["tox"].serves) == ("safety_filter", "deploy (deployment_controller)")
    checked = for_the_rules(roles)["tox"]
    assert checked.role == "model_inference"
    assert checked.reason == "structure: fed by deploy (deployment_controller), so it is the model being served"
    assert roles["pager"].role == "alerting"
    assert roles["thing"].role == "application"


def test_an_agent_is_the_model_when_no_model_is_drawn():
    design = design_from(
        """
        u "User"
        a "AI agent"
        m "Agent memory"
        u -> a -> m
        """
    )
    roles = assign_roles(design)
    assert (roles["a"].role, roles["a"].how) == ("model_inference", "agent")
    assert roles["m"].role != "model_inference"


def test_the_agent_rule_does_not_apply_when_a_model_exists():
    design = design_from('a "Agent"\nl "LLM"\na -> l\n')
    assert assign_roles(design)["a"].role == "application"


def test_user_synonyms_extend_the_vocabulary():
    vocabulary = load_vocabulary().extended({"model_inference": ["Oracle"]})
    assert classify_label(Node(id="o", label="The Oracle"), vocabulary).role == "model_inference"


# General rules of reading learnt from real diagrams (labels invented here, not copied from any corpus).


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # A label's first line names the component; later lines describe it.
        ("Support chat service<br/>human review on escalation", "application"),
        (r"Inference server\nfunction calling", "model_inference"),
        # Past participles name what a step produced, not the step (and loading it is a step, not the
        # model at work: roles/reading.py, indirect verbs).
        ("Load trained model", "unknown"),
        ("Trained model endpoint", "model_inference"),
        ("Deployed model v2", "model_inference"),
        ("Anonymized transcripts", "unknown"),
        # What a person sends or receives is the person; a component named after them is not.
        ("User request", "user"),
        ("Customer prompt", "user"),
        ("Answer shown to customer", "user"),
        ("Shopper uploads receipt", "user"),
        ("Customer uploads bucket", "data_store"),
        ("Query", "application"),
        # An API is a service: the application's, or the model's when a model provider serves it.
        ("Orders API", "application"),
        ("API request", "application"),
        ("Hugging Face inference API", "model_inference"),
        ("Payments API gateway", "api_gateway"),
        # Artefacts named after a lifecycle step or an agent are data.
        ("Agent memory", "data_store"),
        ("Training statistics", "data_store"),
        ("Customer profile", "data_store"),
        # Technique names describe the model they produced.
        ("Classifier (DistilBERT LoRA)", "model_inference"),
        ("LoRA fine-tuning job", "training_pipeline"),
        # A noun phrase names its last noun: data after a step's words is data ...
        ("Fine-tune dataset", "data_store"),
        ("Prediction logs", "data_store"),
        ("Reviewer decisions table", "data_store"),
        ("Model weights volume", "data_store"),  # a volume is storage, whatever it holds
        ("(/app/data, /app/models) mounted", "data_store"),
        ("emptyDir 'models'<br/>mounted at /models", "data_store"),
        # ... unless the phrase is a store already, or its winner ends it.
        ("Model versions table", "model_registry"),
        ("Audit log table", "audit_log"),
        ("Vector database", "retrieval"),
        ("Model training data", "data_store"),
        ("Weekly retraining data", "data_store"),
        ("LLM fine-tuning data<br>JSONL", "data_store"),
        ("Collect fine-tuning data", "unknown"),  # a step acting on the data, not the store
        # Decisions drawn on a model metric are evaluation gates; the metric alone is not.
        ("F1 above threshold?", "evaluation"),
        ("Recall beats baseline", "evaluation"),
        ("Accuracy", "unknown"),
        # Groundedness and hallucination checks guard outputs; a report of what went wrong is feedback.
        ("Is the reply grounded?", "safety_filter"),
        ("Hallucination detector", "safety_filter"),
        ("Report wrong answer", "feedback_collector"),
        ("Weekly report", "unknown"),
        # Tracing backends, warehouses and artifact repositories, by product name.
        ("Zipkin traces", "monitoring"),
        ("OTel collector (host metrics)", "infra_monitoring"),
        ("Redshift cluster", "data_store"),
        ("Nexus artifact repository", "data_store"),
        ("MinIO (S3-compatible)", "data_store"),
        ("PVC for Postgres", "data_store"),
        ("AWS Secrets Manager", "auth"),
        ("Azure Key Vault", "auth"),
    ],
)
def test_general_reading_rules(label, role):
    assert role_of(label) == role


def test_later_lines_are_details_and_parentheses_stay_parentheses():
    tokens = tokenize("LLM (hosted)<br/>tools")
    assert [(t.text, t.in_parens, t.in_details, t.in_main) for t in tokens] == [
        ("llm", False, False, True), ("hosted", True, False, False), ("tools", False, True, False),
    ]
    assert [t.in_details for t in tokenize(r"\nRanker\lstage 2")] == [False, True, True]


def test_past_participles_are_not_word_forms():
    assert "trained" not in word_forms("train")
    assert "deployed" not in word_forms("deployment")
    assert "classified" not in word_forms("classify")
    assert {"training", "trainer", "trains"} <= word_forms("train")


def test_the_reason_says_when_a_person_wins_a_tie_over_their_message():
    assignment = classify_label(Node(id="q", label="Customer query"), load_vocabulary())
    assert (assignment.role, assignment.ambiguous_with) == ("user", ("application",))
    assert assignment.reason == 'matched "customer" in label (ambiguous with application; a person\'s own message is the person)'


def test_a_legend_node_is_no_component():
    assignment = classify_label(Node(id="legend", label=r"Legend\lFlags: [f]lushing, [b]locked"), load_vocabulary())
    assert (assignment.role, assignment.reason) == ("unknown", "unknown: the drawing's legend, not a component")
    assert role_of(None, node_id="legend_box") == "unknown"
    assert role_of("Legendary model") == "model_inference"


def test_an_interface_tied_with_another_role_is_the_user_where_the_flow_starts_or_ends():
    design = design_from(
        """
        kiosk "Camera & kiosk UI"
        llm "Triage LLM"
        speaker "TTS & UI display"
        hub "Sensors & UI"
        kiosk -> llm -> speaker
        llm -> hub -> llm
        """
    )
    roles = assign_roles(design)
    assert (roles["kiosk"].role, roles["kiosk"].how, roles["kiosk"].ambiguous_with) == ("user", "interface", ("data_source",))
    assert roles["speaker"].role == "user"
    assert roles["speaker"].reason.startswith('structure: matched "UI" as strongly as another role')
    assert roles["hub"].role == "data_source"  # a conduit is a component, whatever its label says


@pytest.mark.parametrize("node_id", ["llm", "model_v2", "42", "my model", 'say "hi"', "node", "a-b"])
def test_the_dot_declaration_aidlint_roles_suggests_declares_the_role(node_id):
    line = declaration_for("dot", node_id, "model_inference")
    (design,) = parse_text(f"digraph {{ {line} }}", "dot", "d.dot")
    assert [(node.id, node.role) for node in design.nodes] == [(node_id, "model_inference")]
    assert declaration_for("dot", "llm", "model_inference") == 'llm [role="model_inference"]'


def test_the_reason_says_when_the_label_names_data():
    assignment = classify_label(Node(id="d", label="Fine-tune dataset"), load_vocabulary())
    assert assignment.reason == 'matched "dataset" in label (ambiguous with training_pipeline; the label names data)'


@pytest.mark.parametrize("label", ["Model server", "userDB_v2", "GPT-4o mini", "Canary 10%", "a.b/c:d", "  spaced   out "])
def test_plain_labels_tokenize_the_same_on_the_fast_path(label):
    # A tag forces the markup pass and adds no words: both paths must agree.
    assert tokenize(label) == tokenize(label + "<b></b>")


# Reading a label as a reviewer does (issue 15): head and detail, builders, steps, non-components, word
# sense, product names and position. Labels invented here.


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # The head (first line, before a colon, outside brackets) beats what the detail names ...
        ("Nightly retraining (Vertex AI Pipelines)", "training_pipeline"),
        ("Weekly re-training (SageMaker)", "training_pipeline"),
        ("Grafana: prediction drift", "monitoring"),
        ("Step 3: evaluate the candidate", "evaluation"),
        # ... except a generic title, which gives way to the specific model or step named under it.
        ("Agent<br>GPT-4o", "model_inference"),
        ("Pipeline (nightly fine-tuning)", "training_pipeline"),
        ("Support service: Claude", "model_inference"),
        ("Backend (Postgres)", "application"),
        # A camelCase name is one word: read whole or by its last part.
        ("GPTCache", "data_store"),
        ("LlamaIndex", "application"),
        ("DistilBERT", "model_inference"),
        # Builders are not users; verb phrases are steps, not people.
        ("Developer makes changes", "unknown"),
        ("Admin CLI", "unknown"),
        ("Jupyter notebook", "unknown"),
        ("Build script (bash)", "unknown"),
        ("Notify customer", "unknown"),
        ("Page the on-call engineer", "alerting"),
        ("Email the customer", "unknown"),
        # Boxes marked absent or planned are no components.
        ("❌ Model monitoring", "unknown"),
        ("Evaluation (TODO)", "unknown"),
        # ...by "TODO" and "TBD" in capitals; lower case, a to-do is what the app is about.
        ("Todo API", "application"),
        ("Todo list store", "data_store"),
        ("Rollback: not implemented", "unknown"),
        ("Drift monitor (planned)", "unknown"),
        ("Guardrails (not included in this demo)", "unknown"),
        # Records and metrics are no components; a step acting on one is a step.
        ("Risk score", "unknown"),
        ("LLM span", "unknown"),
        ("Chat turn", "unknown"),
        ("Target<br>latest user message", "unknown"),
        ("Quality metrics", "monitoring"),
        ("User message", "user"),
        ("Translate message", "model_inference"),
        # A question is the check it asks about, or nothing.
        ("Deploy to prod?", "unknown"),
        ("Tested in staging?", "unknown"),
        ("Is it safe?", "safety_filter"),
        ("Drift detected?", "monitoring"),
        ("Ready?<br>model quality checks", "unknown"),
        # Words that read wrong in other senses are gone: "fit" the noun, "planner", "approval".
        ("Fit scoring model", "model_inference"),
        ("Job fit", "unknown"),
        ("Trip planner", "unknown"),
        ("Approval", "unknown"),
        ("Corrections", "unknown"),
        ("Hallucination check", "unknown"),
        ("Human approval", "human_review"),
        # "Completion" is what a model returns, "complete" a state; a router routes requests: the
        # application's code, no model unless it names one.
        ("Chat Completions API", "model_inference"),
        ("Task complete", "unknown"),
        ("filter_engine_complete.py", "unknown"),
        ("Router", "application"),
        ("Request router", "application"),
        ("LLM router", "model_inference"),
        # Spend is counted, not the model's behaviour watched.
        ("Usage tracker<br>tokens, USD", "unknown"),
        ("Cost tracking", "unknown"),
        ("LLM cost and quality monitoring", "monitoring"),
        # A word in another script is one word: "Việt" is no "vi" + "t" read as ViT.
        ("Câu hỏi tiếng Việt", "unknown"),
        ("ViT encoder", "model_inference"),
        # A data schema is no model.
        ("Pydantic models", "unknown"),
        ("Data model<br>users, orders", "unknown"),
        ("Chat model", "model_inference"),
    ],
)
def test_reading_a_label_as_a_reviewer_does(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("node_id", "role"),
    [("litellm", "model_inference"), ("llamaguard", "safety_filter"), ("text-generation-inference", "model_inference")],
)
def test_product_names_match_whatever_their_case_spacing_or_punctuation(node_id, role):
    assert role_of(None, node_id=node_id) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("YOLOv8", "model_inference"),
        ("yolov5s detector", "model_inference"),
        ("ResNetv2", "model_inference"),
        ("Dev1", "unknown"),
        # Embedding model families are named like products, with sizes and versions after them.
        ("bge-small-en", "model_inference"),
        ("all-MiniLM-L6-v2", "model_inference"),
    ],
)
def test_a_product_name_with_its_version_glued_on_is_the_product(label, role):
    assert role_of(label) == role


def test_a_hyphen_ends_a_camelcase_name_so_the_product_before_it_is_named_whole():
    # "DeepSeek-R1" is DeepSeek, version R1: "R" glued to "DeepSeek" had made DeepSeek the weak first
    # part of a camelCase name "DeepSeekR1", and every finding on that model info.
    vocabulary = load_vocabulary()
    assignment = classify_label(Node(id="n", label="DeepSeek-R1"), vocabulary)
    assert (assignment.role, assignment.strength, assignment.reason) == (
        "model_inference", "name", 'matched "DeepSeek" in label'
    )
    assert [t.joined for t in tokenize("DeepSeek-R1", compounds=True)] == [False, True, False, False]


def test_the_reason_says_why_a_box_is_no_component():
    vocabulary = load_vocabulary()
    reasons = {
        label: classify_label(Node(id="n", label=label), vocabulary).reason
        for label in ["❌ Model monitoring", "Risk score", "Deploy to prod?", "Developer laptop"]
    }
    assert reasons == {
        "❌ Model monitoring": "unknown: marked as absent or planned (❌), not a component of the design",
        "Risk score": "unknown: names a record, a schema or a metric (score), not a component",
        "Deploy to prod?": "unknown: a decision or question (Deploy to prod?), not a component",
        "Developer laptop": "unknown: a builder of the system (developer), not one of its users",
    }


def test_a_diamond_is_a_decision_whatever_its_words():
    node = Node(id="d", label="Model choice", attrs={"shape": "diamond"})
    assert classify_label(node, load_vocabulary()).how == "decision"


def test_evidence_strength_says_where_the_words_stand():
    vocabulary = load_vocabulary()
    strengths = {
        label: classify_label(Node(id="n", label=label), vocabulary).strength
        for label in ["Chat LLM", "Job runner (LLM)", "BedrockRunner", "Bloom filter"]
    }
    assert strengths == {"Chat LLM": "name", "Job runner (LLM)": "detail", "BedrockRunner": "detail", "Bloom filter": "none"}
    assert classify_label(Node(id="n", label="Job runner (LLM)"), vocabulary).reason == 'matched "LLM" in label detail'


def test_a_user_interface_is_the_user_only_where_the_flow_starts_or_ends():
    roles = assign_roles(design_from('u "Customer"\nui "Web UI"\napi "Orders API"\nllm "LLM"\nu -> ui -> api -> llm\n'))
    assert (roles["ui"].role, roles["ui"].how) == ("application", "interface")
    roles = assign_roles(design_from('ui "Web UI"\napi "Orders API"\nllm "LLM"\nui -> api -> llm -> ui\n'))
    assert roles["ui"].role == "user"


def test_only_a_release_step_makes_what_it_feeds_the_served_model():
    code = assign_roles(design_from('ci "Deploy to PROD"\nbackup "Create backup"\nci -> backup\n'))
    assert code["backup"].role == "unknown"
    release = assign_roles(design_from('train "Training job"\nci "Deploy"\nep "Endpoint"\ntrain -> ci -> ep\n'))
    assert (for_the_rules(release)["ep"].role, for_the_rules(release)["ep"].strength) == ("model_inference", "structure")
    assert (release["ep"].role, release["ep"].serves) == ("application", "ci (deployment_controller)")
    question = assign_roles(design_from('reg "Model registry"\nq "Ready to serve?"\nreg -> q\n'))
    assert question["q"].role == "unknown"


def test_an_unqualified_registry_between_training_and_serving_holds_models():
    roles = assign_roles(design_from('t "Train"\nr "Registry"\nd "Deploy"\nt -> r -> d\n'))
    assert (roles["r"].role, roles["r"].strength) == ("model_registry", "position")
    assert assign_roles(design_from('a "App"\nr "Registry"\na -> r\n'))["r"].role == "data_store"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # A generic word gives way to the specific one beside it.
        ("Registry Server", "data_store"),
        ("Vector DB service", "retrieval"),
        ("Online feature server", "data_store"),
        # Places and infrastructure are where things run, not components.
        ("Feast Operator", "unknown"),
        ("Staging cluster", "unknown"),
        ("Compute: Spark on EMR", "unknown"),
        # Compute engines are where processing runs, whatever their detail lists.
        ("Databricks workspace<br>clean · chunk · embed", "unknown"),
        ("Spark on Dataproc<br>(batch scoring)", "unknown"),
        ("Databricks SQL", "data_store"),
        ("Databricks Vector Search", "retrieval"),
        # Access checks by their usual names.
        ("Policy enforcer", "auth"),
        ("Token validation", "auth"),
        # A dotted identifier from code is a function or span name; files and products are read by words.
        ("llm.generate", "unknown"),
        ("guard.input", "unknown"),
        ("llama.cpp", "model_inference"),
        ("Metric sample", "unknown"),
    ],
)
def test_generic_words_places_access_checks_and_code_identifiers(label, role):
    assert role_of(label) == role


def test_a_persons_message_is_the_person_at_the_ends_of_the_flow_and_a_record_in_between():
    roles = assign_roles(design_from('q "Query"\nllm "LLM"\na "Final answer"\nq -> llm -> a\n'))
    assert [(roles[n].role, roles[n].strength) for n in ("q", "a")] == [("user", "position"), ("user", "position")]
    roles = assign_roles(design_from('u "Customer"\nllm "LLM"\nr "Response"\nu -> llm -> r -> u\n'))
    assert (roles["r"].role, roles["r"].reason) == ("unknown", 'unknown: a message in the middle of the flow (response), not a component')


def test_documents_where_the_flow_starts_are_a_data_source():
    # ("Source documents" names data fed in by its words alone, so this reads plain documents by position.)
    roles = assign_roles(design_from('d "Policy documents"\ne "Embedder"\nd -> e\n'))
    assert (roles["d"].role, roles["d"].strength) == ("data_source", "position")
    assert assign_roles(design_from('d "Source documents"\ne "Embedder"\nd -> e\n'))["d"].role == "data_source"
    assert assign_roles(design_from('a "Indexer"\nd "Documents"\na -> d\n'))["d"].role == "data_store"


def test_a_deployment_that_feeds_ml_applications_releases_models_but_applications_stay_applications():
    roles = assign_roles(design_from('ci "Deploy component"\nsrv "Prod server: ML applications"\ngpu "GPU: ML inference"\nci -> srv\nci -> gpu\n'))
    assert (roles["srv"].role, roles["srv"].strength) == ("application", "name")
    assert (for_the_rules(roles)["gpu"].role, for_the_rules(roles)["gpu"].strength) == ("model_inference", "structure")
    assert (for_the_rules(roles)["srv"].role, roles["gpu"].role) == ("application", "unknown")
    roles = assign_roles(design_from('t "Training job"\nci "Deploy"\nep "Endpoint"\nt -> ci -> ep\n'))
    assert (for_the_rules(roles)["ep"].role, for_the_rules(roles)["ep"].strength) == ("model_inference", "structure")
    roles = assign_roles(design_from('t "Training job"\nci "Deploy"\nenv "Test environment"\nt -> ci -> env\n'))
    assert (roles["env"].role, for_the_rules(roles)["env"].role) == ("unknown", "model_inference")


@pytest.mark.parametrize(
    ("label", "node_id", "role"),
    [
        # A pad or port of a pipeline element is no component, whatever the element's ID says.
        (r"sink\n[>][bfb]", "inference_convert_0x55_sink", "unknown"),
        ("src_1", "encoder_0x55_src", "unknown"),
        # What a training step produced is no served model.
        ("Final model", "n", "unknown"),
        ("Updated Model", "n", "unknown"),
        ("Fraud model", "n", "model_inference"),
    ],
)
def test_ports_and_produced_models_are_no_components(label, node_id, role):
    assert role_of(label, node_id=node_id) == role


def test_a_deployment_released_only_by_the_words_of_its_targets_serves_only_those_targets():
    roles = assign_roles(design_from('ci "Deploy component"\nsrv "Prod server: ML services"\ngpu "GPU pool"\nci -> srv\nci -> gpu\n'))
    assert (for_the_rules(roles)["srv"].role, for_the_rules(roles)["gpu"].role) == ("model_inference", "unknown")
    assert (roles["srv"].role, roles["srv"].serves) == ("application", "ci (deployment_controller)")


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # A verb acting on data is a step, not the store; a verb that writes keeps the store.
        ("Parse Jira event", "unknown"),
        ("Fetch account history", "unknown"),
        ("Store in results table", "data_store"),
        # A head that is only a verb makes the rest its object.
        ("Notify: review submitted", "unknown"),
        ("Build: compile, run tests", "unknown"),
        ("Labels", "data_store"),
        ("Labeling", "human_review"),
    ],
)
def test_steps_acting_on_things_are_not_those_things(label, role):
    assert role_of(label) == role


def test_a_spaced_dash_ends_the_head_and_a_camelcase_name_starts_with_no_verb():
    assert role_of("Offline store — shared instance") == "data_store"
    assert role_of("ScoreRosterScraper (AWS::Lambda::Function)") == "data_source"


def test_unread_data_where_a_flow_starts_is_a_data_source():
    roles = assign_roles(design_from('j "Jira data"\nm "LLM"\nj -> m\n'))
    assert (roles["j"].role, roles["j"].strength) == ("data_source", "position")


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Seldon operator", "deployment_controller"),
        ("KServe controller", "deployment_controller"),
        ("Nightly model update", "training_pipeline"),
        ("Active learning loop", "training_pipeline"),
        ("Thumbs up?", "feedback_collector"),
    ],
)
def test_serving_operators_model_updates_and_feedback_questions(label, role):
    assert role_of(label) == role


def test_a_head_that_names_only_hardware_gives_no_role_to_its_detail():
    assert role_of("GPU Test<br/>ML Training/Inference") == "unknown"


def test_model_development_upstream_of_evaluation_is_training():
    roles = assign_roles(design_from('dev "Model development"\nev "Model evaluation"\ndev -> ev\n'))
    assert (roles["dev"].role, roles["dev"].strength) == ("training_pipeline", "position")
    assert assign_roles(design_from('dev "Model development"\nu "User"\nu -> dev\n'))["dev"].role == "model_inference"


def test_model_development_upstream_of_training_is_training_too():
    # the loop of improving a model, drawn before the step that trains it
    design = design_from('it "Model iteration"\ntr "Model training & tuning"\nit -> tr\n')
    assert assign_roles(design)["it"].role == "training_pipeline"
