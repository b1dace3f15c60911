"""The Mermaid flowchart front end: syntax, the model it builds, spans, roles, suppressions, errors."""

from __future__ import annotations


import pytest

from aidlint.frontends import mermaid, parse_text
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.model import Span
from aidlint.roles.infer import assign_roles


def one(text: str):
    designs = mermaid.parse(text, "d.mmd")
    assert len(designs) == 1
    return designs[0]


def edges(design) -> list[tuple[str, str]]:
    return [(edge.source, edge.target) for edge in design.edges]


def labels(design) -> dict[str, str | None]:
    return {node.id: node.label for node in design.nodes}


def error(text: str) -> DesignSyntaxError:
    with pytest.raises(DesignSyntaxError) as caught:
        mermaid.parse(text, "d.mmd")
    return caught.value


@pytest.mark.parametrize("header", ["graph", "flowchart", "flowchart-elk"])
@pytest.mark.parametrize("direction", ["", " TB", " TD", " BT", " RL", " LR"])
def test_headers_and_directions(header, direction):
    design = one(f"{header}{direction}\n  A --> B\n")
    assert edges(design) == [("A", "B")]
    assert design.format == "mermaid"
    assert design.name == "d"
    assert design.span == Span(path="d.mmd", line=1, col=1, end_line=1, end_col=1 + len(header))


SHAPES = [
    ("A[Text]", "square"),
    ("A(Text)", "round"),
    ("A([Text])", "stadium"),
    ("A[[Text]]", "subroutine"),
    ("A[(Text)]", "cylinder"),
    ("A((Text))", "circle"),
    ("A>Text]", "odd"),
    ("A{Text}", "diamond"),
    ("A{{Text}}", "hexagon"),
    ("A[/Text/]", "lean_right"),
    ("A[\\Text\\]", "lean_left"),
    ("A[/Text\\]", "trapezoid"),
    ("A[\\Text/]", "inv_trapezoid"),
    ("A(((Text)))", "doublecircle"),
    ("A(-Text-)", "ellipse"),
    ("A@{ shape: cyl, label: Text }", "cyl"),
    ('A@{ shape: "stadium", label: "Text" }', "stadium"),
]


@pytest.mark.parametrize(("written", "shape"), SHAPES)
def test_every_node_shape(written, shape):
    design = one(f"flowchart LR\n  {written} --> B\n")
    node = design.nodes[0]
    assert (node.id, node.label, node.attrs["shape"]) == ("A", "Text", shape)
    assert node.span == Span(path="d.mmd", line=2, col=3, end_line=2, end_col=3 + len(written))
    assert edges(design) == [("A", "B")]


def test_labels_are_kept_raw_but_entity_codes_are_decoded():
    design = one(
        "flowchart LR\n"
        '  a["Quoted (with) [brackets]"]\n'
        '  b["`**Markdown** label`"]\n'
        "  c[Line one<br>line two]\n"
        '  d["A #quot;quote#quot; and #35; hash"]\n'
        "  e[Entity #35; outside quotes]\n"
        "  f\n"
    )
    assert labels(design) == {
        "a": "Quoted (with) [brackets]",
        "b": "**Markdown** label",
        "c": "Line one<br>line two",
        "d": 'A "quote" and # hash',
        "e": "Entity # outside quotes",
        "f": None,
    }


def test_a_later_label_completes_a_bare_node_and_the_first_span_stays():
    design = one("flowchart LR\n  A --> B\n  A[Chat LLM]\n")
    assert labels(design) == {"A": "Chat LLM", "B": None}
    assert design.nodes[0].span == Span(path="d.mmd", line=2, col=3, end_line=2, end_col=4)


LINKS = [
    ("-->", "arrow_point", "normal", None),
    ("---", "arrow_open", "normal", None),
    ("-.->", "arrow_point", "dotted", None),
    ("-.-", "arrow_open", "dotted", None),
    ("==>", "arrow_point", "thick", None),
    ("===", "arrow_open", "thick", None),
    ("--o", "arrow_circle", "normal", None),
    ("--x", "arrow_cross", "normal", None),
    ("o--o", "double_arrow_circle", "normal", None),
    ("x--x", "double_arrow_cross", "normal", None),
    ("<-->", "double_arrow_point", "normal", None),
    ("~~~", "arrow_open", "invisible", None),
    ("---->", "arrow_point", "normal", None),
    ("-..->", "arrow_point", "dotted", None),
    ("===>", "arrow_point", "thick", None),
    ("-- some text -->", "arrow_point", "normal", "some text"),
    ("-. some text .->", "arrow_point", "dotted", "some text"),
    ("== some text ==>", "arrow_point", "thick", "some text"),
    ("-->|some text|", "arrow_point", "normal", "some text"),
    ('-->|"quoted text"|', "arrow_point", "normal", "quoted text"),
    ("e1@-->", "arrow_point", "normal", None),
]


