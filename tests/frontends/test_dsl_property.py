"""Property: a generated ``.aidl`` design parses to exactly the design it was generated from, and any
text at all either parses or gives a located DesignSyntaxError (SYN001 through the command line).

The generator builds a design as statements (nodes, edge chains, nested groups, a header), computes
the design the DSL's rules give (docs/dsl.md: a node's first mention fixes its place, group and span,
later declarations complete it, edges name nodes declared anywhere, an edge to a group stands for every
node inside it) and writes it out with random spacing, separators and comments. IDs that begin like
the keywords (``designer``, ``group_a``) and labels full of syntax (``"# {x} -> y"``) are in the pool.

Examples per test: see tests/fuzzing.py (``AIDLINT_FUZZ_EXAMPLES`` for the longer run).
"""

from __future__ import annotations

import io
import json
import tempfile
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from aidlint.frontends import decode
from aidlint.frontends.dsl import parse
from aidlint.frontends.errors import DesignSyntaxError

from ..fuzzing import assert_located, fuzz_settings, mutate

NODE_IDS = ["a", "b", "llm", "_x9", "Node1", "designer", "groupie", "design_x", "group_a", "Design", "GROUP", "x" * 40]
GROUP_IDS = ["g1", "groups", "serving", "designs"]
ROLES = ["user", "model_inference", "safety_filter", "monitoring", "custom_role"]
#: Quoted labels as written, and the text they stand for.
LABELS = {
    '"Chat LLM"': "Chat LLM",
    '""': "",
    '"say \\"hi\\""': 'say "hi"',
    '"two\\nlines"': "two\nlines",
    '"tab\\there"': "tab\there",
    '"back\\\\slash"': "back\\slash",
    '"# not a comment; {x} -> y = z"': "# not a comment; {x} -> y = z",
    '"café ✓ 模型"': "café ✓ 模型",
    "\"'single'\"": "'single'",
}
#: Attribute values as written (bare words and quoted strings), and the text they stand for.
VALUES = {
    "input": "input",
    "10%": "10%",
    "a:b": "a:b",
    "-1": "-1",
    "x->y": "x->y",
    "http://h/p?q": "http://h/p?q",
    "é": "é",
    "design": "design",
    "llm-app": "llm-app",
    "minimal": "minimal",
    '"classic-ml"': "classic-ml",
    **LABELS,
}
PROFILES = ["llm-app", "minimal", '"classic-ml"']
ATTR_KEYS = ["owner", "stage", "kind", "designer", "group_x", "role", "label"]
BLANKS = (" ", "  ", "\t", " \f ")
SEPARATORS = ("\n", ";", " ;\n", "  # a note -> x {\n", "\n\n", ";;", "\t#\n", ";  ;\n")


@dataclass
class NodeStatement:
    id: str
    role: str | None
    label: str | None  # as written
    attrs: list[tuple[str, str]]  # as written
    offset: int = -1


@dataclass
class EdgeStatement:
    ids: list[str]
    label: str | None
    attrs: list[tuple[str, str]]
    offsets: list[int] = field(default_factory=list)


@dataclass
class GroupStatement:
    id: str
    label: str | None
    attrs: list[tuple[str, str]]
    body: list


@dataclass
class HeaderStatement:
    name: str  # as written
    attrs: list[tuple[str, str]]


def _attrs(keys: list[str]):
    return st.lists(st.tuples(st.sampled_from(keys), st.sampled_from(sorted(VALUES))), max_size=3)


_labels = st.none() | st.sampled_from(sorted(LABELS))
_statement_attrs = _attrs(ATTR_KEYS)
_group_attrs = _attrs(["owner", "tier", "label"])
_nodes = st.builds(NodeStatement, st.sampled_from(NODE_IDS), st.none() | st.sampled_from(ROLES), _labels, _statement_attrs)
#: Edge ends are nodes or groups; designs() renames ends that name a group it did not declare.
_edges = st.builds(EdgeStatement, st.lists(st.sampled_from(NODE_IDS + GROUP_IDS), min_size=2, max_size=4), _labels, _statement_attrs)


_header_attrs = _attrs(["owner", "tier"])
_TOP_KINDS = st.sampled_from(["node", "edge", "edge", "group"])
_INNER_KINDS = st.sampled_from(["node", "edge"])


def _body(draw, depth: int, free_groups: list[str]) -> list:
    statements = []
    for _ in range(draw(st.integers(0, 6 if depth == 0 else 3))):
        kind = draw(_TOP_KINDS if depth < 3 and free_groups else _INNER_KINDS)
        if kind == "node":
            statements.append(draw(_nodes))
        elif kind == "edge":
            statements.append(draw(_edges))
        else:
            group_id = free_groups.pop(0)
            label, attrs = draw(_labels), draw(_group_attrs)
            statements.append(GroupStatement(group_id, label, attrs, _body(draw, depth + 1, free_groups)))
    return statements


