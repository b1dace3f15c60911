"""Mermaid sequence diagrams (``sequenceDiagram``): ``grammars/mermaid_sequence.lark`` into the design model.

A sequence diagram draws a design as a flowchart does, in another picture: each participant is a box that
talks to others, each message an arrow from its sender to its receiver (docs/formats/mermaid.md, "Sequence
diagrams"). So a participant is a :class:`Node` and a message an :class:`Edge`, in source order:

- A participant's ID is its name as Mermaid reads it (``Alice Smith->>Bob`` names ``Alice Smith``); its label
  is the alias (``participant A as Alice``, ``<br>`` kept, entity codes decoded as in flowcharts), ``None``
  without one, as a flowchart's bare ID. A participant named only in a message, a note or a ``link`` line is
  one too: Mermaid draws it. ``Node.attrs["participant"]`` is Mermaid's kind (``participant``, ``actor``,
  or the ``type`` of ``A@{ "type": "database" }``); ``attrs["shape"]`` is the flowchart shape drawn the
  same way: ``cylinder`` for a database, ``square`` otherwise. Flowcharts have no person shape, so an actor
  is a plain box with its label (roles read people by their words, docs/roles.md).
- A message's label is its text (``None`` when empty); ``Edge.attrs`` holds ``type`` (``arrow_point`` for
  ``->>``, ``arrow_open`` for ``->``, ``arrow_cross``, ``arrow_async`` for ``-)``, ``arrow_half``, and
  ``double_arrow_point`` for ``<<->>``, read both ways as a flowchart's ``<-->``), ``stroke`` (``normal``
  or ``dotted``) and ``message`` (its number in the diagram, counted from 0: rules/sequences.py reads the
  order). A reply drawn back is an edge back.
- A ``box`` is a :class:`Group` (``box0``, ``box1``... in source order) holding the participants it
  declares, as a subgraph holds its nodes; its title is the group's label.
- Notes, activations, ``autonumber``, titles, ``link``/``properties`` lines and the blocks (``loop``,
  ``alt``...) draw no box and no arrow: their words are set aside; the messages inside blocks are read.
- Roles: ``%% aidlint: role A=user``, as in flowcharts (build.py's comment handling).

Mermaid's own checks that follow the parse are syntax errors here too: a created participant that exists
already, a ``create`` or ``destroy`` not followed by its message, a participant declared in two boxes, a
participant deactivated while not active, participant data that is not YAML. tests/corpus/mermaid_sequence
holds Mermaid's own sequence diagrams with what Mermaid 11.17.2 makes of each (its README).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from lark import Token
from lark.exceptions import UnexpectedInput

from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.lark_adapter import plain_rule_names
from aidlint.frontends.larkutil import lalr_parser
from aidlint.frontends.mermaid.build import apply_comments
from aidlint.frontends.mermaid.clean import Cleaned
from aidlint.frontends.mermaid.sequence_lexer import SequenceLexer
from aidlint.frontends.mermaid.sequence_transformer import (
    Activation,
    Box,
    Destroy,
    Mention,
    Message,
    SequenceTransformer,
)
from aidlint.frontends.mermaid.sequence_wording import syntax_error
from aidlint.frontends.mermaid.shapes import decode_entities
from aidlint.frontends.shared import ExpansionBudget, Limits, line_of
from aidlint.model import Design, Edge, Group, Node, Span


@cache
def _parser():
    parser = lalr_parser("mermaid_sequence.lark", start="start", lexer=SequenceLexer, transformer=SequenceTransformer())
    plain_rule_names(parser)
    return parser


#: Each solid arrow's edge type, named as flowcharts name theirs (shapes.link_info); its dashed form
#: (`-->>`, `<<-->>`) is the same type with stroke "dotted", and the half arrowheads are "arrow_half".
_ARROW_TYPES = {
    "->": "arrow_open",
    "->>": "arrow_point",
    "-x": "arrow_cross",
    "-)": "arrow_async",
    "<<->>": "double_arrow_point",
}


def parse(text: str, cleaned: Cleaned, path: str, limits: Limits | None = None) -> Design:
    """The sequence diagram in ``text`` (already cleaned: clean.py) as one Design."""
    parser = _parser()
    try:
        records = parser.parse(cleaned.text)
    except UnexpectedInput as error:
        raise syntax_error(error, cleaned.text, text, parser) from None
    return _build(records, text, cleaned, path, limits)


def _error(message: str, token: Token, text: str, expected: list[str]) -> DesignSyntaxError:
    return DesignSyntaxError(
        message, line=token.line, col=token.column, source_line=line_of(text, token.line), expected=expected
    )


_WRAP = re.compile(r"^:?(?:no)?wrap:", re.I)


def _text(source: str, token: Token | None, skip: int = 0) -> str | None:
    """Mermaid's parseMessage on a token's text as written: trimmed, without a `wrap:` prefix, entity codes
    decoded; ``None`` when empty."""
    if token is None:
        return None
    raw = _WRAP.sub("", source[token.start_pos + skip : token.end_pos].strip()).strip()
    return decode_entities(raw) or None


def _participant_data(content: str) -> dict | None:
    """``A@{ "type": "database" }``: Mermaid reads the content as a YAML mapping (JSON schema); ``None``
    where YAML would refuse it (an unclosed quote, two values with no ',' or ':' between them).

    A scanner, not a YAML library: the pairs are split outside quotes, then at their first ':' outside
    quotes; a key without a value is YAML's null, as in ``{type}``."""
    # One line is a flow mapping (Mermaid wraps it in braces), pairs split at ','; more lines are a block
    # mapping, one pair a line.
    separator = "\n" if "\n" in content else ","
    cuts, closed = _unquoted(content, separator)
    if not closed:
        return None
    bounds = [-1, *cuts, len(content)]
    pieces = [content[start + 1 : end] for start, end in zip(bounds, bounds[1:])]
    data = {}
    for piece in pieces:
        colons, _ = _unquoted(piece, ":")
        key, value = (piece, "") if not colons else (piece[: colons[0]], piece[colons[0] + 1 :])
        key, value = _scalar(key), _scalar(value)
        if key is None or value is None:
            return None
        if key:
            data[key] = value
    return data


