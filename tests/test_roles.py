"""Role inference: the traps of rules.md, precedence, structure and the agent rule."""

from __future__ import annotations

import pytest

from aidlint.frontends import declaration_for, parse_text
from aidlint.model import Node
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
        ("Developer (IDE plugin)", "user"),
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
        ("Kafka consumer", "data_store"),
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
    assignment = classify_label(Node(id="x", label="Kafka consumer"), vocabulary)
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
    assert roles["tox"].role == "model_inference"
    assert roles["tox"].reason == "structure: fed by deploy (deployment_controller), so it is the model being served"
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
        # Past participles name what a step produced, not the step.
        ("Load trained model", "model_inference"),
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
        # ... unless the phrase is a store already, or its winner ends it.
        ("Model versions table", "model_registry"),
        ("Audit log table", "audit_log"),
        ("Vector database", "retrieval"),
        ("Model training data", "data_store"),
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
