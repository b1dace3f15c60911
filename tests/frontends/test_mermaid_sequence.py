"""The Mermaid sequence-diagram front end (frontends/mermaid/sequence.py): participants, messages, boxes,
what is set aside, roles, errors, and sequence fences in Markdown."""

from __future__ import annotations

import pytest

from aidlint.frontends import ParseOptions, markdown, mermaid
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.model import Span


def one(text: str):
    (design,) = mermaid.parse(text, "d.mmd")
    return design


def nodes(design) -> list[tuple]:
    return [(node.id, node.label, node.attrs["participant"], node.attrs["shape"]) for node in design.nodes]


def edges(design) -> list[tuple]:
    return [(edge.source, edge.target, edge.label) for edge in design.edges]


def error(text: str) -> DesignSyntaxError:
    with pytest.raises(DesignSyntaxError) as caught:
        mermaid.parse(text, "d.mmd")
    return caught.value


def span(line: int, col: int, end_line: int, end_col: int) -> Span:
    return Span(path="d.mmd", line=line, col=col, end_line=end_line, end_col=end_col)


def test_participants_are_nodes_with_their_aliases_kinds_and_spans():
    design = one(
        "sequenceDiagram\n"  # 1
        "  participant A\n"  # 2
        "  participant B as Alice Service\n"  # 3
        "  actor U as User\n"  # 4
        '  participant DB@{ "type" : "database" }\n'  # 5
        '  participant Q@{ "type": "queue" } as Jobs<br>queue\n'  # 6
        "  actor Bob\n"  # 7
    )
    assert nodes(design) == [
        ("A", None, "participant", "square"),
        ("B", "Alice Service", "participant", "square"),
        ("U", "User", "actor", "square"),
        ("DB", None, "database", "cylinder"),
        ("Q", "Jobs<br>queue", "queue", "square"),
        ("Bob", None, "actor", "square"),
    ]
    assert [node.span for node in design.nodes] == [
        span(2, 15, 2, 16),
        span(3, 15, 3, 33),
        span(4, 9, 4, 18),
        span(5, 15, 5, 41),
        span(6, 15, 6, 53),
        span(7, 9, 7, 12),
    ]
    assert design.edges == [] and design.groups == []
    assert design.span == span(1, 1, 1, 16)
    assert design.format == "mermaid" and design.name == "d"


def test_a_database_participant_reads_as_a_flowchart_cylinder_does():
    flowchart = mermaid.parse("flowchart LR\n  DB[(Vector DB)]\n", "f.mmd")[0].nodes[0]
    participant = one('sequenceDiagram\n  participant DB@{ "type": "database" } as Vector DB\n').nodes[0]
    assert (participant.label, participant.attrs["shape"]) == (flowchart.label, flowchart.attrs["shape"])


def test_participant_data_alias_and_yaml_pairs():
    design = one(
        'sequenceDiagram\n  participant API@{ "type": "boundary", "alias": "Public API" }\n'
        "  participant S@{ type: database, alias: Sessions }\n"
    )
    assert nodes(design) == [("API", "Public API", "boundary", "square"), ("S", "Sessions", "database", "cylinder")]


def test_messages_are_edges_in_order_and_name_new_participants():
    design = one(
        "sequenceDiagram\n"  # 1
        "  participant API as Chat API\n"  # 2
        "  User->>API: question\n"  # 3
        "  API->>LLM: prompt\n"  # 4
        "  LLM-->>API: completion\n"  # 5
        "  API-->>User: answer\n"  # 6
    )
    assert nodes(design) == [
        ("API", "Chat API", "participant", "square"),
        ("User", None, "participant", "square"),
        ("LLM", None, "participant", "square"),
    ]
    assert [node.span for node in design.nodes[1:]] == [span(3, 3, 3, 7), span(4, 9, 4, 12)]
    assert edges(design) == [
        ("User", "API", "question"),
        ("API", "LLM", "prompt"),
        ("LLM", "API", "completion"),
        ("API", "User", "answer"),
    ]
    assert [edge.span for edge in design.edges] == [
        span(3, 3, 3, 23),
        span(4, 3, 4, 20),
        span(5, 3, 5, 25),
        span(6, 3, 6, 22),
    ]
    assert [edge.attrs["message"] for edge in design.edges] == ["0", "1", "2", "3"]


