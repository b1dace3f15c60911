"""A user's role-override pattern cannot hang a run: nested repetition is refused (tests/test_config_errors.py)
and a pattern sees a bounded prefix of a label."""

from __future__ import annotations

from aidlint.cli import main
from aidlint.config import MAX_MATCHED_CHARS


def test_an_accepted_pattern_sees_a_bounded_prefix_of_a_huge_label(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "aidlint.toml").write_text('[[roles.override]]\nlabel = "Zorble$"\nrole = "user"\n')
    (tmp_path / "d.aidl").write_text(
        f'near "{"x" * (MAX_MATCHED_CHARS - 6)}Zorble"\nfar "{"x" * MAX_MATCHED_CHARS}Zorble"\n'
    )
    assert main(["roles", "d.aidl"]) == 0
    out = capsys.readouterr().out
    roles = {line.split()[0]: line.split()[1] for line in out.splitlines()[1:] if not line.startswith("   ") and not line.split()[0].endswith(":")}
    assert roles == {"near": "user", "far": "unknown"}
