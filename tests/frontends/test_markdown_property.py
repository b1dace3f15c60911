"""Property: diagram fences nested at random in lists and block quotes map every span back to the
Markdown file's own line and column, and any text at all parses or gives a located DesignSyntaxError.

Each generated fence holds one node per line (aidl or Mermaid) with random indentation inside the
fence; the test knows where each node's name sits in the Markdown file and compares the spans of
``parse(..., per_diagram=True)`` with those places.

Examples per test: see tests/fuzzing.py (``AIDLINT_FUZZ_EXAMPLES`` for the longer run).
"""

from __future__ import annotations

from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from aidlint.frontends import ParseOptions
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.markdown import parse

from ..fuzzing import assert_located, fuzz_settings, mutate

#: Containers a fence can sit in: what opens them on the fence's first line, and what continues them.
CONTAINERS = {"quote": ("> ", "> "), "bullet": ("- ", "  "), "ordered": ("1. ", "   "), "star": ("* ", "  ")}
PROSE = ["Some text.", "# A heading", "A paragraph\nover two lines.", "```python\nprint('not a diagram')\n```"]

_choice = cache(st.sampled_from)


@st.composite
def documents(draw) -> tuple[str, list[list[tuple[str, int, int]]]]:
    """A document and, per diagram fence, each node's (id, Markdown line, Markdown column)."""
    lines: list[str] = []
    fences = []
    number = 0
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            lines += draw(_choice(tuple(PROSE))).split("\n") + [""]
        containers = draw(st.lists(_choice(tuple(CONTAINERS)), max_size=4))
        first = "".join(CONTAINERS[kind][0] for kind in containers)
        rest = "".join(CONTAINERS[kind][1] for kind in containers)
        language = draw(_choice(("aidl", "mermaid")))
        fence = draw(_choice(("```", "~~~", "````")))
        # An indented opening fence takes as many blanks off each of its lines as it is indented by.
        fence_indent = " " * draw(st.integers(0, 3))
        lines.append(f"{first}{fence_indent}{fence}{language}")
        rest += fence_indent
        nodes = []
        if language == "mermaid":
            lines.append(f"{rest}flowchart LR")
        for _ in range(draw(st.integers(1, 3))):
            number += 1
            indent = " " * draw(st.integers(0, 3))
            name = f"n{number}"
            nodes.append((name, len(lines) + 1, len(rest) + len(indent) + 1))
            label = f'"Label {number}"'  # distinct, so that the merged design keeps every node
            lines.append(f"{rest}{indent}{name}" + (f"[{label}]" if language == "mermaid" else f" {label}"))
        lines.append(f"{rest}{fence}")
        lines.append("")
        fences.append(nodes)
    return "\n".join(lines) + "\n", fences


@fuzz_settings(200)
@given(documents())
def test_fences_in_lists_and_quotes_map_their_spans_to_the_markdown_file(document):
    text, fences = document
    designs = parse(text, "doc.md", ParseOptions(per_diagram=True))
    assert [[(node.id, node.span.line, node.span.col) for node in design.nodes] for design in designs] == fences
    (merged,) = parse(text, "doc.md")
    assert [(node.id, node.span.line, node.span.col) for node in merged.nodes] == [node for fence in fences for node in fence]



MUTATIONS = ["```", "~~~", "> ", "- ", "  ", "\t", "\n", "[", "]", "->", "-->", "{", "}", '"', "#", "<!--", "-->", "end"]


@st.composite
def mutated_documents(draw) -> str:
    text = draw(documents())[0]
    return mutate(draw, text, tuple(MUTATIONS))


@fuzz_settings(200)
@given(mutated_documents())
def test_mutated_documents_parse_or_give_a_syntax_error_inside_the_file(text: str):
    try:
        parse(text, "mutated.md")
    except DesignSyntaxError as error:
        assert_located(text, error)


@fuzz_settings(200)
@given(
    st.lists(
        st.sampled_from(list("`~>-*1. \t\n[]{}()\"#<!é") + ["```mermaid\n", "```aidl\n", "```dot\n", "flowchart LR\n", "a -> b", "A --> B"])
    ).map("".join)
)
def test_any_text_parses_or_gives_a_located_syntax_error(text: str):
    try:
        parse(text, "noise.md")
    except DesignSyntaxError as error:
        assert_located(text, error)
