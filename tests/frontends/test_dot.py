"""The DOT front end: Graphviz's language into the design model, and its errors."""

from __future__ import annotations

import gc

import pytest

from aidlint.frontends import load_file, parse_text
from aidlint.frontends.dot import MAX_SUBGRAPH_DEPTH, parse
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.model import Design, Edge, Group, Node, Span


def one(text: str, path: str = "arch.dot") -> Design:
    designs = parse(text, path)
    assert len(designs) == 1
    return designs[0]


def error(text: str) -> DesignSyntaxError:
    with pytest.raises(DesignSyntaxError) as caught:
        parse(text, "bad.dot")
    return caught.value


def pairs(design: Design) -> list[tuple[str, str]]:
    return [(edge.source, edge.target) for edge in design.edges]


def nodes(design: Design) -> dict[str, Node]:
    return {node.id: node for node in design.nodes}


def span(line: int, col: int, end_line: int, end_col: int, path: str = "arch.dot") -> Span:
    return Span(path=path, line=line, col=col, end_line=end_line, end_col=end_col)


# -- the model ----------------------------------------------------------------------------------


def test_a_small_design_maps_exactly():
    text = (
        'digraph "Chat assistant" {\n'
        '  user [label="End user"];\n'
        "  user -> llm [label=prompt, color=red];\n"
        "}\n"
    )
    design = one(text)
    assert design.name == "Chat assistant"
    assert design.format == "dot"
    assert design.path == "arch.dot"
    assert design.notes == []
    assert design.span == span(1, 1, 4, 2)
    assert design.nodes == [
        Node(id="user", label="End user", span=span(2, 3, 2, 26)),
        Node(id="llm", span=span(3, 11, 3, 14)),
    ]
    assert design.edges == [
        Edge(source="user", target="llm", label="prompt", attrs={"color": "red"}, span=span(3, 3, 3, 40))
    ]


def test_the_design_is_named_after_the_file_when_the_graph_has_no_id():
    assert one("digraph { a }", "docs/serving.gv").name == "serving"


def test_several_graphs_in_one_file_are_several_designs():
    designs = parse("graph G { a -- b }\nstrict digraph { c -> d }\ndigraph { e }\n", "multi.dot")
    assert [design.name for design in designs] == ["G", "multi#2", "multi#3"]
    assert [[node.id for node in design.nodes] for design in designs] == [["a", "b"], ["c", "d"], ["e"]]
    assert designs[0].notes == ["an undirected graph: each edge is read in the direction it is written"]
    assert designs[1].notes == []


def test_undirected_edges_keep_the_written_direction():
    design = one("graph { a -- b -- c; c -- a }")
    assert pairs(design) == [("a", "b"), ("b", "c"), ("c", "a")]


def test_keywords_are_case_insensitive_and_reserved():
    design = one("STRICT DiGraph { NODE [shape=box]; Edge [color=red]; SubGraph s { nodes } nodes -> Node1 }")
    assert [node.id for node in design.nodes] == ["nodes", "Node1"]
    assert nodes(design)["Node1"].attrs == {"shape": "box"}
    assert design.edges[0].attrs == {"color": "red"}
    problem = error("digraph { a -> node }")
    assert (problem.line, problem.col, problem.message) == (1, 16, "unexpected keyword 'node'")
    assert problem.expected == ["'subgraph'", "'{'", "an ID"]


# -- IDs --------------------------------------------------------------------------------------------


def test_id_forms():
    text = (
        "digraph {\n"
        "  café -> -.5 -> 1. -> 42\n"
        '  "say \\"hi\\"" -> "line one\\nline two" -> "joined " + "with" + " plus"\n'
        '  "long \\\n'
        'name"\n'
        "  html [label=<<b>LLM</b> <i>v<sub>2</sub></i>>]\n"
        "}\n"
    )
    design = one(text)
    assert [node.id for node in design.nodes] == [
        "café", "-.5", "1.", "42", 'say "hi"', "line one\\nline two", "joined with plus", "long name", "html",
    ]
    assert nodes(design)["html"].label == "<b>LLM</b> <i>v<sub>2</sub></i>"
    assert nodes(design)["long name"].span == span(4, 3, 5, 6)
    assert nodes(design)["joined with plus"].span == span(3, 43, 3, 71)


def test_a_number_run_into_a_name_is_two_ids_as_in_graphviz():
    assert [node.id for node in one("digraph { 0n -> 0p }").nodes] == ["0", "n", "p"]
    assert pairs(one("digraph { 0n -> 0p }")) == [("n", "0")]


