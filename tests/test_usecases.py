"""The use-case layer: the CLI only wires, every command shows an unreadable file the same way, and
no module grows past 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from aidlint.cli import main

from .conftest import REPO

SRC = REPO / "src" / "aidlint"


@pytest.fixture(autouse=True)
def _no_project_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(
    "command",
    [["parse"], ["roles"], ["export", "--to", "dot"]],
    ids=["parse", "roles", "export"],
)
def test_every_command_shows_an_unreadable_file_as_check_does_on_standard_error(capsys, tmp_path, command):
    bad = tmp_path / "bad.aidl"
    bad.write_text("user -> llm\nllm ->\n")
    code = main([*command, str(bad)])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == (
        f"{bad}:2:7: SYN001 [error] unexpected end of line\n"
        "  |\n"
        "2 | llm ->\n"
        "  |       ^\n"
        "  = expected: a name\n"
    )


def test_the_cli_only_wires_each_command_to_one_use_case():
    tree = ast.parse((SRC / "cli.py").read_text(encoding="utf-8"))
    commands = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("cmd_")]
    assert [c.name for c in commands] == ["cmd_check", "cmd_parse", "cmd_roles", "cmd_export", "cmd_render", "cmd_config", "cmd_rules", "cmd_explain"]
    for command in commands:
        imports = [n for n in command.body if isinstance(n, ast.ImportFrom)]
        assert all(n.module.startswith("aidlint.usecases") for n in imports), command.name
        assert isinstance(command.body[-1], ast.Return), command.name
        assert len(command.body) == len(imports) + 1, f"{command.name} does more than call its use case"


def test_no_module_is_over_400_lines():
    long = {
        path.relative_to(SRC).as_posix(): count
        for path in SRC.rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
