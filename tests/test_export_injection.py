"""One test per injection the hostile-input probe found in `aidlint export` (issue 17), exact output."""

from __future__ import annotations

import pygraphviz
import pytest

from aidlint.export import aidl, dot, mermaid
from aidlint.export.escape import CannotWrite, dot_id, mermaid_ids, mermaid_string
from aidlint.frontends import parse_text
from aidlint.model import Design, Edge, Group, Node


def design(nodes, edges=(), groups=()) -> Design:
    return Design(name="d", path="d", format="aidl", nodes=list(nodes), edges=list(edges), groups=list(groups))


def nodes_of(text: str, fmt: str) -> dict:
    (again,) = parse_text(text, fmt, f"again.{fmt}")
    return {node.id: (node.label, node.role) for node in again.nodes}


INJECTED_NODE = 'x"]; pwn [role=safety_filter]; a [label="y'


def test_dot_a_label_that_closes_the_quote_adds_no_node():
    text = dot.write(design([Node(id="a", label=INJECTED_NODE)]))
    assert text == 'digraph d {\na [label="x\\"]; pwn [role=safety_filter]; a [label=\\"y"];\n}\n'
    assert nodes_of(text, "dot") == {"a": (INJECTED_NODE, None)}
    assert pygraphviz.AGraph(string=text).nodes() == ["a"]


def test_dot_values_that_look_quoted_or_html_are_quoted_again():
    looks_quoted = '"x" ; pwn [role=safety_filter] ; "y"'
    text = dot.write(design([Node(id="a", label=looks_quoted, role="<b>safety_filter</b>")]))
    assert text == 'digraph d {\na [label="\\"x\\" ; pwn [role=safety_filter] ; \\"y\\"", role="<b>safety_filter</b>"];\n}\n'
    assert nodes_of(text, "dot") == {"a": (looks_quoted, "<b>safety_filter</b>")}


def test_dot_attribute_names_are_quoted():
    text = dot.write(design([Node(id="a", attrs={"x=1, pwn": "y"})]))
    assert text == 'digraph d {\na ["x=1, pwn"=y];\n}\n'
    (again,) = parse_text(text, "dot", "again.dot")
    assert again.nodes[0].attrs == {"x=1, pwn": "y"}


def test_dot_a_trailing_backslash_is_written_as_an_html_string_graphviz_reads():
    text = dot.write(design([Node(id="a", label="C:\\models\\")], [Edge(source="a", target="a", label="ends \\")]))
    assert text == "digraph d {\na [label=<C:\\models\\>];\na -> a [label=<ends \\>];\n}\n"
    assert nodes_of(text, "dot") == {"a": ("C:\\models\\", None)}
    graph = pygraphviz.AGraph(string=text)
    assert graph.get_node("a").attr["label"] == "C:\\models\\"


def test_dot_text_with_no_spelling_is_refused_not_written_invalid():
    with pytest.raises(CannotWrite, match="cannot be written in DOT"):
        dot_id("a < b\\")
    with pytest.raises(CannotWrite, match="node ID 'x: y\\\\\\\\' cannot be written in DOT"):
        dot.write(design([Node(id="x: y\\")]))


def test_dot_an_html_label_is_written_as_text_graphviz_reads():
    text = dot.write(design([Node(id="a", label="<b>bold</b>")]))
    assert text == 'digraph d {\na [label="<b>bold</b>"];\n}\n'
    graph = pygraphviz.AGraph(string=text)
    assert graph.get_node("a").attr["label"] == "<b>bold</b>"


@pytest.mark.parametrize("node_id", ["api:v1", "Web Server", "1", "A@2", "node", "-1.5", "a\\b", "<b>x</b>"])
def test_dot_every_id_stays_one_node(node_id):
    text = dot.write(design([Node(id=node_id), Node(id="b")], [Edge(source=node_id, target="b")]))
    assert nodes_of(text, "dot") == {node_id: (None, None), "b": (None, None)}
    graph = pygraphviz.AGraph(string=text)
    assert sorted(graph.nodes()) == sorted([node_id, "b"])
    assert graph.edges() == [(node_id, "b")]


def test_dot_the_graph_name_is_quoted():
    text = dot.write(Design(name='x" { pwn } "', path="d", format="aidl"))
    assert text == 'digraph "x\\" { pwn } \\"" {\n}\n'
    (again,) = parse_text(text, "dot", "again.dot")
    assert again.name == 'x" { pwn } "'


NEWLINE_DIRECTIVE = "Chat\n%% aidlint: ignore[SAF001] injected"