def test_labels_are_kept_raw_and_the_node_name_escape_means_no_label():
    design = one('digraph { node [label="\\N"]; a; b [label="Model\\nserver"]; c [label=""] }')
    assert [(node.id, node.label) for node in design.nodes] == [("a", None), ("b", "Model\\nserver"), ("c", "")]


# -- statements and scoping -------------------------------------------------------------------


def test_defaults_apply_to_later_nodes_in_their_scope_and_nested_scopes():
    text = """digraph {
  before
  node [color=red]
  subgraph s {
    node [shape=box]
    inner
    { node [style=dashed] deeper }
    after_deeper
  }
  outer
  before [label=B]
}"""
    design = one(text)
    assert {node.id: node.attrs for node in design.nodes} == {
        "before": {},
        "inner": {"color": "red", "shape": "box"},
        "deeper": {"color": "red", "shape": "box", "style": "dashed"},
        "after_deeper": {"color": "red", "shape": "box"},
        "outer": {"color": "red"},
    }
    assert nodes(design)["before"].label == "B"


def test_edge_defaults_and_statement_attributes():
    design = one("digraph { edge [color=grey]; a -> b; subgraph { edge [style=bold] c -> d [color=red][label=x] } }")
    assert [(edge.source, edge.target, edge.label, edge.attrs) for edge in design.edges] == [
        ("a", "b", None, {"color": "grey"}),
        ("c", "d", "x", {"color": "red", "style": "bold"}),
    ]


def test_attribute_lists_take_semicolons_commas_and_nothing_as_separators():
    design = one("digraph { a [x=1; y=2, z=3 w=4][] [v=5;] ; b }")
    assert nodes(design)["a"].attrs == {"x": "1", "y": "2", "z": "3", "w": "4", "v": "5"}


def test_a_reopened_subgraph_keeps_its_defaults_and_its_nodes():
    design = one("digraph { subgraph s { node [color=red] a } x -> subgraph s { b } }")
    assert nodes(design)["b"].attrs == {"color": "red"}
    assert pairs(design) == [("x", "a"), ("x", "b")]


def test_a_subgraph_endpoint_fans_out_to_every_node_named_inside_it():
    design = one("digraph { a -> {b c} -> d; {e; subgraph { f }} -> {g h} }")
    assert pairs(design) == [
        ("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"),
        ("e", "g"), ("e", "h"), ("f", "g"), ("f", "h"),
    ]


def test_comma_separated_node_lists_as_graphviz_accepts_them():
    design = one("digraph { a, b -> c, d; e, f [color=red] }")
    assert pairs(design) == [("a", "c"), ("a", "d"), ("b", "c"), ("b", "d")]
    assert nodes(design)["e"].attrs == nodes(design)["f"].attrs == {"color": "red"}


def test_ports_and_compass_points_become_edge_attributes():
    design = one("digraph { a:p:n -> b:s -> c:out }")
    assert [edge.attrs for edge in design.edges] == [
        {"tailport": "p:n", "headport": "s"},
        {"tailport": "s", "headport": "out"},
    ]
    assert [node.id for node in design.nodes] == ["a", "b", "c"]


def test_strict_graphs_merge_repeated_edges_and_plain_graphs_keep_them():
    assert pairs(one("strict digraph { a -> b [color=red]; a -> b [label=x]; b -> a; a -> a; a -> a }")) == [
        ("a", "b"), ("b", "a"), ("a", "a"),
    ]
    merged = one("strict digraph { a -> b [color=red]; a -> b [label=x] }").edges[0]
    assert (merged.label, merged.attrs) == ("x", {"color": "red"})
    assert pairs(one("strict graph { a -- b; b -- a }")) == [("a", "b")]
    assert pairs(one("digraph { a -> b; a -> b }")) == [("a", "b"), ("a", "b")]
    assert pairs(one("digraph { a -> b [key=1]; a -> b [key=1]; a -> b [key=2] }")) == [("a", "b"), ("a", "b")]


def test_graph_attribute_statements_and_macros():
    design = one("digraph { rankdir=LR; graph [splines=ortho]; node n= [shape=box] a }")
    assert nodes(design)["a"].attrs == {"shape": "box"}


# -- clusters -----------------------------------------------------------------------------------


def test_clusters_become_nested_groups_with_the_nodes_first_declared_in_them():
    text = """digraph {
  early
  subgraph cluster_serving {
    label="Serving"
    gateway
    subgraph inner { guard }
    subgraph cluster_models { graph [label="Models"] llm; early }
  }
  subgraph plain { other }
}"""
    design = one(text)
    assert design.groups == [
        Group(id="cluster_serving", label="Serving", parent=None, members=["gateway", "guard"], span=span(3, 3, 8, 4)),
        Group(id="cluster_models", label="Models", parent="cluster_serving", members=["llm"], span=span(7, 5, 7, 66)),
    ]
    assert {node.id: node.group for node in design.nodes} == {
        "early": None, "gateway": "cluster_serving", "guard": "cluster_serving", "llm": "cluster_models", "other": None,
    }