@st.composite
def designs(draw) -> list:
    """The statements of a design; every group named in an edge is declared somewhere."""
    statements = _body(draw, 0, list(GROUP_IDS[: draw(st.integers(0, 4))]))
    declared = set()
    pending = list(statements)
    while pending:
        statement = pending.pop()
        if isinstance(statement, GroupStatement):
            declared.add(statement.id)
            pending.extend(statement.body)
    for statement in _edges_of(statements):
        statement.ids = [name if name in NODE_IDS or name in declared else NODE_IDS[0] for name in statement.ids]
    if draw(st.booleans()):
        attrs = draw(_header_attrs)
        if draw(st.booleans()):
            attrs.insert(draw(st.integers(0, len(attrs))), ("profile", draw(st.sampled_from(PROFILES))))
        header = HeaderStatement(draw(st.sampled_from(sorted(LABELS))), attrs)
        statements.insert(draw(st.integers(0, len(statements))), header)
    return statements


def _edges_of(statements: list) -> list[EdgeStatement]:
    found = []
    for statement in statements:
        if isinstance(statement, EdgeStatement):
            found.append(statement)
        elif isinstance(statement, GroupStatement):
            found.extend(_edges_of(statement.body))
    return found


_booleans = st.booleans()
_choice = cache(st.sampled_from)


