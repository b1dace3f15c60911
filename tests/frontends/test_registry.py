"""Every input format of the registry is wired everywhere: CLI, walk, fences, messages, hints, manifest, docs."""

from __future__ import annotations

import re

import pytest

from aidlint.cli import build_parser, main
from aidlint.frontends import ParseOptions, parse_text, registry, role_declaration
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.workspace import UsageError, collect_files

from ..conftest import REPO

#: A small design in each format, with an unclassified node ``thing`` (role unknown) next to ``user``.
#: A new format fails these tests until it has its sample here.
SAMPLES = {
    "aidl": "user: user\nuser -> thing\n",
    "dot": "digraph {\n  user [role=user]\n  user -> thing\n}\n",
    "mermaid": "flowchart LR\n  user:::user --> thing\n",
}
DIAGRAM_FORMATS = [fmt for fmt in registry.FORMATS if not fmt.embeds_others]
FENCES = [(fmt, fence) for fmt in DIAGRAM_FORMATS for fence in fmt.fences]


def test_every_diagram_format_has_a_sample():
    assert sorted(SAMPLES) == sorted(fmt.name for fmt in DIAGRAM_FORMATS)


def _choices(command: str) -> list[str]:
    parser = build_parser()
    sub = next(action for action in parser._actions if action.dest == "command").choices[command]
    return next(action for action in sub._actions if action.dest == "input_format").choices


@pytest.mark.parametrize("command", ["check", "parse"])
def test_the_cli_offers_every_format(command):
    assert _choices(command) == registry.names()


def test_the_walk_finds_every_suffix(tmp_path):
    for index, suffix in enumerate(registry.suffixes()):
        (tmp_path / f"design{index}{suffix.upper() if index % 2 else suffix}").write_text("")
    (tmp_path / "notes.txt").write_text("")
    found = [path.name for path in collect_files([str(tmp_path)])]
    assert len(found) == len(registry.suffixes()) and "notes.txt" not in found


def test_the_unknown_format_message_names_every_suffix(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("")
    with pytest.raises(UsageError) as raised:
        collect_files([str(notes)])
    assert str(raised.value) == (
        f"{notes}: aidlint does not know this format; it reads .aidl, .dot, .gv, .mmd, .mermaid, .md, .markdown and .mdx files"
    )
    assert all(suffix in str(raised.value) for suffix in registry.suffixes())


@pytest.mark.parametrize("fmt", DIAGRAM_FORMATS, ids=lambda fmt: fmt.name)
def test_input_format_reads_a_file_of_any_suffix(fmt, tmp_path, capsys):
    design = tmp_path / "design.txt"
    design.write_text(SAMPLES[fmt.name])
    assert main(["parse", "--input-format", fmt.name, str(design)]) == 0
    assert '"id": "thing"' in capsys.readouterr().out


@pytest.mark.parametrize(("fmt", "fence"), FENCES, ids=[fence for _, fence in FENCES])
def test_each_fence_word_reaches_its_front_end(fmt, fence):
    document = f"# Design\n\n```{fence}\n{SAMPLES[fmt.name]}```\n"
    (design,) = parse_text(document, "markdown", "doc.md", ParseOptions())
    assert [node.id for node in design.nodes] == ["user", "thing"]
    assert design.embedded == [(3, 3 + SAMPLES[fmt.name].count("\n") + 1, fmt.name)]


def _declared(text: str, fmt: str, declaration: str) -> str:
    """``text`` with ``declaration`` pasted as its last statement (inside DOT's braces)."""
    if fmt == "dot":
        body, closing = text.rstrip().rsplit("}", 1)
        return f"{body}  {declaration}\n}}{closing}\n"
    return f"{text}{declaration}\n"


@pytest.mark.parametrize("fmt", DIAGRAM_FORMATS, ids=lambda fmt: fmt.name)
def test_the_suggested_declaration_works_when_pasted(fmt):
    (design,) = parse_text(SAMPLES[fmt.name], fmt.name, f"design{fmt.suffixes[0]}")
    declaration = role_declaration(design, "thing", "model_inference")
    (declared,) = parse_text(_declared(SAMPLES[fmt.name], fmt.name, declaration), fmt.name, "again")
    assert {node.id: node.role for node in declared.nodes} == {"user": "user", "thing": "model_inference"}


@pytest.mark.parametrize(("fmt", "fence"), FENCES, ids=[fence for _, fence in FENCES])
def test_inside_markdown_the_declaration_is_in_the_fences_syntax(fmt, fence):
    document = "# Design\n\n```{fence}\n{body}```\n\n```mermaid\nflowchart LR\n  other --> user\n```\n"
    (design,) = parse_text(document.format(fence=fence, body=SAMPLES[fmt.name]), "markdown", "doc.md")
    declaration = role_declaration(design, "thing", "model_inference")
    assert declaration == fmt.declare_role("thing", "model_inference")
    pasted = document.format(fence=fence, body=_declared(SAMPLES[fmt.name], fmt.name, declaration))
    (declared,) = parse_text(pasted, "markdown", "doc.md")
    assert {node.id: node.role for node in declared.nodes}["thing"] == "model_inference"


@pytest.mark.parametrize("fmt", DIAGRAM_FORMATS, ids=lambda fmt: fmt.name)
def test_dsn001_suggests_the_declaration_in_the_fences_syntax(fmt, tmp_path, capsys):
    document = tmp_path / "doc.md"
    document.write_text(f"# Design\n\n```{fmt.fences[0]}\n{SAMPLES[fmt.name]}```\n")
    main(["check", "--format", "json", "--select", "DSN001", str(document)])
    import json

    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    hint = fmt.declare_role("thing", "ROLE")
    assert finding["message"] == (
        f"1 node(s) have no role and were not checked: thing; declare their roles, like `{hint}` (see `aidlint roles`)"
    )


def test_roles_suggests_the_fences_syntax(tmp_path, capsys):
    document = tmp_path / "doc.md"
    document.write_text("```dot\ndigraph { a -> b }\n```\n\n```mermaid\nflowchart LR\n  c --> d\n```\n")
    main(["roles", str(document)])
    out = capsys.readouterr().out
    assert "declare with: a [role=\"ROLE\"]" in out
    assert "declare with: %% aidlint: role d=ROLE" in out


def test_the_pre_commit_manifest_agrees_with_the_registry():
    manifest = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    (files,) = re.findall(r"^  files: (.*)$", manifest, flags=re.M)
    assert files == registry.pre_commit_files_pattern()
    pattern = re.compile(files)
    assert all(pattern.search(f"a/design{suffix}") for suffix in registry.suffixes())
    assert not pattern.search("a/design.txt")


def test_the_readme_table_is_generated_from_the_registry():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert registry.format_table() in readme, "README's format table is out of date: paste registry.format_table()"


def test_an_unknown_format_in_load_file_is_a_syntax_error(tmp_path):
    from aidlint.frontends import load_file

    path = tmp_path / "design.xyz"
    path.write_text("")
    with pytest.raises(DesignSyntaxError) as raised:
        load_file(path)
    assert raised.value.message == registry.unknown_format_message("design.xyz")
