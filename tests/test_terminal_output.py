"""Terminal-facing output never passes a label's control characters through, and stays whole when piped."""

from __future__ import annotations

import pytest

from aidlint.reports.visible import visible
from aidlint.rules.runner import builtin_pack

from .helpers import run_cli


@pytest.fixture(autouse=True)
def _no_project_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)



def test_visible_escapes_control_characters_and_keeps_the_rest():
    assert visible("plain «text» é") == "plain «text» é"
    assert visible("a\x1b[2Jb\nc\td\r\x00\x7f\x9b\u202eevil\u2028") == "a\\x1b[2Jb\\nc\\td\\r\\x00\\x7f\\x9b\\u202eevil\\u2028"


def test_the_text_report_escapes_a_screen_clear_in_a_label_even_in_colour(capsys, tmp_path):
    design = tmp_path / "d.mmd"
    design.write_text('flowchart LR\n  u["User"] --> m["Chat LLM\x1b[2J"]\n', encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", "--select", "SAF001", "--no-fix", "--color", "always", str(design))
    assert code == 1
    assert out.splitlines()[:4] == [
        f"\x1b[1m{design}:2:17:\x1b[0m \x1b[1;31mSAF001 [error]\x1b[0m user input reaches model"
        ' "Chat LLM\\x1b[2J" (m) with no safety filter on the way: u -> m; put an input filter in front of the model',
        "\x1b[34m  |\x1b[0m",
        '\x1b[34m2 |\x1b[0m   u["User"] --> m["Chat LLM\\x1b[2J"]',
        "\x1b[34m  |\x1b[0m \x1b[1;31m                ^^^^^^^^^^^^^^^^^^^^\x1b[0m",
    ]


def test_the_caret_stays_under_the_node_when_the_line_holds_escapes(capsys, tmp_path):
    design = tmp_path / "d.aidl"
    design.write_text('u: user "\x1b[2J"\nllm: model_inference "Chat \x1b[2J LLM"\nu -> llm\n', encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", "--select", "SAF001", "--no-fix", str(design))
    assert code == 1
    assert out.splitlines()[:4] == [
        f'{design}:2:1: SAF001 [error] user input reaches model "Chat \\x1b[2J LLM" (llm) with no safety filter'
        " on the way: u -> llm; put an input filter in front of the model",
        "  |",
        '2 | llm: model_inference "Chat \\x1b[2J LLM"',
        "  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    ]


@pytest.mark.parametrize("line_break", ["\x0c", "\x1c", "\x85", "\u2028"], ids=["ff", "fs", "nel", "ls"])
def test_the_source_line_shown_is_the_parsers_line_when_a_comment_holds_another_break(capsys, tmp_path, line_break):
    # str.splitlines() ends a line at each of these; the parsers (and editors) do not.
    design = tmp_path / "d.aidl"
    text = f'design "X"\r\nu: user "User"  # a{line_break}comment\r\nllm: model_inference "Chat LLM"\r\nu -> llm\r\n'
    design.write_bytes(text.encode("utf-8"))
    code, out, _ = run_cli(capsys, "check", "--select", "SAF001", "--no-fix", str(design))
    assert code == 1
    assert out.splitlines()[1:4] == [
        "  |",
        '3 | llm: model_inference "Chat LLM"',
        "  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    ]


def test_roles_escapes_labels_ids_and_paths(capsys, tmp_path):
    design = tmp_path / "d.dot"
    design.write_text('digraph {\n  "a\x1b[2J" [label="Zorble\x1b]8;;x\x07"];\n}\n', encoding="utf-8")
    code, out, _ = run_cli(capsys, "roles", str(design))
    assert code == 0
    assert out.splitlines()[1:] == [
        '  a\\x1b[2J     unknown                none       unknown: no synonym matched                  "Zorble\\x1b]8;;x\\x07"',
        '               declare with: "a\\x1b[2J" [role="ROLE"]',
        "  kind: serving (no model found; read as a serving design); set it with the comment aidlint: kind=KIND",
        "  models: unknown (no node names the family of its models); set it with the comment aidlint: models=generative or models=predictive",
    ]


def test_roles_color_marks_unknown_red_and_known_green(capsys, tmp_path):
    design = tmp_path / "d.aidl"
    design.write_text('a "Zorble"\nb "Model server"\n', encoding="utf-8")
    code, out, _ = run_cli(capsys, "roles", "--color", "always", str(design))
    assert code == 0
    lines = out.splitlines()
    assert lines[1:] == [
        "  a            \x1b[31munknown              \x1b[0m  none       unknown: no synonym matched                  \"Zorble\"",
        "               declare with: a: ROLE",
        "  b            \x1b[32mmodel_inference      \x1b[0m  name       matched \"model server\" in label              \"Model server\"",
        "  kind: serving (a model); set it with the comment aidlint: kind=KIND",
        "  models: unknown (no node names the family of its models); set it with the comment aidlint: models=generative or models=predictive",
    ]
    code, plain, _ = run_cli(capsys, "roles", "--color", "never", str(design))
    assert "\x1b" not in plain


def test_rules_prints_every_name_and_summary_whole_when_piped(capsys):
    code, out, _ = run_cli(capsys, "rules")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "name", "severity", "what", "it", "checks"]
    for rule, line in zip(builtin_pack().rule, lines[1:], strict=True):
        assert line.split(None, 3) == [rule.id, rule.name, rule.severity.value, rule.summary]
