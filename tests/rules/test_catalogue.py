"""Every rule explains itself and its own examples hold; the per-rule cases live in tests/rules/cases/."""

from __future__ import annotations

import textwrap

import pytest

from aidlint.frontends import parse_text
from aidlint.model import ROLES
from aidlint.rules.runner import RuleSelection, builtin_pack, check_design

RULES = builtin_pack().rule


def findings_of(rule_id: str, source: str):
    (design,) = parse_text(textwrap.dedent(source).lstrip("\n"), "aidl", "case.aidl")
    rules = RuleSelection().active(builtin_pack())
    return [f for f in check_design(design, rules) if f.rule_id == rule_id]


@pytest.mark.parametrize("rule", [r for r in RULES if r.id != "SYN001"], ids=lambda r: r.id)
def test_rule_example_fails_and_passes(rule):
    assert findings_of(rule.id, rule.example_fail), f"{rule.id}: its failing example raises nothing"
    assert findings_of(rule.id, rule.example_pass) == [], f"{rule.id}: its passing example raises a finding"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_explains_itself(rule):
    assert rule.summary and rule.rationale and rule.how_to_fix and rule.message
    assert rule.example_fail.strip() and rule.example_pass.strip()


def test_every_rule_of_the_catalogue_is_implemented():
    expected = {
        "SAF001", "SAF002", "SAF003", "SAF004", "FBK001", "FBK002", "FBK003", "FBK004", "FBK005",
        "LCY001", "LCY002", "LCY003", "LCY004", "LCY005", "OBS001", "OBS002", "SEC001", "GOV001",
        "SYN001", "DSN001", "DSN002", "DSN003",
    }
    assert expected <= {rule.id for rule in RULES}


def test_every_rule_has_a_failing_case_or_example_and_fix_ghosts_have_real_roles():
    for rule in RULES:
        if rule.fix:
            assert all(ghost.role in ROLES for ghost in rule.fix.ghosts.values())


def test_profiles():
    pack = builtin_pack()
    ids = lambda profile: [a.spec.id for a in RuleSelection(profile=profile).active(pack)]  # noqa: E731
    assert ids("minimal") == ["SAF001", "FBK001", "LCY004", "SYN001", "DSN002", "DSN004"]
    assert ids("llm-app") == ids("recommended") == [r.id for r in RULES]
    classic = RuleSelection(profile="classic-ml").active(pack)
    assert not {"SAF001", "SAF002", "SAF003", "SAF004", "FBK004"} & {a.spec.id for a in classic}
    assert next(a.severity.value for a in classic if a.spec.id == "SEC001") == "info"


def test_select_and_ignore_accept_families():
    pack = builtin_pack()
    # The syntax rule is always on: a selection can never make an unreadable file pass.
    assert [a.spec.id for a in RuleSelection(select=["SAF"], ignore=["SAF003"]).active(pack)] == ["SAF001", "SAF002", "SAF004", "SYN001"]


def test_a_batch_job_with_no_users_gets_no_request_path_or_reporting_findings():
    (design,) = parse_text(
        textwrap.dedent(
            """
            src: data_source "Nightly export"
            model: model_inference "Batch scoring model"
            out: data_store "Scores table"
            mon: monitoring "Score drift monitoring"
            pager: alerting "Pager"
            src -> model -> out
            model -> mon -> pager
            """
        ),
        "aidl",
        "batch.aidl",
    )
    found = {f.rule_id for f in check_design(design, RuleSelection().active(builtin_pack()))}
    assert found == set()
