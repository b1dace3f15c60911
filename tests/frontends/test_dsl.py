"""The aidlint DSL: what a design parses into, and what bad input gives."""

from __future__ import annotations

import pytest

from aidlint.frontends import decode, load_file, parse_text
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.model import Span

from ..helpers import design_from

CHAT = """
# A chat assistant
design "Chat" profile=llm-app

user: user "End user"
llm: model_inference "Chat LLM" vendor=openai   # aidlint: ignore[OBS001] monitored by the vendor
group serving "Serving" {
  guard: safety_filter "Input moderation" stage=input
  group inner "Inner" { cache "Response cache" }
}
# aidlint: ignore[FBK002] reviewed by hand in the labelling vendor
user -> guard -> llm "prompt" kind=request; llm -> user
"""


def test_header_nodes_roles_labels_attributes_and_spans():
    design = design_from(CHAT)
    assert (design.name, design.profile, design.format) == ("Chat", "llm-app", "aidl")
    assert design.span == Span(path="design.aidl", line=2, col=1, end_line=2, end_col=30)
    assert [(n.id, n.label, n.role, n.attrs, n.group) for n in design.nodes] == [
        ("user", "End user", "user", {}, None),
        ("llm", "Chat LLM", "model_inference", {"vendor": "openai"}, None),
        ("guard", "Input moderation", "safety_filter", {"stage": "input"}, "serving"),
        ("cache", "Response cache", None, {}, "inner"),
    ]
    assert design.nodes[1].span == Span(path="design.aidl", line=5, col=1, end_line=5, end_col=46)
    assert design.nodes[3].span == Span(path="design.aidl", line=8, col=25, end_line=8, end_col=47)


def test_chains_expand_to_one_edge_per_pair_with_the_chain_label_and_attributes():
    design = design_from(CHAT)
    assert [(e.source, e.target, e.label, e.attrs) for e in design.edges] == [
        ("user", "guard", "prompt", {"kind": "request"}),
        ("guard", "llm", "prompt", {"kind": "request"}),
        ("llm", "user", None, {}),
    ]
    assert [(e.span.line, e.span.col) for e in design.edges] == [(11, 1), (11, 9), (11, 45)]


def test_nested_groups_keep_parent_members_and_span():
    design = design_from(CHAT)
    assert [(g.id, g.label, g.parent, g.members, g.span.line, g.span.end_line) for g in design.groups] == [
        ("serving", "Serving", None, ["guard"], 6, 9),
        ("inner", "Inner", "serving", ["cache"], 8, 8),
    ]


def test_suppressions_are_line_scoped_when_trailing_and_design_scoped_alone():
    design = design_from(CHAT)
    assert [(s.rule_ids, s.reason, s.scope, s.span.line, s.span.col) for s in design.suppressions] == [
        (["OBS001"], "monitored by the vendor", "line", 5, 49),
        (["FBK002"], "reviewed by hand in the labelling vendor", "design", 10, 1),
    ]


def test_an_edge_to_a_group_means_an_edge_to_each_node_inside_it():
    design = design_from(
        """
        group a { x; group b { y } }
        src -> a
        """
    )
    assert [(e.source, e.target) for e in design.edges] == [("src", "x"), ("src", "y")]


def test_edges_declare_missing_nodes_and_redeclaration_completes_a_node():
    design = design_from(
        """
        a -> b
        b "Model server"
        b role=model_inference owner=ml
        """
    )
    # Nodes come in source order of their spans: `a` is first written on line 1, `b` declared on line 2.
    assert [(n.id, n.label, n.role, n.attrs, n.span.line) for n in design.nodes] == [
        ("a", None, None, {}, 1),
        ("b", "Model server", "model_inference", {"owner": "ml"}, 2),
    ]


def test_whitespace_is_forgiving_and_semicolons_separate_statements():
    design = design_from('design "X"\n\n\t  a   ->b->   c ;d "D"  ;  \n\n')
    assert [(e.source, e.target) for e in design.edges] == [("a", "b"), ("b", "c")]
    assert [n.id for n in design.nodes] == ["a", "b", "c", "d"]


