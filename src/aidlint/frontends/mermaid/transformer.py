"""The inline Transformer of ``grammars/mermaid.lark``: small statement records, in source order."""

from __future__ import annotations

from dataclasses import dataclass

from lark import Token, Transformer

# Slotted records, and empty tuples rather than lists where most vertices have nothing: a big file
# makes tens of thousands of them.
@dataclass(slots=True)
class Text:
    first: Token
    last: Token
    kind: str  # "text", "string" or "markdown"


@dataclass(slots=True)
class Vertex:
    id: str
    first: Token
    last: Token
    label: Text | None
    shape: str
    classes: tuple[str, ...] = ()
    shape_data: tuple[Token, ...] = ()


@dataclass(slots=True)
class Link:
    arrow: str
    start: str | None
    text: Text | None
    id: str | None


@dataclass(slots=True)
class VertexStatement:
    nodes: list[list[Vertex]]
    links: list[Link]


@dataclass
class Subgraph:
    keyword: Token
    end: Token
    name: Text | None
    title: Text | None
    body: list


@dataclass
class ClassStatement:
    ids: str
    class_name: str
    first: Token


@dataclass
class StyleStatement:
    id: str
    first: Token
    last: Token


@dataclass
class LinkStyle:
    numbers: list[Token]


@dataclass
class Document:
    statements: list


_SHAPES = {
    "SQS": "square",
    "DOUBLECIRCLESTART": "doublecircle",
    "ELLIPSE_START": "ellipse",
    "STADIUMSTART": "stadium",
    "SUBROUTINESTART": "subroutine",
    "VERTEX_WITH_PROPS_START": "rect",
    "CYLINDERSTART": "cylinder",
    "DIAMOND_START": "diamond",
    "TAGEND": "odd",
}
_TRAPEZOIDS = {
    ("TRAPSTART", "TRAPEND"): "trapezoid",
    ("INVTRAPSTART", "INVTRAPEND"): "inv_trapezoid",
    ("TRAPSTART", "INVTRAPEND"): "lean_right",
    ("INVTRAPSTART", "TRAPEND"): "lean_left",
}


def _tokens(children: list) -> list[Token]:
    return [child for child in children if isinstance(child, Token)]


class IdTokens:
    """The tokens of one ID as the left-recursive ``id_string`` rule reads them, one by one."""

    __slots__ = ("tokens",)

    def __init__(self, token: Token) -> None:
        self.tokens = [token]

    def parts(self) -> tuple[str, Token, Token]:
        """The ID, its first and its last token."""
        tokens = self.tokens
        return "".join(token.value for token in tokens), tokens[0], tokens[-1]


class MermaidTransformer(Transformer):
    """Named after the rules of ``grammars/mermaid.lark``; runs inline in the LALR parser."""

    def start(self, children: list) -> Document:
        return children[-1]

    def document(self, children: list) -> Document:
        return children[0] if children else Document([])

    def lines(self, children: list) -> Document:
        # `lines: lines? statement separator?`: the statements so far, then one more line
        if isinstance(children[0], Document):
            document, statement = children[0], children[1]
        else:
            document, statement = Document([]), children[0]
        if statement is not None and not isinstance(statement, Token):
            document.statements.append(statement)
        elif statement is not None and statement.type == "SIMPLE_STATEMENTS":
            # statements.py builds this module's records, so it is imported here rather than at the top
            from aidlint.frontends.mermaid.statements import read_statements

            document.statements.extend(read_statements(statement))
        return document

    def id_string(self, children: list) -> IdTokens:
        return children[0]

    def id_tokens(self, children: list) -> IdTokens:
        if len(children) == 1:
            return IdTokens(children[0])
        children[0].tokens.append(children[1])
        return children[0]

    def text(self, children: list) -> Text:
        return children[0]

    def text_tokens(self, children: list) -> Text:
        if len(children) == 2:  # `text_tokens: text_tokens TEXT`: one more token of the same text
            text = children[0]
            text.last = children[1]
            return text
        return self._text(children)

    def _text(self, children: list) -> Text:
        kind = {"STR": "string", "MD_STR": "markdown"}.get(children[0].type, "text")
        return Text(children[0], children[-1], kind)

    text_no_tags = _text

    def edge_text(self, children: list) -> Text:
        return self._text(children)

    def vertex(self, children: list) -> Vertex:
        node_id, first, last = children[0].parts()
        text = next((child for child in children if isinstance(child, Text)), None)
        opening = [child.type for child in _tokens(children[1:])]
        if not opening:
            return Vertex(node_id, first, last, None, "")
        shape = _TRAPEZOIDS.get((opening[0], opening[-1]))
        if shape is None:
            doubled = len(opening) > 2 and opening[1] == opening[0]
            shape = {"PS": "circle" if doubled else "round", "DIAMOND_START": "hexagon" if doubled else "diamond"}.get(
                opening[0], _SHAPES.get(opening[0], "square")
            )
        return Vertex(node_id, first, children[-1], text, shape)

    def shape_data(self, children: list) -> list[Token]:
        return children

    def node(self, children: list) -> list[Vertex]:
        if isinstance(children[-1], IdTokens):  # `vertex ::: class`
            class_name, _, last = children[-1].parts()
            vertex = children[-3]
            vertex.classes = (*vertex.classes, class_name)
            vertex.last = last
            children = children[:-2]
        else:
            vertex = children[-1]
        if len(children) == 1:
            return [vertex]
        nodes = children[0]
        if isinstance(children[1], list):
            nodes[-1].shape_data = (*nodes[-1].shape_data, *children[1])
        nodes.append(vertex)
        return nodes

    def vertex_statement(self, children: list) -> VertexStatement:
        data = next((child for child in children[1:] if isinstance(child, list) and child and isinstance(child[0], Token)), None)
        if isinstance(children[0], VertexStatement):
            statement, link, nodes = children[0], children[1], children[2]
            statement.links.append(link)
            statement.nodes.append(nodes)
        else:
            nodes = children[0]
            statement = VertexStatement([nodes], [])
        if data:
            nodes[-1].shape_data = (*nodes[-1].shape_data, *data)
        return statement

    def link(self, children: list) -> Link:
        first = children[0]
        link_id = first.value if first.type == "LINK_ID" else None
        arrow_at = 1 if link_id is not None else 0
        arrow = children[arrow_at]
        if arrow.type == "START_LINK":  # `-- text -->`
            return Link(children[-1].value, arrow.value, children[-2], link_id)
        if len(children) > arrow_at + 1:  # `-->|text|`
            return Link(arrow.value, None, children[arrow_at + 2], link_id)
        return Link(arrow.value, None, None, link_id)

    def subgraph(self, children: list) -> Subgraph:
        texts = [child for child in children if isinstance(child, Text)]
        body = next(child for child in children if isinstance(child, Document))
        name = texts[0] if texts else None
        title = texts[1] if len(texts) > 1 else None
        return Subgraph(children[0], children[-1], name, title, body.statements)

    def class_statement(self, children: list) -> ClassStatement:
        return ClassStatement(children[2].parts()[0], children[4].parts()[0], children[0])

    def style_statement(self, children: list) -> StyleStatement:
        node_id, first, last = children[2].parts()
        return StyleStatement(node_id, first, last)

    def num_list(self, children: list) -> list[Token]:
        return [child for child in children if child.type == "NUM"]

    def link_style(self, children: list) -> LinkStyle:
        return LinkStyle(children[2] if isinstance(children[2], list) else [])

    def ignored_statement(self, children: list) -> None:
        return None

    def direction(self, children: list) -> None:
        return None

    def accessibility(self, children: list) -> None:
        return None