def _unquoted(text: str, wanted: str) -> tuple[list[int], bool]:
    """The positions of ``wanted`` outside '...' and "..." quotes, and whether every quote is closed."""
    found, quote = [], ""
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == wanted:
            found.append(index)
    return found, not quote


def _scalar(text: str) -> str | None:
    """A YAML scalar's value: unquoted, or ``None`` when quotes leave more than one value."""
    text = text.strip()
    if text[:1] in ("'", '"'):
        if len(text) < 2 or text[-1] != text[0] or text[0] in text[1:-1]:
            return None
        return text[1:-1]
    return text


def _shape(kind: str) -> str:
    """The flowchart shape drawn as this kind of participant is (a database is a cylinder, as `[(...)]`)."""
    return "cylinder" if kind == "database" else "square"


class _Builder:
    def __init__(self, source: str, path: str, limits: Limits | None) -> None:
        self.source = source
        self.path = path
        self.nodes: dict[str, Node] = {}
        self.edges: list[Edge] = []
        self.groups: list[Group] = []
        self.budget = ExpansionBudget(source, limits)
        self.active: dict[str, int] = {}  # how often each participant is activated and not yet deactivated
        self.created: Mention | None = None
        self.destroyed: Destroy | None = None

    def name(self, token: Token) -> str:
        """A participant's name as written: cleaning (clean.py) turned its entity codes into stand-ins."""
        return self.source[token.start_pos : token.end_pos]

    def mention(self, mention: Mention) -> None:
        name = self.name(mention.name)
        node = self.nodes.get(name)
        if mention.created and node is not None:
            raise _error(
                f"participant {name!r} exists already: Mermaid cannot create it again, even after a 'destroy'",
                mention.name,
                self.source,
                ["a new participant name ('create participant B as Name' draws another box named Name)"],
            )
        data = _participant_data(mention.data.value) if mention.data is not None else {}
        if data is None:
            raise _error(
                "the participant data is not a YAML mapping (Mermaid reads it as YAML and refuses it)",
                mention.data,
                self.source,
                ['key: value pairs separated by commas, such as "type": "database"'],
            )
        kind = str(data.get("type") or mention.kind or "participant")
        label = _text(self.source, mention.alias)
        if label is None and data.get("alias"):
            label = str(data["alias"])
        if node is None:
            last = mention.last or mention.name
            span = Span(self.path, mention.name.line, mention.name.column, last.end_line, last.end_column)
            node = self.nodes[name] = Node(name, label, None, {"shape": _shape(kind), "participant": kind}, None, span)
        elif label is not None:
            # Mermaid's addActor: a later declaration with a description redraws the box; without one it
            # changes nothing (a message naming a declared participant leaves it as declared).
            node.label = label
            node.attrs["shape"], node.attrs["participant"] = _shape(kind), kind
        if mention.created:
            self.created = mention

    def message(self, message: Message) -> None:
        source, target = self.name(message.source), self.name(message.target)
        if self.created is not None:
            if target != self.name(self.created.name):
                raise _error(
                    f"participant {self.name(self.created.name)!r} is created on line {self.created.name.line}, but the"
                    " next message is not sent to it",
                    message.source,
                    self.source,
                    [f"a message to {self.name(self.created.name)!r}"],
                )
            self.created = None
        elif self.destroyed is not None:
            gone = self.name(self.destroyed.name)
            if gone not in (source, target):
                raise _error(
                    f"participant {gone!r} is destroyed on line {self.destroyed.name.line}, but the next message"
                    " neither comes from it nor goes to it",
                    message.source,
                    self.source,
                    [f"a message from or to {gone!r}"],
                )
            self.destroyed = None
        arrow = message.arrow.value.lower()
        stroke = "dotted" if "--" in arrow else "normal"
        kind = _ARROW_TYPES.get(arrow.replace("--", "-"), "arrow_half")
        first, last = message.source, message.text
        self.budget.add_edges(1, first.line, first.column)
        self.edges.append(
            Edge(
                source,
                target,
                _text(self.source, message.text, skip=1),
                {"type": kind, "stroke": stroke, "message": str(len(self.edges))},
                Span(self.path, first.line, first.column, last.end_line, last.end_column),
            )
        )

    def activation(self, activation: Activation) -> None:
        name = self.name(activation.name)
        count = self.active.get(name, 0) + activation.step
        if count < 0:
            raise _error(
                f"participant {name!r} is deactivated here but is not active (Mermaid: \"Trying to inactivate an"
                " inactive participant\")",
                activation.at,
                self.source,
                [f"'activate {name}' or a message 'A->>+{name}' before"],
            )
        self.active[name] = count

    def box(self, box: Box) -> None:
        group_id = f"box{len(self.groups)}"
        while group_id in self.nodes:
            group_id += "_"
        title = _text(self.source, box.title)
        group = Group(
            id=group_id,
            label=_box_title(title),
            span=Span(self.path, box.keyword.line, box.keyword.column, box.end.end_line, box.end.end_column),
        )
        for member in box.members:
            node = self.nodes[self.name(member.name)]
            if node.group is not None and node.group != group_id:
                raise _error(
                    f"participant {node.id!r} is in another box already: Mermaid draws a participant in one box",
                    member.name,
                    self.source,
                    ["a participant declared in one box only"],
                )
            if node.group is None:
                node.group = group_id
                group.members.append(node.id)
        self.groups.append(group)