def test_a_cluster_inherits_the_label_set_above_it_as_graphviz_does():
    design = one('digraph { label="Title"; subgraph cluster_a { x } subgraph cluster_b { label="B"; y } }')
    assert [(group.id, group.label) for group in design.groups] == [("cluster_a", "Title"), ("cluster_b", "B")]


def test_a_cluster_as_an_edge_end_means_its_nodes():
    design = one("digraph { subgraph cluster_a { x y } client -> subgraph cluster_a {} }")
    assert pairs(design) == [("client", "x"), ("client", "y")]
    assert design.groups[0].members == ["x", "y"]


# -- roles --------------------------------------------------------------------------------------


def test_role_and_class_attributes_declare_roles():
    text = """digraph {
  a [role=safety_filter]
  b [role=made_up_role]
  c [class="box model_inference"]
  d [class="box,rounded"]
  subgraph ops { node [role=monitoring] e }
  f
}"""
    design = one(text)
    assert {node.id: node.role for node in design.nodes} == {
        "a": "safety_filter", "b": "made_up_role", "c": "model_inference", "d": None, "e": "monitoring", "f": None,
    }
    assert nodes(design)["c"].attrs == {"class": "box model_inference"}
    assert nodes(design)["d"].attrs == {"class": "box,rounded"}
    assert nodes(design)["a"].attrs == {}
    # The class that declared a role is kept, so that `aidlint roles` can name it.
    assert {node.id: node.role_class for node in design.nodes} == {
        "a": None, "b": None, "c": "model_inference", "d": None, "e": None, "f": None,
    }


# -- comments and directives ---------------------------------------------------------------------


def test_all_three_comment_forms_are_skipped():
    text = "// top\n# preprocessor line\ndigraph { /* a -> b */ c -> d // e -> f\n # g -> h\n}\n"
    assert pairs(one(text)) == [("c", "d")]


def test_directives_in_comments():
    text = """// aidlint: ignore[SAF001] the model only sees internal text
digraph {
  llm -> user  // aidlint: ignore[SAF002, OBS001] reviewed in DR-7
  # aidlint: role llm=model_inference
  /* aidlint: role user=user */
  monitor -> llm /* aidlint: ignore[LCY004] manual */
}"""
    design = one(text)
    assert [(s.rule_ids, s.reason, s.scope, s.span.line, s.span.col) for s in design.suppressions] == [
        (["SAF001"], "the model only sees internal text", "design", 1, 1),
        (["SAF002", "OBS001"], "reviewed in DR-7", "line", 3, 16),
        (["LCY004"], "manual", "line", 6, 18),
    ]
    assert design.suppressions[0].span == span(1, 1, 1, 61)
    assert {node.id: node.role for node in design.nodes} == {"llm": "model_inference", "user": "user", "monitor": None}


def test_directives_go_to_the_graph_they_are_written_in():
    text = (
        "digraph A { a // aidlint: role a=user\n}\n"
        "// aidlint: role b=user\ndigraph B { b }\n# aidlint: role b=data_store\n"
    )
    designs = parse(text, "two.dot")
    assert [node.role for node in designs[0].nodes] == ["user"]
    assert [node.role for node in designs[1].nodes] == ["data_store"]


def test_a_broken_directive_is_a_syntax_error():
    problem = error("digraph {\n  a -> b // aidlint: ignore[SAF001] until=2027-13-01 x\n}")
    assert (problem.line, problem.col) == (2, 10)
    assert problem.message == "until=2027-13-01 is not a date: write until=YYYY-MM-DD (like until=2027-06-30)"
    problem = error("digraph {\n  a\n  // aidlint: role zz=user\n}")
    assert (problem.line, problem.col, problem.message) == (
        3, 3, "'aidlint: role' names 'zz', which is not a node of this design",
    )


#: what may follow a node statement's ID inside a graph's body, as the errors list it (after "','")
AFTER_A_NODE_IN_A_BODY = [
    "'->' or '--'", "':'", "';'", "'['", "'edge'", "'graph'", "'node'", "'subgraph'", "'{'", "'}'", "an ID",
]