ARROWS = [
    ("->", "arrow_open", "normal"),
    ("-->", "arrow_open", "dotted"),
    ("->>", "arrow_point", "normal"),
    ("-->>", "arrow_point", "dotted"),
    ("-x", "arrow_cross", "normal"),
    ("--x", "arrow_cross", "dotted"),
    ("-)", "arrow_async", "normal"),
    ("--)", "arrow_async", "dotted"),
    ("<<->>", "double_arrow_point", "normal"),
    ("<<-->>", "double_arrow_point", "dotted"),
    ("-|\\", "arrow_half", "normal"),
    ("--//", "arrow_half", "dotted"),
]


@pytest.mark.parametrize(("arrow", "kind", "stroke"), ARROWS)
def test_every_arrow(arrow, kind, stroke):
    design = one(f"sequenceDiagram\n  A{arrow}B: hi\n")
    assert edges(design) == [("A", "B", "hi")]
    assert design.edges[0].attrs == {"type": kind, "stroke": stroke, "message": "0"}
    assert design.edges[0].span == span(2, 3, 2, len(f"  A{arrow}B: hi") + 1)


def test_a_bidirectional_message_goes_both_ways_as_a_flowchart_double_arrow_does():
    from aidlint.rules.responses import drawn_edges

    flowchart = mermaid.parse("flowchart LR\n  A <--> B\n", "f.mmd")[0]
    design = one("sequenceDiagram\n  A<<->>B: sync\n")
    assert design.edges[0].attrs["type"] == flowchart.edges[0].attrs["type"] == "double_arrow_point"
    assert drawn_edges(design) == drawn_edges(flowchart) == [("A", "B"), ("B", "A")]


def test_activation_marks_central_connections_and_self_messages():
    design = one(
        "sequenceDiagram\n  A->>+B: call\n  B-->>-A: done\n  A()->>B: c1\n  A->>()B: c2\n  A()->>()B: c3\n  B->>B: think\n"
    )
    assert edges(design) == [
        ("A", "B", "call"),
        ("B", "A", "done"),
        ("A", "B", "c1"),
        ("A", "B", "c2"),
        ("A", "B", "c3"),
        ("B", "B", "think"),
    ]
    assert [node.id for node in design.nodes] == ["A", "B"]


def test_names_with_blanks_and_dashes_and_message_texts():
    design = one(
        "sequenceDiagram\n"
        "  participant Alice Smith\n"
        "  Alice Smith->>Web Server: GET /chat #35;1\n"
        "  Web Server-->>api-gw: wrap:forward\n"
        "  api-gw->>Alice Smith:\n"
        "  Alice Smith ->> Web Server : spaced ; Web Server->>api-gw: second\n"
    )
    assert [node.id for node in design.nodes] == ["Alice Smith", "Web Server", "api-gw"]
    assert edges(design) == [
        ("Alice Smith", "Web Server", "GET /chat #1"),
        ("Web Server", "api-gw", "forward"),
        ("api-gw", "Alice Smith", None),
        ("Alice Smith", "Web Server", "spaced"),
        ("Web Server", "api-gw", "second"),
    ]


def test_entity_codes_in_names_stay_as_written_and_labels_decode_them():
    design = one("sequenceDiagram\n  A#35;B->>C: say #quot;hi#quot;\n  participant C as Cell #35;1\n")
    assert [(node.id, node.label) for node in design.nodes] == [("A#35;B", None), ("C", "Cell #1")]
    assert edges(design) == [("A#35;B", "C", 'say "hi"')]


