"""Configuration and custom rules: what users put in aidlint.toml and their own rule files."""

from __future__ import annotations

import json

import pytest

from aidlint.cli import main

from .helpers import CUSTOM_RULE


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.aidl").write_text('u: user "U"\nr "Vector DB"\nlegacy_brain "Brain"\nu -> r -> legacy_brain\n')
    return tmp_path


def run_json(capsys, *args):
    code = main(["check", "--format", "json", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out else None), err


def test_custom_rule_file_adds_rules_with_the_users_ids(project, capsys):
    (project / "rules.toml").write_text(CUSTOM_RULE)
    code, report, _ = run_json(capsys, "--rules", "rules.toml", "--select", "ACME001", "d.aidl")
    assert code == 1
    assert [(f["rule_id"], f["line"], f["message"]) for f in report["findings"]] == [
        ("ACME001", 2, 'retrieval "Vector DB" (r) writes no audit log; log what was retrieved')
    ]


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (('severity = "warning"', 'severity = "fatal"'), "rule[0] (ACME001).severity: Input should be 'info', 'warning' or 'error'"),
        (('source = ["retrieval"]', 'source = ["retreival"]'), "rule[0] (ACME001).check.source: Value error, 'retreival' is not a role"),
        (('kind = "must-reach"', 'kind = "must-touch"'), "rule[0] (ACME001).check: Input tag 'must-touch' found using 'kind' does not match any of the expected tags"),
        (('id = "ACME001"', 'id = "SAF001"'), "rule SAF001 is already defined by built-in rules"),
        (('name = "retrieval-needs-audit"', 'name = "Retrieval Needs Audit"'), "rule[0] (ACME001).name: String should match pattern"),
        (('check =', 'applies_when = [[{ role = "retrieval", reached_from = ["usr"] }]]\ncheck ='), "rule[0] (ACME001).applies_when: Value error, 'usr' is not a role"),
    ],
    ids=["severity", "role", "kind", "duplicate-id", "name", "reached-from-role"],
)
def test_a_malformed_rule_file_is_a_usage_error_naming_the_field(project, capsys, change, error):
    (project / "rules.toml").write_text(CUSTOM_RULE.replace(*change))
    code, _, err = run_json(capsys, "--rules", "rules.toml", "d.aidl")
    assert code == 2
    assert error in err
    assert err.startswith("aidlint: error: rules.toml: ")


def test_a_selector_narrows_a_rule_to_the_nodes_another_role_reaches(project, capsys):
    # "r" is reached from the user, so the rule applies; a selector reached from training matches nothing.
    (project / "rules.toml").write_text(CUSTOM_RULE.replace("check =", 'applies_when = [[{ role = "retrieval", reached_from = ["user"] }]]\ncheck ='))
    code, report, _ = run_json(capsys, "--rules", "rules.toml", "--select", "ACME001", "d.aidl")
    assert (code, [f["line"] for f in report["findings"]]) == (1, [2])
    (project / "rules.toml").write_text(CUSTOM_RULE.replace("check =", 'applies_when = [[{ role = "retrieval", reached_from = ["training_pipeline"] }]]\ncheck ='))
    code, report, _ = run_json(capsys, "--rules", "rules.toml", "--select", "ACME001", "d.aidl")
    assert (code, report["findings"]) == (0, [])


def test_config_synonyms_and_overrides_change_roles(project, capsys):
    (project / "aidlint.toml").write_text(
        '[roles.synonyms]\nretrieval = ["Vector DB"]\n'
        '[[roles.override]]\nid = "legacy_*"\nrole = "model_inference"\n'
    )
    main(["roles", "d.aidl"])
    out = capsys.readouterr().out.splitlines()
    assert out[2].split()[:2] == ["r", "retrieval"]
    assert out[3].split()[:5] == ["legacy_brain", "model_inference", "config", "configured:", "id"]


def test_config_rules_and_profile(project, capsys):
    (project / "rules.toml").write_text(CUSTOM_RULE)
    (project / "aidlint.toml").write_text('profile = "minimal"\nrules = ["rules.toml"]\nselect = ["ACME"]\n')
    code, report, _ = run_json(capsys, "d.aidl")
    assert [f["rule_id"] for f in report["findings"]] == ["ACME001"]


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ('colour = "red"\n', "aidlint.toml: colour: Extra inputs are not permitted"),
        ('[[roles.override]]\nrole = "user"\n', "give exactly one of id (a glob) or label (a regular expression)"),
        ('[[roles.override]]\nlabel = "("\nrole = "user"\n', "not a regular expression"),
        ('[roles.synonyms]\nmodle = ["x"]\n', "'modle' is not a role"),
        ("profile = [\n", "aidlint.toml: not valid TOML"),
    ],
    ids=["unknown-key", "override-selector", "bad-regex", "synonym-role", "toml"],
)
def test_config_errors_exit_two(project, capsys, content, error):
    (project / "aidlint.toml").write_text(content)
    code, _, err = run_json(capsys, "d.aidl")
    assert code == 2 and error in err


def test_pyproject_tool_section_is_read(project, capsys):
    (project / "pyproject.toml").write_text('[tool.aidlint]\nselect = ["DSN003"]\n')
    code, report, _ = run_json(capsys, "d.aidl")
    assert code == 0  # DSN003 is info, below the default fail level
    assert [f["rule_id"] for f in report["findings"]] == ["DSN003"]


def test_unknown_profile_is_a_usage_error(project, capsys):
    code, _, err = run_json(capsys, "--profile", "strict", "d.aidl")
    assert code == 2 and "unknown profile 'strict'" in err