#: CSS colour names: `box Aqua Title` is a box coloured aqua titled "Title" (Mermaid's parseBoxData).
_COLOURS = frozenset(
    """aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
    burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
    darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred
    darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink
    deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold
    goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush
    lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey
    lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime
    limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
    mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin
    navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise
    palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue
    saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow
    springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen
    transparent currentcolor""".split()
)
_BOX_DATA = re.compile(r"^((?:rgba?|hsla?)\s*\(.*\)|\w*)(.*)$", re.S)


def _box_title(text: str | None) -> str | None:
    """The box's title without its leading colour, as Mermaid's parseBoxData reads it."""
    if text is None:
        return None
    match = _BOX_DATA.match(text)
    colour, title = match.group(1).strip(), match.group(2).strip()
    if colour.lower() in _COLOURS or re.match(r"(?:rgba?|hsla?)\s*\(", colour, re.I):
        return title or None
    return text


def _build(records: list, source: str, cleaned: Cleaned, path: str, limits: Limits | None) -> Design:
    builder = _Builder(source, path, limits)
    for record in records:
        if isinstance(record, Mention):
            builder.mention(record)
        elif isinstance(record, Message):
            builder.message(record)
        elif isinstance(record, Activation):
            builder.activation(record)
        elif isinstance(record, Destroy):
            builder.destroyed = record
        else:
            builder.box(record)
    builder.budget.require_nodes(list(builder.nodes.values()))
    design = Design(
        name=cleaned.title or Path(path).stem,
        path=path,
        format="mermaid",
        nodes=list(builder.nodes.values()),
        edges=builder.edges,
        groups=builder.groups,
    )
    header = re.search(r"\S", cleaned.text)
    if header:
        line = cleaned.text.count("\n", 0, header.start()) + 1
        col = header.start() - cleaned.text.rfind("\n", 0, header.start())
        design.span = Span(path=path, line=line, col=col, end_line=line, end_col=col + len("sequenceDiagram"))
    apply_comments(design, cleaned.comments, source, path)
    return design
