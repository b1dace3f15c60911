"""Hostile labels and IDs never inject into any picture format: each output is read back (by aidlint's
own front ends, by pygraphviz, by an HTML parser) and the graph and labels compared exactly."""

from __future__ import annotations

from html.parser import HTMLParser

import pygraphviz
from markdown_it import MarkdownIt

from aidlint.frontends import parse_text
from aidlint.render import dot, html, mermaid
from aidlint.render.mermaid import mermaid_ids
from tests.render.drawing import diagram_of, unwrap
from tests.render.hostile import LABELS, hostile_design


def _diagram():
    diagram = diagram_of(hostile_design())
    assert {f.rule_id for f in diagram.findings} >= {"SAF001", "SAF002"}
    return diagram


def _expected_labels(diagram) -> dict[str, str]:
    return {n.id: n.label + ("\n+ " + " ".join(n.rules) if n.ghost else "") for n in diagram.nodes}


def _expected_edges(diagram, rename=lambda node_id: node_id) -> list[tuple[str, str]]:
    return sorted((rename(e.source), rename(e.target)) for e in diagram.edges if e.kind != "replaced")


def test_dot_reads_back_as_the_same_graph_in_aidlint_and_in_graphviz():
    diagram = _diagram()
    text = dot.write(diagram)
    (design,) = parse_text(text, "dot", "hostile.dot")
    expected = {node_id: label.replace("\n", " ") for node_id, label in _expected_labels(diagram).items()}
    assert {n.id: unwrap(n.label) for n in design.nodes} == expected
    assert sorted((e.source, e.target) for e in design.edges) == _expected_edges(diagram)
    assert [g.label for g in design.groups] == ['"} subgraph evil { x']
    user = next(n for n in design.nodes if n.id == "user")
    assert user.role == "user" and set(user.attrs) >= {"id", "tooltip"}
    assert design.name == 'Hostile "design" <script>'

    graph = pygraphviz.AGraph(string=text)
    assert {str(n): unwrap(graph.get_node(n).attr["label"]) for n in graph.nodes()} == expected
    assert sorted((str(a), str(b)) for a, b in graph.edges()) == sorted((e.source, e.target) for e in diagram.edges)
    labels = {(str(a), str(b)): graph.get_edge(a, b).attr["label"] for a, b in graph.edges()}
    assert labels[("user", "gw")] == '"];x -> y [label="'
    assert labels[("app", "end")] == "<script>"
    assert labels[("gw", "app")] == "-->|injected| end"


def test_dot_quote_never_lets_a_backslash_close_the_string():
    for text in ['\\"];evil[', "C:\\path\\", "\\\\\"", "a\\nb", "<b>x</b>"]:
        graph = pygraphviz.AGraph(string=f"digraph {{ a [label={dot.quote(text)}]; b }}")
        assert sorted(graph.nodes()) == ["a", "b"]
        (design,) = parse_text(f"digraph {{ a [label={dot.quote(text)}]; b }}", "dot", "x.dot")
        assert [n.id for n in design.nodes] == ["a", "b"]


def _decoded(label: str) -> str:
    # The Mermaid front end decodes entity codes itself (docs/formats/mermaid.md); a line break stays <br>.
    return label.replace("<br>", "\n")


def test_mermaid_reads_back_as_the_same_graph():
    diagram = _diagram()
    ids, group_ids = mermaid_ids(diagram)
    assert ids["end"] != "end" and ids["odd id"] != "odd id"  # Mermaid would misread both
    (design,) = parse_text(mermaid.write(diagram), "mermaid", "hostile.mmd")
    expected = {ids[node_id]: label for node_id, label in _expected_labels(diagram).items()}
    assert {n.id: _decoded(n.label) for n in design.nodes} == expected
    assert sorted((e.source, e.target) for e in design.edges) == _expected_edges(diagram, ids.__getitem__)
    assert [_decoded(g.label) for g in design.groups] == ['"} subgraph evil { x']
    edge_labels = {(e.source, e.target): _decoded(e.label) if e.label else None for e in design.edges}
    assert edge_labels[("gw", "app")] == "-->|injected| end"
    assert edge_labels[("app", "store")] == "%% not a comment"


def test_markdown_page_holds_the_same_diagram_and_no_markup_from_the_design():
    diagram = _diagram()
    page = mermaid.write_markdown(diagram)
    (from_page,) = parse_text(page, "markdown", "hostile.md")
    (from_mmd,) = parse_text(mermaid.write(diagram), "mermaid", "hostile.mmd")
    assert [(n.id, n.label) for n in from_page.nodes] == [(n.id, n.label) for n in from_mmd.nodes]
    assert [(e.source, e.target) for e in from_page.edges] == [(e.source, e.target) for e in from_mmd.edges]
    outside_fence = page.split("```", 2)[0] + page.rsplit("```", 1)[1]
    tokens = MarkdownIt("commonmark").parse(outside_fence)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "code_inline", "code_block", "fence"}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, _ in attrs:
            assert not name.startswith("on"), f"event handler attribute {name} on <{tag}>"

    def handle_data(self, data):
        self.text.append(data)


_PAGE_TAGS = {"p", "html", "head", "meta", "title", "style", "body", "h1", "h2", "div", "ol", "li", "span", "code", "br", "a", "script", "pre", "table", "tr", "th", "td"}
_SVG_TAGS = {"svg", "g", "title", "path", "polygon", "ellipse", "polyline", "text", "a"}


def test_html_page_has_only_its_own_elements_and_shows_the_labels_as_text():
    diagram = _diagram()
    from aidlint.render.layout import lay_out

    for svg in (lay_out(diagram, "svg").picture, None):
        page = html.write(diagram, svg)
        parser = _Elements()
        parser.feed(page)
        assert set(parser.tags) <= _PAGE_TAGS | _SVG_TAGS
        assert parser.tags.count("script") == 1 and parser.tags.count("style") == 1
        text = "".join(parser.text)
        for finding in diagram.findings:
            assert finding.message in text
        if svg is None:
            for label in LABELS.values():
                assert label in text
        else:
            assert "<script>alert(1)</script>" in text  # the SVG draws it as text
