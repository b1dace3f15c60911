"""Broken configuration and rule files exit 2 with one clear line, never a traceback (issue 17), and a
design naming an unknown profile is that design's finding while the run goes on."""

from __future__ import annotations

import pytest

from .helpers import CUSTOM_RULE, run_cli


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.aidl").write_text('u: user "U"\nr "Vector DB"\nu -> r\n')
    return tmp_path



@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("aidlint.toml", b'profile = "\xff"\n', "aidlint.toml: not UTF-8 text (byte 11); save the configuration as UTF-8"),
        ("pyproject.toml", b'[tool]\naidlint = "strict"\n', "pyproject.toml: tool.aidlint: expected a table ([tool.aidlint] with keys under it), found a string"),
        ("pyproject.toml", b'tool = ["aidlint"]\n', "pyproject.toml: tool: expected a table of tools ([tool.aidlint]), found an array"),
    ],
    ids=["not-utf8", "tool-aidlint-string", "tool-array"],
)
def test_a_configuration_of_the_wrong_shape_exits_two(project, capsys, name, content, error):
    (project / name).write_bytes(content)
    assert run_cli(capsys, "check", "d.aidl") == (2, "", f"aidlint: error: {project / name}: {error.split(': ', 1)[1]}\n")


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (("{subject} writes", "{oops} writes"), "rule[0] (ACME001).message: Value error, unknown placeholder {oops}; a message may use {subject}, {witness}, {nodes}, {count}, {declaration}"),
        (("{subject} writes", "{ writes"), "rule[0] (ACME001).message: Value error, not a valid message template (expected '}' before end of string); write a literal brace as {{ or }}"),
        (
            ("quantifier = \"each\" }", "quantifier = \"each\" }\nfix = { description = \"log it\", edges = [{ source = \"@subject\", target = \"log\" }] }"),
            "rule[0] (ACME001): Value error, fix refers to 'log', which is not a ghost of fix.ghosts (references: @subject, @first, @last, #role or a ghost's key)",
        ),
        (
            ("quantifier = \"each\" }", "quantifier = \"each\" }\nfix = { description = \"log it\", ghosts = { log = { role = \"audit_log\", label = \"Log\" } }, edges = [{ source = \"@first\", target = \"log\" }] }"),
            "rule[0] (ACME001): Value error, fix refers to @first, but this check's findings carry no witness path",
        ),
        (
            ("quantifier = \"each\" }", "quantifier = \"any\" }\nfix = { description = \"log it\", edges = [{ source = \"@subject\", target = \"#audit_log\" }] }"),
            "rule[0] (ACME001): Value error, fix refers to @subject, but this check's findings do not always name a node: anchor the rule on a role applies_when guarantees, or declare a ghost to stand in",
        ),
    ],
    ids=["unknown-placeholder", "lone-brace", "missing-ghost", "first-without-witness", "subject-without-anchor"],
)
def test_a_rule_that_could_fail_on_some_design_is_refused_when_its_file_loads(project, capsys, change, error):
    (project / "rules.toml").write_text(CUSTOM_RULE.replace(*change))
    assert run_cli(capsys, "check", "--rules", "rules.toml", "d.aidl") == (2, "", f"aidlint: error: rules.toml: {error}\n")


@pytest.mark.parametrize("content", ["", "# rules to come\n", '[profile.ours]\ndescription = "Ours."\nrules = ["SAF001"]\n'], ids=["empty", "comment", "profile-only"])
def test_a_rule_file_without_rules_exits_two_and_says_what_it_lacks(project, capsys, content):
    (project / "rules.toml").write_text(content)
    assert run_cli(capsys, "check", "--rules", "rules.toml", "d.aidl") == (
        2, "", "aidlint: error: rules.toml: no [[rule]] table; a rule file declares each of its rules in one (docs/custom-rules.md)\n"
    )


def test_a_rule_file_that_is_not_utf8_exits_two(project, capsys):
    (project / "rules.toml").write_bytes(CUSTOM_RULE.encode().replace(b"Retrieval results", b"R\xe9sultats"))
    assert run_cli(capsys, "check", "--rules", "rules.toml", "d.aidl") == (
        2, "", "aidlint: error: rules.toml: not UTF-8 text (byte 89); save the rule file as UTF-8\n"
    )


