"""Conformance: every flowchart of the vendored corpora against Mermaid 11.17.2's own counts.

ORACLE.tsv (tests/corpus/mermaid) and ORACLE_MERMAID.tsv (tests/corpus/realworld) give, per file, the number of
vertices, edges and subgraphs in Mermaid's FlowDB after ``mermaid.parse()``, or that Mermaid rejects it.
parser_specs/EXPECTED.json gives what Mermaid's own unit tests assert (edge ends, types, strokes, texts,
vertex texts and shapes). The real-world files whose licence keeps them out of the repository
(realworld/NOT_VENDORED.tsv) are checked against the upstream corpus when it is beside the checkout, and
skip with their reason otherwise.

Our model differs from FlowDB on purpose in four places; :func:`oracle_counts` undoes each difference
from the Design alone, so the comparison is exact:

1. An edge to or from a subgraph is, in our model, an edge to or from each node inside it (the
   front-end contract). Mermaid keeps one edge. Every Edge records its Mermaid link number in
   ``attrs["link"]``, so Mermaid's edge count is the number of distinct link numbers.
2. Mermaid also counts a subgraph's ID as a vertex once it is used where a vertex stands (an edge end,
   a bare ID, ``style S``); our model keeps it a group only, marked ``attrs["vertex"] == "true"``.
3. An empty subgraph used as an edge end is, in our model, a node (``attrs["shape"] == "subgraph"``) so
   the edge survives; Mermaid counts it as a subgraph and a vertex.
4. Two ``subgraph X`` blocks with one ID are two subgraphs in Mermaid and one group (IDs are unique)
   here, with ``attrs["blocks"]`` counting the blocks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aidlint.frontends import ParseOptions, decode, load_file, mermaid
from aidlint.frontends.errors import DesignSyntaxError
from tests.conftest import CORPUS, UPSTREAM_CORPUS, not_vendored, read_tsv, upstream_or_skip


def oracle_counts(design) -> tuple[int, int, int]:
    group_vertices = sum(1 for group in design.groups if group.attrs.get("vertex") == "true")
    subgraph_nodes = sum(1 for node in design.nodes if node.attrs.get("shape") == "subgraph")
    vertices = len(design.nodes) + group_vertices
    edges = len({edge.attrs["link"] for edge in design.edges})
    subgraphs = sum(int(group.attrs.get("blocks", "1")) for group in design.groups) + subgraph_nodes
    return vertices, edges, subgraphs


MERMAID_ROWS = {row["path"]: row for row in read_tsv(CORPUS / "mermaid" / "ORACLE.tsv")}
REALWORLD_ROWS = {row["path"]: row for row in read_tsv(CORPUS / "realworld" / "ORACLE_MERMAID.tsv")}
#: Real-world files left out of the repository for their licence -> why (read upstream when it is there).
NOT_VENDORED = not_vendored()

#: Every file Mermaid rejects, and why; each must give a DesignSyntaxError.
REJECTED = {
    "mermaid/parser_specs/flow-node-data_017.mmd": "unknown shape name in @{ shape: ... }",
    "mermaid/parser_specs/flow-node-data_018.mmd": "internal shape name rect_left_inv_arrow (not lowercase)",
    "mermaid/parser_specs/flow-text_050.mmd": "'(' inside unquoted text",
    "mermaid/parser_specs/flow-text_055.mmd": "'(' inside unquoted text",
    "mermaid/parser_specs/flow-text_056.mmd": "a quote inside unquoted text",
    "mermaid/parser_specs/flow-text_057.mmd": "a quote inside unquoted text",
    "mermaid/parser_specs/flow-text_058.mmd": "'(' inside unquoted text",
    "mermaid/parser_specs/flow-text_059.mmd": "')' inside unquoted text",
    "mermaid/parser_specs/flow-style_014.mmd": "linkStyle names a link number past the last link",
    "mermaid/parser_specs/flow-style_006.mmd": "commented-out test code picked up by the extraction",
    "mermaid/parser_specs/flow-style_012.mmd": "commented-out test code picked up by the extraction",
    "mermaid/parser_specs/flow-text_031.mmd": "commented-out test code picked up by the extraction",
    "mermaid/parser_specs/flow-style_007.mmd": "'#fff;' in a style line is entity-encoded, then fails",
    "mermaid/cypress_rendering/flowchart-v2_044.mmd": "indented front matter",
    "mermaid/cypress_rendering/flowchart-v2_045.mmd": "indented front matter",
    "mermaid/cypress_rendering/flowchart-elk_042.mmd": "'(' inside unquoted text (an it.skip test)",
    "mermaid/docs/config_8.6.0_docs_001.mmd": "the example ends with a dangling 'g-->'",
    "realworld/auspicious27__PROJECT7/DIAGRAMS.md__mermaid04_L132.mmd": "'[/' shape never closed",
    "realworld/langfuse__langfuse/CONTRIBUTING.md__mermaid01_L70.mmd": "extraction ran past the fence (CRLF)",
}

VENDORED_CASES = [f"mermaid/{path}" for path in MERMAID_ROWS] + [f"realworld/{path}" for path in REALWORLD_ROWS]
CASES = VENDORED_CASES + [f"realworld/{path}" for path in NOT_VENDORED if path.endswith(".mmd")]


def _realworld_row(path: str) -> dict[str, str]:
    """Mermaid's counts for a real-world fence, from the upstream oracle for a file that is not vendored."""
    if path in NOT_VENDORED:
        upstream_or_skip(f"realworld/{path}", NOT_VENDORED[path])
        upstream = read_tsv(UPSTREAM_CORPUS / "realworld" / "ORACLE_MERMAID.tsv")
        return next(row for row in upstream if row["path"] == path)
    return REALWORLD_ROWS[path]