# -- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, line, col, message, expected",
    [
        pytest.param(
            "digraph {\n  a -> b\n", 2, 9, "unexpected end of file",
            ["','", *AFTER_A_NODE_IN_A_BODY],
            id="missing-brace",
        ),
        pytest.param(
            'digraph {\n  a [label="open]\n}\n', 2, 12, "a quoted string that is never closed: add the closing '\"'",
            ["'\"'"], id="stray-quote",
        ),
        pytest.param(
            "digraph { a -> ; }", 1, 16, "unexpected ';'", ["'subgraph'", "'{'", "an ID"], id="dangling-arrow"
        ),
        pytest.param(
            "digraph {\n  a /* never closed\n}\n", 2, 5, "a comment that is never closed: add '*/'", ["'*/'"],
            id="unterminated-comment",
        ),
        pytest.param(
            "digraph { a [label=<<b>bold</b>] }", 1, 20,
            "an HTML string that is never closed: its '<' and '>' do not balance", ["'>'"], id="unterminated-html",
        ),
        pytest.param(
            "digraph { a -- b }", 1, 13, "'--' joins nodes of an undirected graph: a digraph's edges are written '->'",
            ["'->'"], id="undirected-edge-in-digraph",
        ),
        pytest.param(
            "graph {\n  a -> b\n}", 2, 5, "'->' joins nodes of a digraph: an undirected graph's edges are written '--'",
            ["'--'"], id="directed-edge-in-graph",
        ),
        pytest.param(
            "", 1, 1, "the file holds no graph: expected 'graph' or 'digraph' (optionally after 'strict')",
            ["'digraph'", "'graph'", "'strict'"], id="empty-file",
        ),
        pytest.param(
            "digraph { a [color=red }", 1, 24, "unexpected '}'", ["','", "';'", "']'", "an ID"], id="unclosed-bracket",
        ),
        pytest.param("digraph { a @ b }", 1, 13, "unexpected character '@'", [
            "','", *AFTER_A_NODE_IN_A_BODY[:3], "'='", *AFTER_A_NODE_IN_A_BODY[3:],
        ], id="stray-character"),
        pytest.param("digraph { a;; b }", 1, 13, "unexpected ';'", [
            "'edge'", "'graph'", "'node'", "'subgraph'", "'{'", "'}'", "an ID",
        ], id="double-semicolon"),
    ],
)
def test_malformed_dot_gives_a_located_error(text, line, col, message, expected):
    problem = error(text)
    assert (problem.line, problem.col, problem.message, problem.expected) == (line, col, message, expected)
    assert problem.source_line == (text.splitlines()[line - 1] if text else "")


def test_the_parser_is_reusable_after_an_error():
    error("digraph { a -> }")
    assert pairs(one("digraph { a -> b }")) == [("a", "b")]


# -- limits ---------------------------------------------------------------------------------------


def test_nesting_up_to_the_limit_is_read():
    depth = MAX_SUBGRAPH_DEPTH
    design = one("digraph {" + "{" * depth + "deep" + "}" * depth + "}")
    assert [node.id for node in design.nodes] == ["deep"]


@pytest.mark.parametrize("closed", [True, False])
def test_hostile_nesting_is_refused_quickly(closed):
    depth = 10_000
    text = "digraph {" + "{" * depth + "x" + ("}" * depth + "}" if closed else "")
    problem = error(text)
    assert (problem.line, problem.col) == (1, 10 + MAX_SUBGRAPH_DEPTH)
    assert problem.message == f"subgraphs are nested deeper than {MAX_SUBGRAPH_DEPTH} levels"


def test_a_100000_long_edge_chain_is_read():
    length = 100_000
    design = one("digraph { " + " -> ".join(f"n{i}" for i in range(length)) + " }")
    assert len(design.nodes) == length
    assert len(design.edges) == length - 1
    assert (design.edges[-1].source, design.edges[-1].target) == (f"n{length - 2}", f"n{length - 1}")


def test_garbage_collection_is_restored_after_success_and_failure():
    assert gc.isenabled()
    one("digraph { a }")
    assert gc.isenabled()
    error("digraph {")
    assert gc.isenabled()


# -- wiring ---------------------------------------------------------------------------------------


def test_the_front_end_is_reached_by_format_and_suffix(tmp_path):
    assert parse_text("digraph { a -> b }", "dot", "x.dot")[0].format == "dot"
    path = tmp_path / "system.gv"
    path.write_text("digraph { a -> b }\n", encoding="utf-8")
    design = load_file(path)[0]
    assert (design.name, design.path, pairs(design)) == ("system", str(path), [("a", "b")])


