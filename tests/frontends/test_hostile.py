"""Hostile input to the front ends (issue 17): each pattern ends with its exact outcome.

No timing is asserted (speed lives in benchmarks/): each input is large enough that a quadratic reading
would take minutes, so a regression shows as a test that does not finish.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess

import pytest

from aidlint.cli import main
from aidlint.frontends import ParseOptions, decode, parse_text, read_design_text
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.markdown import normalise_label
from aidlint.frontends.mermaid.clean import _drop_style_semicolon, _requote_tags
from aidlint.frontends.shared import MAX_NESTING_DEPTH, Limits

EDGE_LIMIT = "this statement takes the design past aidlint's limit of {:,} edges (set `max-edges` under [limits] in aidlint.toml to allow more)"
NODE_LIMIT = "this statement takes the design past aidlint's limit of {:,} nodes (set `max-nodes` under [limits] in aidlint.toml to allow more)"


def one(text: str, fmt: str = "mermaid", **options):
    (design,) = parse_text(text, fmt, f"x.{fmt}", ParseOptions(**options))
    return design


def refused(text: str, fmt: str = "mermaid", **options) -> DesignSyntaxError:
    with pytest.raises(DesignSyntaxError) as raised:
        parse_text(text, fmt, f"x.{fmt}", ParseOptions(**options))
    return raised.value


def shape(design) -> tuple[list[str], list[tuple[str, str]]]:
    return [node.id for node in design.nodes], [(edge.source, edge.target) for edge in design.edges]


# -- the Mermaid lexer on runs of blanks --------------------------------------------------------------


@pytest.mark.parametrize("blank", [" ", "\t", "\u00a0"])
def test_a_long_run_of_blanks_after_a_statement(blank):
    assert shape(one("flowchart LR\n  a --> b" + blank * 16_000 + "\n")) == (["a", "b"], [("a", "b")])


def test_a_long_run_of_blanks_inside_a_link_and_its_text():
    design = one("flowchart LR\n  a" + " " * 16_000 + "--> b\n  b --" + " " * 16_000 + "text --> c\n")
    assert shape(design) == (["a", "b", "c"], [("a", "b"), ("b", "c")])
    assert design.edges[1].label == "text"


def test_a_long_comment_line_is_blanked_and_skipped():
    assert shape(one("flowchart LR\n%%" + "x" * 32_000 + "\n  a --> b\n")) == (["a", "b"], [("a", "b")])


def test_a_long_directive_before_the_diagram():
    assert shape(one("%%{init: " + "x" * 200_000 + "\nflowchart LR\n  a --> b\n")) == (["a", "b"], [("a", "b")])


def test_an_unterminated_directive_swallows_the_rest_of_the_file():
    text = "%%{\nflowchart LR\n" + "  a --> b\n" * 25_000
    assert parse_text(text, "mermaid", "x.mmd", ParseOptions()) == []


# -- regexes that backtracked on label text ------------------------------------------------------------


def test_html_attribute_quotes_on_ten_thousand_open_tags():
    design = one("flowchart LR\n  a[" + "<a" * 10_000 + "] --> b\n")
    assert design.nodes[0].label == "<a" * 10_000


def test_html_attribute_quotes_are_rewritten_as_mermaid_does():
    rng = random.Random(17)
    mermaid = re.compile(r"<(\w+)([^>]*)>")
    for _ in range(3000):
        text = "".join(rng.choice('<>a="x ') for _ in range(rng.randrange(16)))
        expected = mermaid.sub(lambda m: "<" + m.group(1) + re.sub(r'="([^"]*)"', r"='\1'", m.group(2)) + ">", text)
        assert _requote_tags(text) == expected, text


def test_the_style_hash_rule_on_forty_thousand_colons():
    problem = refused("flowchart LR\n  a --> b\n  style a " + ":" * 40_000 + "\n")
    assert (problem.line, problem.col, problem.message) == (3, 11, "unexpected ':::'")


def test_the_style_hash_rule_drops_the_semicolon_as_mermaid_does():
    rng = random.Random(18)
    mermaid = re.compile(r"(?:style|classDef).*:\S*#.*;")
    for _ in range(3000):
        line = rng.choice(["", "a "]) + rng.choice(["style", "classDef", "x"])
        line += "".join(rng.choice(":#; a\t") for _ in range(rng.randrange(14)))
        assert _drop_style_semicolon(line) == mermaid.sub(lambda m: m.group(0)[:-1] + " ", line), line


@pytest.mark.parametrize("opening", ["<", "\u2039"])
def test_markdown_label_normalising_on_twenty_thousand_openings(opening):
    assert normalise_label(opening * 20_000 + "x") == (opening * 20_000 + "x").casefold()
    assert normalise_label("<" * 20_000 + "b>Chat  <i>LLM</i>") == "chat llm"


# -- expansion limits ----------------------------------------------------------------------------------


def test_the_dot_cross_product_is_refused_at_its_line():
    sources = " ".join(f"a{i}" for i in range(1, 1501))
    targets = " ".join(f"b{i}" for i in range(1, 1501))
    problem = refused("digraph {\n  {" + sources + "} -> {" + targets + "}\n}\n", "dot")
    assert (problem.line, problem.col, problem.message) == (2, 3, EDGE_LIMIT.format(300_000))


def test_a_mermaid_million_edge_statement_is_refused_before_it_is_expanded():
    sources = " & ".join(f"A{i}" for i in range(1000))
    targets = " & ".join(f"B{i}" for i in range(1000))
    problem = refused(f"flowchart LR\n  {sources} --> {targets}\n")
    assert (problem.line, problem.col, problem.message) == (2, 3, EDGE_LIMIT.format(300_000))


@pytest.mark.parametrize(
    ("fmt", "header", "edge", "footer", "where"),
    [
        ("dot", "digraph {\n", "  n{i} -> m{i}\n", "}\n", (1002, 3)),
        ("mermaid", "flowchart LR\n", "  n{i} --> m{i}\n", "", (1002, 3)),
        ("aidl", "", "n{i} -> m{i}\n", "", (1001, 1)),
    ],
)
def test_the_edge_limit_names_the_line_that_crossed_it(fmt, header, edge, footer, where):
    text = header + "".join(edge.format(i=i) for i in range(1001)) + footer
    assert len(one(text, fmt, limits=Limits(max_edges=1001)).edges) == 1001
    problem = refused(text, fmt, limits=Limits(max_edges=1000))
    assert ((problem.line, problem.col), problem.message) == (where, EDGE_LIMIT.format(1000))


@pytest.mark.parametrize(
    ("fmt", "text", "where"),
    [
        ("dot", "digraph {\n" + "".join(f"  n{i}\n" for i in range(11)) + "}\n", (12, 3)),
        ("mermaid", "flowchart LR\n" + "".join(f"  n{i}\n" for i in range(11)), (12, 3)),
        ("aidl", "".join(f"n{i}\n" for i in range(11)), (11, 1)),
    ],
)
def test_the_node_limit_names_the_line_that_crossed_it(fmt, text, where):
    problem = refused(text, fmt, limits=Limits(max_nodes=10))
    assert ((problem.line, problem.col), problem.message) == (where, NODE_LIMIT.format(10))


def test_group_to_group_edges_over_four_thousand_subgraphs():
    groups = "".join(f"  subgraph s{i}\n    n{i}\n  end\n" for i in range(4000))
    links = "".join(f"  s{i} --> s{i + 1}\n" for i in range(3999))
    design = one("flowchart LR\n" + groups + links)
    assert len(design.groups) == 4000
    assert [(edge.source, edge.target) for edge in design.edges] == [(f"n{i}", f"n{i + 1}") for i in range(3999)]


def test_dsl_group_to_group_edges_over_four_thousand_groups():
    groups = "".join(f"group g{i} {{\n  n{i}\n}}\n" for i in range(4000))
    links = "".join(f"g{i} -> g{i + 1}\n" for i in range(3999))
    design = one(groups + links, "aidl")
    assert [(edge.source, edge.target) for edge in design.edges] == [(f"n{i}", f"n{i + 1}") for i in range(3999)]


def test_limits_come_from_the_configuration(tmp_path, capsys):
    (tmp_path / "aidlint.toml").write_text("[limits]\nmax-edges = 2\n")
    design = tmp_path / "d.mmd"
    design.write_text("flowchart LR\n  a --> b\n  b --> c\n  c --> d\n")
    assert main(["check", "--format", "json", "--config", str(tmp_path / "aidlint.toml"), str(design)]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert (finding["rule_id"], finding["line"], finding["col"]) == ("SYN001", 4, 3)
    assert finding["message"] == EDGE_LIMIT.format(2)


# -- nesting -------------------------------------------------------------------------------------------


def test_a_hundred_thousand_nested_mermaid_subgraphs_stop_at_the_limit():
    depth = 100_000
    problem = refused("flowchart LR\n" + "subgraph s\n" * depth + "a\n" + "end\n" * depth)
    assert (problem.line, problem.col) == (MAX_NESTING_DEPTH + 2, 1)
    assert problem.message == f"subgraphs are nested deeper than {MAX_NESTING_DEPTH} levels"


def test_many_fences_in_one_markdown_document():
    count = 3000
    text = "".join(f"## Part {i}\n\n```mermaid\nflowchart LR\n  a{i}[Service {i}] --> b[Shared]\n```\n\n" for i in range(count))
    design = one(text, "markdown")
    assert len(design.nodes) == count + 1
    assert design.edges[-1].source == f"a{count - 1}" and design.edges[-1].target == "b"


@pytest.mark.parametrize("depth", [20, 25])
def test_a_fence_nested_deeper_than_markdown_reads_is_a_finding(depth):
    quote = "> " * depth
    text = "# Doc\n\n" + "".join(quote + line + "\n" for line in ["```mermaid", "flowchart LR", "  a --> b", "```"])
    problem = refused(text, "markdown")
    assert (problem.line, problem.col) == (3, 2 * depth + 1)
    assert problem.message == (
        "this mermaid fence is nested deeper than the 20 block quote and list levels Markdown renderers read:"
        " aidlint cannot read it either"
    )


def test_a_fence_just_inside_the_nesting_markdown_reads_is_read():
    quote = "> " * 19
    text = "".join(quote + line + "\n" for line in ["```mermaid", "flowchart LR", "  a --> b", "```"])
    assert shape(one(text, "markdown")) == (["a", "b"], [("a", "b")])


# -- what is read at all -------------------------------------------------------------------------------


def _syn001(capsys, *paths) -> list[tuple[str, int, int, str]]:
    main(["check", "--format", "json", *map(str, paths)])
    findings = json.loads(capsys.readouterr().out)["findings"]
    return [(f["path"], f["line"], f["col"], f["message"]) for f in findings if f["rule_id"] == "SYN001"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this system has no FIFOs")
def test_a_fifo_is_never_read_named_or_walked(tmp_path, capsys):
    fifo = tmp_path / "pipe.mmd"
    os.mkfifo(fifo)
    message = "cannot read the file: it is a FIFO (named pipe), not a regular file"
    assert _syn001(capsys, fifo) == [(str(fifo), 1, 1, message)]
    assert _syn001(capsys, tmp_path) == [(str(fifo), 1, 1, message)]


def _symlinks(directory):
    (directory / "broken.dot").symlink_to(directory / "nowhere.dot")
    (directory / "loop.dot").symlink_to(directory / "loop.dot")
    return [
        (str(directory / "broken.dot"), 1, 1, f"cannot read the file: it is a symbolic link to {str(directory / 'nowhere.dot')!r}, which does not exist"),
        (str(directory / "loop.dot"), 1, 1, "cannot read the file: it is a symbolic link that loops"),
    ]


def test_broken_and_looping_symlinks_outside_git(tmp_path, capsys):
    expected = _symlinks(tmp_path)
    assert _syn001(capsys, tmp_path) == expected


def test_broken_and_looping_symlinks_inside_git(tmp_path, capsys):
    expected = _symlinks(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "links"], cwd=tmp_path, check=True)
    assert _syn001(capsys, tmp_path) == expected


def test_a_nul_byte_after_the_first_8kb_is_found():
    with pytest.raises(DesignSyntaxError) as raised:
        decode(b"flowchart LR\n" + b"  a --> b\n" * 1000 + b"\x00")
    offset = len(b"flowchart LR\n" + b"  a --> b\n" * 1000)
    assert (raised.value.line, raised.value.col) == (1, offset + 1)
    assert raised.value.message == f"this is a binary file, not a design (a NUL byte at byte offset {offset})"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(encoding, tmp_path):
    path = tmp_path / "d.mmd"
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    path.write_bytes((bom + "flowchart LR\r\n  a --> b\r\n").encode(encoding))
    assert read_design_text(path) == "flowchart LR\n  a --> b\n"


def test_utf16_without_its_text_says_so():
    with pytest.raises(DesignSyntaxError) as raised:
        decode(b"\xff\xfe\x00")
    assert raised.value.message == "the file starts with a UTF-16 byte order mark but is not UTF-16 text (at byte offset 2)"


def test_a_blank_line_start_that_is_a_line_end_is_no_loop():
    # A line end reached at a line's start (after a `style` line, whose tokens stop before it).
    text = "\nflowchart LR\n  a-->b\n  style a fill:#f9f\n\n  \n"
    assert shape(one(text)) == (["a", "b"], [("a", "b")])


def test_the_roles_listing_of_eight_thousand_nodes(tmp_path, capsys):
    # A set union per node (roles/infer.py) and a node search per line (frontends/registry.py) made
    # `aidlint roles` quadratic: 8,000 nodes took 364 s while `check` took seconds.
    nodes = "".join(f'n{i} "{"Zorble" if i % 2 else "Service"} {i}"\n' for i in range(8000))
    design = tmp_path / "roles.aidl"
    design.write_text(nodes + "".join(f"n{i} -> n{i + 1}\n" for i in range(7999)))
    assert main(["roles", str(design)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{design}: roles"
    assert sum("unknown: no synonym matched" in line for line in lines) == 4000
    assert sum("declare with: " in line for line in lines) == 4000
    assert sum('matched "service" in label' in line for line in lines) == 4000


def test_a_long_run_of_dots_in_dotted_link_text():
    # `-. text .->`: the closing link's `\.+-` is looked for once per run of dots, not at every dot.
    design = one("flowchart LR\n  a -. wait" + "." * 40_000 + " .-> b\n")
    assert [(edge.source, edge.target, edge.label) for edge in design.edges] == [("a", "b", "wait" + "." * 40_000)]


# Mermaid sequence diagrams (frontends/mermaid/sequence_lexer.py) ---------------------------------------


def test_sequence_participant_data_of_two_hundred_thousand_characters():
    design = one("sequenceDiagram\n  participant A@{" + "a" * 200_000 + "}\n")
    assert [(node.id, node.attrs["participant"]) for node in design.nodes] == [("A", "participant")]


def test_a_sequence_participant_name_then_two_hundred_thousand_blanks():
    # jison's ID rules look ahead for ' as ', '@{' or the line's end from every character of the name
    caught = refused("sequenceDiagram\n  participant A" + " " * 200_000 + "x<\n")
    assert (caught.line, caught.col, caught.message) == (2, 15, "unexpected 'A" + " " * 200_000 + "x<'")


def test_a_sequence_name_of_a_hundred_thousand_dashed_words():
    name = "a" + "-a" * 100_000
    assert shape(one(f"sequenceDiagram\n  {name}->>B: hi\n")) == ([name, "B"], [(name, "B")])


def test_a_sequence_line_of_a_hundred_thousand_arrow_starts():
    caught = refused("sequenceDiagram\n  A" + "-" * 100_000 + "\n")
    assert (caught.line, caught.col, caught.message) == (2, 4, "unexpected '-'")


def test_a_hundred_thousand_nested_sequence_blocks_stop_at_the_limit():
    caught = refused("sequenceDiagram\n" + "loop x\n" * 100_000 + "end\n" * 100_000)
    assert (caught.line, caught.col) == (MAX_NESTING_DEPTH + 2, 1)
    assert caught.message == f"blocks are nested deeper than {MAX_NESTING_DEPTH} levels"


def test_a_sequence_diagram_of_a_hundred_thousand_messages_hits_the_edge_limit_at_its_line():
    text = "sequenceDiagram\n" + "".join(f"  A{i % 100}->>B: m\n" for i in range(100_001))
    caught = refused(text, limits=Limits(max_edges=100_000))
    assert (caught.line, caught.col, caught.message) == (100_002, 3, EDGE_LIMIT.format(100_000))
