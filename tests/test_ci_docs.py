"""docs/ci.md's setups and the GitHub Action work as written: every `aidlint` command in them is run.

No YAML library is needed: the setups are read as text (the commands are the lines that start with
`aidlint`), and the Action's scripts are the indented blocks under `run: |`.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from aidlint.cli import main

from .conftest import REPO
from .reports.test_sarif import validator

DOC = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
_COMMAND = re.compile(r"^\s*(?:-\s+)?(?:run:\s+)?(aidlint check .*?)(\s*\|\|\s*true)?\s*$")


def section(title: str) -> str:
    return DOC.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, re.S)


def commands(title: str) -> list[tuple[list[str], bool]]:
    """Each documented `aidlint check` command of a section, and whether a failure is tolerated."""
    found = []
    for block in yaml_blocks(section(title)):
        for line in block.splitlines():
            if match := _COMMAND.match(line):
                found.append((shlex.split(match.group(1))[1:], bool(match.group(2))))
    return found


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A repository with design docs and samples, as the setups assume (`docs samples`)."""
    (tmp_path / "docs").mkdir()
    shutil.copy(REPO / "samples" / "support_bot_design_doc.md", tmp_path / "docs" / "support_bot.md")
    (tmp_path / "docs" / "README.md").write_text("# Design docs\n\nProse only.\n")
    (tmp_path / "samples").mkdir()
    for name in ("chat_without_guardrails.aidl", "chat_without_guardrails.dot", "filter_beside_the_path.mmd"):
        shutil.copy(REPO / "samples" / name, tmp_path / "samples" / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_documented(capsys, title: str) -> list[tuple[int, str]]:
    outcomes = []
    for arguments, tolerated in commands(title):
        code = main(arguments)
        out, err = capsys.readouterr()
        assert err == "", (arguments, err)
        assert code in ((0, 1) if tolerated else (0, 1)), arguments
        outcomes.append((code, out))
    return outcomes


def test_github_actions_commands(capsys, project):
    assert [c for c, _ in commands("GitHub Actions")] == [
        ["check", "docs", "samples", "--format", "sarif", "-o", "aidlint.sarif"],
        ["check", "docs", "samples", "--format", "github"],
    ]
    (sarif_run, sarif_out), (github_run, annotations) = run_documented(capsys, "GitHub Actions")
    assert (sarif_run, github_run) == (1, 1)
    assert sarif_out == "Found 8 findings (7 errors, 1 warning) in 5 files.\n"
    document = json.loads((project / "aidlint.sarif").read_text())
    validator()(document)
    assert len(document["runs"][0]["results"]) == 8
    assert annotations.count("\n::error ") + annotations.startswith("::error ") == 7
    assert "::warning file=docs/support_bot.md,line=27,col=14," in annotations


def test_gitlab_ci_commands(capsys, project):
    assert [tolerated for _, tolerated in commands("GitLab CI")] == [True, False]
    (_, _), (code, out) = run_documented(capsys, "GitLab CI")
    assert code == 1 and out.endswith("in 5 files.\n")
    issues = json.loads((project / "gl-code-quality-report.json").read_text())
    assert len(issues) == 8 and {i["location"]["path"].split("/")[0] for i in issues} == {"docs", "samples"}
    suites = ElementTree.parse(project / "aidlint-junit.xml").getroot()
    assert int(suites.get("failures")) == 8
    block = yaml_blocks(section("GitLab CI"))[0]
    assert "codequality: gl-code-quality-report.json" in block and "junit: aidlint-junit.xml" in block


def test_the_baseline_commands(capsys, project):
    (written, message), (code, out) = run_documented(capsys, "Adopting aidlint on a repository with known gaps")
    assert (written, message) == (0, "Wrote 8 findings to the baseline aidlint-baseline.json.\n")
    assert (code, out) == (0, "All checks passed: 5 files, no findings.\n")


def _hook() -> dict[str, str]:
    manifest = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    return dict(re.findall(r"^\s*-?\s*(id|entry|files|language):\s*(.+?)\s*$", manifest, re.M))


def test_pre_commit_hook_as_documented(capsys, project):
    config = yaml_blocks(section("pre-commit"))[0]
    hook = _hook()
    assert re.search(rf"^\s*- id: {hook['id']}$", config, re.M)
    (args,) = re.findall(r"^\s*args: \[(.*)\]$", config, re.M)
    # pre-commit runs `entry args... staged-files...` with the files its `files` pattern matches.
    staged = sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file())
    matched = [name for name in staged if re.search(hook["files"], name)]
    assert matched == ["docs/README.md", "docs/support_bot.md", "samples/chat_without_guardrails.aidl",
                       "samples/chat_without_guardrails.dot", "samples/filter_beside_the_path.mmd"]
    entry = shlex.split(hook["entry"])
    assert entry[0] == "aidlint"
    code = main([*entry[1:], *[a.strip() for a in args.split(",")], *matched])
    out, err = capsys.readouterr()
    assert (code, err) == (1, "")
    assert out.splitlines()[-1] == "Found 8 findings (7 errors, 1 warning) in 5 files."
    assert "README.md" not in out  # prose passes quietly