def test_a_later_alias_relabels_and_a_bare_mention_changes_nothing():
    design = one("sequenceDiagram\n  A->>B: hi\n  participant A as Alpha\n  actor B\n  participant A\n")
    assert nodes(design) == [("A", "Alpha", "participant", "square"), ("B", None, "participant", "square")]
    assert design.nodes[0].span == span(2, 3, 2, 4)


def test_blocks_notes_activations_and_other_statements_are_set_aside():
    design = one(
        "---\n"
        "title: Chat flow\n"
        "---\n"
        "%%{init: {'theme': 'dark'}}%%\n"
        "sequenceDiagram\n"
        "  title The flow\n"
        "  accTitle: Chat\n"
        "  accDescr: How a question is answered\n"
        "  accDescr {\n"
        "    over two lines\n"
        "  }\n"
        "  autonumber\n"
        "  autonumber 10 5\n"
        "  autonumber off\n"
        "  participant U as User\n"
        "  activate U\n"
        "  deactivate U\n"
        "  link U: Dashboard @ https://example.com\n"
        '  links U: {"Wiki": "https://example.com"}\n'
        '  properties U: {"class": "internal"}\n'
        "  details U: {}\n"
        "  %% a comment -> X: no\n"
        "  loop every minute\n"
        "    alt healthy\n"
        "      U->>API: ping # a comment\n"
        "    else down\n"
        "      opt retry\n"
        "        U->>API: retry\n"
        "      end\n"
        "    end\n"
        "  end\n"
        "  par one\n"
        "    API->>U: a\n"
        "  and two\n"
        "    API->>U: b\n"
        "  end\n"
        "  critical connect\n"
        "    API->>DB: open\n"
        "  option timeout\n"
        "    API->>U: sorry\n"
        "  end\n"
        "  break failed\n"
        "    API->>U: error\n"
        "  end\n"
        "  rect rgb(191, 223, 255)\n"
        "    Note right of U: inside a rect\n"
        "  end\n"
        "  Note left of U: thinks\n"
        "  Note over U,API: both\n"
    )
    assert design.name == "Chat flow"
    assert [node.id for node in design.nodes] == ["U", "API", "DB"]
    assert edges(design) == [
        ("U", "API", "ping"),
        ("U", "API", "retry"),
        ("API", "U", "a"),
        ("API", "U", "b"),
        ("API", "DB", "open"),
        ("API", "U", "sorry"),
        ("API", "U", "error"),
    ]
    assert design.groups == []


def test_a_participant_only_a_note_names_is_drawn_by_mermaid_so_it_is_a_node():
    design = one("sequenceDiagram\n  A->>B: hi\n  Note over C: aside\n")
    assert [node.id for node in design.nodes] == ["A", "B", "C"]
    assert design.nodes[2].span == span(3, 13, 3, 14)


def test_a_box_is_a_group_of_the_participants_it_declares():
    design = one(
        "sequenceDiagram\n"  # 1
        "  box Aqua Front end\n"  # 2
        "    actor U as User\n"  # 3
        "    participant W as Web\n"  # 4
        "  end\n"  # 5
        "  box rgb(33,66,99) Serving\n"  # 6
        "    participant LLM\n"  # 7
        "  end\n"  # 8
        "  box Back office\n"  # 9
        "    participant DB\n"  # 10
        "  end\n"  # 11
        "  box\n"  # 12
        "  end\n"  # 13
        "  U->>W: hi\n"  # 14
    )
    assert [(group.id, group.label, group.members, group.span) for group in design.groups] == [
        ("box0", "Front end", ["U", "W"], span(2, 3, 5, 6)),
        ("box1", "Serving", ["LLM"], span(6, 3, 8, 6)),
        ("box2", "Back office", ["DB"], span(9, 3, 11, 6)),
        ("box3", None, [], span(12, 3, 13, 6)),
    ]
    assert [(node.id, node.group) for node in design.nodes] == [("U", "box0"), ("W", "box0"), ("LLM", "box1"), ("DB", "box2")]


