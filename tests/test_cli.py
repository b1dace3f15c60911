"""The command line: exit codes, reports, parse output, and bad input in the middle of a run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aidlint import __version__
from aidlint.cli import main

from .conftest import REPO
from .helpers import run_cli

SAMPLE = REPO / "samples" / "chat_without_guardrails.aidl"
REFERENCE = REPO / "reference_designs" / "chat_assistant.aidl"



@pytest.fixture(autouse=True)
def _no_project_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no aidlint.toml above: defaults apply


def test_clean_design_exits_zero(capsys):
    code, out, _ = run_cli(capsys, "check", str(REFERENCE))
    assert code == 0
    assert out == "All checks passed: 1 file, no findings.\n"


def test_findings_exit_one_and_the_text_report_shows_location_source_caret_witness_and_fix(capsys):
    code, out, _ = run_cli(capsys, "check", str(SAMPLE))
    assert code == 1
    expected_block = f"""\
{SAMPLE}:8:1: SAF001 [error] user input reaches model "Chat LLM" (llm) with no safety filter on the way: user -> gateway -> app -> llm; put an input filter in front of the model
  |
8 | llm: model_inference "Chat LLM"
  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = witness: user -> gateway -> app -> llm
  = fix: insert an input safety filter on the edge into the model
      + node input_filter_for_llm: safety_filter "Input safety filter" stage=input
      + edge app -> input_filter_for_llm
      + edge input_filter_for_llm -> llm
      - edge app -> llm
