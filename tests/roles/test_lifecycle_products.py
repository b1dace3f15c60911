"""The model lifecycle's products and terms read as what they are (docs/roles.md, "Known products"):
hyperparameter search and training jobs, evaluation harnesses, a tracker's registry, feature flags and
bandits; invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def role_of(label: str) -> str:
    return reading_of(label).role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Ray Tune sweep", "training_pipeline"),
        ("Katib", "training_pipeline"),  # Kubeflow's hyperparameter search
        ("Hyperopt", "training_pipeline"),
        ("W&B Sweeps", "training_pipeline"),  # a sweep searches hyperparameters; W&B alone stays the tracing
        ("Hyperparameter search", "training_pipeline"),  # no search of the product's content
        ("PyTorchJob (4 workers)", "training_pipeline"),
        ("TFJob", "training_pipeline"),
        ("AutoML", "training_pipeline"),
        ("SageMaker Autopilot", "training_pipeline"),
        ("Vertex AI Custom Training", "training_pipeline"),  # the platform named with the step is the step
        ("OpenCompass benchmark", "evaluation"),
        ("Inspect AI", "evaluation"),
        ("Braintrust", "evaluation"),
        ("LightEval", "evaluation"),
        ("W&B Model Registry", "model_registry"),
        ("Weights & Biases Registry", "model_registry"),
        ("Flagsmith", "experimentation"),
        ("ConfigCat", "experimentation"),
        ("Split.io", "experimentation"),
        ("Eppo", "experimentation"),
        ("Feature toggles", "experimentation"),
        ("Thompson sampling", "experimentation"),
        ("Epsilon-greedy policy", "experimentation"),
        ("Variant assignment", "experimentation"),
        ("ABRouter", "experimentation"),  # A/B written without its slash, as code names it
        ("Checkout AB test", "experimentation"),
    ],
)
def test_lifecycle_products_and_terms_read_as_what_they_are(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("W&B", "monitoring"),  # the tracker alone keeps its reading
        ("Weights & Biases", "monitoring"),
        ("Inspect logs", "data_store"),  # "Inspect" alone is a verb, not the harness
    ],
)
def test_the_trackers_and_verbs_alone_keep_their_reading(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Evaluate precision and recall metrics", "evaluation"),  # the verb acts on the numbers it names
        ("Evaluate BLEU scores", "evaluation"),
        ("Evaluation scores", "unknown"),  # the noun phrase names the numbers themselves
    ],
)
def test_evaluate_is_a_step_acting_on_the_numbers_it_names(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Model customization", "training_pipeline"),
        ("Bedrock model customization job", "training_pipeline"),  # the job, not the hosted model
        ("Vertex AI tuning job", "training_pipeline"),
        ("Instruction tuning", "training_pipeline"),
        ("Preference tuning (DPO)", "training_pipeline"),
        ("Reward modeling", "training_pipeline"),
        ("Decision threshold tuning", "training_pipeline"),
        ("Reward model", "model_inference"),  # the model itself, not the step that fits it
    ],
)
def test_tuning_named_as_the_job_or_method_that_fits_the_model_is_training(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Traffic mirroring to v2", "deployment_controller"),
        ("Dark launch", "deployment_controller"),
        ("SageMaker deployment guardrails", "deployment_controller"),  # a rollout with automatic rollback
        ("Keptn", "deployment_controller"),
        ("Output guardrails", "safety_filter"),  # guardrails on content stay the safety filter
    ],
)
def test_releases_that_copy_or_hide_traffic_are_the_release(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Deploy vLLM", "deployment_controller"),
        ("Deploy to SageMaker", "deployment_controller"),
        ("Deploy to Vertex AI endpoint", "deployment_controller"),
        ("Promote to Bedrock endpoint", "deployment_controller"),
        ("Redeploy Triton", "deployment_controller"),
        ("Train on SageMaker", "training_pipeline"),
        ("Evaluate Claude 3.5 Sonnet", "evaluation"),
        ("Benchmark Llama 3 70B", "evaluation"),
    ],
)
def test_a_lifecycle_verb_that_starts_the_head_names_the_step(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Evaluate ranking metrics", "evaluation"),  # the metrics the evaluation computes
        ("Evaluate model metrics per region", "evaluation"),
        ("Evaluate drift", "monitoring"),  # drift is watched, not evaluated
        ("Model metrics", "monitoring"),  # no verb: the watching
    ],
)
def test_metrics_after_an_evaluation_verb_are_what_it_computes(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Load trained model", "unknown"),  # a step that prepares the model, no lifecycle verb
        ("SageMaker", "model_inference"),
        ("vLLM (deployed on GKE)", "model_inference"),  # the verb not first: the runtime
    ],
)
def test_without_a_lifecycle_verb_first_the_model_keeps_the_box(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Mistral 7B fine-tuning (QLoRA)", "training_pipeline"),
        ("ResNet-50 training", "training_pipeline"),
        ("XGBoost training", "training_pipeline"),
        ("Gemini 1.5 Pro eval", "evaluation"),
        ("GPT-4 benchmarking", "evaluation"),
        # an agent noun at the end is a model at work, a deployment a hosted model's endpoint
        ("GPT-4 judge", "model_inference"),
        ("GPT-4o deployment", "model_inference"),
        ("Claude 3 Haiku", "model_inference"),
    ],
)
def test_a_step_noun_that_ends_the_head_after_the_model_names_the_step(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Save model", "model_registry"),
        ("Save trained model (joblib)", "model_registry"),
        ("Save model_v3.pkl", "model_registry"),
        ("Export final model", "model_registry"),
        ("Persist trained model", "model_registry"),
        ("Log model", "model_registry"),  # MLflow's log_model writes the model as a run artefact
        ("Publish model", "model_registry"),
        ("Model", "model_inference"),  # the model alone stays the model
        ("Load trained model", "unknown"),
    ],
)
def test_saving_the_trained_model_is_the_model_store(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Ship to production", "deployment_controller"),
        ("Ship the retrained model", "deployment_controller"),
        ("Ship version 2 after evals pass", "deployment_controller"),
        ("Ship logs to Loki", "monitoring"),  # log shipping is no release
        ("Ship", "unknown"),
    ],
)
def test_ship_is_a_release_verb_where_it_names_what_ships_or_where(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Build stage<br>- Lint<br>- Model training<br>- Package wheel", "training_pipeline"),
        ("Nightly job<br>- Fetch new data<br>- Retrain model", "training_pipeline"),
        ("Build:<br>- Lint<br>- Run tests<br>- Package wheel", "unknown"),  # a step of code
    ],
)
def test_a_step_that_lists_model_training_among_its_duties_is_the_training(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Download Mistral 7B weights", "unknown"),
        ("Download model from Hugging Face Hub", "unknown"),
        ("Download baseline metrics from MLflow", "unknown"),
        ("Hugging Face Hub", "model_registry"),  # the hub alone stays the registry
    ],
)
def test_downloading_is_a_step_that_prepares_as_loading_is(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Model repo", "model_registry"),
        ("Hugging Face model repo (fine-tuned checkpoints)", "model_registry"),
        ("Internal model repos", "model_registry"),
        ("Code repo", "unknown"),  # a repository of code holds no models
    ],
)
def test_a_model_repo_is_the_model_repository(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("All metrics pass?", "evaluation"),
        ("Faithfulness and relevancy metrics passed?", "evaluation"),
        ("Metrics", "monitoring"),  # what a monitor shows
    ],
)
def test_metrics_that_pass_are_a_gate(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Register best model", "model_registry"),
        ("Register fine-tuned Mistral 7B", "model_registry"),
        ("Register Qwen 2.5 in the model registry", "model_registry"),
        ("Register new candidate version", "model_registry"),
        ("Register user", "user"),  # a sign-up, no model
        ("Register tool", "tool_executor"),
    ],
)
def test_register_is_the_registrys_act_beside_what_a_registry_keeps(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Eval Qwen 2.5 on GSM8K", "evaluation"),
        ("Eval with Claude 3.5 Sonnet as judge", "evaluation"),
        ("Claude 3.5 Sonnet", "model_inference"),
    ],
)
def test_eval_written_as_a_verb_starts_the_evaluation(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Contextual bandit (next-best offer)", "model_inference"),  # a learned model picking an action
        ("Vowpal Wabbit", "model_inference"),
        ("Azure AI Personalizer", "model_inference"),
        ("Multi-armed bandit", "experimentation"),  # a bandit test of variants stays the experiment
    ],
)
def test_a_contextual_bandit_is_a_model_that_picks(label, role):
    assert role_of(label) == role