def test_create_and_destroy():
    design = one(
        "sequenceDiagram\n  A->>B: hi\n  create participant C as Worker\n  B->>C: start\n  destroy C\n  C-->>B: done\n"
    )
    assert nodes(design) == [
        ("A", None, "participant", "square"),
        ("B", None, "participant", "square"),
        ("C", "Worker", "participant", "square"),
    ]
    assert edges(design) == [("A", "B", "hi"), ("B", "C", "start"), ("C", "B", "done")]


def test_directives_declare_roles_and_suppress_as_in_flowcharts():
    design = one(
        "sequenceDiagram\n"
        "  %% aidlint: role U=user, LLM=model_inference\n"
        "  %% aidlint: ignore[OBS001] monitored by the vendor\n"
        "  U->>LLM: hi\n"
    )
    assert [(node.id, node.role) for node in design.nodes] == [("U", "user"), ("LLM", "model_inference")]
    assert [(s.rule_ids, s.reason, s.scope, s.span.line) for s in design.suppressions] == [
        (["OBS001"], "monitored by the vendor", "design", 3)
    ]


def test_a_name_with_blanks_is_declared_as_a_json_string_and_roles_suggests_it_so():
    from aidlint.frontends import role_declaration

    text = "sequenceDiagram\n  Alice Smith->>Chat Bot: hi\n"
    suggestion = role_declaration(one(text), "Alice Smith", "user")
    assert suggestion == '%% aidlint: role "Alice Smith"=user'
    design = one(text + f"  {suggestion}\n" + '  %% aidlint: role "Chat Bot"=model_inference, "Alice Smith"=user\n')
    assert [(node.id, node.role) for node in design.nodes] == [("Alice Smith", "user"), ("Chat Bot", "model_inference")]


def test_a_directive_naming_no_participant_is_a_syntax_error():
    caught = error("sequenceDiagram\n  %% aidlint: role X=user\n  A->>B: hi\n")
    assert (caught.line, caught.col) == (2, 3)
    assert caught.message == "'aidlint: role' names 'X', which is not a node of this design"


