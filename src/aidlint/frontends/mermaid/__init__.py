"""Mermaid flowcharts and sequence diagrams (``.mmd``, ``.mermaid``): ``grammars/mermaid.lark`` into the design model.

Mermaid has no formal grammar beyond its jison parser, and its lexer is stateful (text inside ``[...]``,
edge text after ``--``, quoted strings, ``@{...}`` shape data), so this module follows Mermaid 11's
``flow.jison`` closely: :class:`MermaidLexer` is its lexer, rule for rule and in the same order (jison
takes the first rule that matches, not the longest), and ``grammars/mermaid.lark`` is its grammar.
Like Mermaid, the text is first cleaned (front matter, ``%%{init}%%`` directives, ``%%`` comment lines,
``#entity;`` codes), but always without moving a character, so every token keeps its place in the file.

What the model keeps, and how it differs from Mermaid's own FlowDB (tests/frontends/test_mermaid_corpus.py
measures both):

- A vertex is a :class:`Node`; its ID is Mermaid's ID, its label the text as written (``<br>`` kept)
  with ``#35;`` / ``#quot;`` entity codes decoded (Mermaid's only escape), ``None`` for a bare ID. ``Node.attrs["shape"]`` is Mermaid's shape name.
- Each start-end pair of a link is an :class:`Edge` (``A & B --> C`` is two); ``Edge.attrs`` holds
  ``link`` (the link's number, the one ``linkStyle`` uses), ``type``, ``stroke`` and ``length``.
- An edge to or from a subgraph stands for an edge to or from each node inside it (subgroups included),
  as the front-end contract says; such edges carry ``source_group`` / ``target_group``. Mermaid instead
  draws one edge and also counts the subgraph's ID as a vertex; ``Group.attrs["vertex"] == "true"``
  records that a subgraph's ID was used where a vertex stands.
- A subgraph with nothing inside that is used as an edge end is a node (``shape="subgraph"``): it is
  drawn as a box and the edge must not vanish.
- Group membership follows Mermaid: a node belongs to the first subgraph (innermost first) whose
  statements mention it, even if it was declared before.
- Roles: ``A:::role``, ``class a,b role`` and ``%% aidlint: role a=role`` declare a role only when the
  class is a role of :data:`aidlint.model.ROLES`; other classes are styling.

A sequence diagram is read by sequence.py (participants are nodes, messages edges). Other Mermaid diagram
kinds (class, state, gantt, ...) are not designs: :func:`parse` returns ``[]`` for them and
:func:`diagram_kind` names the kind so that callers can write a note.
"""

from __future__ import annotations

from functools import cache

from lark.exceptions import UnexpectedInput

from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.lark_adapter import plain_rule_names
from aidlint.frontends.larkutil import lalr_parser
from aidlint.frontends.mermaid.build import build
from aidlint.frontends.mermaid.clean import FLOWCHART_KEYWORDS, clean, diagram_kind
from aidlint.frontends.mermaid.lexer import MermaidLexer
from aidlint.frontends.mermaid.transformer import MermaidTransformer
from aidlint.frontends.mermaid.wording import syntax_error
from aidlint.frontends.shared import MAX_NESTING_DEPTH as MAX_GROUP_DEPTH
from aidlint.frontends.shared import line_of
from aidlint.memory import paused_collection
from aidlint.model import Design

__all__ = ["FLOWCHART_KEYWORDS", "MAX_GROUP_DEPTH", "READ_KINDS", "SEQUENCE", "diagram_kind", "parse"]

#: The keyword of a sequence diagram (frontends/mermaid/sequence.py reads it).
SEQUENCE = "sequenceDiagram"
#: The Mermaid diagram kinds aidlint reads as designs; any other kind gives no design.
READ_KINDS = ("flowchart", SEQUENCE)


@cache
def _parser():
    parser = lalr_parser("mermaid.lark", start="start", lexer=MermaidLexer, transformer=MermaidTransformer())
    plain_rule_names(parser)
    return parser


def parse(text: str, path: str, options=None) -> list[Design]:
    """The flowchart or sequence diagram in ``text`` as one Design; ``[]`` when ``text`` is another kind of
    diagram."""
    cleaned = clean(text)
    stripped = cleaned.text.lstrip()
    if stripped.startswith("---"):
        offset = len(cleaned.text) - len(stripped)
        line = cleaned.text.count("\n", 0, offset) + 1
        raise DesignSyntaxError(
            "front matter must start at the first line, with '---' not indented",
            line=line,
            col=offset - cleaned.text.rfind("\n", 0, offset),
            source_line=line_of(text, line),
            expected=["'---' at the start of the first line"],
        )
    kind = diagram_kind(text, cleaned)
    limits = options.limits if options is not None else None
    if kind == SEQUENCE:
        from aidlint.frontends.mermaid import sequence  # its parser is built only when a file holds one

        with paused_collection():  # memory.py
            try:
                return [sequence.parse(text, cleaned, path, limits)]
            except DesignSyntaxError as error:
                raise _as_written(error, text, cleaned.text) from None
    if kind != "flowchart":
        return []
    parser = _parser()
    try:
        with paused_collection():  # memory.py
            # The statement records are dropped as soon as the design is built: the collector, back on,
            # then has only the design's objects to look at, not also every record it was built from.
            design = build(parser.parse(cleaned.text), text, cleaned, path, limits)
        return [design]
    except UnexpectedInput as error:
        raise syntax_error(error, text, parser) from None
    except DesignSyntaxError as error:
        raise _as_written(error, text, cleaned.text) from None


def _as_written(error: DesignSyntaxError, text: str, cleaned: str) -> DesignSyntaxError:
    """The lexer's error shown on the line as the user wrote it, not as cleaning blanked it: a comment or
    directive it blanked is named by its own first character ("graph%%{A": the '%', not a blank)."""
    written, blanked = line_of(text, error.line), line_of(cleaned, error.line)
    message = error.message
    at = error.col - 1
    if message.startswith("unexpected character ") and 0 <= at < min(len(written), len(blanked)) and written[at] != blanked[at]:
        message = f"unexpected character {written[at]!r}"
    return DesignSyntaxError(message, line=error.line, col=error.col, source_line=written, expected=error.expected)