"""
    assert expected_block in out
    assert out.endswith("Found 2 findings (2 errors) in 1 file.\n")


def test_json_report(capsys):
    code, out, _ = run_cli(capsys, "check", "--format", "json", str(SAMPLE))
    assert code == 1
    document = json.loads(out)
    assert document["summary"] == {"files": 1, "findings": 2, "error": 2, "warning": 0, "info": 0}
    first = document["findings"][0]
    assert list(first) == [
        "rule_id", "rule_name", "severity", "message", "path", "line", "col", "end_line", "end_col",
        "design", "nodes", "witness", "fix", "expected", "fingerprint",
    ]
    assert (first["rule_id"], first["line"], first["col"], first["witness"]) == ("SAF001", 8, 1, ["user", "gateway", "app", "llm"])
    assert first["fix"]["nodes"] == [{"id": "input_filter_for_llm", "role": "safety_filter", "label": "Input safety filter", "attrs": {"stage": "input"}}]


def test_a_broken_file_is_a_finding_and_the_other_files_are_still_checked(capsys, tmp_path):
    (tmp_path / "a_broken.aidl").write_text("user -> llm\nllm ->\n")
    (tmp_path / "b_binary.aidl").write_bytes(b"\x00\x01\x02")
    (tmp_path / "c_fine.aidl").write_text(REFERENCE.read_text())
    code, out, err = run_cli(capsys, "check", "--format", "json", str(tmp_path))
    assert code == 1 and err == ""
    findings = json.loads(out)["findings"]
    assert [(Path(f["path"]).name, f["rule_id"], f["line"], f["col"]) for f in findings] == [
        ("a_broken.aidl", "SYN001", 2, 7),
        ("b_binary.aidl", "SYN001", 1, 1),
    ]
    assert json.loads(out)["summary"]["files"] == 3


def test_syntax_error_text_shows_line_caret_and_expected(capsys, tmp_path):
    bad = tmp_path / "bad.aidl"
    bad.write_text("user -> llm\nllm ->\n")
    code, out, _ = run_cli(capsys, "check", str(bad))
    assert code == 1
    assert out == (
        f"{bad}:2:7: SYN001 [error] unexpected end of line\n"
        "  |\n"
        "2 | llm ->\n"
        "  |       ^\n"
        "  = expected: a name\n"
        "\n"
        "Found 1 finding (1 error) in 1 file.\n"
    )


def test_fail_on_and_select(capsys):
    assert run_cli(capsys, "check", "--fail-on", "error", "--select", "FBK004", str(SAMPLE))[0] == 0
    assert run_cli(capsys, "check", "--select", "SAF001", str(SAMPLE))[0] == 1


def test_usage_errors_exit_two(capsys, tmp_path):
    assert run_cli(capsys, "check", str(tmp_path / "missing.aidl"))[0] == 2
    code, _, err = run_cli(capsys, "check", "--select", "NOPE999", str(SAMPLE))
    assert code == 2 and "unknown rule 'NOPE999'" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--format", "xml", str(SAMPLE)])
    assert exit_info.value.code == 2


def test_config_errors_exit_two_and_name_the_key(capsys, tmp_path):
    (tmp_path / "aidlint.toml").write_text('fail-on = "sometimes"\n')
    code, _, err = run_cli(capsys, "check", str(SAMPLE))
    assert code == 2
    assert "aidlint.toml: fail-on: Input should be 'info', 'warning' or 'error'" in err


def test_config_file_is_discovered_and_applied(capsys, tmp_path):
    (tmp_path / "aidlint.toml").write_text('ignore = ["SAF"]\n')
    assert run_cli(capsys, "check", str(SAMPLE))[0] == 0


def test_parse_json_is_stable_and_complete(capsys):
    code, first, _ = run_cli(capsys, "parse", str(REFERENCE))
    assert code == 0
    _, second, _ = run_cli(capsys, "parse", str(REFERENCE))
    assert first == second
    design = json.loads(first)["designs"][0]
    node = next(n for n in design["nodes"] if n["id"] == "llm")
    assert node == {
        "id": "llm", "label": "Chat LLM", "attrs": {}, "group": "serving",
        "span": {"path": str(REFERENCE), "line": 16, "col": 3, "end_line": 16, "end_col": 34},
        "declared_role": "model_inference", "role": "model_inference", "role_reason": "declared",
        "role_strength": "declared",
    }
    assert design["groups"][0]["id"] == "edge"
    assert len(design["edges"]) == 25


def test_roles_explains_each_node(capsys):
    code, out, _ = run_cli(capsys, "roles", str(REPO / "samples" / "classifier_release_without_gates.aidl"))
    assert code == 0
    path = REPO / "samples" / "classifier_release_without_gates.aidl"
    assert out.splitlines()[:4] == [
        f"{path}: Fraud scoring",
        '  merchant     user                   name       matched "merchant" in label                  "Merchant checkout"',
        '  gateway      api_gateway            name       matched "API gateway" in label               "API gateway"',
        '  scorer       model_inference        name       matched "scoring" in label                   "Fraud scoring model"',
    ]


def test_rules_and_explain(capsys):
    code, out, _ = run_cli(capsys, "rules")
    assert code == 0 and "SAF001" in out and "DSN003" in out
    code, out, _ = run_cli(capsys, "explain", "lcy004")
    assert code == 0
    assert out.startswith("LCY004 no-rollback-path (error)\n\nWhat it checks:\n")
    assert out.index("Why it matters:") < out.index("Example:") < out.index("Passes:") < out.index("How to fix:")
    assert run_cli(capsys, "explain", "XYZ123")[0] == 2


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"aidlint {__version__}\n"


def test_the_installed_command_runs_from_any_directory(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-m", "aidlint", "check", str(SAMPLE)],
        cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 1
    assert "SAF001" in result.stdout and result.stderr == ""


def test_output_file_is_written_whole(capsys, tmp_path):
    target = tmp_path / "report.json"
    assert run_cli(capsys, "check", "--format", "json", "-o", str(target), str(SAMPLE))[0] == 1
    assert json.loads(target.read_text())["summary"]["findings"] == 2
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_file_of_an_unknown_format_named_explicitly_is_a_usage_error(capsys, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("user -> llm\n")
    code, out, err = run_cli(capsys, "check", str(notes))
    assert (code, out) == (2, "")
    assert err == f"aidlint: error: {notes}: aidlint does not know this format; it reads .aidl, .dot, .gv, .mmd, .mermaid, .md, .markdown and .mdx files\n"


def test_directories_are_walked_for_design_files_only(capsys, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.aidl").write_text(REFERENCE.read_text())
    (tmp_path / "notes.txt").write_text("not a design")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.aidl").write_text("broken ->\n")
    code, out, _ = run_cli(capsys, "check", str(tmp_path))
    assert (code, out) == (0, "All checks passed: 1 file, no findings.\n")


def test_files_git_ignores_are_skipped(capsys, tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("build/\n")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "generated.aidl").write_text("broken ->\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.aidl").write_text("broken ->\n")
    (tmp_path / "design.aidl").write_text(REFERENCE.read_text())
    code, out, _ = run_cli(capsys, "check", str(tmp_path))
    assert (code, out) == (0, "All checks passed: 1 file, no findings.\n")


def test_a_file_without_a_diagram_aidlint_reads_is_skipped_with_a_note(capsys, tmp_path):
    sequence = tmp_path / "flow.mmd"
    sequence.write_text("classDiagram\n  User <|-- Admin\n")
    code, out, _ = run_cli(capsys, "check", str(sequence))
    assert code == 0
    assert out.splitlines()[0].startswith(f"note: {sequence}: ")


def test_roles_suggests_a_declaration_in_the_files_own_syntax(capsys, tmp_path):
    chart = tmp_path / "chart.mmd"
    chart.write_text('flowchart LR\n  a["Frobnicator"] --> b["LLM"]\n')
    code, out, _ = run_cli(capsys, "roles", str(chart))
    assert code == 0
    assert "declare with: %% aidlint: role a=ROLE" in out


def test_the_design_header_profile_applies_unless_the_command_line_names_one(capsys):
    classifier = str(REPO / "samples" / "classifier_release_without_gates.aidl")  # header: classic-ml
    _, out, _ = run_cli(capsys, "check", "--format", "json", classifier)
    assert "LCY002" in {f["rule_id"] for f in json.loads(out)["findings"]}
    _, out, _ = run_cli(capsys, "check", "--format", "json", "--profile", "minimal", classifier)
    assert "LCY002" not in {f["rule_id"] for f in json.loads(out)["findings"]}


SEQUENCE_DOC = """# Chat assistant

The request flow, drawn only as a sequence diagram:

```mermaid
sequenceDiagram
    actor User
    participant API as Chat API
    participant LLM as GPT-4o
    User->>API: question
    API->>LLM: prompt
    LLM-->>API: completion
    API-->>User: answer
```
"""


def test_check_reads_a_design_drawn_only_as_a_sequence_diagram(capsys, tmp_path):
    doc = tmp_path / "chat.md"
    doc.write_text(SEQUENCE_DOC)
    code, out, _ = run_cli(capsys, "check", "--format", "json", str(doc))
    assert code == 1
    findings = [(f["rule_id"], f["line"], f["col"], f["nodes"], f["witness"]) for f in json.loads(out)["findings"]]
    # The reply drawn back is the path the output check follows, no response implied; the API answers the
    # user after the model answered it, so the answer goes on as the model's (rules/sequences.py): LLM -> User.
    assert findings == [
        ("FBK004", 7, 11, ["User"], []),
        ("GOV001", 9, 17, ["LLM"], []),
        ("OBS001", 9, 17, ["LLM"], []),
        ("SAF001", 9, 17, ["LLM"], ["User", "API", "LLM"]),
        ("SAF002", 9, 17, ["LLM"], ["LLM", "User"]),
        ("SEC001", 9, 17, ["LLM"], ["User", "API", "LLM"]),
    ]