SYNTAX_ERRORS = [
    # text, line, col, message, expected
    ("sequenceDiagram\n  A->>B\n  B->>A: ok\n", 2, 8, "unexpected end of line", ["':' and the message text"]),
    ("sequenceDiagram\n  A->>B", 2, 8, "unexpected end of file", ["':' and the message text"]),
    ("sequenceDiagram\n  A->B->C: x\n", 2, 7, "unexpected '->'", ["':' and the message text"]),
    ("sequenceDiagram\n  A B: x\n", 2, 6, "unexpected ': x'", ["'()'", "an arrow such as '->>'"]),
    ("sequenceDiagram\n  loop forever\n    A->>B: x\n", 3, 13, "unexpected end of file", ["'end'"]),
    (
        "sequenceDiagram\n  end\n",
        2,
        3,
        "'end' without a block ('loop', 'alt', 'box'...) to close",
        ["a block ('loop', 'alt', 'opt', 'par', 'critical', 'break', 'rect', 'box') before 'end'"],
    ),
    ("sequenceDiagram\n  participant\n", 2, 14, "unexpected end of line", ["a participant name"]),
    ("sequenceDiagram\n  participant A<B>\n", 2, 15, "unexpected 'A<B>'", ["a participant name"]),
    ("sequenceDiagram\n  Note A: x\n", 2, 8, "unexpected 'A'", ["'left of'", "'over'", "'right of'"]),
    (
        "sequenceDiagram\n  box Aqua\n    A->>B: x\n  end\n",
        3,
        5,
        "unexpected 'A'",
        ["'actor'", "'destroy'", "'end'", "'participant'", "end of line"],
    ),
    (
        'sequenceDiagram\n  participant DB@{ "type": "database"\n',
        2,
        17,
        "'@{' is never closed",
        ["'}' closing the participant data"],
    ),
    ("sequenceDiagram\n  accDescr {\n  A->>B: x\n", 2, 3, "'accDescr {' is never closed", ["'}' closing accDescr"]),
    (
        "sequenceDiagram\n  create participant C\n  A->>B: x\n",
        3,
        3,
        "participant 'C' is created on line 2, but the next message is not sent to it",
        ["a message to 'C'"],
    ),
    (
        "sequenceDiagram\n  A->>B: x\n  create participant A\n  B->>A: y\n",
        3,
        22,
        "participant 'A' exists already: Mermaid cannot create it again, even after a 'destroy'",
        ["a new participant name ('create participant B as Name' draws another box named Name)"],
    ),
    (
        "sequenceDiagram\n  A->>B: x\n  destroy A\n  B->>C: y\n",
        4,
        3,
        "participant 'A' is destroyed on line 3, but the next message neither comes from it nor goes to it",
        ["a message from or to 'A'"],
    ),
    (
        "sequenceDiagram\n  box One\n    participant A\n  end\n  box Two\n    participant A\n  end\n",
        6,
        17,
        "participant 'A' is in another box already: Mermaid draws a participant in one box",
        ["a participant declared in one box only"],
    ),
    (
        'sequenceDiagram\n  participant C@{ "type" "control" }\n',
        2,
        18,
        "the participant data is not a YAML mapping (Mermaid reads it as YAML and refuses it)",
        ['key: value pairs separated by commas, such as "type": "database"'],
    ),
    (
        "sequenceDiagram\n  A->>+B: x\n  B-->>-A: y\n  B-->>-A: z\n",
        4,
        8,
        "participant 'B' is deactivated here but is not active (Mermaid: \"Trying to inactivate an inactive"
        ' participant")',
        ["'activate B' or a message 'A->>+B' before"],
    ),
    (
        "sequenceDiagram\n  activate A\n  deactivate A\n  deactivate A\n",
        4,
        14,
        "participant 'A' is deactivated here but is not active (Mermaid: \"Trying to inactivate an inactive"
        ' participant")',
        ["'activate A' or a message 'A->>+A' before"],
    ),
]


@pytest.mark.parametrize(("text", "line", "col", "message", "expected"), SYNTAX_ERRORS)
def test_syntax_errors_are_located_and_say_what_was_expected(text, line, col, message, expected):
    caught = error(text)
    assert (caught.line, caught.col, caught.message, caught.expected) == (line, col, message, expected)
    assert caught.source_line == text.split("\n")[line - 1]


def test_check_reports_a_syntax_error_with_its_line_and_caret_in_a_file_and_in_a_fence(tmp_path, capsys):
    from ..helpers import run_cli

    (tmp_path / "bad.mmd").write_text("sequenceDiagram\n  A->>B\n")
    (tmp_path / "bad.md").write_text("# Doc\n\n```mermaid\nsequenceDiagram\n  A->>B\n```\n")
    code, out, _ = run_cli(capsys, "check", str(tmp_path / "bad.mmd"), str(tmp_path / "bad.md"))
    assert code == 1
    assert out.splitlines()[:11] == [
        f"{tmp_path / 'bad.md'}:5:8: SYN001 [error] unexpected end of line",
        "  |",
        "5 |   A->>B",
        "  |        ^",
        "  = expected: ':' and the message text",
        "",
        f"{tmp_path / 'bad.mmd'}:2:8: SYN001 [error] unexpected end of line",
        "  |",
        "2 |   A->>B",
        "  |        ^",
        "  = expected: ':' and the message text",
    ]


def test_blocks_nested_too_deeply_are_refused_while_reading():
    caught = error("sequenceDiagram\n" + "loop x\n" * 65 + "end\n" * 65)
    assert (caught.line, caught.col, caught.message) == (66, 1, "blocks are nested deeper than 64 levels")


