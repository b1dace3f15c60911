"""The inline Transformer of ``grammars/mermaid_sequence.lark``: each statement as a list of small records,
in source order (sequence.py builds the design from them)."""

from __future__ import annotations

from dataclasses import dataclass

from lark import Token, Transformer


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
class Activation:
    """``activate X`` or ``A->>+X`` (``step`` 1), ``deactivate X`` or ``X-->>-A`` (``step`` -1): drawn as
    nothing, but Mermaid refuses to deactivate a participant that is not active."""

    name: Token
    step: int
    at: Token


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
        records = [Mention(source), Mention(target), Message(source, target, arrow, text)]
        mark = children[2]
        if mark.type == "PLUS":
            records.append(Activation(target, 1, mark))
        elif mark.type == "MINUS":
            records.append(Activation(source, -1, mark))
        return records

    def note(self, children):
        return [Mention(child) for child in children if child.type == "ACTOR"]

    def participant_info(self, children):
        return [Mention(children[1])]

    def autonumber(self, children):
        return []

    def activation(self, children):
        return [Activation(children[1], 1 if children[0].type == "ACTIVATE" else -1, children[1])]

    def title(self, children):
        return []

    def accessibility(self, children):
        return []

    block = alt = par = critical = document
