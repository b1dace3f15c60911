"""The Markdown front end: which fences count, where their locations land, and the merge rule."""

from __future__ import annotations

import pytest

from aidlint.frontends import ParseOptions, markdown
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.model import Span


def parse(text: str, **options):
    return markdown.parse(text, "doc.md", ParseOptions(**options))


def test_a_document_without_diagrams_is_quiet():
    assert parse("# Title\n\nSome text.\n\n```python\nprint('hi')\n```\n") == []


def test_spans_land_on_the_markdown_lines_and_columns():
    text = (
        "# Design\n"  # 1
        "\n"  # 2
        "```mermaid\n"  # 3
        "flowchart LR\n"  # 4
        "  user --> llm[Chat LLM]\n"  # 5
        "```\n"  # 6
    )
    (design,) = parse(text)
    user, llm = design.nodes
    assert user.span == Span(path="doc.md", line=5, col=3, end_line=5, end_col=7)
    assert llm.span == Span(path="doc.md", line=5, col=12, end_line=5, end_col=25)
    assert design.edges[0].span == Span(path="doc.md", line=5, col=3, end_line=5, end_col=25)
    assert design.span == Span(path="doc.md", line=4, col=1, end_line=4, end_col=10)
    assert design.format == "markdown"


def test_fences_in_lists_and_block_quotes_map_past_their_prefixes():
    text = (
        "- item\n"  # 1
        "  ~~~mermaid\n"  # 2
        "  graph TD\n"  # 3
        "    A --> B\n"  # 4
        "  ~~~\n"  # 5
        "\n"  # 6
        "> quoted:\n"  # 7
        "> ```mermaid\n"  # 8
        "> graph TD\n"  # 9
        ">   C --> D\n"  # 10
        "> ```\n"  # 11
    )
    designs = parse(text, per_diagram=True)
    assert [design.name for design in designs] == ["doc (mermaid at line 2)", "doc (mermaid at line 8)"]
    assert designs[0].nodes[0].span == Span(path="doc.md", line=4, col=5, end_line=4, end_col=6)
    assert designs[1].nodes[0].span == Span(path="doc.md", line=10, col=5, end_line=10, end_col=6)


def test_fences_inside_other_code_and_comments_do_not_count():
    text = (
        "````markdown\n```mermaid\ngraph TD\n  X --> Y\n```\n````\n\n"
        "<!--\n```mermaid\ngraph TD\n  P --> Q\n```\n-->\n\n"
        "    ```mermaid\n    graph TD\n      I --> J\n    ```\n"
    )
    assert parse(text) == []


def test_syntax_errors_point_into_the_markdown_file():
    text = "Intro\n\n> ```mermaid\n> flowchart LR\n>   A[oops --> B\n> ```\n"
    with pytest.raises(DesignSyntaxError) as caught:
        parse(text)
    assert (caught.value.line, caught.value.col) == (5, 6)
    assert caught.value.source_line == ">   A[oops --> B"


def test_crlf_front_matter_mdx_and_aidl_fences():
    text = (
        "---\r\ntitle: Doc\r\n---\r\n"  # 1-3
        "import X from './x'\r\n"  # 4
        "\r\n"  # 5
        "```aidl\r\n"  # 6
        "gw: api_gateway \"Gateway\"\r\n"  # 7
        "```\r\n"  # 8
    )
    (design,) = markdown.parse(text, "doc.mdx")
    assert [(node.id, node.role, node.span.line, node.span.col) for node in design.nodes] == [
        ("gw", "api_gateway", 7, 1)
    ]


def test_other_kinds_are_notes_not_errors():
    text = (
        "```mermaid\nclassDiagram\n  A <|-- B\n```\n\n"
        "```plantuml\n@startuml\n@enduml\n```\n\n"
        "```mermaid\ngraph TD\n  A --> B\n```\n"
    )
    (design,) = parse(text)
    assert design.notes == [
        "line 1: skipped a Mermaid classDiagram (aidlint reads Mermaid flowcharts and sequence diagrams)",
        "line 6: skipped a PlantUML diagram (aidlint reads Mermaid flowcharts and sequence diagrams, DOT and aidl)",
    ]
    assert [(edge.source, edge.target) for edge in design.edges] == [("A", "B")]


def test_only_skipped_fences_give_an_empty_design_with_the_notes():
    (design,) = parse("```mermaid\npie\n  \"a\": 1\n```\n")
    assert design.nodes == [] and design.notes == [
        "line 1: skipped a Mermaid pie (aidlint reads Mermaid flowcharts and sequence diagrams)"
    ]


