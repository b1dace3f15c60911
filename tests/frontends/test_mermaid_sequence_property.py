"""Property: a generated Mermaid sequence diagram parses to the participants and messages it was generated
from, and any text after ``sequenceDiagram`` either parses or gives a located DesignSyntaxError, never
another exception (frontends/mermaid/sequence.py).

The generator writes participants declared or only named in messages (IDs with blanks among them),
aliases, actors, every arrow with activation marks, notes, activations and nested blocks (whose messages
count, in order), comments and `;` separators; a participant is deactivated only while active, as
Mermaid requires.

Examples per test: see tests/fuzzing.py (``AIDLINT_FUZZ_EXAMPLES`` for the longer run).
"""

from __future__ import annotations

from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.mermaid import parse

from ..fuzzing import assert_located, fuzz_settings, mutate

NAMES = ["A", "Bob", "llm", "User 2", "api-gw", "Vector store", "n9"]
ALIASES = ["Chat LLM", "Guard<br>2", "Model server", "x"]
ARROWS = ["->", "-->", "->>", "-->>", "-x", "--x", "-)", "--)", "<<->>", "<<-->>"]
MARKS = ["", "+", "-"]
TEXTS = ["calls", "says hi", "2 ways", ""]
BLOCKS = [("loop every minute", ()), ("alt ok", ("else failed",)), ("par a", ("and b",)), ("opt maybe", ()),
          ("critical c", ("option o",)), ("break b", ()), ("rect rgb(0, 0, 255)", ())]  # fmt: skip
ASIDES = ["Note over {}: a note", "Note right of {}: text", "activate {}", "autonumber", "%% a comment"]
SEPARATORS = ("\n", "\n\n", ";", "\n  %% c --> x\n")

_choice = cache(st.sampled_from)


@st.composite
def sequences(draw):
    """(text, expected nodes as (ID, label), expected edges as (source, target, label))."""
    lines, nodes, edges = ["sequenceDiagram"], {}, []
    active: dict[str, int] = {}  # Mermaid refuses to deactivate a participant that is not active

    def mention(name: str) -> None:
        nodes.setdefault(name, None)

    def statements(depth: int) -> None:
        for _ in range(draw(st.integers(1, 4))):
            pick = draw(st.integers(0, 9))
            if pick == 0:
                name, alias = draw(_choice(tuple(NAMES))), draw(st.none() | _choice(tuple(ALIASES)))
                if alias is not None and " " in name:
                    continue  # an alias follows a name without blanks only (jison's ID state)
                keyword = draw(_choice(("participant", "actor")))
                lines.append(f"{keyword} {name}" + (f" as {alias}" if alias else ""))
                if name not in nodes or alias is not None:
                    nodes[name] = alias if alias is not None else nodes.get(name)
            elif pick == 1 and depth < 3:
                opener, others = draw(_choice(tuple(BLOCKS)))
                lines.append(opener)
                statements(depth + 1)
                for other in others:
                    lines.append(other)
                    statements(depth + 1)
                lines.append("end")
            elif pick == 2:
                aside = draw(_choice(tuple(ASIDES)))
                name = draw(_choice(tuple(NAMES)))
                if aside.startswith("Note"):
                    mention(name)  # Mermaid draws a participant a note names
                elif aside.startswith("activate"):
                    active[name] = active.get(name, 0) + 1
                lines.append(aside.format(name))
            else:
                source, target = draw(_choice(tuple(NAMES))), draw(_choice(tuple(NAMES)))
                arrow, mark, text = draw(_choice(tuple(ARROWS))), draw(_choice(tuple(MARKS))), draw(_choice(tuple(TEXTS)))
                if mark == "-" and not active.get(source):
                    mark = ""
                step = {"+": (target, 1), "-": (source, -1)}.get(mark)
                if step:
                    active[step[0]] = active.get(step[0], 0) + step[1]
                lines.append(f"{source}{arrow}{mark}{target}: {text}")
                mention(source)
                mention(target)
                edges.append((source, target, text or None))

    statements(0)
    text = lines[0] + "\n"
    for line in lines[1:]:
        text += "  " + line + draw(_choice(SEPARATORS) if not line.startswith("%%") else st.just("\n"))
    return text, list(nodes.items()), edges


@fuzz_settings(200)
@given(sequences())
def test_a_generated_sequence_diagram_parses_to_the_generated_graph(generated):
    text, nodes, edges = generated
    (design,) = parse(text, "generated.mmd")
    assert [(node.id, node.label) for node in design.nodes] == nodes
    assert [(edge.source, edge.target, edge.label) for edge in design.edges] == edges


MUTATIONS = ("->>", "-->>", ":", "end", "loop x\n", "\n", ";", "participant", " as ", "@{", "}", "Note over ", ",",
             "+", "-", "()", "#", "%%", "box Aqua\n", "<", "\"", "accDescr {", "create participant Z\n")  # fmt: skip


@st.composite
def mutated_text(draw) -> str:
    text, _nodes, _edges = draw(sequences())
    return mutate(draw, text, MUTATIONS)


@fuzz_settings(200)
@given(mutated_text())
def test_mutated_sequence_diagrams_parse_or_give_a_located_syntax_error(text: str):
    try:
        parse(text, "mutated.mmd")
    except DesignSyntaxError as error:
        assert_located(text, error)


PIECES = ("A", "B", " ", "->>", "-", "x", ")", "+", "(", ":", ";", ",", "\n", "%%", "#", "@{", "}", '"', "<", ">",
          "|", "\\", "/", "end", "loop", "participant", " as ", "Note over ", "box", "accDescr {")  # fmt: skip


@fuzz_settings(200)
@given(st.lists(st.sampled_from(PIECES), max_size=120).map("".join) | st.text(max_size=300))
def test_any_text_after_the_header_parses_or_gives_a_located_syntax_error(body: str):
    text = "sequenceDiagram\n" + body
    try:
        (design,) = parse(text, "any.mmd")
    except DesignSyntaxError as error:
        assert_located(text, error)
    else:
        assert design.format == "mermaid"
