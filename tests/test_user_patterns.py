"""A user's role-override pattern cannot hang a run: patterns that backtrack without end are refused."""

from __future__ import annotations

import pytest

from aidlint.cli import main
from aidlint.roles.patterns import MAX_MATCHED_CHARS, backtracking_risk


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("^(a+)+$", "it nests one quantifier inside another (like (a+)+), which can take forever to fail"),
        ("(x*)*y", "it nests one quantifier inside another (like (a+)+), which can take forever to fail"),
        ("(.*a){12}", "it nests one quantifier inside another (like (a+)+), which can take forever to fail"),
        ("^(a|ab)*$", "it repeats an alternation (like (a|ab)*), which can take forever to fail"),
        (r"(a)\1", "it uses a back-reference, which can take forever to fail"),
        ("(?i)^scoring v[0-9]+$", None),
        (r"(?:model|llm)\s+v\d+", None),
        ("^(?=.*fraud).*score", None),
        ("(ab){3}x+", None),
    ],
)
def test_backtracking_risk(pattern, problem):
    assert backtracking_risk(pattern) == problem


def test_a_nested_quantifier_in_the_config_exits_two_with_the_pattern_named(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "aidlint.toml").write_text('[[roles.override]]\nlabel = "^(a+)+$"\nrole = "user"\n')
    (tmp_path / "d.aidl").write_text('x "' + "a" * 40 + 'b"\n')
    assert main(["check", "d.aidl"]) == 2
    _, err = capsys.readouterr()
    assert err == (
        f"aidlint: error: {tmp_path / 'aidlint.toml'}: roles.override.0.label: Value error, pattern '^(a+)+$' is"
        " refused: it nests one quantifier inside another (like (a+)+), which can take forever to fail;"
        " write it without the nesting\n"
    )


def test_an_accepted_pattern_sees_a_bounded_prefix_of_a_huge_label(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "aidlint.toml").write_text('[[roles.override]]\nlabel = "Zorble$"\nrole = "user"\n')
    (tmp_path / "d.aidl").write_text(
        f'near "{"x" * (MAX_MATCHED_CHARS - 6)}Zorble"\nfar "{"x" * MAX_MATCHED_CHARS}Zorble"\n'
    )
    assert main(["roles", "d.aidl"]) == 0
    out = capsys.readouterr().out
    roles = {line.split()[0]: line.split()[1] for line in out.splitlines()[1:] if not line.startswith("   ")}
    assert roles == {"near": "user", "far": "unknown"}