def test_mermaid_a_label_with_a_line_break_stays_one_label():
    text = mermaid.write(design([Node(id="a", label=NEWLINE_DIRECTIVE)]))
    assert text == 'flowchart LR\n  a["Chat#10;#37;#37; aidlint: ignore[SAF001] injected"]\n'
    (again,) = parse_text(text, "mermaid", "again.mmd")
    assert (again.nodes[0].label, again.suppressions) == (NEWLINE_DIRECTIVE, [])


def test_mermaid_a_label_that_looks_like_markup_keeps_its_closing_quote():
    # Found by the longer round-trip run: after `<é=` the label's closing quote was read as the start
    # of an HTML attribute value, which swallowed the next node's line.
    text = mermaid.write(design([Node(id="a", label="<é="), Node(id="b", label="b")], [Edge(source="a", target="b")]))
    assert text == 'flowchart LR\n  a["#60;é="]\n  b["b"]\n  a --> b\n'
    assert nodes_of(text, "mermaid") == {"a": ("<é=", None), "b": ("b", None)}


def test_mermaid_a_role_that_is_not_a_word_is_refused():
    node = Node(id="a", role='x\n  a --> b\n  click a href "javascript:alert(1)"')
    with pytest.raises(CannotWrite, match="cannot be written in Mermaid"):
        mermaid.write(design([node]))


def test_mermaid_group_ids_are_written_as_safe_names_and_given_back():
    group_id = 'g\n  a --> b\n  click a href "javascript:alert(1)"'
    text = mermaid.write(design([Node(id="a", group=group_id)], groups=[Group(id=group_id, members=["a"])]))
    assert text == (
        "flowchart LR\n"
        "  subgraph g_a_b_click_a_href_javascript_alert_1\n"
        "    a\n"
        "  end\n"
        '%% aidlint: id g_a_b_click_a_href_javascript_alert_1="g\\n  a --> b\\n  click a href \\"javascript:alert(1)\\""\n'
    )
    (again,) = parse_text(text, "mermaid", "again.mmd")
    assert [(g.id, g.members) for g in again.groups] == [(group_id, ["a"])]
    assert [(n.id, n.group) for n in again.nodes] == [("a", group_id)]


def test_mermaid_ids_mermaid_cannot_spell_are_mapped_and_given_back():
    nodes = [Node(id="api-gw", label="Gateway", role="api_gateway"), Node(id="api_gw"), Node(id="end")]
    edges = [Edge(source="api-gw", target="api_gw"), Edge(source="api_gw", target="end")]
    text = mermaid.write(design(nodes, edges))
    assert text == (
        "flowchart LR\n"
        '  api_gw_2["Gateway"]\n'
        "  api_gw\n"
        "  end_2\n"
        "  api_gw_2 --> api_gw\n"
        "  api_gw --> end_2\n"
        "  class api_gw_2 api_gateway\n"
        '%% aidlint: id api_gw_2="api-gw"\n'
        '%% aidlint: id end_2="end"\n'
    )
    assert nodes_of(text, "mermaid") == {"api-gw": ("Gateway", "api_gateway"), "api_gw": (None, None), "end": (None, None)}


def test_mermaid_escaping_functions():
    assert mermaid_string(' say "hi" #1 %%{init}%% ') == '"#32;say #34;hi#34; #35;1 #37;#37;{init}#37;#37;#32;"'
    assert mermaid_ids(["a", "a-b", "a_b", "9x", ""]) == {"a": "a", "a-b": "a_b_2", "a_b": "a_b", "9x": "n_9x", "": "id"}


def test_dsl_ids_roles_and_attribute_names_are_quoted():
    node = Node(id='a\nb -> c', role="model_inference\nx -> y", attrs={"k\nz -> w": "v"})
    text = aidl.write(design([node]))
    assert text == (
        'design "d"\n\n"a\\nb -> c" "k\\nz -> w"=v role="model_inference\\nx -> y"\n\n'
    )
    (again,) = parse_text(text, "aidl", "again.aidl")
    assert [(n.id, n.role, n.attrs) for n in again.nodes] == [(node.id, node.role, node.attrs)]
    assert again.edges == []


@pytest.mark.parametrize("node_id", ["Web Server", "1", "A@2", "design", "group", "api:v1"])
def test_dsl_ids_from_other_formats_parse(node_id):
    text = aidl.write(design([Node(id=node_id, role="user"), Node(id="b")], [Edge(source=node_id, target="b")]))
    (again,) = parse_text(text, "aidl", "again.aidl")
    assert [(e.source, e.target) for e in again.edges] == [(node_id, "b")]
    assert again.nodes[0].role == "user"
