"""Runs of simple statements read as one token (frontends/dot/statements.py) change nothing.

The oracle is the grammar itself: the same text read token by token (the lexer's switch turned off) must
give the same designs, spans included, or the same syntax error, message, place and expectations.
"""

from __future__ import annotations

import pytest
from hypothesis import given

from aidlint.frontends import decode
from aidlint.frontends.dot import parse
from aidlint.frontends.dot.lexer import DotLexer
from aidlint.frontends.errors import DesignSyntaxError
from tests.conftest import CORPUS, REPO

from ..fuzzing import fuzz_settings
from .test_dot_property import dot_documents, mutated_documents
from .two_readings import TwoReadings

DOT_FILES = sorted(path for path in CORPUS.rglob("*") if path.suffix in (".dot", ".gv"))


_READINGS = TwoReadings(parse, DotLexer, "reads_simple_statements", "g.dot")
outcome, token_by_token = _READINGS.outcome, _READINGS.token_by_token


def test_the_corpus_has_files_to_compare():
    assert len(DOT_FILES) > 100


@pytest.mark.parametrize("path", DOT_FILES, ids=[str(path.relative_to(CORPUS)) for path in DOT_FILES])
def test_every_corpus_file_reads_the_same_token_by_token(path):
    try:
        text = decode(path.read_bytes())
    except DesignSyntaxError:  # not UTF-8 (Graphviz's Latin-1 test graph): never reaches the parser
        text = path.read_bytes().decode("latin-1")
    assert outcome(text) == token_by_token(text)


@fuzz_settings(60)
@given(dot_documents())
def test_random_dot_reads_the_same_token_by_token(text: str):
    assert outcome(text) == token_by_token(text)


@fuzz_settings(60)
@given(mutated_documents())
def test_broken_dot_fails_the_same_token_by_token(text: str):
    assert outcome(text) == token_by_token(text)


@pytest.mark.parametrize(
    "text",
    [
        'digraph {\n  a -> "b\nc" [\n    label="x",\n    color=red\n  ]; d [shape=box]\n  e -> f\n}\n',
        "digraph {\n\ta\t->\tb\t[\tl\t=\t1\t]\t;\n\tn [a=b c=d,e=f;]; n [a=z]\n}\n",
        'strict graph { a -- b; b -- a [w=2]; -1 -- .5 [x=y;] "p" + "q" -- <<b>r</b>> }',
        "digraph { a -> b [k=1] a -> b [k=1] c:p -> d a, b -> e f -> g -> h }",
        "digraph { node [shape=box] a [color=red] subgraph cluster_x { edge [w=1] b -> c [w=2] } }",
    ],
    ids=["multi-line", "tabs-and-separators", "strict-undirected", "keys-ports-lists-chains", "defaults-and-clusters"],
)
def test_statements_of_every_kind_read_the_same_token_by_token(text):
    assert outcome(text) == token_by_token(text)


def test_a_multi_line_statement_is_located_part_by_part():
    design = parse('digraph {\n  a -> "b\nc" [\n    label="x"\n  ]; d [shape=box]\n}\n', "g.dot")[0]
    spans = {node.id: (node.span.line, node.span.col, node.span.end_line, node.span.end_col) for node in design.nodes}
    assert spans == {"a": (2, 3, 2, 4), "b\nc": (2, 8, 3, 3), "d": (5, 6, 5, 19)}
    edge = design.edges[0]
    assert (edge.label, edge.span.line, edge.span.col, edge.span.end_line, edge.span.end_col) == ("x", 2, 3, 5, 4)


def test_a_wrong_edge_operator_in_a_run_is_located_at_the_operator():
    problem = outcome("graph {\n  a -- b [x=1]; c -- d\n  e -> f [y=2]\n  g -- h\n}\n")
    assert problem == (
        "'->' joins nodes of a digraph: an undirected graph's edges are written '--'",
        3,
        5,
        ["'--'"],
        "  e -> f [y=2]",
    )


def test_a_string_left_open_after_a_statement_is_the_error_before_the_statements_own():
    # Token by token, the lexer meets the open string before the parser reduces `x -> y`.
    problem = outcome('graph {\n  x -> y "z\n}\n')
    assert problem == ("a quoted string that is never closed: add the closing '\"'", 2, 10, ["'\"'"], '  x -> y "z')


def record_runs(monkeypatch) -> list[list[str]]:
    """The statements of each SIMPLE_STATEMENTS token the Transformer is given, as the lexer matched them."""
    import aidlint.frontends.dot as dot

    parser = dot._parser()
    runs: list[list[str]] = []
    for name in ("SIMPLE_STATEMENTS", "SIMPLE_STATEMENTS_SEMI"):
        callback = parser._callbacks[name]

        def recording(token, callback=callback):
            runs.append([match.group(1) for match in token.statements])
            return callback(token)

        monkeypatch.setitem(parser._callbacks, name, recording)
    return runs


def test_a_run_of_simple_statements_is_read_whole_and_the_rest_token_by_token(monkeypatch):
    runs = record_runs(monkeypatch)
    parse('digraph {\n  a -> b [label="x"];\n  c [shape=box]\n  c:p -> d  /* port */\n  d -> e; e\n}\n', "g.dot")
    assert runs == [['a -> b [label="x"];', "c [shape=box]"], ["d -> e;"]]


def test_a_long_run_is_several_tokens_and_reads_the_same(monkeypatch):
    import aidlint.frontends.dot.lexer as lexer

    text = 'digraph {\n  a -> b\n  b -> c [label="x"]\n  c [shape=box];\n  c -> d; d -> a\n}\n'
    whole = outcome(text)
    runs = record_runs(monkeypatch)
    monkeypatch.setattr(lexer, "RUN_LENGTH", 2)
    assert outcome(text) == whole == token_by_token(text)
    assert runs == [["a -> b", 'b -> c [label="x"]'], ["c [shape=box];", "c -> d;"], ["d -> a"]]


def test_the_name_classes_of_the_grammar_are_letters_underscore_and_non_ascii():
    # grammars/dot.lark writes them as "no other ASCII character", which compiles far faster.
    import re

    from aidlint.frontends.dot.statements import _ID_CHAR

    everything = "".join(map(chr, range(0x110000)))
    grammar = (REPO / "grammars" / "dot.lark").read_text(encoding="utf-8")
    first, rest = re.search(r"^NAME: /(\[[^]]*\])(\[.*\])\*/$", grammar, re.MULTILINE).groups()
    assert re.sub(first, "", everything) == re.sub(r"[A-Za-z_\u0080-\U0010ffff]", "", everything)
    for written in (rest, _ID_CHAR):
        assert re.sub(written, "", everything) == re.sub(r"[A-Za-z_0-9\u0080-\U0010ffff]", "", everything)