def test_role_directive_in_a_comment_declares_a_role():
    design = design_from('x "Frobnicator"  # aidlint: role x=application\n')
    assert design.nodes[0].role == "application"


def test_design_name_defaults_to_the_file_stem(tmp_path):
    path = tmp_path / "my_design.aidl"
    path.write_text("a -> b\n")
    assert load_file(path)[0].name == "my_design"


def syntax_error(source: str | bytes) -> DesignSyntaxError:
    with pytest.raises(DesignSyntaxError) as caught:
        text = decode(source) if isinstance(source, bytes) else source
        parse_text(text, "aidl", "bad.aidl")
    return caught.value


@pytest.mark.parametrize(
    ("source", "line", "col", "message", "expected"),
    [
        ("user -> llm\nllm ->\n", 2, 7, "unexpected end of line", ["a name"]),
        ('group g {\n  a "A"\n', 2, 8, "unexpected end of file: the group opened on line 1 is never closed with '}'", ["'design'", "'group'", "'}'", "a name"]),
        ('nod llm "LLM"\n', 1, 9, 'unexpected label "LLM": declare a node as `id "label"` or `id: role "label"` (keywords are `design` and `group`)', ["'='"]),
        ('a "A\nb -> c\n', 1, 3, 'unterminated string: the " opened here is not closed on this line', None),
        ("", 1, 1, "the file declares nothing: expected a design header, a node or an edge", ["'design'", "a name"]),
        ("# only a comment\n", 1, 1, "the file declares nothing: expected a design header, a node or an edge", ["'design'", "a name"]),
        ("a -> b # aidlint: ignore[SAF001] until=soon x\n", 1, 8, "until=soon is not a date: write until=YYYY-MM-DD (like until=2027-06-30)", []),
        ("a -> b # aidlint: ignore[nope] x\n", 1, 8, "'NOPE' is not a rule ID (letters, then three digits)", []),
        ("a -> -> b\n", 1, 6, "unexpected '->'", ["a name"]),
        ("a -> b }\n", 1, 8, "unexpected '}'", None),
        ('design "A"\ndesign "B"\n', 2, 1, "a design has one header, at the top level", []),
    ],
    ids=["missing-arrow-target", "unclosed-group", "unknown-keyword", "stray-quote", "empty-file",
         "comment-only", "suppression-with-a-bad-date", "bad-rule-id", "double-arrow", "stray-brace", "two-headers"],
)
def test_malformed_dsl_gives_one_located_error(source, line, col, message, expected):
    error = syntax_error(source)
    assert (error.line, error.col, error.message) == (line, col, message)
    assert error.source_line == (source.splitlines()[line - 1] if source.splitlines() else "")
    if expected is not None:
        assert error.expected == expected


def test_binary_input_is_a_syntax_error_not_a_crash():
    error = syntax_error(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert (error.line, error.col, error.message) == (1, 9, "this is a binary file, not a design (a NUL byte at byte offset 8)")


def test_invalid_utf8_is_located():
    error = syntax_error(b'a -> b\nc "caf\xe9"\n')
    assert (error.line, error.col) == (2, 7)
    assert error.message == "the file is not UTF-8 text (byte 0xe9)"


def test_deep_nesting_is_refused_without_recursion():
    depth = 5000
    source = "".join(f"group g{i} {{\n" for i in range(depth)) + "x\n" + "}\n" * depth
    error = syntax_error(source)
    assert error.message == "groups are nested deeper than 64 levels"
    assert (error.line, error.col) == (65, 1)


def test_a_long_chain_parses_linearly():
    source = " -> ".join(f"n{i}" for i in range(20000)) + "\n"
    design = parse_text(source, "aidl", "long.aidl")[0]
    assert (len(design.nodes), len(design.edges)) == (20000, 19999)


def test_profile_directive_sets_the_design_profile():
    assert design_from("# aidlint: profile classic-ml\na -> b\n").profile == "classic-ml"


def test_an_unknown_directive_is_a_located_error():
    error = syntax_error("a -> b  # aidlint: frobnicate\n")
    assert (error.line, error.col) == (1, 9)
    assert error.message == (
        "unknown aidlint directive 'frobnicate': use ignore[...], role, profile, id, replaced, kind, responses or models"
    )


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("dot", "// aidlint: profile classic-ml\ndigraph { a -> b }\n"),
        ("mermaid", "%% aidlint: profile classic-ml\nflowchart LR\n  a --> b\n"),
    ],
)
def test_every_format_reads_the_same_directives(fmt, text):
    (design,) = parse_text(text, fmt, f"x.{fmt}")
    assert design.profile == "classic-ml"


