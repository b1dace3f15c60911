"""Runs of simple statements read as one token (frontends/mermaid/statements.py) change nothing.

The oracle is the grammar itself: the same text read token by token (the lexer's switch turned off) must
give the same designs, spans included, or the same syntax error, message, place and expectations. The
generators here write lines from pieces that sit on the edges of what a simple statement may hold (keywords,
`x`/`o` next to a link, closings that make longer tokens, `@`, `direction`, a link on the next line).
"""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aidlint.frontends import decode
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.mermaid import parse
from aidlint.frontends.mermaid.lexer import MermaidLexer
from tests.conftest import CORPUS

from ..fuzzing import fuzz_settings, mutate
from .test_mermaid_property import MUTATIONS, written_flowcharts
from .two_readings import TwoReadings

MERMAID_FILES = sorted(path for path in CORPUS.rglob("*") if path.suffix in (".mmd", ".mermaid"))


_READINGS = TwoReadings(parse, MermaidLexer, "reads_simple_statements", "g.mmd")
outcome, token_by_token = _READINGS.outcome, _READINGS.token_by_token


def test_the_corpus_has_files_to_compare():
    assert len(MERMAID_FILES) > 20


@pytest.mark.parametrize("path", MERMAID_FILES, ids=[str(path.relative_to(CORPUS)) for path in MERMAID_FILES])
def test_every_corpus_file_reads_the_same_token_by_token(path):
    try:
        text = decode(path.read_bytes())
    except DesignSyntaxError:
        return
    assert outcome(text) == token_by_token(text)


# Pieces a simple line is made of, and pieces on the edge of what one may hold (keywords, `x`/`o` next to a
# link, closings that make longer tokens, `@`, `direction`, a link on the next line); mostly the first kind,
# so that most documents parse and the designs, not only the errors, are compared.
IDS = ["A", "b1", "llm_2", "xo", "ox", "endpoint", "classX", "Gate"]
EDGE_IDS = ["x", "o", "v", "end", "style", "class", "call", "href", "graph", "default", "direction", "a-b", "a.b",
            "1a", "é", "A&B", "_u"]
SHAPES = ["", "", "", "[t]", '["s q"]', "(r)", "((c))", "{d}", "{{h}}", "([s])", "[(c)]", "[[s]]", ":::safety_filter",
          "[t]:::user", "[ ]", "[#35; x]", "[<b>x</b>]", '["a -- b"]']
EDGE_SHAPES = ["[/t/]", "(-e-)", ">o]", "[]", "[t])", "[t]]", "((t)))", "(t)]", '["`m`"]', "[a@b]", "[a ~~~ b]",
               "[-t]", "(-t)", "[a\nb]", '["a"b]', "{t}}", ":::end", "@{ shape: rect }", ":::a:::b"]
LINKS = [" --> ", "-->", "--->", " --- ", " -.-> ", "-.->", " ==> ", " ~~~ ", " --x ", " --o ", "--x", " <--> ",
         "x-->", " o--o ", " -->|t| ", "-->|t|", '-->|"q"| ', " -- t --> ", " -- t x--> ", " -- a-b --> ",
         "  -->  ", "\t-->\t", " -- t  --> ", " -->| t | ", " -->|t|\t", " -- o --> "]
EDGE_LINKS = [" -- a--b --> ", " -. t .-> ", " == t ==> ", ' -- "q" --> ', " e1@--> ", " -- t\n --> ", " -->\n  ",
              " -- t -->|u| ", " --- |t| ", " -->|t|  ", " & ", " -- ", " "]
ENDS = ["\n", "\n", "\n", ";\n", " ;\n", "  \n", "\n\n  ", "\r\n", "\n  %% note\n"]
EDGE_ENDS = ["", "  %% note\n", "\n  --> Z\n", "\n--> ", "\n\n-.-> Q\n", "\nx--> ", "; B\n", "\n  direction LR\n", "\n  end\n",
             "\n  subgraph s [S]\n", "\n  ~~~ Z\n"]
HEADERS = ["flowchart LR\n", "graph TD\n  ", "flowchart\n", "flowchart TB;\n", "%%{init: {}}%%\nflowchart LR\n  "]

_choice = cache(st.sampled_from)


def _piece(draw, usual: list[str], edgy: list[str]) -> str:
    return draw(_choice(tuple(edgy if draw(st.integers(0, 15)) == 15 else usual)))


