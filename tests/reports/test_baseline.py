"""Fingerprints survive unrelated edits; baselines report only new findings; -o writes whole or not at all."""

from __future__ import annotations

import json
import os
import shutil
import stat
import threading

import pytest

from ..conftest import REPO
from ..helpers import run_cli

SAMPLE = REPO / "samples" / "chat_without_guardrails.aidl"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SAMPLE, tmp_path / "chat.aidl")
    shutil.copy(REPO / "samples" / "support_bot_design_doc.md", tmp_path / "doc.md")
    return tmp_path


def fingerprints(capsys, *paths: str) -> dict[tuple, str]:
    _, out, _ = run_cli(capsys, "check", "--format", "json", *paths)
    return {(f["path"], f["rule_id"], tuple(f["nodes"])): f["fingerprint"] for f in json.loads(out)["findings"]}


def test_fingerprints_are_the_same_across_runs_and_an_unrelated_edit(capsys, project):
    before = fingerprints(capsys, "chat.aidl", "doc.md")
    assert len(before) == 5 and len(set(before.values())) == 5
    assert fingerprints(capsys, "chat.aidl", "doc.md") == before
    # Lines added above the findings move every one of them; the fingerprints stay.
    chat = project / "chat.aidl"
    lines = chat.read_text().splitlines(keepends=True)
    chat.write_text(lines[0] + "# a comment\n\n# and another\n" + "".join(lines[1:]))
    doc = project / "doc.md"
    doc.write_text("# Preface\n\nSome prose that moves everything down.\n\n" + doc.read_text())
    _, out, _ = run_cli(capsys, "check", "--format", "json", "chat.aidl", "doc.md")
    assert [f["line"] for f in json.loads(out)["findings"]] == [11, 11, 16, 31, 31]
    assert fingerprints(capsys, "chat.aidl", "doc.md") == before


def test_a_fingerprint_names_rule_design_and_nodes_so_other_changes_move_it(capsys, project):
    before = fingerprints(capsys, "chat.aidl")
    chat = project / "chat.aidl"
    chat.write_text(chat.read_text().replace("llm", "chat_llm"))
    after = fingerprints(capsys, "chat.aidl")
    assert set(after.values()).isdisjoint(before.values())


def test_baseline_reports_only_new_findings_and_lists_fixed_ones(capsys, project):
    code, out, _ = run_cli(capsys, "check", "chat.aidl", "--write-baseline", "baseline.json")
    assert (code, out) == (0, "Wrote 2 findings to the baseline baseline.json.\n")
    recorded = json.loads((project / "baseline.json").read_text())
    assert recorded["aidlint_baseline"] == 1 and [e["rule_id"] for e in recorded["findings"]] == ["SAF001", "SAF002"]

    assert run_cli(capsys, "check", "chat.aidl", "--baseline", "baseline.json") == (0, "All checks passed: 1 file, no findings.\n", "")

    # An output filter fixes SAF002; a new model joins the SAF001 gap, which is one finding listing both
    # models (docs/rules.md, "Grouping"), so the grown finding is new.
    chat = project / "chat.aidl"
    text = chat.read_text()
    text = text.replace("llm -> app", "llm -> out_guard -> app")
    text += 'out_guard: safety_filter "Output moderation" stage=output\nllm2: model_inference "Second LLM"\n'
    text += "app -> llm2 -> out_guard\nllm2 -> monitor\nout_guard -> review\n"
    chat.write_text(text)
    code, out, _ = run_cli(capsys, "check", "chat.aidl", "--format", "concise", "--baseline", "baseline.json")
    assert code == 1
    assert [line.split(" ", 2)[1:] for line in out.splitlines()[:-1]] == [
        ["SAF001", 'a safety filter exists but user input can bypass it to reach model "Chat LLM" (llm): user -> gateway -> app -> llm; route this path through the filter; the same gap for 1 more model: "Second LLM" (llm2)'],
    ]
    _, out, _ = run_cli(capsys, "check", "chat.aidl", "--baseline", "baseline.json")
    assert "note: baseline baseline.json: SAF002 in chat.aidl (llm) is fixed; remove it from the baseline (--write-baseline rewrites it)\n" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline.json: no such baseline file (write one with --write-baseline)"),
        ("{not json", "baseline.json:1:2: the baseline is not valid JSON: Expecting property name enclosed in double quotes"),
        ('{"findings": []}', 'baseline.json: not an aidlint baseline (expected {"aidlint_baseline": 1, "findings": [...]})'),
        ('{"aidlint_baseline": 1, "findings": [{"rule_id": "SAF001"}]}', "baseline.json: entry 1 of the baseline has no fingerprint"),
    ],
)
def test_a_broken_baseline_exits_2(capsys, project, content, message):
    if content is not None:
        (project / "baseline.json").write_text(content)
    assert run_cli(capsys, "check", "chat.aidl", "--baseline", "baseline.json") == (2, "", f"aidlint: error: {message}\n")


def test_output_file_gets_the_report_and_the_terminal_the_summary(capsys, project):
    code, out, err = run_cli(capsys, "check", "--format", "sarif", "-o", "report.sarif", "chat.aidl")
    assert (code, out, err) == (1, "Found 2 findings (2 errors) in 1 file.\n", "")
    assert len(json.loads((project / "report.sarif").read_text())["runs"][0]["results"]) == 2
    assert sorted(os.listdir(project)) == ["chat.aidl", "doc.md", "report.sarif"]


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("missing/report.json", "directory missing does not exist"),
        ("adir", "it is a directory"),
        ("/proc/aidlint-report.json", None),
    ],
)
def test_an_unwritable_output_exits_2_and_leaves_nothing(capsys, project, target, reason):
    (project / "adir").mkdir()
    before = sorted(os.listdir(project))
    code, out, err = run_cli(capsys, "check", "--format", "json", "-o", target, "chat.aidl")
    assert (code, out) == (2, "")
    assert err.startswith(f"aidlint: error: cannot write the report to {target}: ")
    if reason:
        assert err == f"aidlint: error: cannot write the report to {target}: {reason}\n"
    assert sorted(os.listdir(project)) == before and os.listdir(project / "adir") == []
    assert not [name for name in os.listdir("/proc") if name.startswith(".aidlint-report")]


def test_a_pipe_named_as_output_gets_the_report_and_stays_a_pipe(capsys, project):
    # `-o /dev/stdout` in CI is a pipe or a terminal: written as a stream, never replaced by a file.
    fifo = project / "report.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, out, _ = run_cli(capsys, "check", "--format", "json", "-o", str(fifo), "chat.aidl")
    reader.join(timeout=30)
    assert (code, out) == (1, "Found 2 findings (2 errors) in 1 file.\n")
    assert [f["rule_id"] for f in json.loads(received[0])["findings"]] == ["SAF001", "SAF002"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(os.listdir(project)) == ["chat.aidl", "doc.md", "report.pipe"]


def test_a_symbolic_link_named_as_output_keeps_pointing_at_the_report(capsys, project):
    (project / "reports").mkdir()
    (project / "reports" / "latest.json").write_text("old")
    (project / "report.json").symlink_to(project / "reports" / "latest.json")
    assert run_cli(capsys, "check", "--format", "json", "-o", "report.json", "chat.aidl")[0] == 1
    assert (project / "report.json").is_symlink()
    assert len(json.loads((project / "reports" / "latest.json").read_text())["findings"]) == 2
    assert os.listdir(project / "reports") == ["latest.json"]