# Found by tests/frontends/test_dsl_property.py; each is the smallest input that showed the problem.


def test_names_that_begin_like_a_keyword_are_names():
    design = design_from("designer -> grouped\ngroup_a: user\nDesign -> x\n")
    assert [node.id for node in design.nodes] == ["designer", "grouped", "group_a", "Design", "x"]
    assert design.nodes[2].role == "user"


def test_keywords_are_names_where_no_keyword_can_stand():
    design = design_from("a -> design\nb: group\n")
    assert [(node.id, node.role) for node in design.nodes] == [("a", None), ("design", None), ("b", "group")]


def test_a_later_declaration_completes_an_earlier_one_in_source_order_across_groups():
    design = design_from('group g1 {\n  a "in g1"\n}\ngroup g2 {\n  a "in g2" owner=two\n}\n')
    (node,) = design.nodes
    assert (node.label, node.group, node.attrs, node.span.line) == ("in g2", "g1", {"owner": "two"}, 2)
    assert [group.members for group in design.groups] == [["a"], []]


def test_a_label_attribute_is_the_label_and_never_stays_among_the_attributes():
    design = design_from('a "Quoted" label="Attribute" owner=x\nb label="B"\na -> b "E" label="F"\n')
    assert [(node.label, node.attrs) for node in design.nodes] == [("Quoted", {"owner": "x"}), ("B", {})]
    assert [(edge.label, edge.attrs) for edge in design.edges] == [("E", {})]


def test_a_group_keeps_its_attributes_and_may_take_its_label_from_one():
    design = design_from('group g "G" owner=ml tier=gold { a }\ngroup h label="H" { b }\n')
    assert [(group.label, group.attrs) for group in design.groups] == [("G", {"owner": "ml", "tier": "gold"}), ("H", {})]


def test_a_node_named_like_a_group_declared_before_it_is_refused():
    error = syntax_error("group g { a }\n  g: user\n")
    assert (error.line, error.col, error.source_line) == (2, 3, "  g: user")
    assert error.message == "'g' is declared twice: group IDs must be unique and differ from node IDs"


def test_an_edge_to_a_group_expands_in_the_designs_node_order():
    design = design_from('group g {\n  a -> c\n  b "B"\n}\ny -> g\n')
    assert [node.id for node in design.nodes] == ["a", "c", "b", "y"]
    assert [(edge.source, edge.target) for edge in design.edges] == [("a", "c"), ("y", "a"), ("y", "c"), ("y", "b")]


@pytest.mark.parametrize(
    ("source", "line", "col", "source_line"),
    [
        ("a \f->\n", 1, 6, "a \f->"),
        ('group g "x\u2028y" \f{', 1, 17, 'group g "x\u2028y" \f{'),
        ("#\u2028\n-> a\n", 2, 1, "-> a"),
    ],
    ids=["form-feed-then-end-of-line", "line-separator-then-end-of-file", "line-separator-in-a-comment"],
)
def test_only_newlines_end_lines_in_syntax_errors(source, line, col, source_line):
    error = syntax_error(source)
    assert (error.line, error.col, error.source_line) == (line, col, source_line)


@pytest.mark.parametrize("blanks", [" " * 10_000, "\t\f" * 5_000])
def test_a_long_run_of_blanks_before_a_bad_character_is_refused_at_once(blanks):
    # A greedy `(?:[ \t\f]+)*` before a failing match tried every split of the blanks: 24 took 7 s.
    error = syntax_error('a "A"' + blanks + "@\n")
    assert (error.line, error.col, error.message) == (1, 6 + len(blanks), "unexpected character '@'")
