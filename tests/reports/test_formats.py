"""The output registry is wired and documented; each format's own promises hold."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree

from aidlint.cli import build_parser
from aidlint.model import Finding, Severity
from aidlint.reports import FORMATS
from aidlint.reports.concise import finding_line
from aidlint.reports.github import annotation, escape_data, escape_property

from ..conftest import REPO
from ..helpers import run_cli
from .helpers import in_repo  # noqa: F401 - a fixture


def _check_format_choices() -> list[str]:
    check = build_parser()._subparsers._group_actions[0].choices["check"]
    (action,) = [a for a in check._actions if "--format" in a.option_strings]
    return list(action.choices)


def test_every_registered_format_is_a_format_choice():
    assert _check_format_choices() == list(FORMATS)


def test_every_registered_format_is_documented_and_nothing_else():
    doc = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    section = doc.split("## Output formats", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^### `([a-z]+)`", section, re.M) == list(FORMATS)


def test_each_registered_module_has_the_one_render_signature():
    import importlib
    import inspect

    for entry in FORMATS.values():
        render = importlib.import_module(entry.module).render
        assert list(inspect.signature(render).parameters) == ["result", "options"], entry.name


def test_github_is_chosen_inside_github_actions_when_no_format_is_given(capsys, in_repo, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = run_cli(capsys, "check", "samples/filter_beside_the_path.aidl")
    assert code == 1
    assert out.splitlines()[0].startswith("::error file=samples/filter_beside_the_path.aidl,line=8,col=1,")
    _, out, _ = run_cli(capsys, "check", "--format", "text", "samples/filter_beside_the_path.aidl")
    assert out.startswith("samples/filter_beside_the_path.aidl:8:1: SAF001 [error]")


def test_github_escaping_follows_the_workflow_command_syntax():
    assert escape_data("50% a:b,c\r\nd") == "50%25 a:b,c%0D%0Ad"
    assert escape_property("50% a:b,c\r\nd") == "50%25 a%3Ab%2Cc%0D%0Ad"
    finding = Finding(
        rule_id="SAF001", rule_name="model-input-unguarded", severity=Severity.warning,
        message='model "A,B:\nC" 100%', path="dir,1/a:b.aidl", line=3, col=2, end_line=3, end_col=9,
    )
    assert annotation(finding) == (
        "::warning file=dir%2C1/a%3Ab.aidl,line=3,col=2,endLine=3,endColumn=9,title=SAF001 model-input-unguarded"
        '::model "A,B:%0AC" 100%25'
    )


def test_every_github_line_is_a_workflow_command_or_the_summary(capsys, in_repo):
    _, out, _ = run_cli(capsys, "check", "--format", "github", "samples")
    *commands, summary = out.splitlines()
    pattern = re.compile(r"^::(error|warning|notice) (file|line|col|endLine|endColumn|title)=[^,:\r\n]*(,(line|col|endLine|endColumn|title)=[^,:\r\n]*)*::[^\r\n]*$")
    assert commands and all(pattern.match(line) for line in commands)
    assert summary == "Found 40 findings (28 errors, 12 warnings) in 17 files."


def test_a_finding_is_one_concise_line_even_when_a_label_breaks_lines():
    finding = Finding(
        rule_id="OBS001", rule_name="model-unmonitored", severity=Severity.error,
        message='model "Chat\nLLM\r" (llm)\x1b[2J feeds no model monitoring', path="a.mmd", line=4, col=3,
    )
    assert finding_line(finding) == 'a.mmd:4:3: OBS001 model "Chat\\nLLM\\r" (llm)\\x1b[2J feeds no model monitoring'


def test_a_mermaid_label_with_a_line_break_stays_on_one_concise_line(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.mmd").write_text('flowchart LR\n  u((User)):::user --> m["`Chat\nLLM`"]:::model_inference\n')
    _, out, _ = run_cli(capsys, "check", "--format", "concise", "d.mmd")
    lines = out.splitlines()
    assert all(re.match(r"^d\.mmd:\d+:\d+: [A-Z]+\d{3} ", line) for line in lines[:-1]), out
    assert lines[-1].startswith("Found ") and len(lines) == 7
    assert 'model "Chat LLM" (m)' in lines[3]  # a message reads a label's line break as a space


def test_junit_is_well_formed_with_one_case_per_design_and_rule(capsys, in_repo):
    _, out, _ = run_cli(capsys, "check", "--format", "junit", "samples/chat_without_guardrails.aidl")
    root = ElementTree.fromstring(out)
    (suite,) = root
    cases = suite.findall("testcase")
    names = [case.get("name") for case in cases]
    assert len(names) == len(set(names)) == int(suite.get("tests")) == int(root.get("tests"))
    failed = [case.get("name") for case in cases if case.find("failure") is not None]
    assert failed == ["Chat without guardrails: SAF001", "Chat without guardrails: SAF002"]
    assert root.get("failures") == "2"


def test_gitlab_code_quality_has_the_required_fields_and_unique_fingerprints(capsys, in_repo):
    _, out, _ = run_cli(capsys, "check", "--format", "gitlab", "samples")
    issues = json.loads(out)
    assert len(issues) == 40
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"].startswith("samples/") and issue["location"]["lines"]["begin"] >= 1
    assert len({issue["fingerprint"] for issue in issues}) == 40


def test_statistics_count_findings_per_rule_after_the_report(capsys, in_repo):
    code, out, _ = run_cli(capsys, "check", "--statistics", "--format", "concise", "samples")
    assert code == 1
    assert out.split("Found 40 findings (28 errors, 12 warnings) in 17 files.\n")[1] == (
        "6  SAF001  model-input-unguarded\n"
        "5  SAF002  model-output-unguarded\n"
        "4  FBK002  feedback-not-human-reviewed\n"
        "4  FBK003  user-data-not-anonymised\n"
        "3  LCY001  no-model-registry\n"
        "3  LCY002  no-eval-gate\n"
        "3  LCY003  no-progressive-rollout\n"
        "3  LCY004  no-rollback-path\n"
        "3  OBS001  model-unmonitored\n"
        "3  SAF003  agent-tools-unguarded\n"
        "1  FBK001  no-feedback-loop\n"
        "1  FBK004  no-user-reporting\n"
        "1  SAF004  flagged-content-not-reviewed\n"
    )


def test_statistics_keep_a_machine_report_on_stdout_clean(capsys, in_repo):
    _, out, err = run_cli(capsys, "check", "--statistics", "--format", "json", "samples/chat_without_guardrails.aidl")
    json.loads(out)
    assert err == "1  SAF001  model-input-unguarded\n1  SAF002  model-output-unguarded\n"