def test_a_design_naming_an_unknown_profile_is_its_own_finding_and_the_run_goes_on(project, capsys):
    (project / "a.aidl").write_text('design "A" profile=strict\nu: user "U"\n')
    (project / "b.dot").write_text("digraph {\n  // aidlint: profile stricter\n  u [role=user]\n}\n")
    (project / "c.aidl").write_text('design "C" profile=minimal\nu: user "U"\nm: model_inference "M"\nu -> m\n')
    code, out, err = run_cli(capsys, "check", "--no-fix", "a.aidl", "b.dot", "c.aidl")
    assert (code, err) == (1, "")
    profiles = "(profiles: classic-ml, llm-app, minimal, recommended); this design was not checked"
    assert out == (
        f"a.aidl:1:20: SYN001 [error] unknown profile 'strict' {profiles}\n"
        "  |\n"
        '1 | design "A" profile=strict\n'
        "  |                    ^\n"
        "\n"
        f"b.dot:2:23: SYN001 [error] unknown profile 'stricter' {profiles}\n"
        "  |\n"
        "2 |   // aidlint: profile stricter\n"
        "  |                       ^\n"
        "\n"
        'c.aidl:3:1: SAF001 [error] user input reaches model "M" (m) with no safety filter on the way: u -> m; put an input filter in front of the model\n'
        "  |\n"
        '3 | m: model_inference "M"\n'
        "  | ^^^^^^^^^^^^^^^^^^^^^^\n"
        "  = witness: u -> m\n"
        "\n"
        "Found 3 findings (3 errors) in 3 files.\n"
    )


@pytest.mark.parametrize("pattern", ["^(a+)+$", "(?:x*y)*z", "((ab)+c){2,}"])
def test_a_role_override_pattern_that_can_backtrack_exponentially_is_refused(project, capsys, pattern):
    (project / "aidlint.toml").write_text(f'[[roles.override]]\nlabel = "{pattern}"\nrole = "user"\n')
    column = pattern.index("(") + 1
    assert run_cli(capsys, "check", "d.aidl") == (
        2, "", f"aidlint: error: {project / 'aidlint.toml'}: roles.override.0.label: Value error, the group at column "
        f"{column} repeats something that itself repeats, which can take exponential time on a long label; "
        "write it without the nested repetition\n",
    )


@pytest.mark.parametrize("pattern", ["(?i)^scoring v[0-9]+$", "(a|b)*", "(a+)?", "[(a+)]+", r"(\\d+)\\.(\\d+)", "(ab){1}"])
def test_role_override_patterns_without_nested_repetition_are_accepted(project, capsys, pattern):
    (project / "aidlint.toml").write_text(f'[[roles.override]]\nlabel = "{pattern}"\nrole = "user"\n')
    assert run_cli(capsys, "check", "d.aidl")[0] == 0


@pytest.mark.parametrize(
    ("profile", "error"),
    [
        ('rules = ["ACME001", "SAF009"]', "unknown rule 'SAF009' in rules.toml: profile 'ours'"),
        ('exclude = ["XYZ"]', "unknown rule 'XYZ' in rules.toml: profile 'ours'"),
        ('severity = { SYN001 = "info" }', "SYN001 cannot be ignored or given another severity: a file aidlint cannot read always fails the run"),
    ],
    ids=["rules", "exclude", "severity-of-the-syntax-rule"],
)
def test_a_custom_profile_naming_an_unknown_rule_exits_two(project, capsys, profile, error):
    (project / "rules.toml").write_text(CUSTOM_RULE + f'\n[profile.ours]\ndescription = "Ours."\n{profile}\n')
    assert run_cli(capsys, "check", "--rules", "rules.toml", "--profile", "ours", "d.aidl") == (2, "", f"aidlint: error: {error}\n")


def test_a_custom_profile_may_name_built_in_and_custom_rules(project, capsys):
    (project / "rules.toml").write_text(CUSTOM_RULE + '\n[profile.ours]\ndescription = "Ours."\nrules = ["ACME001", "SAF001"]\n')
    assert run_cli(capsys, "check", "--rules", "rules.toml", "--profile", "ours", "--no-fix", "d.aidl") == (
        1, "d.aidl:2:1: ACME001 [warning] retrieval \"Vector DB\" (r) writes no audit log; log what was retrieved\n  |\n2 | r \"Vector DB\"\n  | ^^^^^^^^^^^^^\n\nFound 1 finding (1 warning) in 1 file.\n", ""
    )