def test_limits_apply_as_for_flowcharts():
    from aidlint.frontends.shared import Limits

    text = "sequenceDiagram\n  A->>B: 1\n  B->>C: 2\n  C->>D: 3\n"
    with pytest.raises(DesignSyntaxError) as caught:
        mermaid.parse(text, "d.mmd", ParseOptions(limits=Limits(max_edges=2)))
    assert (caught.value.line, caught.value.col) == (4, 3)
    assert caught.value.message.startswith("this statement takes the design past aidlint's limit of 2 edges")
    with pytest.raises(DesignSyntaxError) as caught:
        mermaid.parse(text, "d.mmd", ParseOptions(limits=Limits(max_nodes=3)))
    assert (caught.value.line, caught.value.col) == (4, 7)
    assert caught.value.message.startswith("this statement takes the design past aidlint's limit of 3 nodes")


def test_parsing_is_deterministic():
    text = "sequenceDiagram\n  box B\n    participant X\n  end\n" + "".join(f"  P{i % 7}->>P{i % 5}: m{i}\n" for i in range(50))
    first, second = one(text), one(text)
    assert first == second
    assert [node.id for node in first.nodes] == ["X", "P0", "P1", "P2", "P3", "P4", "P5", "P6"]


# Markdown ------------------------------------------------------------------------------------------


def md(text: str, **options):
    return markdown.parse(text, "doc.md", ParseOptions(**options))


SEQUENCE_DOC = (
    "# Chat\n"  # 1
    "\n"  # 2
    "```mermaid\n"  # 3
    "flowchart LR\n"  # 4
    "  api[Chat API] --> llm[GPT-4o]\n"  # 5
    "```\n"  # 6
    "\n"  # 7
    "```mermaid\n"  # 8
    "sequenceDiagram\n"  # 9
    "  actor U as User\n"  # 10
    "  participant A as Chat API\n"  # 11
    "  U->>A: question\n"  # 12
    "  A-->>U: answer\n"  # 13
    "```\n"  # 14
)


def test_a_sequence_fence_merges_into_the_documents_design():
    (design,) = md(SEQUENCE_DOC)
    assert [(node.id, node.label) for node in design.nodes] == [("api", "Chat API"), ("llm", "GPT-4o"), ("U", "User")]
    assert [(edge.source, edge.target, edge.label) for edge in design.edges] == [
        ("api", "llm", None),
        ("U", "api", "question"),
        ("api", "U", "answer"),
    ]
    assert design.nodes[2].span == Span(path="doc.md", line=10, col=9, end_line=10, end_col=18)
    assert design.edges[1].span == Span(path="doc.md", line=12, col=3, end_line=12, end_col=18)
    assert design.notes == []
    assert design.embedded == [(3, 6, "mermaid"), (8, 14, "mermaid")]


def test_per_diagram_names_a_sequence_fence_like_any_other():
    designs = md(SEQUENCE_DOC, per_diagram=True)
    assert [design.name for design in designs] == ["doc (mermaid at line 3)", "doc (mermaid at line 8)"]
    assert [node.id for node in designs[1].nodes] == ["U", "A"]


def test_a_syntax_error_in_a_sequence_fence_is_at_its_markdown_line():
    text = "# Doc\n\n> ```mermaid\n> sequenceDiagram\n>   A->>B\n> ```\n"
    with pytest.raises(DesignSyntaxError) as caught:
        md(text)
    assert (caught.value.line, caught.value.col, caught.value.message) == (5, 10, "unexpected end of line")
    assert caught.value.source_line == ">   A->>B"
    assert caught.value.expected == ["':' and the message text"]


def test_other_mermaid_kinds_stay_skipped_with_their_note():
    (design,) = md("```mermaid\nstateDiagram-v2\n  [*] --> A\n```\n\n```mermaid\nsequenceDiagram\n  A->>B: hi\n```\n")
    assert design.notes == ["line 1: skipped a Mermaid stateDiagram-v2 (aidlint reads Mermaid flowcharts and sequence diagrams)"]
    assert [(edge.source, edge.target) for edge in design.edges] == [("A", "B")]
