"""Property: a generated Mermaid flowchart parses to the graph it was generated from, and any text at
all either parses or gives a located DesignSyntaxError.

The generator writes vertices in several shapes, `:::role` classes, links of every stroke with and
without text, `&` lists (with blanks around `&`: Mermaid reads `A&B` as one name), chains, nested
subgraphs, comments and `;` separators. What it expects follows the module docstring of
aidlint/frontends/mermaid: one edge per start-end pair of a link, and a node belongs to the first
subgraph to close whose own statements mention it.

Examples per test: see tests/fuzzing.py (``AIDLINT_FUZZ_EXAMPLES`` for the longer run).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.mermaid import parse

from ..fuzzing import assert_located, fuzz_settings, mutate

NODE_IDS = ["A", "b1", "llm", "user_2", "Gate", "x9", "Node", "service"]
SHAPES = ["[{}]", "({})", "(({}))", "{{{}}}", "[({})]", "([{}])", ">{}]", "{{{{{}}}}}", "[[{}]]"]
NODE_LABELS = ["Chat LLM", "Guard 2", "Model server", "x", "a.b c"]
LINKS = ["-->", "---", "-.->", "==>", "--o", "--x", "<-->", "-.-", "===", "---->"]
LINK_TEXTS = ["calls", "says hi", "2 ways"]
TEXT_LINKS = ["-->|{}|", "-- {} -->", "-. {} .->", "== {} ==>", "---|{}|"]
ROLES = ["safety_filter", "model_inference", "user"]
SEPARATORS = ("\n", ";\n", "\n\n", "\n  %% a note --> x\n", " ;\n")

_choice = cache(st.sampled_from)


@dataclass
class Chain:
    ends: list[list[str]]  # each end is an `&` list of node IDs
    texts: list[str | None]  # one per link


@dataclass
class Subgraph:
    id: str
    label: str | None
    body: list


@st.composite
def flowcharts(draw):
    labels = {name: draw(st.none() | _choice(tuple(NODE_LABELS))) for name in NODE_IDS}
    roles = {name: draw(st.none() | _choice(tuple(ROLES))) for name in NODE_IDS}
    free = ["s1", "s2", "s3"]

    def body(depth: int) -> list:
        statements = []
        for _ in range(draw(st.integers(1 if depth else 0, 4))):
            if depth < 2 and free and draw(st.integers(0, 4)) == 0:
                statements.append(Subgraph(free.pop(0), draw(st.none() | _choice(("Serving", "Tier 2"))), body(depth + 1)))
                continue
            ends = [draw(st.lists(_choice(tuple(NODE_IDS)), min_size=1, max_size=2)) for _ in range(draw(st.integers(1, 3)))]
            texts = [draw(st.none() | _choice(tuple(LINK_TEXTS))) for _ in ends[1:]]
            statements.append(Chain(ends, texts))
        return statements

    return labels, roles, body(0)


@st.composite
def written_flowcharts(draw):
    labels, roles, statements = draw(flowcharts())
    parts = [draw(_choice(("flowchart LR", "graph TD", "flowchart", "graph", "flowchart TB"))), "\n"]
    shown = set()

    def vertex(name: str) -> str:
        text = name
        if labels[name] is not None and (name not in shown or draw(st.booleans())):
            text += draw(_choice(tuple(SHAPES))).format(labels[name])
        if roles[name] is not None and draw(st.booleans()):
            text += ":::" + roles[name]
        shown.add(name)
        return text

    def write(body: list, indent: str) -> None:
        for statement in body:
            parts.append(indent)
            if isinstance(statement, Subgraph):
                parts.append(f"subgraph {statement.id}" + (f" [{statement.label}]" if statement.label else "") + "\n")
                write(statement.body, indent + "  ")
                parts.append(indent + "end\n")
                continue
            for index, end in enumerate(statement.ends):
                if index:
                    text = statement.texts[index - 1]
                    link = draw(_choice(tuple(LINKS))) if text is None else draw(_choice(tuple(TEXT_LINKS))).format(text)
                    parts.append(f" {link} ")
                parts.append(draw(_choice((" & ", " &  "))).join(vertex(name) for name in end))
            parts.append(draw(_choice(SEPARATORS)))

    write(statements, draw(_choice(("", "  ", "\t"))))
    return labels, roles, statements, "".join(parts)


def expected_graph(labels: dict, roles: dict, statements: list) -> dict:
    mentioned: set[str] = set()
    edges = []
    groups = {}
    group_of: dict[str, str] = {}

    def walk(body: list, parent: str | None) -> None:
        direct = []
        for statement in body:
            if isinstance(statement, Subgraph):
                groups[statement.id] = (statement.label, parent)
                walk(statement.body, statement.id)
                continue
            for end in statement.ends:
                mentioned.update(end)
                direct.extend(end)
            for (sources, targets), text in zip(zip(statement.ends, statement.ends[1:]), statement.texts):
                edges.extend((s, t, text) for s in sources for t in targets)
        if parent is not None:  # this subgraph closes now: it takes the nodes no inner one took
            for name in direct:
                group_of.setdefault(name, parent)

    walk(statements, None)
    return {
        "nodes": {name: (labels[name], roles[name], group_of.get(name)) for name in mentioned},
        "edges": sorted(edges, key=repr),
        "groups": groups,
    }


def _actual(design) -> dict:
    return {
        "nodes": {node.id: (node.label, node.role, node.group) for node in design.nodes},
        "edges": sorted(((edge.source, edge.target, edge.label) for edge in design.edges), key=repr),
        "groups": {group.id: (group.label, group.parent) for group in design.groups},
    }


@fuzz_settings(200)
@given(written_flowcharts())
def test_a_generated_flowchart_parses_to_the_generated_graph(generated):
    labels, roles, statements, text = generated
    (design,) = parse(text, "generated.mmd")
    expected = expected_graph(labels, roles, statements)
    # A role is declared only where a mention writes it; a node never written with one has none.
    actual = _actual(design)
    for name, (label, role, group) in actual["nodes"].items():
        if role is None and expected["nodes"].get(name, (None, None, None))[1] is not None:
            expected["nodes"][name] = (expected["nodes"][name][0], None, expected["nodes"][name][2])
    assert actual == expected


MUTATIONS = ["[", "]", "(", ")", "{", "}", "|", "-", ">", "--", "-->", "&", ":::", ";", "%%", '"', "\n", " ",
             "end", "subgraph", "graph", "x", "1", "@{", "\\", "<br>", "#", "`"]


@st.composite
def mutated_text(draw) -> str:
    text = draw(written_flowcharts())[3]
    return mutate(draw, text, tuple(MUTATIONS))



@fuzz_settings(200)
@given(mutated_text())
def test_mutated_flowcharts_parse_or_give_a_located_syntax_error(text: str):
    try:
        parse(text, "mutated.mmd")
    except DesignSyntaxError as error:
        assert_located(text, error)


@fuzz_settings(200)
@given(
    st.lists(
        st.sampled_from(list("[](){}|<>-=.&:;%\"'`#@\\/ \t\nAz9_é") + ["flowchart LR\n", "graph", "subgraph", "end", "-->", "%%{", ":::"])
    ).map("".join)
)
def test_any_text_parses_or_gives_a_located_syntax_error(text: str):
    try:
        parse(text, "noise.mmd")
    except DesignSyntaxError as error:
        assert_located(text, error)