class Writer:
    """Writes statements as text, noting where each node ID token starts."""

    def __init__(self, draw) -> None:
        self.draw = draw
        self.parts: list[str] = []
        self.length = 0

    def pick(self, *options: str) -> str:
        return self.draw(_choice(options))

    def put(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def blank(self) -> None:
        self.put(self.pick(*BLANKS))

    def attrs(self, attrs: list[tuple[str, str]]) -> None:
        for key, value in attrs:
            self.blank()
            self.put(key + self.pick("=", " = ", "\t=") + value)

    def statement(self, statement) -> None:
        if isinstance(statement, HeaderStatement):
            self.put("design")
            self.blank()
            self.put(statement.name)
            self.attrs(statement.attrs)
        elif isinstance(statement, NodeStatement):
            statement.offset = self.length
            self.put(statement.id)
            if statement.role is not None:
                self.put(self.pick(":", " : ", ": ", "\t:") + statement.role)
            if statement.label is not None:
                self.blank()
                self.put(statement.label)
            self.attrs(statement.attrs)
        elif isinstance(statement, EdgeStatement):
            statement.offsets = []
            for index, name in enumerate(statement.ids):
                if index:
                    self.put(self.pick("->", " -> ", "\t->  "))
                statement.offsets.append(self.length)
                self.put(name)
            if statement.label is not None:
                self.blank()
                self.put(statement.label)
            self.attrs(statement.attrs)
        else:
            self.put("group")
            self.blank()
            self.put(statement.id)
            if statement.label is not None:
                self.blank()
                self.put(statement.label)
            self.attrs(statement.attrs)
            self.put(self.pick(" {", "{", "\t{ "))
            self.body(statement.body, inside=True)
            self.put("}")

    def body(self, statements: list, inside: bool) -> None:
        if self.draw(_booleans):
            self.put(self.pick(*SEPARATORS))
        for index, statement in enumerate(statements):
            if self.draw(_booleans):
                self.put(self.pick("", " ", "  ", "\t"))
            self.statement(statement)
            last = index == len(statements) - 1
            if not last or self.draw(_booleans):
                self.put(self.pick(*SEPARATORS))
            elif inside:
                self.put(self.pick("", " "))

    def text(self) -> str:
        return "".join(self.parts)


@st.composite
def written_designs(draw) -> tuple[list, str]:
    statements = draw(designs())
    writer = Writer(draw)
    if draw(st.booleans()):
        writer.put(draw(st.sampled_from(["# A design\n", "\n", "  \n", "#\n\n"])))
    writer.body(statements, inside=False)
    return statements, writer.text()


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _fields(attrs: list[tuple[str, str]]) -> dict[str, str]:
    return {key: VALUES[value] for key, value in attrs}


def expected_design(statements: list, text: str, stem: str) -> dict:
    """The design docs/dsl.md says the statements stand for, in the shape of ``_actual``."""
    nodes: dict[str, dict] = {}
    groups: dict[str, dict] = {}
    chains: list[tuple[EdgeStatement, str | None]] = []
    header = None

    def walk(body: list, group: str | None) -> None:
        nonlocal header
        for statement in body:
            if isinstance(statement, HeaderStatement):
                header = statement
            elif isinstance(statement, NodeStatement):
                attrs = _fields(statement.attrs)
                role = attrs.pop("role", None) or statement.role
                label = attrs.pop("label", None)
                if statement.label is not None:
                    label = LABELS[statement.label]
                node = nodes.setdefault(
                    statement.id,
                    {"label": None, "role": None, "attrs": {}, "group": group, "at": _position(text, statement.offset)},
                )
                node["label"] = label if label is not None else node["label"]
                node["role"] = role or node["role"]
                node["attrs"].update(attrs)
            elif isinstance(statement, GroupStatement):
                attrs = _fields(statement.attrs)
                label = attrs.pop("label", None)
                if statement.label is not None:
                    label = LABELS[statement.label]
                groups[statement.id] = {"label": label, "parent": group, "attrs": attrs}
                walk(statement.body, statement.id)
            else:
                chains.append((statement, group))

    walk(statements, None)
    for chain, group in chains:
        for name, offset in zip(chain.ids, chain.offsets):
            if name not in nodes and name not in groups:
                nodes[name] = {"label": None, "role": None, "attrs": {}, "group": group, "at": _position(text, offset)}
    order = sorted(nodes, key=lambda name: nodes[name]["at"])

    def inside(node: str, group: str) -> bool:
        at = nodes[node]["group"]
        while at is not None and at != group:
            at = groups[at]["parent"]
        return at == group

    def ends(name: str) -> list[str]:
        return [node for node in order if inside(node, name)] if name in groups else [name]

    edges = []
    for chain, _ in chains:
        attrs = _fields(chain.attrs)
        label = attrs.pop("label", None)
        if chain.label is not None:
            label = LABELS[chain.label]
        for source, target in zip(chain.ids, chain.ids[1:]):
            edges += [(s, t, label, attrs) for s in ends(source) for t in ends(target)]
    header_attrs = _fields(header.attrs) if header else {}
    name = LABELS[header.name] if header else ""
    return {
        "name": name or stem,
        "profile": header_attrs.get("profile"),
        "nodes": [(name, *(nodes[name][key] for key in ("label", "role", "attrs", "group", "at"))) for name in order],
        "edges": edges,
        "groups": {
            group_id: (group["label"], group["parent"], group["attrs"], sorted(n for n in nodes if nodes[n]["group"] == group_id))
            for group_id, group in groups.items()
        },
    }


def _actual(design) -> dict:
    return {
        "name": design.name,
        "profile": design.profile,
        "nodes": [
            (node.id, node.label, node.role, node.attrs, node.group, (node.span.line, node.span.col)) for node in design.nodes
        ],
        "edges": [(edge.source, edge.target, edge.label, edge.attrs) for edge in design.edges],
        "groups": {group.id: (group.label, group.parent, group.attrs, sorted(group.members)) for group in design.groups},
    }


@fuzz_settings(200)
@given(written_designs())
def test_a_generated_design_parses_to_exactly_what_was_generated(generated):
    statements, text = generated
    if not statements:
        try:
            parse(text, "generated.aidl")
        except DesignSyntaxError as error:
            assert error.message.startswith("the file declares nothing")
            return
        raise AssertionError("a file without statements parsed")
    (design,) = parse(text, "generated.aidl")
    assert _actual(design) == expected_design(statements, text, "generated")


MUTATIONS = ["{", "}", ";", ":", "=", "->", "-", ">", '"', "\\", "#", "\n", " ", "design", "group", "x", "1", "é", "\t"]


@st.composite
def mutated_text(draw) -> str:
    text = draw(written_designs())[1]
    return mutate(draw, text, tuple(MUTATIONS))



@fuzz_settings(200)
@given(mutated_text())
def test_mutated_designs_parse_or_give_a_located_syntax_error(text: str):
    try:
        parse(text, "mutated.aidl")
    except DesignSyntaxError as error:
        assert_located(text, error)


@fuzz_settings(200)
@given(st.lists(st.sampled_from(list('{}[]:;=->"\\#\n\t \f\r\x0b\x00\u2028aZ_9é✓') + ["design", "group", "->"])).map("".join))
def test_any_text_parses_or_gives_a_located_syntax_error(text: str):
    try:
        parse(text, "noise.aidl")
    except DesignSyntaxError as error:
        assert_located(text, error)


@fuzz_settings(25)
@given(mutated_text())
def test_the_command_line_reports_a_broken_design_as_one_located_syn001(text: str):
    from aidlint.cli import main

    data = text.encode("utf-8")
    try:
        (design,) = parse(decode(data), "mutated.aidl")
        error = None
    except DesignSyntaxError as problem:
        error = problem
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "mutated.aidl"
        path.write_bytes(data)
        out = io.StringIO()
        with redirect_stdout(out):
            code = main(["check", "--format", "json", "--no-fix", str(path)])
    findings = json.loads(out.getvalue())["findings"]
    syntax = [(finding["line"], finding["col"], finding["message"]) for finding in findings if finding["rule_id"] == "SYN001"]
    if error is None:
        assert code in (0, 1)
        # A header may name a profile a mutation made up: that design's finding, not a syntax error.
        if syntax:
            assert design.profile is not None and len(syntax) == 1 and syntax[0][2].startswith("unknown profile")
    else:
        assert code == 1
        assert syntax == [(error.line, error.col, error.message)]
        assert_located(decode(data), error)