# --- the composite Action ------------------------------------------------------------------------

ACTION = (REPO / "action.yml").read_text(encoding="utf-8")


def action_script(step_marker: str) -> str:
    """The `run: |` block of the step that contains ``step_marker``, dedented."""
    after = ACTION.split(step_marker, 1)[1]
    lines = after.split("      run: |\n", 1)[1].splitlines()
    body = []
    for line in lines:
        if line.strip() and not line.startswith("        "):
            break
        body.append(line[8:])
    return "\n".join(body).rstrip() + "\n"


def test_the_action_never_pastes_inputs_into_a_script():
    for block in re.findall(r"run: \|\n((?:        .*\n|\n)+)", ACTION):
        assert "${{" not in block
    assert "uses: github/codeql-action/upload-sarif@v3" in ACTION and "sarif_file: ${{ inputs.sarif-file }}" in ACTION


def _shim(directory: Path) -> Path:
    """`aidlint` as the Action finds it on PATH; `render` draws a stand-in so the plumbing is tested
    whether or not this build has `aidlint render`."""
    real = Path(sys.executable).parent / "aidlint"
    shim = directory / "aidlint"
    shim.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = render ]; then\n'
        '  if [ "$2" = --help ]; then exit 0; fi\n'
        '  printf \'```mermaid\\nflowchart LR\\n  %%%% gap diagram of %s\\n```\\n\' "$2" > "$4"; exit 0\n'
        "fi\n"
        f'exec "{real}" "$@"\n'
    )
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    return directory


def test_the_action_checks_uploads_annotates_and_summarises(project, tmp_path_factory):
    scratch = tmp_path_factory.mktemp("runner")
    env = {
        **os.environ,
        "PATH": f"{_shim(tmp_path_factory.mktemp('bin'))}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_ACTIONS": "true",
        "GITHUB_OUTPUT": str(scratch / "output"),
        "GITHUB_STEP_SUMMARY": str(scratch / "summary.md"),
        "RUNNER_TEMP": str(scratch),
        "AIDLINT_PATHS": "docs samples",
        "AIDLINT_ARGS": "--fail-on error",
        "AIDLINT_SARIF": "aidlint.sarif",
    }
    # The shell GitHub runs `shell: bash` steps with.
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", action_script("id: lint")],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert (scratch / "output").read_text() == "exit-code=1\n"
    validator()(json.loads((project / "aidlint.sarif").read_text()))
    assert "::error file=samples/chat_without_guardrails.aidl,line=8,col=1," in done.stdout
    summary = (scratch / "summary.md").read_text()
    assert summary.startswith("## aidlint\n\n```text\ndocs/support_bot.md:12:15: SAF002 ")
    assert "\nFound 8 findings (7 errors, 1 warning) in 5 files.\n```\n" in summary
    diagrams = re.findall(r"### Gap diagram: `(.*)`\n\n```mermaid\nflowchart LR\n  %% gap diagram of (.*)\n```", summary)
    assert diagrams == [(name, name) for name in (
        "docs/support_bot.md", "samples/chat_without_guardrails.aidl", "samples/chat_without_guardrails.dot",
        "samples/filter_beside_the_path.mmd",
    )]


@pytest.mark.parametrize(("status", "fail_on_findings", "exit_code"), [("0", "true", 0), ("1", "true", 1), ("1", "false", 0), ("2", "false", 2)])
def test_the_action_fails_the_job_as_asked(status, fail_on_findings, exit_code):
    script = action_script("name: Pass or fail")
    env = {**os.environ, "STATUS": status, "FAIL_ON_FINDINGS": fail_on_findings}
    assert subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], env=env, timeout=60).returncode == exit_code


def test_the_actions_render_command_writes_a_mermaid_gap_diagram(capsys, project):
    # The Action draws each failing file with exactly this command (see action.yml).
    line = next(line for line in ACTION.splitlines() if "aidlint render" in line and "-o" in line)
    assert 'aidlint render "$file" -o "$scratch/$number/gap.md"' in line
    (project / "out").mkdir()
    code = main(["render", "samples/chat_without_guardrails.aidl", "-o", "out/gap.md"])
    capsys.readouterr()
    assert code == 0
    (picture,) = (project / "out").glob("*.md")
    text = picture.read_text(encoding="utf-8")
    assert "```mermaid" in text and "input_filter_for_llm" in text
