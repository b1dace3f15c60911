"""The model lifecycle's small roles read as a reader of any diagram reads them (docs/roles.md, "Splits
are experiments" and the bullets after it): an experiment on traffic against any trial, training methods,
evaluating steps against the records they make; invented labels."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of


def role_of(label: str) -> str:
    return reading_of(label).role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Experiment: checkout-ab<br/>50/50 traffic split", "experimentation"),
        ("Online experiment", "experimentation"),
        ("Experiment assignment service", "experimentation"),
        ("Experimentation platform", "experimentation"),
        ("Experiment variants<br/>control / treatment", "experimentation"),
        ("Pick next experiment", "unknown"),  # a trial of a research loop, no split of traffic
        ("Experimentation", "unknown"),  # the ML lifecycle's notebook stage
        ("run_experiment step", "unknown"),
    ],
)
def test_an_experiment_is_experimentation_only_beside_what_it_assigns(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("HyperparameterOptimizer<br/>Optuna-free", "training_pipeline"),
        ("GridSearchCV", "training_pipeline"),
        ("Grid search over learning rates", "training_pipeline"),
        ("Direct Preference Optimization", "training_pipeline"),
        ("Preference optimisation stage", "training_pipeline"),
        ("Transfer learning", "training_pipeline"),
        ("Federated learning coordinator", "training_pipeline"),
        ("Domain adaptation", "training_pipeline"),
        ("Hybrid search", "retrieval"),  # a search of content stays the retrieval
    ],
)
def test_training_methods_named_as_the_step_are_training(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Adversarial testing", "evaluation"),
        ("Jailbreak tests<br/>200 prompts", "evaluation"),
        ("Bias testing", "evaluation"),
        ("Robustness test suite", "evaluation"),
        ("Model testing", "evaluation"),
        ("10-fold cross-validation", "evaluation"),
        ("Error analysis", "evaluation"),
        ("Unit tests", "unknown"),  # code CI
    ],
)
def test_tests_only_a_model_takes_are_its_evaluation(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Evaluation Results JSON", "unknown"),  # the results written down, not the evaluation
        ("judge_results.json", "unknown"),
        ("Benchmark results (JSON)", "unknown"),
        ("Eval scores file", "unknown"),
        ("Evaluation results", "unknown"),
        ("Run evaluation", "evaluation"),
    ],
)
def test_a_format_after_a_record_noun_leaves_the_record(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Golden dataset<br/>300 labelled questions", "data_store"),  # the data an evaluation runs on
        ("Golden set", "unknown"),
        ("Golden set regression", "evaluation"),
        ("Evaluate on golden set", "evaluation"),
    ],
)
def test_a_golden_set_is_the_record_an_evaluation_runs_on(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Evaluation criteria", "unknown"),  # the bars written down, a record
        ("Judge rubric", "unknown"),
        ("Eval rubrics<br/>helpfulness, tone", "unknown"),
        ("Rubric-based evaluation", "evaluation"),
    ],
)
def test_criteria_and_rubrics_are_records_an_evaluation_reads(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Retrain with user feedback", "training_pipeline"),
        ("Train on human reviews", "training_pipeline"),
        ("Fine-tune on support logs", "training_pipeline"),
        ("Retraining from thumbs-down feedback", "training_pipeline"),
        ("Training on SageMaker", "training_pipeline"),
        ("Evaluation of GPT-4o", "evaluation"),
        ("Fine-tune dataset", "data_store"),  # a compound names its last noun
        ("Training data from feedback", "data_store"),
        ("Evaluation with human raters", "human_review"),  # the people may be the evaluators
        ("User feedback", "feedback_collector"),
    ],
)
def test_a_training_or_evaluation_step_on_data_is_the_step(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Evaluation summary", "unknown"),  # what the run wrote, a record
        ("Benchmark findings", "unknown"),
        ("drift_summary.json", "unknown"),
        ("Summarize findings", "model_inference"),
        ("Summaries DB", "data_store"),
    ],
)
def test_summaries_and_findings_are_records(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize("label", ["Triage agent sends summary", "Agent posts message", "Summary agent"])
def test_an_agent_acting_on_a_record_is_the_agent_at_work(label):
    roles = assign_roles(design_from(f'u "User"\nn "{label}"\nu -> n\n'))
    assert roles["n"].role == "model_inference"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("LangSmith evaluation", "evaluation"),
        ("Langfuse evals<br/>LLM-as-judge", "evaluation"),
        ("Arize Phoenix evals", "evaluation"),
        ("Datadog LLM evaluations", "evaluation"),
        ("W&B training", "training_pipeline"),
        ("LangSmith", "monitoring"),  # the product alone keeps its reading
        ("Monitoring evaluation", "monitoring"),  # no product named
        ("Model registry + promotion gate", "model_registry"),  # a list names its first item
    ],
)
def test_a_trackers_evaluation_is_the_evaluation(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Activate new model", "deployment_controller"),
        ("Hot swap model", "deployment_controller"),
        ("Swap model version", "deployment_controller"),
        ("Upgrade model version", "deployment_controller"),
        ("Activate LoRA adapter", "deployment_controller"),
        ("Endpoint update", "deployment_controller"),
        ("Roll out v2", "deployment_controller"),
        ("Push to prod", "deployment_controller"),
        ("Go live", "deployment_controller"),
        ("Activate account", "unknown"),
        ("Swap memory", "data_store"),
        ("Update model registry", "model_registry"),
    ],
)
def test_putting_a_model_in_place_releases_it(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("BentoML deploy", "deployment_controller"),
        ("Seldon Core rollout", "deployment_controller"),
        ("vLLM canary", "deployment_controller"),
        ("KServe rollback", "deployment_controller"),
        ("GPT-4o deployment", "model_inference"),  # a hosted model's endpoint
        ("vLLM", "model_inference"),
    ],
)
def test_a_release_word_after_the_model_releases_it(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Stratified random split", "unknown"),  # a dataset's split
        ("Random split of dataset 80/20", "data_store"),  # what it names last, no experiment
        ("Random split train/test", "unknown"),
        ("Randomization into 5 folds", "unknown"),
        ("Random split 90/10", "experimentation"),
        ("A/B test of retrained model", "experimentation"),
    ],
)
def test_a_random_split_of_a_dataset_splits_data(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("模型评估", "evaluation"),  # model evaluation
        ("评测", "evaluation"),
        ("評価", "evaluation"),
        ("평가", "evaluation"),
        ("模型微调", "training_pipeline"),  # model fine-tuning
        ("再学習", "training_pipeline"),
        ("재학습", "training_pipeline"),
        ("灰度发布", "deployment_controller"),  # canary ("grey") release
        ("배포", "deployment_controller"),
        ("模型仓库", "model_registry"),
        ("训练数据", "unknown"),  # training data: a longer run names no step
    ],
)
def test_the_lifecycle_steps_in_chinese_japanese_and_korean(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Evaluation store", "data_store"),  # a store ends its phrase as a database does
        ("Eval results store", "data_store"),
        ("Secret store", "auth"),  # the secret manager, its own phrase
        ("Model store", "model_registry"),  # a phrase of its own role
        ("Audit store", "audit_log"),
    ],
)
def test_a_store_ends_its_phrase_as_a_database_does(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Update weights", "training_pipeline"),
        ("Gradient updates", "training_pipeline"),
        ("Tune model", "training_pipeline"),
        ("Model tuning (nightly)", "training_pipeline"),
        ("Refit model", "training_pipeline"),
        ("Megatron-LM", "training_pipeline"),
        ("Tuning", "unknown"),  # a system's tuning as often
        ("Refit index", "unknown"),
    ],
)
def test_the_step_told_by_what_it_changes_in_the_model_is_training(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Latency benchmarking", "infra_monitoring"),  # the machines' speed
        ("Throughput benchmark (vLLM)", "infra_monitoring"),
        ("GPU benchmarks", "infra_monitoring"),
        ("MMLU benchmark", "evaluation"),  # the model's quality
        ("Benchmark accuracy and latency", "evaluation"),
    ],
)
def test_a_benchmark_of_speed_watches_the_machines(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("LLM tests", "evaluation"),
        ("Prompt testing", "evaluation"),
        ("Compare models<br/>accuracy, latency", "evaluation"),
        ("Compare model versions", "evaluation"),
        ("Compare model outputs", "model_inference"),  # answers weighed at run time
    ],
)
def test_tests_of_what_a_model_answers_and_models_compared_are_evaluation(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Backpropagation", "training_pipeline"),
        ("Gradient descent (AdamW)", "training_pipeline"),
        ("Optimizer step", "training_pipeline"),
        ("Curriculum learning", "training_pipeline"),
        ("Alignment tuning", "training_pipeline"),
        ("Pricing policy optimization", "unknown"),
    ],
)
def test_the_mechanics_of_the_training_loop_are_training(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Test model", "evaluation"),
        ("Test model on holdout set", "evaluation"),  # the data it runs on
        ("Assess model quality", "evaluation"),
        ("Unit tests", "unknown"),
    ],
)
def test_the_verb_with_the_model_it_tests_is_the_evaluation(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Golden answers", "unknown"),  # what the evaluation compares with
        ("Expected responses", "unknown"),
        ("Reference answers", "unknown"),
        ("User question", "user"),
    ],
)
def test_reference_answers_where_a_flow_starts_are_no_persons_message(label, role):
    roles = assign_roles(design_from(f'g "{label}"\ne "Run evals"\nm "LLM"\ng -> e\nm -> e\n'))
    assert roles["g"].role == role
