"""Runs of simple lines read as one token (frontends/dsl_statements.py) change nothing.

The oracle is the grammar itself: the same text read token by token (the lexer's switch turned off) must
give the same design, spans included, or the same syntax error, message, place and expectations.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aidlint.frontends.dsl import parse
from aidlint.frontends.dsl_lexer import DslLexer
from tests.conftest import REPO

from ..fuzzing import fuzz_settings
from .test_dsl_property import mutated_text, written_designs
from .two_readings import TwoReadings

AIDL_FILES = sorted(path for folder in ("reference_designs", "samples", "tests") for path in (REPO / folder).rglob("*.aidl"))


_READINGS = TwoReadings(parse, DslLexer, "reads_simple_lines", "d.aidl")
outcome, token_by_token = _READINGS.outcome, _READINGS.token_by_token


def test_there_are_files_to_compare():
    assert len(AIDL_FILES) >= 9


@pytest.mark.parametrize("path", AIDL_FILES, ids=[str(path.relative_to(REPO)) for path in AIDL_FILES])
def test_every_design_of_the_repository_reads_the_same_token_by_token(path):
    text = path.read_text(encoding="utf-8")
    assert outcome(text) == token_by_token(text)


@fuzz_settings(100)
@given(written_designs())
def test_generated_designs_read_the_same_token_by_token(generated):
    assert outcome(generated[1]) == token_by_token(generated[1])


@fuzz_settings(100)
@given(mutated_text())
def test_broken_designs_fail_the_same_token_by_token(text: str):
    assert outcome(text) == token_by_token(text)


_PARTS = ["a", "b2", "_c", '"W S"', '"q\\"x"', "design", "group", "designer", "->", ":", "=", '"l"', "k=v", "k = \"v w\"",
          "k=a->b", "role", " ", "\t", "\n", "\n\n", ";", "{", "}", "# c", "\r", "\f", "\\"]


@fuzz_settings(200)
@given(st.lists(st.sampled_from(_PARTS), max_size=30).map("".join))
def test_any_sequence_of_parts_reads_the_same_token_by_token(text: str):
    assert outcome(text) == token_by_token(text)


@pytest.mark.parametrize(
    "text",
    [
        'a -> b -> c "label" k=v w="x y"\n  "Web Server" -> llm\nx\n',
        'llm: model_inference "LLM" vendor=openai\n\n\t\f user:user"U"k=1\n',
        'a "b"=1\na -> b "x"=1\n"a"=1\n',
        "design -> x\ngroup -> x\ndesigner -> x\ngroups: user\n",
        'group g "G" {\n  y: safety_filter\n  y -> llm\n}\nz -> y\n',
        'a -> b # aidlint: ignore[SAF001] fine\nc -> d; e -> f\n',
        'a -> b\r\nc -> d\n',
        'a -> b "unterminated\nc -> d\n',
        "a -> b\nc -> \nd -> e\n",
    ],
    ids=["chains-and-quoted-names", "roles-and-blanks", "label-or-key", "keywords", "groups", "comments-and-semicolons",
         "carriage-return", "unterminated", "broken-line"],
)
def test_lines_of_every_kind_read_the_same_token_by_token(text):
    assert outcome(text) == token_by_token(text)


def test_a_run_of_simple_lines_is_located_statement_by_statement():
    design = parse('x: user "X"\n\n  a -> b "l" k=v\n', "d.aidl")[0]
    spans = {node.id: (node.span.line, node.span.col, node.span.end_line, node.span.end_col) for node in design.nodes}
    assert spans == {"x": (1, 1, 1, 12), "a": (3, 3, 3, 4), "b": (3, 8, 3, 9)}
    (edge,) = design.edges
    assert (edge.label, edge.attrs, edge.span.line, edge.span.col, edge.span.end_col) == ("l", {"k": "v"}, 3, 3, 17)
