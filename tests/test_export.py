"""Writing designs back out: every writer's output reads back as the same design."""

from __future__ import annotations

import pygraphviz
import pytest

from aidlint.export import aidl, dot, mermaid
from aidlint.frontends import load_file, parse_text

from .conftest import REPO
from .helpers import run_cli

DESIGNS = sorted([*(REPO / "reference_designs").glob("*.aidl"), *(REPO / "samples").glob("*.aidl")])


def shape(design):
    return (
        [(n.id, n.label, n.role, n.attrs, n.group) for n in design.nodes],
        sorted((e.source, e.target, e.label, tuple(sorted(e.attrs.items()))) for e in design.edges),
        [(g.id, g.label, g.parent, g.members) for g in design.groups],
    )


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.name)
def test_the_dsl_writer_round_trips(path):
    (design,) = load_file(path)
    (again,) = parse_text(aidl.write(design), "aidl", "again.aidl")
    assert shape(again) == shape(design)
    assert (again.name, again.profile) == (design.name, design.profile)


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.name)
def test_the_dot_writer_gives_what_graphviz_reads(path):
    (design,) = load_file(path)
    graph = pygraphviz.AGraph(string=dot.write(design))
    assert sorted(graph.nodes()) == sorted(n.id for n in design.nodes)
    assert sorted(graph.edges()) == sorted({(e.source, e.target) for e in design.edges})
    assert {n: graph.get_node(n).attr["role"] for n in graph.nodes() if graph.get_node(n).attr.get("role")} == {
        n.id: n.role for n in design.nodes if n.role
    }
    assert sorted(s.name for s in graph.subgraphs()) == sorted(f"cluster_{g.id}" for g in design.groups if g.parent is None)


def test_the_mermaid_writer_declares_roles_with_classes_and_keeps_rollback_kinds():
    (design,) = parse_text('a: monitoring "Mon"\nb: deployment_controller "Deploy"\na -> b kind=rollback\n', "aidl", "x.aidl")
    assert mermaid.write(design) == (
        "flowchart LR\n"
        '  a["Mon"]\n'
        '  b["Deploy"]\n'
        '  a -->|"rollback"| b\n'
        "  class b deployment_controller\n"
        "  class a monitoring\n"
    )


def test_an_export_that_cannot_be_written_exits_two_and_names_the_export(capsys):
    assert run_cli(capsys, "export", str(REPO / "samples" / "chat_without_guardrails.aidl"), "--to", "dot", "-o", "/proc/chat.dot") == (
        2,
        "",
        "aidlint: error: cannot write the exported design to /proc/chat.dot: cannot create a file in /proc (No such file or directory)\n",
    )


def test_an_empty_output_name_exits_two(capsys):
    assert run_cli(capsys, "export", str(REPO / "samples" / "chat_without_guardrails.aidl"), "--to", "dot", "-o", "") == (
        2,
        "",
        "aidlint: error: cannot write the exported design: the file name is empty\n",
    )
