"""Conformance: every DOT file of the vendored corpora (tests/corpus), read as Graphviz reads it.

The counts come from EXPECTED.tsv (Graphviz's own parser, `gc -n -e`: graphs, and the nodes and edges of
all root graphs). Files without a row there (the inline snippets of Graphviz's and pydot's tests,
networkx's file) are checked against Graphviz's C parser through pygraphviz, which reads a file's first
graph. Node names and clusters are checked against pygraphviz everywhere (its first graph): the same
names, the same clusters, and every node aidlint puts in a cluster (or its subclusters) is in Graphviz's
cluster too. (Graphviz also counts in a cluster the nodes merely mentioned there after being declared
elsewhere; aidlint's groups keep the nodes first declared inside, as the design model says.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aidlint.frontends import decode
from aidlint.frontends.dot import parse
from aidlint.frontends.errors import DesignSyntaxError
from tests.conftest import CORPUS, read_tsv

pygraphviz = pytest.importorskip("pygraphviz")

SETS = ("graphviz", "pydot", "realworld")
EXPECTED_FILES = {"graphviz": "EXPECTED.tsv", "pydot": "EXPECTED.tsv", "realworld": "EXPECTED_DOT.tsv"}

#: Files where aidlint deliberately differs from Graphviz, and why.
DEVIATIONS = {
    # A fuzzer's file: bytes follow the first graph's closing brace. Graphviz stops reading at the first
    # graph that fails and counts the graphs before it; aidlint reports the rest of the file as SYN001.
    "graphviz/rtest__1676.dot": (8, 138),
}


def _files() -> list[Path]:
    return sorted(
        path for name in SETS for path in (CORPUS / name).rglob("*") if path.suffix in (".dot", ".gv")
    )


def _expected() -> dict[str, dict[str, str]]:
    rows = {}
    for name, file_name in EXPECTED_FILES.items():
        for row in read_tsv(CORPUS / name / file_name):
            rows[f"{name}/{row['file']}"] = row
    return rows


def _snippet_expectations() -> dict[str, dict]:
    table = CORPUS / "pydot" / "inline_snippets" / "EXPECTED.json"
    return {f"pydot/inline_snippets/{name}": value for name, value in json.loads(table.read_text()).items()}


FILES = _files()
EXPECTED = _expected()
SNIPPETS = _snippet_expectations()


def _read(path: Path) -> str:
    data = path.read_bytes()
    try:
        return decode(data)
    except DesignSyntaxError:
        # Seven Graphviz test graphs are Latin-1 (aidlint's CLI reports those as "not UTF-8"); the DOT
        # grammar itself is tested on their text.
        return data.decode("latin-1").replace("\r\n", "\n").replace("\r", "\n")


def _graphviz(text: str):
    """Graphviz's reading of the file's first graph, or None when it reports a syntax error."""
    try:
        return pygraphviz.AGraph(string=text)
    except (pygraphviz.DotError, ValueError):
        return None


def _clusters(graph) -> dict[str, set[str] | None]:
    """Cluster name -> its nodes (None where pygraphviz cannot name a node: an empty-string ID)."""
    found, pending = {}, list(graph.subgraphs())
    while pending:
        subgraph = pending.pop()
        if subgraph.name and subgraph.name[:7].lower() == "cluster":
            try:
                nodes = set(subgraph.nodes())
            except TypeError:
                found[subgraph.name] = None
            else:
                if found.get(subgraph.name, set()) is not None:
                    found[subgraph.name] = found.get(subgraph.name, set()) | nodes
        pending.extend(subgraph.subgraphs())
    return found


def test_the_corpus_is_there(corpus):
    assert len(FILES) == 775
    assert len(EXPECTED) == 657


@pytest.mark.parametrize("path", FILES, ids=[str(path.relative_to(CORPUS)) for path in FILES])
def test_corpus_file(path: Path):
    key = str(path.relative_to(CORPUS))
    text = _read(path)
    row = EXPECTED.get(key)
    rejected = row is not None and row.get("status", "ok").startswith("rejected")
    snippet = SNIPPETS.get(key, {})
    graphviz = _graphviz(text)

    if key in DEVIATIONS:
        with pytest.raises(DesignSyntaxError) as caught:
            parse(text, key)
        assert (caught.value.line, caught.value.col) == DEVIATIONS[key]
        lines_before = text.split("\n")[: caught.value.line - 1]
        first_graph = text[: sum(len(line) + 1 for line in lines_before) + caught.value.col - 1]
        designs = parse(first_graph, key)
        assert (len(designs), len(designs[0].nodes), len(designs[0].edges)) == (
            int(row["graphs"]), int(row["nodes"]), int(row["edges"]),
        )
        return

    if rejected or snippet.get("parse_error") or (row is None and graphviz is None):
        with pytest.raises(DesignSyntaxError) as caught:
            parse(text, key)
        assert caught.value.line >= 1 and caught.value.col >= 1 and caught.value.source_line is not None
        return

    designs = parse(text, key)
    if row is not None:
        assert (len(designs), sum(len(d.nodes) for d in designs), sum(len(d.edges) for d in designs)) == (
            int(row["graphs"]), int(row["nodes"]), int(row["edges"]),
        )
    else:
        assert len(designs) == snippet.get("graph_count", 1)
        assert (len(designs[0].nodes), len(designs[0].edges)) == (
            graphviz.number_of_nodes(), graphviz.number_of_edges(),
        )
    if "type" in snippet:
        assert (designs[0].notes == []) == (snippet["type"] == "digraph")
    for design in designs:
        assert len({node.id for node in design.nodes}) == len(design.nodes)
        assert all(node.span is not None and node.span.line >= 1 for node in design.nodes)
        assert all(edge.span is not None for edge in design.edges)

    design = designs[0]
    try:
        graphviz_names = set(graphviz.nodes())
    except TypeError:  # pygraphviz cannot name a node whose ID is the empty string
        graphviz_names = None
    if graphviz_names is not None:
        assert {node.id for node in design.nodes} == graphviz_names

    clusters = _clusters(graphviz)
    # Two clusters of one name under different parents are two groups, the second named `NAME#2`.
    assert {group.id.split("#")[0] for group in design.groups} == set(clusters)
    for group in design.groups:
        inside, members = {group.id}, set()
        for other in design.groups:  # groups are recorded parents first
            if other.parent in inside:
                inside.add(other.id)
        for other in design.groups:
            if other.id in inside:
                members.update(other.members)
        if clusters[group.id.split("#")[0]] is not None:
            assert members <= clusters[group.id.split("#")[0]], group.id
