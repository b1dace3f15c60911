"""Check kinds: one registry, metadata instead of rule IDs, and the bugs that hard-coded IDs caused."""

from __future__ import annotations

import json
import subprocess

import pytest

from aidlint.rules.checks import KIND_MODULES, CheckKind, check_kinds
from aidlint.rules.runner import builtin_pack

from ..conftest import REPO
from ..helpers import CUSTOM_RULE, run_cli


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules.toml").write_text(CUSTOM_RULE)
    return tmp_path



def test_every_kind_module_registers_one_kind_named_after_it():
    kinds = check_kinds()
    assert [name.replace("-", "_") for name in kinds] == [
        "must_pass_through", "must_reach", "some_path_through", "edge_exists", "requires_role",
        "role_known", "declared_role_valid", "syntax", "suppressions_used", "suppressions_reasoned",
        "suppressions_current", "any_of",
    ]
    assert [kind.__module__.rsplit(".", 1)[1] for kind in kinds.values()] == list(KIND_MODULES)
    assert all(issubclass(kind, CheckKind) for kind in kinds.values())


def test_what_is_special_about_a_rule_is_its_kinds_metadata():
    special = {
        rule.id: (rule.kind.reported_by, rule.kind.user_declarable, rule.kind.suppressible, rule.kind.always_on)
        for rule in builtin_pack().rule
        if rule.kind.reported_by != "engine" or not rule.kind.suppressible or rule.kind.always_on
    }
    assert special == {
        "SYN001": ("front ends", False, False, True),
        "DSN004": ("runner", False, False, False),
        "DSN005": ("runner", False, False, False),
        "DSN006": ("runner", False, False, False),
    }


def test_no_rule_id_is_written_in_code():
    # Rule IDs live in rule files (src/aidlint/data/rules/builtin.toml); code asks for a kind's rule.
    found = subprocess.run(
        ["grep", "-rnE", r"\b(SAF|FBK|LCY|OBS|SEC|GOV|SYN|DSN)[0-9]{3}", "src/aidlint", "--include=*.py"],
        cwd=REPO, capture_output=True, text=True,
    ).stdout
    assert found == ""


def test_a_suppression_naming_a_custom_rule_silences_it_and_is_not_called_unknown(project, capsys):
    (project / "d.aidl").write_text(
        'u: user "U"\n'
        'r "Vector DB"  # aidlint: ignore[ACME001] results are logged by the vendor\n'
        'm: model_inference "LLM"  # aidlint: ignore[ACME001] nothing to silence here\n'
        "u -> r -> m\n"
    )
    code, out, _ = run_cli(capsys, "check", "--format", "json", "--rules", "rules.toml", "--select", "ACME,DSN004", "d.aidl")
    findings = [(f["rule_id"], f["line"], f["message"]) for f in json.loads(out)["findings"]]
    assert findings == [("DSN004", 3, "suppression of ACME001 matches no finding; remove it")]
    assert code == 1


@pytest.mark.parametrize(
    ("setting", "error"),
    [
        ('[severity]\nSYN001 = "warning"\n', "aidlint: error: SYN001 cannot be ignored or given another severity: a file aidlint cannot read always fails the run\n"),
        ('ignore = ["syn001"]\n', "aidlint: error: SYN001 cannot be ignored or given another severity: a file aidlint cannot read always fails the run\n"),
    ],
    ids=["severity", "ignore"],
)
def test_the_syntax_rule_cannot_be_weakened_by_configuration(project, capsys, setting, error):
    (project / "aidlint.toml").write_text(setting)
    (project / "d.aidl").write_text('u: user "U"\n')
    assert run_cli(capsys, "check", "d.aidl") == (2, "", error)


def test_a_family_ignore_still_reports_unreadable_files(project, capsys):
    (project / "aidlint.toml").write_text('ignore = ["SYN", "DSN"]\n')
    (project / "d.aidl").write_text("u -> \n")
    code, out, _ = run_cli(capsys, "check", "--format", "json", "d.aidl")
    assert code == 1
    assert [f["rule_id"] for f in json.loads(out)["findings"]] == ["SYN001"]


def test_a_users_rule_file_may_not_declare_an_engine_only_kind(project, capsys):
    (project / "rules.toml").write_text(CUSTOM_RULE.replace('check = { kind = "must-reach", source = ["retrieval"], target = ["audit_log"], quantifier = "each" }', 'check = { kind = "syntax" }'))
    (project / "d.aidl").write_text('u: user "U"\n')
    code, out, err = run_cli(capsys, "check", "--rules", "rules.toml", "d.aidl")
    assert (code, out) == (2, "")
    assert err == "aidlint: error: rules.toml: rule[0] (ACME001).check.kind: 'syntax' is reserved to aidlint's own rules (reported by the front ends)\n"


def test_rules_lists_custom_rules_after_the_built_in_ones(project, capsys):
    code, out, _ = run_cli(capsys, "rules", "--rules", "rules.toml")
    row = next(line for line in out.splitlines() if "ACME001" in line)
    assert code == 0
    assert row.split(None, 3)[:3] == ["ACME001", "retrieval-needs-audit", "warning"]
    assert out.index("DSN004") < out.index("ACME001")


def test_rules_and_explain_read_custom_rules_from_the_configuration(project, capsys):
    (project / "aidlint.toml").write_text('rules = ["rules.toml"]\n')
    assert "ACME001" in run_cli(capsys, "rules")[1]
    code, out, _ = run_cli(capsys, "explain", "acme001")
    assert code == 0
    assert out == (
        "ACME001 retrieval-needs-audit (warning)\n\n"
        "What it checks:\n  Retrieval results are logged.\n\nRuns on:\n  Every kind of design.\n\n"
        "Why it matters:\n  What a model was shown must be reconstructible.\n\n"
        "How to fix:\n  Add an edge from the retriever to an audit log.\n\n"
        "How to suppress:\n"
        "  A comment on the offending line: `# aidlint: ignore[ACME001] why it is safe here` (`// ...` in DOT, `%% ...` in Mermaid); "
        "on a line of its own it covers the whole design. Give the reason: without one it still silences the rule but is reported as a warning.\n"
    )


def test_explain_shows_no_suppression_advice_for_a_rule_that_cannot_be_suppressed(capsys):
    code, out, _ = run_cli(capsys, "explain", "SYN001")
    assert code == 0 and "How to suppress" not in out
