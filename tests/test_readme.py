"""The README and docs show real behaviour: their DSL examples parse and the shown output is real."""

from __future__ import annotations

import re

import pytest

from aidlint.cli import main
from aidlint.frontends import parse_text

from .conftest import REPO

DOCS = [REPO / "README.md", REPO / "docs" / "dsl.md"]
AIDL_BLOCK = re.compile(r"```aidl\n(.*?)```", re.DOTALL)


@pytest.mark.parametrize(
    "block",
    [(doc.name, block) for doc in DOCS for block in AIDL_BLOCK.findall(doc.read_text(encoding="utf-8"))],
    ids=lambda item: item[0],
)
def test_dsl_examples_in_the_docs_parse(block):
    name, source = block
    assert parse_text(source, "aidl", name)


def test_readme_output_is_what_the_command_prints(capsys, monkeypatch):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"\$ aidlint check (\S+)\n(.*?)```", readme, re.DOTALL)
    monkeypatch.chdir(REPO)
    main(["check", shown.group(1)])
    assert capsys.readouterr().out == shown.group(2)


def test_readme_starts_with_the_two_commands():
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[3].endswith("aidlint check samples/chat_without_guardrails.aidl")
    assert lines[4] == "python3 -m venv .venv && .venv/bin/pip install '.[dev]' && .venv/bin/pytest"
    assert lines[4].split("&& ", 1)[1] in (REPO / ".ci" / "run").read_text(encoding="utf-8")
