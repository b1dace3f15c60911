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
  or ``dotted``) and ``link`` (the message's number). A reply drawn back is an edge back.
- A ``box`` is a :class:`Group` (``box0``, ``box1``... in source order) holding the participants it
  declares, as a subgraph holds its nodes; its title is the group's label.
- Notes, activations, ``autonumber``, titles, ``link``/``properties`` lines and the blocks (``loop``,
  ``alt``...) draw no box and no arrow: their words are set aside; the messages inside blocks are read.
- Roles: ``%% aidlint: role A=user``, as in flowcharts (build.py's comment handling).

Mermaid's own checks that follow the parse are syntax errors here too: a created participant that exists
already, a ``create`` or ``destroy`` not followed by its message, a participant declared in two boxes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lark import Token, Transformer
from lark.exceptions import UnexpectedInput

from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.lark_adapter import plain_rule_names
from aidlint.frontends.larkutil import end_of_text, lalr_parser, syntax_error_from_lark
from aidlint.frontends.mermaid.build import apply_comments
from aidlint.frontends.mermaid.clean import Cleaned
from aidlint.frontends.mermaid.sequence_lexer import SequenceLexer
from aidlint.frontends.mermaid.shapes import decode_entities
from aidlint.frontends.shared import ExpansionBudget, Limits, line_of
from aidlint.model import Design, Edge, Group, Node, Span


@dataclass(slots=True)
class Mention:
    """A participant named: declared (``kind`` is ``participant`` or ``actor``) or only used (``None``)."""

    name: Token
    kind: str | None = None
    data: Token | None = None
    alias: Token | None = None
    last: Token | None = None
    created: bool = False


@dataclass(slots=True)
class Message:
    source: Token
    target: Token
    arrow: Token
    text: Token


@dataclass(slots=True)
class Destroy:
    name: Token


@dataclass(slots=True)
class Box:
    keyword: Token
    title: Token
    end: Token
    members: list[Mention]


def _records(children) -> list:
    """The records of a rule's statement children, in order (tokens dropped)."""
    records: list = []
    for child in children:
        if isinstance(child, list):
            records.extend(child)
    return records


class SequenceTransformer(Transformer):
    """The inline Transformer of ``grammars/mermaid_sequence.lark``: each statement as a list of records.

    A block's records are its statements' records, flattened: a block draws nothing itself. (Flattening
    at each level costs the nesting depth per record, and the lexer bounds the depth.)"""

    def start(self, children):
        return children[-1]

    def document(self, children):
        return _records(children)

    def participant(self, children):
        keyword, name = children[0], children[1]
        data = data_end = alias = None
        for child in children[2:]:
            if isinstance(child, tuple):
                data, data_end = child
            elif child.type == "REST_OF_LINE":
                alias = child
        last = alias if alias is not None and alias.value else data_end or name
        kind = "actor" if keyword.type == "PARTICIPANT_ACTOR" else "participant"
        return [Mention(name, kind, data, alias, last)]

    def participant_data(self, children):
        return (children[1], children[2])  # the content, and the '}' where the declaration may end

    def destroy(self, children):
        return [Destroy(children[1])]

    def create(self, children):
        mention = children[1][0]
        mention.created = True
        return [mention]

    def box(self, children):
        members = [record for record in _records(children) if isinstance(record, Mention)]
        return [*_records(children), Box(children[0], children[1], children[-1], members)]

    def message(self, children):
        actors = [child for child in children if isinstance(child, Token) and child.type == "ACTOR"]
        arrow = next(child for child in children if child.type == "ARROW")
        text = next(child for child in children if child.type == "TXT")
        source, target = actors
        return [Mention(source), Mention(target), Message(source, target, arrow, text)]

    def note(self, children):
        return [Mention(child) for child in children if child.type == "ACTOR"]

    def participant_info(self, children):
        return [Mention(children[1])]

    def autonumber(self, children):
        return []

    def activation(self, children):
        return []

    def title(self, children):
        return []

    def accessibility(self, children):
        return []

    block = alt = par = critical = document


@cache
def _parser():
    parser = lalr_parser("mermaid_sequence.lark", start="start", lexer=SequenceLexer, transformer=SequenceTransformer())
    plain_rule_names(parser)
    return parser


#: Mermaid's arrows as edge attributes: (type, stroke).
_ARROW_TYPES = {
    "->": "arrow_open",
    "->>": "arrow_point",
    "-x": "arrow_cross",
    "-)": "arrow_async",
    "<<->>": "double_arrow_point",
}

_FRIENDLY_TERMINALS = {
    "NEWLINE": "end of line",
    "SD": "'sequenceDiagram'",
    "ACTOR": "a participant name",
    "ARROW": "an arrow such as '->>'",
    "TXT": "':' and the message text",
    "PLUS": "'+'",
    "MINUS": "'-'",
    "CENTRAL": "'()'",
    "COMMA": "','",
    "NUM": "a number",
    "INVALID": "a statement",
    "PARTICIPANT": "'participant'",
    "PARTICIPANT_ACTOR": "'actor'",
    "CREATE": "'create'",
    "DESTROY": "'destroy'",
    "AS": "'as'",
    "REST_OF_LINE": "text",
    "CONFIG_START": "'@{'",
    "CONFIG_CONTENT": "participant data",
    "CONFIG_END": "'}'",
    "LEFT_OF": "'left of'",
    "RIGHT_OF": "'right of'",
    "PAR_OVER": "'par_over'",
    "LEGACY_TITLE": "'title:'",
    "ACC_TITLE": "'accTitle:'",
    "ACC_TITLE_VALUE": "a title",
    "ACC_DESCR": "'accDescr:'",
    "ACC_DESCR_VALUE": "a description",
    "ACC_DESCR_MULTILINE_VALUE": "a description",
}
_KEYWORDS = "BOX LOOP RECT OPT ALT ELSE PAR AND CRITICAL OPTION BREAK END OVER NOTE LINKS LINK PROPERTIES DETAILS"
_KEYWORDS += " ACTIVATE DEACTIVATE AUTONUMBER OFF TITLE"
_FRIENDLY_TERMINALS.update({name: f"'{name.lower()}'" for name in _KEYWORDS.split()})
#: The statements a line may start with: "expected" names them as one item, not twenty keywords.
_STATEMENT_STARTS = {
    _FRIENDLY_TERMINALS[name]
    for name in (
        "PARTICIPANT PARTICIPANT_ACTOR CREATE DESTROY BOX LOOP RECT OPT ALT PAR PAR_OVER CRITICAL BREAK AUTONUMBER"
        " ACTIVATE DEACTIVATE NOTE LINKS LINK PROPERTIES DETAILS TITLE LEGACY_TITLE ACC_TITLE ACC_DESCR"
        " ACC_DESCR_MULTILINE_VALUE INVALID"
    ).split()
}


def _syntax_error(error: UnexpectedInput, text: str, source: str, parser) -> DesignSyntaxError:
    """Lark's error in a Mermaid author's words; ``text`` is what the parser read (cleaned), ``source``
    the file as written, whose line is shown."""
    result = syntax_error_from_lark(error, text, parser, _FRIENDLY_TERMINALS)
    token = getattr(error, "token", None)
    if token is not None and token.type == "NEWLINE" and token.start_pos == len(text):
        result.message = "unexpected end of file"  # the line end the lexer gives the end of the file
    if token is not None and token.type == "$END":
        result.line, result.col = end_of_text(text)
    if _STATEMENT_STARTS <= set(result.expected):
        rest = [item for item in result.expected if item not in _STATEMENT_STARTS and item != "end of line"]
        result.expected = ["a statement (a message such as 'A->>B: text', 'participant', 'note', 'loop'...)", *rest]
    if result.message == "unexpected 'end'" and "'end'" not in result.expected:
        result.message = "'end' without a block ('loop', 'alt', 'box'...) to close"
        result.expected = ["a block ('loop', 'alt', 'opt', 'par', 'critical', 'break', 'rect', 'box') before 'end'"]
    result.source_line = line_of(source, result.line)
    return result


def parse(text: str, cleaned: Cleaned, path: str, limits: Limits | None = None) -> Design:
    """The sequence diagram in ``text`` (already cleaned: clean.py) as one Design."""
    parser = _parser()
    try:
        records = parser.parse(cleaned.text)
    except UnexpectedInput as error:
        raise _syntax_error(error, cleaned.text, text, parser) from None
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


_DATA_KEY = re.compile(r"""["']?(type|alias)["']?[^\S\n]*:[^\S\n]*(?:"([^"\n]*)"|'([^'\n]*)'|([^,\n}]*))""")


def _participant_data(content: str) -> dict:
    """``A@{ "type": "database" }``: Mermaid reads the content as YAML; JSON, else the ``type`` and
    ``alias`` pairs written ``key: value``, cover what its docs write."""
    try:
        data = json.loads("{" + content + "}")
    except ValueError:
        data = None
    if isinstance(data, dict):
        return data
    return {match.group(1): next(value for value in match.groups()[1:] if value is not None).strip()
            for match in _DATA_KEY.finditer(content)}


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
        self.created: Mention | None = None
        self.destroyed: Destroy | None = None

    def mention(self, mention: Mention) -> None:
        name = mention.name.value
        node = self.nodes.get(name)
        if mention.created and node is not None:
            raise _error(
                f"participant {name!r} exists already: Mermaid cannot create it again, even after a 'destroy'",
                mention.name,
                self.source,
                ["a new participant name ('create participant B as Name' draws another box named Name)"],
            )
        data = _participant_data(mention.data.value) if mention.data is not None else {}
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
        source, target = message.source.value, message.target.value
        if self.created is not None:
            if target != self.created.name.value:
                raise _error(
                    f"participant {self.created.name.value!r} is created on line {self.created.name.line}, but the"
                    " next message is not sent to it",
                    message.source,
                    self.source,
                    [f"a message to {self.created.name.value!r}"],
                )
            self.created = None
        elif self.destroyed is not None:
            gone = self.destroyed.name.value
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
                {"type": kind, "stroke": stroke, "link": str(len(self.edges))},
                Span(self.path, first.line, first.column, last.end_line, last.end_column),
            )
        )

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
            node = self.nodes[member.name.value]
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
