"""Design kinds decide which rules run; one gap is one finding; lifecycle parts need a model."""

from __future__ import annotations

import pytest

from aidlint.frontends import ParseOptions, parse_text
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.roles.infer import assign_roles
from aidlint.roles.kinds import classify_design
from aidlint.roles.vocabulary import load_vocabulary
from aidlint.workspace import load_designs

from .helpers import check, design_from

CODE_PIPELINE = """
commit "Commit code"
tests "Unit tests"
lint "Lint and compile"
deploy "Deploy to PROD"
backup "Create backup"
commit -> lint -> tests -> deploy -> backup
"""


def kind_of(design) -> str:
    return classify_design(design, assign_roles(design), load_vocabulary()).kind


def test_a_code_pipeline_is_code_cicd_and_gets_no_model_findings():
    assert kind_of(design_from(CODE_PIPELINE)) == "code-cicd"
    assert [f.rule_id for f in check(CODE_PIPELINE) if f.rule_id[:3] in ("SAF", "LCY", "OBS", "FBK")] == []


def test_a_flowchart_of_questions_is_a_flowchart():
    source = "flowchart TD\n  A[Read record] --> B{Valid?}\n  B --> C{Duplicate?}\n  C --> D[Score with LLM]\n  B --> E[Drop]\n"
    (design,) = parse_text(source, "mermaid", "f.mmd")
    assert kind_of(design) == "flowchart"


@pytest.mark.parametrize(
    ("fmt", "source"),
    [
        ("aidl", '# aidlint: kind=flowchart\nu "Customer"\nm "LLM"\nu -> m\n'),
        ("dot", 'digraph { // aidlint: kind=flowchart\n u [label="Customer"]; m [label="LLM"]; u -> m }'),
        ("mermaid", "flowchart LR\n%% aidlint: kind flowchart\n  u[Customer] --> m[LLM]\n"),
    ],
)
def test_the_kind_directive_overrides_the_reading_in_every_format(fmt, source):
    (design,) = parse_text(source, fmt, f"d.{fmt}")
    assert (design.kind, kind_of(design)) == ("flowchart", "flowchart")
    assert [f.rule_id for f in check(source, fmt=fmt, path=f"d.{fmt}") if f.rule_id.startswith("SAF")] == []


def test_an_unknown_kind_is_a_syntax_error_at_the_comment():
    with pytest.raises(DesignSyntaxError) as error:
        parse_text('# aidlint: kind=poster\nu "User"\n', "aidl", "d.aidl")
    assert error.value.message.startswith("'poster' is not a kind: use one of serving, ml-platform")


def test_configuration_sets_the_kind_a_file_does_not(tmp_path):
    path = tmp_path / "d.aidl"
    path.write_text('u "Customer"\nm "LLM"\nu -> m\n')
    (design,), _ = load_designs(path, ParseOptions(kind="data-pipeline", responses="drawn"))
    assert (design.kind, design.responses) == ("data-pipeline", "drawn")
    path.write_text('# aidlint: kind=serving\nu "Customer"\nm "LLM"\nu -> m\n')
    (design,), _ = load_designs(path, ParseOptions(kind="data-pipeline"))
    assert design.kind == "serving"


def test_lifecycle_parts_without_a_model_are_a_warning_naming_what_to_declare():
    findings = [f for f in check('t "Nightly training"\nr "Model registry"\nt -> r\n') if f.rule_id == "DSN007"]
    assert [(f.severity.value, f.line) for f in findings] == [("warning", 1)]
    assert "declare the serving node's role (model_inference)" in findings[0].message


def test_one_gap_shared_by_several_models_is_one_finding_anchored_on_the_model_that_answers_users():
    source = """
    emb "Embedding model"
    u "Customer"
    llm "Chat LLM"
    rr "Reranker"
    u -> llm -> u
    emb -> rr -> llm
    """
    findings = [f for f in check(source) if f.rule_id == "OBS001"]
    assert [(f.nodes, f.line) for f in findings] == [(["llm", "emb", "rr"], 3)]
    assert findings[0].message.endswith('the same gap for 2 more models: "Embedding model" (emb), "Reranker" (rr)')


def test_one_gap_shared_by_boxes_of_another_role_is_one_finding_listing_them_all():
    source = """
    u "Customer"
    llm "Chat LLM"
    guard "Moderation"
    mon "Metrics collector<br>Prometheus"
    graf "Grafana"
    drift "Drift detector"
    u -> guard -> llm -> guard -> u
    llm -> mon -> graf
    llm -> drift
    """
    findings = [f for f in check(source) if f.rule_id == "OBS002"]
    assert [(f.nodes, f.line) for f in findings] == [(["mon", "graf", "drift"], 4)]
    assert findings[0].message == (
        'monitoring "Metrics collector Prometheus" (mon) alerts nobody and drives nothing; connect it to alerting, '
        'human review or the deployment controller; the same gap for 2 more monitors: "Grafana" (graf), "Drift detector" (drift)'
    )
