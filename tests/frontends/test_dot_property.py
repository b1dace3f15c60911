"""Property: on random DOT that uses every construct of the language, aidlint reads what Graphviz reads.

The oracle is Graphviz's own C parser (pygraphviz bundles it): the same number of nodes and edges, and
the same label on every node. The generator below writes graphs from a small pool of names, so that
nodes repeat, edges repeat (merged in strict graphs, kept otherwise) and subgraphs used as edge ends
fan out over nodes they share with the rest of the graph.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aidlint.frontends.dot import parse
from aidlint.frontends.errors import DesignSyntaxError

from ..fuzzing import assert_located, fuzz_settings, mutate

pygraphviz = pytest.importorskip("pygraphviz")

#: Node names, each with the ways it can be written (bare, quoted, joined with `+`, numerals).
NAMES = {
    "a": ["a", '"a"', '"" + "a"'],
    "b": ["b", '"b"'],
    "Node1": ["Node1", '"Node1"', '"No" + "de1"'],
    "nodes": ["nodes"],
    "node": ['"node"'],
    "café": ["café", '"café"'],
    "_x9": ["_x9"],
    "-.5": ["-.5", '"-.5"'],
    "2.": ["2."],
    "42": ["42", '"42"'],
    "x y": ['"x y"', '"x" + " " + "y"'],
    'say "hi"': ['"say \\"hi\\""'],
    "long name": ['"long \\\nname"'],
}
LABELS = [
    '"Model server"',
    '"two\\nlines"',
    '"joined " + "label"',
    "<<b>LLM</b><br/>v2>",
    "plain",
    "3.5",
    '""',
    '"\\N"',
    '"say \\"yes\\""',
    '"long \\\nlabel"',
    '"ends in \\\\"',
]
OTHER_ATTRS = [("color", "red"), ("shape", "box"), ("style", '"rounded,filled"'), ("class", '"box"')]
COMMENTS = [" ", "\n", "\t", " /* note */ ", " // line note\n", "\n# preprocessor line\n", " /* multi\nline */ "]


def _keyword(draw, word: str) -> str:
    cases = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(char.upper() if upper else char for char, upper in zip(word, cases))


@st.composite
def _attr_list(draw, allow_label: bool = True) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 2))):
        items = []
        for _ in range(draw(st.integers(0, 3))):
            if allow_label and draw(st.booleans()):
                items.append(f"label={draw(st.sampled_from(LABELS))}")
            else:
                key, value = draw(st.sampled_from(OTHER_ATTRS))
                items.append(f"{key}={value}")
        separators = [draw(st.sampled_from([",", ";", "", " ,"])) for _ in items]
        blocks.append("[" + " ".join(item + separator for item, separator in zip(items, separators)) + "]")
    return " ".join(blocks)


@st.composite
def _node_ref(draw, with_port: bool) -> str:
    name = draw(st.sampled_from(sorted(NAMES)))
    text = draw(st.sampled_from(NAMES[name]))
    if with_port:
        text += draw(st.sampled_from(["", ":p", ":p:n", ":sw", ':"port 2":c']))
    return text


@st.composite
def _node_list(draw, with_port: bool) -> str:
    return ", ".join(draw(st.lists(_node_ref(with_port), min_size=1, max_size=2)))


@st.composite
def _subgraph(draw, depth: int, edgeop: str) -> str:
    header = draw(
        st.sampled_from(["", "subgraph", "subgraph s1", "subgraph cluster_a", "subgraph cluster_b", "subgraph s2"])
    )
    if header:
        header = _keyword(draw, "subgraph") + header[len("subgraph") :]
    body = draw(_statements(depth + 1, edgeop))
    return f"{header} {{ {body} }}"


@st.composite
def _statement(draw, depth: int, edgeop: str) -> str:
    kinds = ["node", "edge", "edge", "default", "assign"] + (["subgraph"] if depth < 3 else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "node":
        text = draw(_node_list(with_port=draw(st.booleans())))
        if draw(st.booleans()):
            text += " " + draw(_attr_list())
    elif kind == "edge":
        ends = []
        for _ in range(draw(st.integers(2, 4))):
            if depth < 3 and draw(st.integers(0, 4)) == 0:
                ends.append(draw(_subgraph(depth, edgeop)))
            else:
                ends.append(draw(_node_list(with_port=True)))
        text = f" {edgeop} ".join(ends)
        if draw(st.booleans()):
            text += " " + draw(_attr_list())
    elif kind == "default":
        text = _keyword(draw, draw(st.sampled_from(["node", "edge", "graph"]))) + " " + draw(_attr_list())
    elif kind == "assign":
        text = draw(st.sampled_from(["rankdir=LR", 'label="Title"', "splines = ortho", "nodesep=.5"]))
    else:
        text = draw(_subgraph(depth, edgeop))
    return text + draw(st.sampled_from(["", ";", " ;"]))


@st.composite
def _statements(draw, depth: int, edgeop: str) -> str:
    parts = draw(st.lists(_statement(depth, edgeop), max_size=5 if depth else 8))
    return "".join(part + draw(st.sampled_from(COMMENTS)) for part in parts)


@st.composite
def dot_documents(draw) -> str:
    directed = draw(st.booleans())
    head = _keyword(draw, "digraph" if directed else "graph")
    if draw(st.booleans()):
        head = _keyword(draw, "strict") + " " + head
    graph_id = draw(st.sampled_from(["", "G", '"Design one"', "7"]))
    body = draw(_statements(0, "->" if directed else "--"))
    return f"{draw(st.sampled_from(COMMENTS))}{head} {graph_id} {{{draw(st.sampled_from(COMMENTS))}{body}}}\n"


@fuzz_settings(250)
@given(dot_documents())
def test_random_dot_reads_as_graphviz_reads_it(text: str):
    graphviz = pygraphviz.AGraph(string=text)
    design = parse(text, "random.dot")[0]
    assert len(design.nodes) == graphviz.number_of_nodes()
    assert len(design.edges) == graphviz.number_of_edges()
    for node in design.nodes:
        label = graphviz.get_node(node.id).attr.get("label")
        if node.label is None:
            # No label of its own: Graphviz reports "\N" (the name), or "" once any label was declared.
            assert label in (None, "", "\\N")
        else:
            assert label == node.label
    # One group per cluster subgraph: Graphviz's subgraphs are per parent, so a name may recur.
    clusters, pending = [], list(graphviz.subgraphs())
    while pending:
        subgraph = pending.pop()
        if (subgraph.name or "").startswith("cluster"):
            clusters.append(subgraph)  # (cluster labels: see test_dot.py; cgraph has quirks there)
        pending.extend(subgraph.subgraphs())
    assert sorted(group.id.split("#")[0] for group in design.groups) == sorted(cluster.name for cluster in clusters)


MUTATIONS = ["{", "}", "[", "]", ";", ",", "=", ":", "->", "--", '"', "<", ">", "+", "/*", "*/", "//", "#", "\n", " ",
             "node", "edge", "graph", "subgraph", "strict", "x", "1", "-"]


@st.composite
def mutated_documents(draw) -> str:
    text = draw(dot_documents())
    return mutate(draw, text, tuple(MUTATIONS), edits=3, cut=4)


@fuzz_settings(200)
@given(mutated_documents())
def test_broken_dot_is_refused_where_graphviz_refuses_it(text: str):
    try:
        graphviz = pygraphviz.AGraph(string=text)
    except (pygraphviz.DotError, ValueError):
        graphviz = None
    try:
        designs = parse(text, "mutated.dot")
    except DesignSyntaxError as problem:
        # Graphviz reads a file's graphs until one fails; aidlint refuses the file (see docs/formats/dot.md).
        assert graphviz is None or _reads_first_graph_before(text, problem, graphviz)
        return
    assert graphviz is not None
    assert len(designs[0].nodes) == graphviz.number_of_nodes()
    assert len(designs[0].edges) == graphviz.number_of_edges()


def _reads_first_graph_before(text: str, problem: DesignSyntaxError, graphviz) -> bool:
    """Whether the text before the error starts with a whole graph that aidlint reads as Graphviz does."""
    offset = sum(len(line) + 1 for line in text.split("\n")[: problem.line - 1]) + problem.col - 1
    end = text.rfind("}", 0, offset)
    while end != -1:
        try:
            design = parse(text[: end + 1], "prefix.dot")[0]
        except DesignSyntaxError:
            end = text.rfind("}", 0, end)
            continue
        return (len(design.nodes), len(design.edges)) == (graphviz.number_of_nodes(), graphviz.number_of_edges())
    return False


@fuzz_settings(200)
@given(
    st.lists(
        st.sampled_from(list('{}[];,=:-><"+/*#\n \\aAzZ09.é_') + ["node", "digraph", "graph", "->", "--", "subgraph"])
    ).map("".join)
)
def test_any_text_parses_or_gives_a_located_syntax_error(text: str):
    try:
        parse(text, "noise.dot")
    except DesignSyntaxError as problem:
        assert_located(text, problem)