def _oracle_row(case: str) -> dict[str, str]:
    corpus_name, path = case.split("/", 1)
    return MERMAID_ROWS[path] if corpus_name == "mermaid" else _realworld_row(path)


def _case_path(case: str) -> Path:
    path = case.split("/", 1)[1]
    if case.startswith("realworld/") and path in NOT_VENDORED:
        return upstream_or_skip(case, NOT_VENDORED[path])
    return CORPUS / case


def _read(case: str) -> str:
    return decode(_case_path(case).read_bytes())


def test_the_corpora_are_all_here(corpus):
    assert len(MERMAID_ROWS) == 537
    assert len(REALWORLD_ROWS) == 83
    assert len(CASES) - len(VENDORED_CASES) == 15
    rejected = {case for case in VENDORED_CASES if _oracle_row(case)["error"]}
    assert rejected == set(REJECTED)


@pytest.mark.parametrize("case", CASES)
def test_counts_match_mermaid(corpus, case):
    row = _oracle_row(case)
    text = _read(case)
    if row["error"]:
        with pytest.raises(DesignSyntaxError):
            mermaid.parse(text, case)
        return
    assert row["type"] == "flowchart"
    (design,) = mermaid.parse(text, case)
    assert oracle_counts(design) == (int(row["vertices"]), int(row["edges"]), int(row["subgraphs"]))


def _expected_specs() -> dict:
    path = CORPUS / "mermaid" / "parser_specs" / "EXPECTED.json"
    return {key: value for key, value in json.loads(path.read_text()).items() if key.endswith(".mmd")}


EXPECTED = _expected_specs()