@st.composite
def simple_looking_flowcharts(draw) -> str:
    parts = [draw(_choice(tuple(HEADERS)))]
    inside = draw(st.booleans())
    if inside:
        parts.append("subgraph s1 [One]\n")
    for _ in range(draw(st.integers(1, 8))):
        parts.append(draw(_choice(("", "", "  ", "\t"))))
        parts.append(_piece(draw, IDS, EDGE_IDS) + _piece(draw, SHAPES, EDGE_SHAPES))
        for _ in range(draw(st.integers(0, 3))):
            parts.append(_piece(draw, LINKS, EDGE_LINKS))
            parts.append(_piece(draw, IDS, EDGE_IDS) + _piece(draw, SHAPES, EDGE_SHAPES))
        parts.append(_piece(draw, ENDS, EDGE_ENDS))
    if inside:
        parts.append("\nend\n" + _piece(draw, IDS, EDGE_IDS) + _piece(draw, LINKS, EDGE_LINKS) + "s1\n")
    return "".join(parts)


@fuzz_settings(300)
@given(simple_looking_flowcharts())
def test_lines_on_the_edge_of_simple_read_the_same_token_by_token(text: str):
    assert outcome(text) == token_by_token(text)


def test_most_generated_lines_parse():
    # Designs are only compared where both readings succeed: most generated documents must parse.
    from hypothesis import settings

    parsed = []

    @settings(max_examples=200, derandomize=True, database=None)
    @given(simple_looking_flowcharts())
    def count(text):
        parsed.append(not isinstance(outcome(text), tuple))

    count()
    assert sum(parsed) > len(parsed) / 2


@fuzz_settings(60)
@given(written_flowcharts())
def test_random_flowcharts_read_the_same_token_by_token(generated):
    text = generated[3]
    assert outcome(text) == token_by_token(text)


@st.composite
def mutated_flowcharts(draw) -> str:
    return mutate(draw, draw(simple_looking_flowcharts()), tuple(MUTATIONS))


@fuzz_settings(100)
@given(mutated_flowcharts())
def test_broken_flowcharts_fail_the_same_token_by_token(text: str):
    assert outcome(text) == token_by_token(text)


@pytest.mark.parametrize(
    "text",
    [
        'flowchart LR\n  a["A (1)"] --> b[B]\n  b -->|"yes"| c((C)) -- maybe --> d{D}\n  d -.-> e{{E}}:::safety_filter\n',
        "graph TD\n  a --> b\n  --> c\n  d ==>|t| e ~~~ f\n",
        "flowchart LR\n  subgraph s [S]\n    a --> b\n  end\n  b --> c;\n  c --x d\n",
        "flowchart LR\n  a -- x--> b\n  c -- o --> d\n  e --o f\n",
        "flowchart LR\n  a --> b\n  c --> direction LR\n  d --> e\n",
        "flowchart LR\n  a --> b\n  c -->|t|  d\n",
        "flowchart LR\r\n  a --> b\r\n  b --> c\r\n",
    ],
    ids=["shapes-and-labels", "continued-line", "subgraph-and-semicolon", "x-and-o", "direction", "two-blanks", "crlf"],
)
def test_statements_of_every_kind_read_the_same_token_by_token(text):
    assert outcome(text) == token_by_token(text)


def test_a_run_of_simple_statements_is_read_whole_and_the_rest_token_by_token(monkeypatch):
    from aidlint.frontends.mermaid import statements

    runs = []
    read = statements.read_statements

    def recording(run):
        runs.append(str(run))
        return read(run)

    monkeypatch.setattr(statements, "read_statements", recording)
    text = "flowchart LR\n  a[A] --> b\n  b -- t --> c\n  c & d --> e\n  e --> f;\n  subgraph s\n    f --> g\n  end\n  g\n"
    parse(text, "g.mmd")
    assert runs == ["a[A] --> b\n  b -- t --> c\n  ", "e --> f;\n  ", "f --> g\n  ", "g\n"]


def test_positions_in_a_run_are_the_files():
    text = 'flowchart LR\n  a["A"] --> b\n\n  b -- call --> c((C)):::user\n'
    (design,) = parse(text, "g.mmd")
    spans = {node.id: (node.span.line, node.span.col, node.span.end_line, node.span.end_col) for node in design.nodes}
    assert spans == {"a": (2, 3, 2, 9), "b": (2, 14, 2, 15), "c": (4, 17, 4, 30)}
    assert [(edge.label, edge.span.line, edge.span.col, edge.span.end_col) for edge in design.edges] == [
        (None, 2, 3, 15),
        ("call", 4, 3, 30),
    ]
    assert outcome(text) == token_by_token(text)
    assert design.nodes[2].role == "user" and design.nodes[2].attrs["shape"] == "circle"