def test_suppressions_are_mapped():
    (design,) = parse("```mermaid\ngraph TD\n  %% aidlint: ignore[OBS001] no monitoring yet\n  A --> B\n```\n")
    assert design.suppressions[0].span == Span(path="doc.md", line=3, col=3, end_line=3, end_col=47)


MERGE_DOC = (
    "```mermaid\n"
    "graph TD\n"
    "  A[Chat LLM] --> B[Guard]\n"
    "  U --> A\n"
    "```\n"
    "\n"
    "```mermaid\n"
    "graph TD\n"
    "  A[Vector store] --> C[chat   llm]\n"  # A reused with another label; C's label equals A's above
    "  U --> X\n"  # U is bare in both diagrams: one node
    "  B --> X\n"  # B carries one label in the document: joins Guard
    "```\n"
)


def test_merge_rule():
    (design,) = parse(MERGE_DOC)
    assert [(node.id, node.label) for node in design.nodes] == [
        ("A", "Chat LLM"),
        ("B", "Guard"),
        ("U", None),
        ("A@2", "Vector store"),
        ("X", None),
    ]
    assert [(edge.source, edge.target) for edge in design.edges] == [
        ("A", "B"),
        ("U", "A"),
        ("A@2", "A"),
        ("U", "X"),
        ("B", "X"),
    ]


def test_per_diagram_keeps_each_fence_alone():
    designs = parse(MERGE_DOC, per_diagram=True)
    assert [[node.id for node in design.nodes] for design in designs] == [["A", "B", "U"], ["A", "C", "U", "X", "B"]]


def test_a_bare_id_with_two_labels_in_the_document_stays_apart():
    text = (
        "```mermaid\ngraph TD\n  A[One]\n```\n"
        "```mermaid\ngraph TD\n  A[Two]\n```\n"
        "```mermaid\ngraph TD\n  A --> Z\n```\n"
    )
    (design,) = parse(text)
    assert [(node.id, node.label) for node in design.nodes] == [("A", "One"), ("A@2", "Two"), ("A@3", None), ("Z", None)]


def test_two_nodes_of_one_diagram_never_merge():
    text = "```mermaid\ngraph TD\n  a[DB] --> b[DB]\n```\n```mermaid\ngraph TD\n  c[db] --> d[Cache]\n```\n"
    (design,) = parse(text)
    assert [node.id for node in design.nodes] == ["a", "b", "d"]
    assert [(edge.source, edge.target) for edge in design.edges] == [("a", "b"), ("a", "d")]


def test_normalised_labels():
    assert markdown.normalise_label("Chat<br/>**LLM**") == "chat llm"
    assert markdown.normalise_label('  "Chat   LLM" ') == "chat llm"


def test_the_same_labels_in_many_fences_are_one_node_each():
    # Each label is normalised once per document, however many fences draw it.
    fence = "```mermaid\nflowchart LR\n  u{i}[**User**] --> m{i}[Chat <br> LLM]\n  m{i} --> x{i}\n```\n\n"
    (design,) = parse("".join(fence.format(i=i) for i in range(60)))
    assert [(node.id, node.label) for node in design.nodes][:3] == [("u0", "**User**"), ("m0", "Chat <br> LLM"), ("x0", None)]
    assert len(design.nodes) == 2 + 60
    assert {(edge.source, edge.target) for edge in design.edges[::2]} == {("u0", "m0")}
    assert [(edge.source, edge.target) for edge in design.edges[-2:]] == [("u0", "m0"), ("m0", "x59")]
    last = design.edges[-1].span
    assert (last.line, last.col, last.end_line, last.end_col) == (59 * 6 + 4, 3, 59 * 6 + 4, 14)


def test_the_collector_is_paused_while_fences_are_read_and_restored_after():
    import gc

    text = "```mermaid\nflowchart LR\n  a[User] --> b[Chat LLM]\n```\n\n```mermaid\nflowchart LR\n  b --> c\n```\n"
    assert gc.isenabled()
    (design,) = parse(text)
    assert [(edge.source, edge.target) for edge in design.edges] == [("a", "b"), ("b", "c")]
    assert gc.isenabled()
    with pytest.raises(DesignSyntaxError) as caught:
        parse(text.replace("b --> c", "b --> "))
    assert (caught.value.line, caught.value.message) == (8, "unexpected end of file")
    assert gc.isenabled()
    gc.disable()
    try:
        parse(text)
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()
