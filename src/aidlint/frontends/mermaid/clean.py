"""Cleaning a Mermaid text as Mermaid does before it parses (front matter, ``%%{init}%%`` directives,
``%%`` comment lines, ``#entity;`` codes), always without moving a character, so that every token keeps
its place in the file."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The words that start a flowchart; anything else is another kind of Mermaid diagram.
FLOWCHART_KEYWORDS = ("flowchart-elk", "flowchart", "graph")

_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?)\n-{3}[ \t]*(?:\n|$)", re.DOTALL)
_DIRECTIVE = re.compile(r"%{2}\{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!\}%{2}).|\r?\n)*))?\s*(?:\}%{2})?", re.I)
# Mermaid drops a comment line with its line end; ``^\s*`` may also swallow blank lines before it.
_COMMENT_LINE = re.compile(r"^[ \t]*%%(?!\{)([^\n]+)$", re.M)
_TAG_START = re.compile(r"<\w")
_ATTRIBUTE_QUOTES = re.compile(r'="([^"]*)"')
_ENTITY = re.compile(r"#\w+;")
_STYLE_WORD = re.compile(r"style|classDef")
_TITLE = re.compile(r"^title:[ \t]*(.*?)[ \t]*$", re.M)


def _blank(match: re.Match) -> str:
    """The matched text with every character but line ends turned into a space."""
    return re.sub(r"[^\n]", " ", match.group(0))


@dataclass
class Cleaned:
    text: str
    """What the lexer reads: the source with front matter, directives and comments blanked."""
    title: str | None
    comments: list[tuple[int, str]]
    """(offset of the ``%%``, comment text after it) for every comment line."""


def clean(source: str) -> Cleaned:
    text = source
    title = None
    front = _FRONT_MATTER.match(text)
    if front:
        found = _TITLE.search(front.group(1))
        if found:
            title = found.group(1).strip("'\"") or None
        text = _blank(front) + text[front.end() :]
    text = _DIRECTIVE.sub(_blank, text)
    comments = [(match.start(1) - 2, match.group(1)) for match in _COMMENT_LINE.finditer(text)]
    text = _COMMENT_LINE.sub(_blank, text)
    text = _requote_tags(text)
    # Mermaid drops the last ';' of a style line that holds a colour, then encodes every `#name;` as
    # `ﬂ°name¶ß` (which only text may contain); the same characters, position for position, do the same.
    if "style" in text or "classDef" in text:
        text = "\n".join(_drop_style_semicolon(line) for line in text.split("\n"))
    text = _ENTITY.sub(lambda m: "\ufb02" + m.group(0)[1:-1] + "\u00b6", text)
    return Cleaned(text, title, comments)


def _requote_tags(text: str) -> str:
    """Mermaid's `<(\\w+)([^>]*)>` rewrite, `<a href="x">` to `<a href='x'>` (so that the quote does not
    open a string), without the regex: from every `<` of `<a<a<a...` it would scan to the end of the text."""
    if "<" not in text:
        return text
    parts, pos = [], 0
    while True:
        tag = _TAG_START.search(text, pos)
        if tag is None:
            break
        close = text.find(">", tag.end())
        if close == -1:
            break  # no later `<` has a `>` after it either
        parts.append(text[pos : tag.end()])
        parts.append(_ATTRIBUTE_QUOTES.sub(r"='\1'", text[tag.end() : close]))
        pos = close
    parts.append(text[pos:])
    return "".join(parts)


def _drop_style_semicolon(line: str) -> str:
    """Mermaid's `(?:style|classDef).*:\\S*#.*;` rewrite of one line (its last ';' becomes a blank), without
    the regex's backtracking, which is quadratic on a line of colons: a `#` must follow a `:` in the same
    blank-free run, after the keyword and before the line's last ';'."""
    keyword = _STYLE_WORD.search(line)
    if keyword is None:
        return line
    semicolon = line.rfind(";")
    colon_in_run = False
    for index in range(keyword.end(), semicolon):
        char = line[index]
        if char == ":":
            colon_in_run = True
        elif char == "#":
            if colon_in_run:
                return line[:semicolon] + " " + line[semicolon + 1 :]
        elif char.isspace():
            colon_in_run = False
    return line


def diagram_kind(text: str, cleaned: Cleaned | None = None) -> str | None:
    """The kind of Mermaid diagram: ``"flowchart"``, another keyword (``"sequenceDiagram"``...), or
    ``None`` when the text holds no diagram at all. ``cleaned``: ``clean(text)``, if already done."""
    cleaned = (cleaned or clean(text)).text
    match = re.search(r"\S+", cleaned)
    if match is None:
        return None
    word = match.group(0)
    if word.startswith(("graph", "flowchart")):
        return "flowchart"
    return re.match(r"[\w-]*", word).group(0) or word


