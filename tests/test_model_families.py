"""Model families: rules about generated content do not run where the models only predict (docs/roles.md,
"Model families"); invented designs."""

from __future__ import annotations

import pytest

from aidlint.frontends import ParseOptions, parse_text
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.roles.families import classify_models
from aidlint.roles.infer import assign_roles
from aidlint.roles.vocabulary import load_vocabulary
from aidlint.workspace import load_designs

from .helpers import check, design_from

CHURN_SERVICE = """
u "Bank customer"
api "Scoring API"
m "Churn classifier (XGBoost)"
u -> api -> m
"""
CHAT_SERVICE = """
u "Bank customer"
api "Scoring API"
m "Churn classifier (XGBoost)"
llm "Explanation LLM"
u -> api -> m -> llm
"""
PLAIN_SERVICE = """
u "Customer"
api "API"
m "Model server"
u -> api -> m
"""
GENERATED_CONTENT = {"SAF001", "SAF002", "SAF003", "SAF004", "FBK004"}


def family_of(source: str, fmt: str = "aidl") -> tuple[str, str]:
    design = design_from(source, fmt, f"d.{fmt}")
    found = classify_models(design, assign_roles(design), load_vocabulary())
    return found.family, found.reason


def test_a_design_whose_models_only_predict_gets_no_rule_about_generated_content():
    assert family_of(CHURN_SERVICE) == ("predictive", "api names a predictive model or its features, and nothing names a generative one")
    fired = {f.rule_id for f in check(CHURN_SERVICE)}
    assert fired & GENERATED_CONTENT == set()
    assert {"OBS001", "SEC001"} <= fired  # the model is still watched and its entry still protected


def test_any_generative_sign_makes_the_design_generative_and_every_rule_runs():
    assert family_of(CHAT_SERVICE) == ("generative", "llm names a generative model or its use")
    assert {"SAF001", "SAF002", "FBK004"} <= {f.rule_id for f in check(CHAT_SERVICE)}


def test_a_design_that_names_no_family_keeps_every_rule():
    assert family_of(PLAIN_SERVICE) == ("unknown", "no node names the family of its models")
    assert {"SAF001", "SAF002", "FBK004"} <= {f.rule_id for f in check(PLAIN_SERVICE)}


@pytest.mark.parametrize(
    ("label", "family"),
    [
        ("Generate features (embeddings)", "predictive"),  # the verb and embeddings are no generative sign
        ("session_summary.json", "predictive"),  # nor a word inside a file name
        ("Answer generation", "generative"),
        ("Chat completions", "generative"),
        ("Guardrails", "generative"),
    ],
)
def test_what_counts_as_a_generative_sign(label, family):
    source = f'u "Customer"\nm "Fraud detector"\nx "{label}"\nu -> m -> x\n'
    assert family_of(source)[0] == family


@pytest.mark.parametrize(
    ("fmt", "source"),
    [
        ("aidl", "# aidlint: models=predictive\n" + PLAIN_SERVICE),
        ("mermaid", "flowchart LR\n%% aidlint: models predictive\n  u[Customer] --> api[API] --> m[Model server]\n"),
    ],
)
def test_the_models_directive_sets_the_family_in_every_format(fmt, source):
    (design,) = parse_text(source, fmt, f"d.{fmt}")
    assert design.models == "predictive"
    assert family_of(source, fmt) == ("predictive", "declared")
    assert {f.rule_id for f in check(source, fmt=fmt, path=f"d.{fmt}")} & GENERATED_CONTENT == set()


def test_an_unknown_family_is_a_syntax_error_at_the_comment():
    with pytest.raises(DesignSyntaxError) as error:
        parse_text('# aidlint: models=tabular\nu "User"\n', "aidl", "d.aidl")
    assert error.value.message == "'tabular' is not a model family: use one of generative, predictive"


def test_configuration_sets_the_family_a_file_does_not(tmp_path):
    path = tmp_path / "d.aidl"
    path.write_text(CHAT_SERVICE)
    (design,), _ = load_designs(path, ParseOptions(models="predictive"))
    assert design.models == "predictive"
    path.write_text("# aidlint: models=generative\n" + CHURN_SERVICE)
    (design,), _ = load_designs(path, ParseOptions(models="predictive"))
    assert design.models == "generative"


@pytest.mark.parametrize(
    ("model", "family"),
    [
        ("spaCy NER", "predictive"),  # classic learners and detecting services predict
        ("LSTM forecaster", "predictive"),
        ("Amazon Rekognition", "predictive"),
        ("Nemotron 70B", "generative"),  # a language-model family generates
        ("Claude Sonnet", "generative"),
    ],
)
def test_model_families_named_by_their_products_or_learners(model, family):
    source = f'u "Customer"\napi "Ranking API"\nm "{model}"\nu -> api -> m\n'
    assert family_of(source)[0] == family