@pytest.mark.parametrize(("link", "kind", "stroke", "label"), LINKS)
def test_every_link_form(link, kind, stroke, label):
    design = one(f"flowchart LR\n  A {link} B\n")
    assert edges(design) == [("A", "B")]
    edge = design.edges[0]
    assert (edge.attrs["type"], edge.attrs["stroke"], edge.label) == (kind, stroke, label)
    assert edge.span == Span(path="d.mmd", line=2, col=3, end_line=2, end_col=len(f"  A {link} B") + 1)


def test_fan_out_and_chains_make_one_edge_per_pair():
    design = one("flowchart LR\n  A & B --> C & D --> E\n")
    assert edges(design) == [("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("C", "E"), ("D", "E")]
    assert [edge.attrs["link"] for edge in design.edges] == ["0", "1", "2", "3", "4", "5"]


def test_edges_declare_their_nodes_at_the_reference():
    design = one("flowchart LR\n  A --> B\n")
    assert [(node.id, node.span.col) for node in design.nodes] == [("A", 3), ("B", 9)]


@pytest.mark.parametrize(
    ("statement", "ids"),
    [
        ("a.b --> c", ["a.b", "c"]),
        ("a-b --> c", ["a-b", "c"]),
        ("1st --> 2nd", ["1st", "2nd"]),
        ("endpoint --> subgraphA", ["endpoint", "subgraphA"]),
        ("graph_db --> styleguide", ["graph_db", "styleguide"]),
        ("classifier --> defaults", ["classifier", "defaults"]),
        ("vertex --> v2", ["vertex", "v2"]),
        ("naïve --> B", ["naïve", "B"]),
    ],
)
def test_node_ids(statement, ids):
    design = one(f"flowchart LR\n  {statement}\n")
    assert [node.id for node in design.nodes] == ids


def test_subgraphs_nested_with_titles_and_direction():
    design = one(
        "flowchart LR\n"
        "  subgraph outer [Outer title]\n"
        "    direction TB\n"
        "    A --> B\n"
        '    subgraph inner["Inner title"]\n'
        "      C\n"
        "    end\n"
        "  end\n"
        '  subgraph "Free title"\n'
        "    D\n"
        "  end\n"
        "  subgraph plain\n"
        "    E\n"
        "  end\n"
    )
    groups = {group.id: (group.label, group.parent, group.members) for group in design.groups}
    assert groups == {
        "outer": ("Outer title", None, ["A", "B"]),
        "inner": ("Inner title", "outer", ["C"]),
        "subGraph2": ("Free title", None, ["D"]),
        "plain": (None, None, ["E"]),
    }
    assert {node.id: node.group for node in design.nodes} == {
        "A": "outer",
        "B": "outer",
        "C": "inner",
        "D": "subGraph2",
        "E": "plain",
    }
    outer = next(group for group in design.groups if group.id == "outer")
    assert outer.span == Span(path="d.mmd", line=2, col=3, end_line=8, end_col=6)


def test_edges_to_and_from_subgraphs_fan_out_to_every_node_inside():
    design = one(
        "flowchart LR\n"
        "  subgraph S\n"
        "    A\n"
        "    subgraph T\n"
        "      B\n"
        "    end\n"
        "  end\n"
        "  U --> S\n"
        "  S --> V\n"
    )
    assert edges(design) == [("U", "A"), ("U", "B"), ("A", "V"), ("B", "V")]
    assert {edge.attrs.get("target_group") or edge.attrs.get("source_group") for edge in design.edges} == {"S"}
    assert [group.attrs for group in design.groups] == [{"vertex": "true"}, {}]


def test_an_empty_subgraph_used_as_an_edge_end_is_a_node():
    design = one("flowchart LR\n  subgraph G[Guard]\n  end\n  A --> G\n")
    assert design.groups == []
    assert [(node.id, node.label, node.attrs["shape"]) for node in design.nodes] == [
        ("G", "Guard", "subgraph"),
        ("A", None, "square"),
    ]
    assert edges(design) == [("A", "G")]


def test_a_node_belongs_to_the_first_subgraph_that_mentions_it():
    design = one("flowchart LR\n  A --> B\n  subgraph S\n    B --> C\n  end\n  subgraph T\n    C\n  end\n")
    assert {node.id: node.group for node in design.nodes} == {"A": None, "B": "S", "C": "S"}


def test_styling_lines_are_accepted_and_ignored():
    design = one(
        "%%{init: {'theme': 'dark'}}%%\n"
        "flowchart LR\n"
        "  accTitle: A title\n"
        "  accDescr: A description\n"
        "  accDescr {\n"
        "    several lines\n"
        "  }\n"
        "  A:::big --> B\n"
        "  classDef big fill:#f9f,stroke:#333,stroke-width:4px\n"
        "  class A,B big\n"
        "  linkStyle 0 stroke:#ff3,stroke-width:4px\n"
        "  linkStyle default interpolate basis\n"
        '  click A "https://example.com" "Tooltip" _blank\n'
        "  click B callback\n"
        "  %% a comment\n"
    )
    assert edges(design) == [("A", "B")]
    assert [node.role for node in design.nodes] == [None, None]


def test_style_draws_the_node_it_names():
    design = one("flowchart LR\n  A --> B\n  style C fill:#f9f\n")
    assert [node.id for node in design.nodes] == ["A", "B", "C"]


def test_front_matter_title_names_the_design():
    design = one("---\ntitle: Chat assistant\nconfig:\n  theme: dark\n---\nflowchart LR\n  A --> B\n")
    assert design.name == "Chat assistant"
    assert design.nodes[0].span.line == 7


def test_roles_from_classes_only_when_the_class_is_a_role():
    design = one(
        "flowchart LR\n"
        "  U([User]):::user --> G{Guard}:::safety_filter\n"
        "  G --> L[LLM]:::fancy\n"
        "  L --> S[(Store)]\n"
        "  class L model_inference\n"
        "  class S,X data_store\n"
        "  class G highlighted\n"
        "  %% aidlint: role S=audit_log\n"
    )
    assert {node.id: node.role for node in design.nodes} == {
        "U": "user",
        "G": "safety_filter",
        "L": "model_inference",
        "S": "audit_log",
    }
    # `aidlint roles` says which class declared a role, and a comment that declares another has the last word.
    reasons = {node_id: assignment.reason for node_id, assignment in assign_roles(design).items()}
    assert reasons == {
        "U": "declared by the class 'user'",
        "G": "declared by the class 'safety_filter'",
        "L": "declared by the class 'model_inference'",
        "S": "declared",
    }


def test_suppressions_from_comment_lines():
    design = one(
        "flowchart LR\n  %% aidlint: ignore[SAF001, obs001] reviewed by the safety team\n  A --> B\n  %% plain comment\n"
    )
    (suppression,) = design.suppressions
    assert suppression.rule_ids == ["SAF001", "OBS001"]
    assert suppression.reason == "reviewed by the safety team"
    assert suppression.scope == "design"
    assert suppression.span == Span(path="d.mmd", line=2, col=3, end_line=2, end_col=65)


def test_a_bad_directive_is_a_syntax_error():
    caught = error("flowchart LR\n  %% aidlint: ignore[SAF001] until=2027-6-30\n  A --> B\n")
    assert (caught.line, caught.col) == (2, 3)
    assert caught.message == "until=2027-6-30 is not a date: write until=YYYY-MM-DD (like until=2027-06-30)"


def test_other_diagram_kinds_are_not_designs():
    assert mermaid.parse("classDiagram\n  A <|-- B\n", "d.mmd") == []
    assert mermaid.diagram_kind("sequenceDiagram\n  A->>B: hi\n") == "sequenceDiagram"
    assert mermaid.diagram_kind("---\ntitle: x\n---\n%% c\nstateDiagram-v2\n  [*] --> A\n") == "stateDiagram-v2"
    assert mermaid.diagram_kind("%%{init: {}}%%\ngraph TD\n") == "flowchart"
    assert mermaid.diagram_kind("  \n") is None
    assert mermaid.parse("", "d.mmd") == []


def test_reachable_through_parse_text():
    assert edges(parse_text("graph TD\nA-->B\n", "mermaid", "d.mmd")[0]) == [("A", "B")]


# Malformed input: a DesignSyntaxError at the right place, never a traceback.


def test_unclosed_bracket():
    caught = error("flowchart LR\n  A[unclosed --> B\n")
    assert (caught.line, caught.col, caught.message) == (2, 4, "'[' is never closed")
    assert caught.source_line == "  A[unclosed --> B"
    assert caught.expected == ["']' or the bracket that closes the shape"]


def test_subgraph_without_end():
    caught = error("flowchart LR\n  subgraph S\n    A --> B\n")
    assert (caught.line, caught.col) == (3, 12)
    assert caught.message == "unexpected end of file: a 'subgraph' is missing its 'end'"
    assert caught.expected == ["'end'"]


def test_link_without_target():
    caught = error("flowchart LR\n  A -->\n")
    assert (caught.line, caught.col, caught.message) == (2, 8, "unexpected end of file")
    assert caught.source_line == "  A -->"
    assert caught.expected == ["'|'", "a node ID"]


def test_stray_end():
    caught = error("flowchart LR\n  A --> B\n  end\n")
    assert (caught.line, caught.col) == (3, 3)
    assert caught.message == "'end' without a 'subgraph' to close"
    assert caught.source_line == "  end"


def test_trailing_comment_is_refused_as_mermaid_does():
    caught = error("flowchart LR\n  A --> B %% why\n")
    assert (caught.line, caught.col) == (2, 11)
    assert caught.message.endswith("(Mermaid allows '%%' comments only on a line of their own)")


def test_an_error_where_cleaning_blanked_text_shows_the_line_as_written():
    # Comments and directives are blanked before lexing (found by the longer fuzz run: the error showed
    # "graph" and blamed a blank).
    caught = error("graph%%{A")
    assert ((caught.line, caught.col), caught.message, caught.source_line) == ((1, 6), "unexpected character '%'", "graph%%{A")


def test_missing_direction_separator():
    caught = error("graph;\nA-->B\n")
    assert (caught.line, caught.col, caught.message) == (1, 6, "unexpected character ';'")


def test_unknown_shape():
    caught = error("flowchart TD\n  A@{ shape: nope }\n")
    assert (caught.line, caught.col, caught.message) == (2, 4, "Mermaid has no node shape 'nope'")


def test_link_style_past_the_links():
    caught = error("flowchart TD\n  A --> B\n  linkStyle 1 stroke:red\n")
    assert (caught.line, caught.col) == (3, 13)


def test_indented_front_matter():
    caught = error("  ---\n  title: x\n  ---\n  flowchart LR\n  A --> B\n")
    assert (caught.line, caught.col) == (1, 3)


# Size: linear, no recursion on nesting.


def test_ten_thousand_nested_subgraphs_are_refused_without_crashing():
    depth = 10_000
    text = "flowchart LR\n" + "".join(f"subgraph s{i}\n" for i in range(depth)) + "a\n" + "end\n" * depth
    caught = error(text)
    assert (caught.line, caught.col) == (2 + mermaid.MAX_GROUP_DEPTH, 1)
    assert caught.message == "subgraphs are nested deeper than 64 levels"


def test_sixty_four_levels_are_fine():
    depth = mermaid.MAX_GROUP_DEPTH
    text = "flowchart LR\n" + "".join(f"subgraph s{i}\n" for i in range(depth)) + "a --> b\n" + "end\n" * depth
    design = one(text)
    assert len(design.groups) == depth
    assert {node.group for node in design.nodes} == {f"s{depth - 1}"}


def test_a_long_edge_chain():
    # Speed is measured in benchmarks/, never asserted here; a chain this long reads every edge.
    size = 20_000
    text = "flowchart LR\n" + "\n".join(f"n{i} --> n{i + 1}" for i in range(size)) + "\n"
    design = one(text)
    assert len(design.edges) == size
    assert len(design.nodes) == size + 1


def test_indentation_and_blank_lines_between_statements():
    # The lexer reads a line end and the blanks after it (indentation, lines of spaces) as one token.
    design = one(
        "flowchart LR\n\n      \n    A[Gateway] --> B\n \t \n\n        direction TB\n  subgraph s [Serving]\n"
        "      B --> C\n   \n  end\n    C --> D\n"
    )
    assert edges(design) == [("A", "B"), ("B", "C"), ("C", "D")]
    assert [(node.id, node.span.line, node.span.col, node.group) for node in design.nodes] == [
        ("A", 4, 5, None),
        ("B", 4, 20, "s"),
        ("C", 9, 13, "s"),
        ("D", 12, 11, None),
    ]
    assert design.groups[0].span == Span(path="d.mmd", line=8, col=3, end_line=11, end_col=6)


def test_an_error_after_indentation_points_at_its_token():
    caught = error("flowchart LR\n    A --> B\n      \n      C D\n")
    assert (caught.line, caught.col, caught.message) == (4, 9, "unexpected 'D'")
    assert "end of line" in caught.expected and "a link such as '-->'" in caught.expected


def test_many_comment_lines_each_at_its_place():
    lines = ["flowchart LR"]
    for index in range(300):
        lines.append(f"{' ' * (index % 5)}%% aidlint: ignore[SAF00{index % 10}] reason {index}")
        lines.append(f"  n{index} --> n{index + 1}")
    design = one("\n".join(lines) + "\n")
    assert len(design.suppressions) == 300
    assert [(s.span.line, s.span.col, s.rule_ids, s.reason, s.scope) for s in design.suppressions[:3]] == [
        (2, 1, ["SAF000"], "reason 0", "design"),
        (4, 2, ["SAF001"], "reason 1", "design"),
        (6, 3, ["SAF002"], "reason 2", "design"),
    ]
    last = design.suppressions[-1]
    assert (last.span.line, last.span.col, last.span.end_col, last.reason) == (600, 5, 42, "reason 299")


@pytest.mark.parametrize(
    "text, where, message, expected",
    [
        ("graph TD; node[hello ) world] --> works\n", (1, 22), "unexpected ')'", ["']'"]),
        ("flowchart LR\n  A[Ch|t|ristmas] --> B\n", (2, 7), "unexpected '|'", ["']'"]),
        ("flowchart LR\n  A --> B\n  end\n", (3, 3), "'end' without a 'subgraph' to close", ["end of file"]),
        ("flowchart LR\n  subgraph S\n    A --> B\n", (3, 12), "unexpected end of file: a 'subgraph' is missing its 'end'", ["'end'"]),
        ("flowchart LR\n  A -- x --> B ]\n", (2, 16), "unexpected character ']'", ["a link such as '-->'", "a node ID", "end of line"]),
        (
            "flowchart LR\n  A:B e1@-->|t| B C\n",
            (2, 19),
            "unexpected 'C'",
            ["'&'", "';'", "a link such as '-- text -->'", "a link such as '-->'", "an edge ID such as 'e1@'", "end of file", "end of line"],
        ),
        (
            'flowchart LR\n  A["q"]x\n',
            (2, 9),
            "unexpected 'x'",
            ["':::'", "';'", "'@{'", "a link such as '-- text -->'", "a link such as '-->'", "a space", "an edge ID such as 'e1@'", "end of file", "end of line"],
        ),
    ],
)
def test_what_an_error_expects_after_an_id_a_label_or_a_line(text, where, message, expected):
    # The grammar's lists (lines, ID tokens, label tokens) are left-recursive rules inside a wrapping
    # rule, so an error names what may follow the list, not "more of the same".
    caught = error(text)
    assert ((caught.line, caught.col), caught.message, caught.expected) == (where, message, expected)


def test_links_ids_classes_and_labels_read_by_the_flat_rules():
    design = one(
        "flowchart LR\n"
        "  a-b:c:::safety_filter & d.e --> f\n"
        "  f e1@-->|call <b>one</b> two| g[Label <i>x</i> more]\n"
        "  g e2@-- said so --> h\n"
        "  h -- \"quoted\" --> i\n"
        "  subgraph empty\n  end\n"
        "  i --> empty\n"
    )
    assert [(e.source, e.target, e.label, e.attrs["link"], e.attrs["type"]) for e in design.edges] == [
        ("a-b:c", "f", None, "0", "arrow_point"),
        ("d.e", "f", None, "1", "arrow_point"),
        ("f", "g", "call <b>one</b> two", "2", "arrow_point"),
        ("g", "h", "said so", "3", "arrow_point"),
        ("h", "i", "quoted", "4", "arrow_point"),
        ("i", "empty", None, "5", "arrow_point"),
    ]
    assert [(n.id, n.label, n.role, n.attrs["shape"]) for n in design.nodes] == [
        ("a-b:c", None, "safety_filter", "square"),
        ("d.e", None, None, "square"),
        ("f", None, None, "square"),
        ("g", "Label <i>x</i> more", None, "square"),
        ("h", None, None, "square"),
        ("i", None, None, "square"),
        ("empty", None, None, "subgraph"),
    ]
    spans = {e.label: (e.span.line, e.span.col, e.span.end_line, e.span.end_col) for e in design.edges}
    assert spans["call <b>one</b> two"] == (3, 3, 3, 55)
    assert spans["said so"] == (4, 3, 4, 24)