def test_a_cluster_name_reused_under_another_parent_is_another_group():
    design = one(
        "digraph { subgraph cluster_0 { subgraph cluster_1 { a } } subgraph cluster_1 { b } subgraph cluster_1 { c } }"
    )
    assert [(group.id, group.parent, group.members) for group in design.groups] == [
        ("cluster_0", None, []),
        ("cluster_1", "cluster_0", ["a"]),
        ("cluster_1#2", None, ["b", "c"]),
    ]


def test_an_id_where_none_can_stand_is_named_plainly():
    problem = error("digraph { a } stray")
    assert (problem.line, problem.col, problem.message) == (1, 15, "unexpected ID 'stray'")
    assert problem.expected == ["'digraph'", "'graph'", "'strict'", "end of file"]


def test_a_subgraph_end_holds_the_nodes_its_name_gathers_by_the_end_of_the_statement():
    assert pairs(one("graph { a subgraph s {} -- subgraph s { a } }")) == [("a", "a")]


@pytest.mark.parametrize(
    "text, col, message",
    [
        ("digraph { node=1 }", 15, "unexpected '='"),
        ("digraph { a [edge=1] }", 14, "unexpected keyword 'edge'"),
        ("digraph { a [x=Graph] }", 16, "unexpected keyword 'Graph'"),
    ],
)
def test_a_bare_keyword_is_no_attribute_name_or_value(text, col, message):
    problem = error(text)
    assert (problem.line, problem.col, problem.message) == (1, col, message)


def test_quoted_keywords_and_longer_names_are_attribute_names_and_values():
    design = one('digraph { a ["node"=1, edges=2, y=subgraphs, "graph"="edge"] }')
    assert nodes(design)["a"].attrs == {"node": "1", "edges": "2", "y": "subgraphs", "graph": "edge"}


def test_an_attribute_split_by_a_comment_still_reads():
    design = one('digraph { a [x /* why */ = 1, y = /* because */ "two"]; rankdir // here\n = LR }')
    assert nodes(design)["a"].attrs == {"x": "1", "y": "two"}


def test_edge_spans_run_from_source_to_target_and_the_last_one_to_the_attributes():
    design = one("digraph {\n  a -> b -> { c } [x=1]\n}")
    assert [(edge.source, edge.target, edge.span) for edge in design.edges] == [
        ("a", "b", span(2, 3, 2, 9)),
        ("b", "c", span(2, 8, 2, 24)),
    ]


def test_html_strings_nest_eight_levels_deep():
    inner = "<" * 7 + "x" + ">" * 7
    assert nodes(one(f"digraph {{ a [label=<{inner}>] }}"))["a"].label == inner
    problem = error(f"digraph {{ a [label=<<{inner}>>] }}")
    assert (problem.line, problem.col, problem.message, problem.expected) == (
        1, 20, "an HTML string nested deeper than aidlint reads (8 levels of '<')", ["'>'"],
    )


def test_a_cluster_keeps_the_graph_attributes_it_had_when_it_was_first_opened():
    design = one('digraph { subgraph cluster_a { x } label="Late"; subgraph cluster_a { y } subgraph cluster_b { z } }')
    assert [(group.id, group.label) for group in design.groups] == [("cluster_a", None), ("cluster_b", "Late")]


# -- found by fuzzing and by the hostile-input benchmark (issue 17) ---------------------------------


def test_an_attribute_list_after_an_anonymous_subgraph_applies_to_no_node():
    # grammar.y reads `{a} [color=red]` as a statement; pygraphviz shows `a` without a color.
    design = one("graph {\n  {a} [color=red]\n  b\n}\n")
    assert [(node.id, node.attrs, node.span.line, node.span.col) for node in design.nodes] == [
        ("a", {}, 2, 4),
        ("b", {}, 3, 3),
    ]
    assert design.edges == []


def test_an_attribute_list_after_a_named_subgraph_sets_nothing_for_its_nodes_now_or_later():
    design = one("digraph {\n  subgraph s { a } [color=red; shape=box]\n  subgraph s { b }\n}\n")
    assert [(node.id, node.attrs) for node in design.nodes] == [("a", {}), ("b", {})]


@pytest.mark.parametrize("blanks", [" " * 10_000, "\n" * 10_000, " \t" * 5_000])
def test_a_long_run_of_blanks_before_a_bad_character_is_refused_at_once(blanks):
    # A greedy `(?:\s+)*` before a failing match tried every split of the blanks: 24 took 20 s.
    problem = error("digraph { a" + blanks + "@ }")
    lines = ("digraph { a" + blanks).split("\n")
    assert (problem.line, problem.col, problem.message) == (len(lines), len(lines[-1]) + 1, "unexpected character '@'")