#: Spec files whose assertions do not describe their source as Mermaid's parse() reads it.
EXPECTED_MISMATCHED = {
    "parser_specs/flow-style_007.mmd": "the unit test calls the bare grammar; mermaid.parse() rejects it",
    "parser_specs/flow-text_031.mmd": "commented-out test code: the asserted edge belongs to other source",
    "parser_specs/flow-text_038.mmd": "the asserted vertex C comes from a source the extraction missed",
}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_what_mermaids_unit_tests_assert(corpus, case):
    if case in EXPECTED_MISMATCHED:
        # only whether Mermaid's parse() accepts the file can be checked (test_counts_match_mermaid)
        assert MERMAID_ROWS[case]["error"] or mermaid.parse(_read(f"mermaid/{case}"), case)
        return
    spec = EXPECTED[case]
    (design,) = mermaid.parse(_read(f"mermaid/{case}"), case)
    vertices, edge_count, subgraphs = oracle_counts(design)
    if "edge_count" in spec:
        assert edge_count == spec["edge_count"]
    if "vertex_count" in spec:
        assert vertices == spec["vertex_count"]
    if "subgraph_count" in spec:
        assert subgraphs == spec["subgraph_count"]
    first_edge_of_link = {}
    for edge in design.edges:
        first_edge_of_link.setdefault(int(edge.attrs["link"]), edge)
    for number, expected in (spec.get("edges") or {}).items():
        edge = first_edge_of_link[int(number)]
        seen = {
            "start": edge.attrs.get("source_group", edge.source),
            "end": edge.attrs.get("target_group", edge.target),
            "type": edge.attrs["type"],
            "stroke": edge.attrs["stroke"],
            "length": int(edge.attrs["length"]),
            "text": edge.label or "",
        }
        for key, value in expected.items():
            if key in seen:  # interpolate, labelType and edge ids are styling, not kept
                assert seen[key] == value, (number, key)
    nodes = {node.id: node for node in design.nodes}
    groups = {group.id for group in design.groups}
    for vertex_id, expected in (spec.get("vertices") or {}).items():
        if vertex_id in groups:
            continue
        node = nodes[vertex_id]
        if "text" in expected:
            assert (node.label if node.label is not None else node.id) == expected["text"]
        if "type" in expected:
            assert node.attrs["shape"] == expected["type"]


# The Markdown sources of the real-world diagrams.

MARKDOWN_FILES = sorted(
    str(path.relative_to(CORPUS / "realworld"))
    for pattern in ("*.md", "*.mdx")
    for path in (CORPUS / "realworld").glob(f"*/{pattern}")
)
MARKDOWN_NOT_VENDORED = sorted(path for path in NOT_VENDORED if path.endswith((".md", ".mdx")))


def test_the_markdown_sources_are_all_here(corpus):
    assert len(MARKDOWN_FILES) == 26
    assert len(MARKDOWN_NOT_VENDORED) == 5


@pytest.mark.parametrize("name", MARKDOWN_FILES + MARKDOWN_NOT_VENDORED)
def test_every_realworld_markdown_file_parses(corpus, name):
    path = _case_path(f"realworld/{name}")
    if name == "auspicious27__PROJECT7/DIAGRAMS.md":
        return  # tested below: its fence at line 132 is invalid Mermaid
    designs = load_file(path)
    per_fence = load_file(path, ParseOptions(per_diagram=True))
    fences = {
        int(fence.name.rsplit("_L", 1)[1].removesuffix(".mmd")): fence
        for fence in path.parent.glob(f"{path.name}__mermaid*_L*.mmd")
    }
    assert len(designs) == (1 if per_fence else 0)
    # Each fence parsed inside the Markdown gives what Mermaid counted for the extracted fence.
    by_line = {int(design.name.rsplit("line ", 1)[1].rstrip(")")): design for design in per_fence}
    for line, fence in fences.items():
        row = _realworld_row(f"{path.parent.name}/{fence.name}")
        if row["error"]:
            continue
        assert oracle_counts(by_line[line]) == (int(row["vertices"]), int(row["edges"]), int(row["subgraphs"]))
        assert by_line[line].nodes[0].span.line > line


def test_the_invalid_fence_is_reported_at_its_markdown_line(corpus):
    with pytest.raises(DesignSyntaxError) as caught:
        load_file(corpus / "realworld" / "auspicious27__PROJECT7" / "DIAGRAMS.md")
    # fence at line 132; its 10th line is `        ENDPOINT[/metrics Endpoint]`, whose `]` never closes `[/`
    assert (caught.value.line, caught.value.col) == (142, 35)
    assert caught.value.source_line == "        ENDPOINT[/metrics Endpoint]"


def test_the_crlf_document_gives_what_its_reader_sees(corpus):
    """The extracted .mmd of this fence ran past its end; the fence read in its Markdown file is fine."""
    (design,) = load_file(corpus / "realworld" / "langfuse__langfuse" / "CONTRIBUTING.md")
    assert oracle_counts(design) == (8, 11, 1)
    assert b"\r\n" in (corpus / "realworld" / "langfuse__langfuse" / "CONTRIBUTING.md").read_bytes()
