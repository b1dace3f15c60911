"""Shapes, shape data (``A@{ shape: rect, label: "Text" }``), link kinds and labels as Mermaid reads them."""

from __future__ import annotations

import re

from aidlint.frontends.mermaid.transformer import Link, Text


#: Shape names Mermaid 11 accepts in `@{ shape: ... }` (rendering-elements/shapes.ts).
VALID_SHAPES = frozenset(
    """anchor bang bolt bow-rect bow-tie-rectangle brace brace-l brace-r braces card choice circ circle
    cloud collate com-link comment cross-circ crossed-circle curv-trap curved-trapezoid cyl cylinder das
    data-store database datastore db dbl-circ decision delay diam diamond disk display div-proc div-rect
    divided-process divided-rectangle doc docs document documents double-circle doublecircle event extract
    f-circ filled-circle flag flip-tri flipped-triangle fork fr-circ fr-rect framed-circle
    framed-rectangle h-cyl half-rounded-rectangle hex hexagon horizontal-cylinder hourglass icon in-out
    internal-storage inv-trapezoid join junction lean-l lean-left lean-r lean-right lightning-bolt lin-cyl
    lin-doc lin-proc lin-rect lined-cylinder lined-document lined-process lined-rectangle loop-limit manual
    manual-file manual-input note notch-pent notch-rect notched-pentagon notched-rectangle odd out-in
    paper-tape pill prepare priority proc process processes procs question rect rectangle rounded
    shaded-process sl-rect sloped-rectangle sm-circ small-circle st-doc st-rect stacked-document
    stacked-rectangle stadium start state stop stored-data subproc subprocess subroutine summary tag-doc
    tag-proc tag-rect tagged-document tagged-process tagged-rectangle terminal text trap-b trap-t
    trapezoid trapezoid-bottom trapezoid-top tri triangle win-pane window-pane""".split()
)

_DATA_PAIR = re.compile(
    r"""\s*([\w-]+)\s*:\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^,\n]*?)\s*(?:,|\n|$)""", re.DOTALL
)


def shape_data(source: str) -> dict[str, str]:
    data = {}
    for match in _DATA_PAIR.finditer(source):
        key, value = match.group(1), match.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        data[key] = value
    return data


_ENTITY = re.compile(r"#\w+;")


def label_text(source: str, text: Text | None) -> str | None:
    """The label as Mermaid shows it: trimmed, one pair of surrounding quotes dropped, entity codes decoded."""
    if text is None:
        return None
    raw = source[text.first.start_pos : text.last.end_pos].strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1]
    return decode_entities(raw)


def decode_entities(text: str) -> str:
    """Mermaid's entity codes (``#35;``, ``#quot;``) decoded, as labels of every diagram kind show them."""
    return _ENTITY.sub(_decode_entity, text) if "#" in text else text


def _decode_entity(match: re.Match) -> str:
    """``#35;`` and ``#quot;`` stand for the character Mermaid shows (its escape for quotes, `#`, line
    ends); a code that names no character stays as written, as Mermaid prints it."""
    import html.entities

    name = match.group(0)[1:-1]
    if name.isdigit():
        code = int(name) if len(name) <= 7 else 0
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)
    return html.entities.html5.get(name + ";", match.group(0))


def link_info(link: Link) -> dict[str, str]:
    """Mermaid's destructLink: the arrow's type, stroke and length."""
    arrow = link.arrow.strip()
    line = arrow[:-1]
    kind = "arrow_open"
    ends = {"x": "arrow_cross", ">": "arrow_point", "o": "arrow_circle"}
    if arrow[-1:] in ends:
        kind = ends[arrow[-1]]
        if arrow.startswith("<" if arrow[-1] == ">" else arrow[-1]):
            kind = "double_" + kind
            line = line[1:]
    stroke = "thick" if line.startswith("=") else "invisible" if line.startswith("~") else "normal"
    length = len(line) - 1
    if line.count("."):
        stroke, length = "dotted", line.count(".")
    if link.start is not None:
        start = link.start.strip()
        start_kind = {"<": "arrow_point", "x": "arrow_cross", "o": "arrow_circle"}.get(start[:1], "arrow_open")
        if start_kind != "arrow_open":
            kind = "double_" + start_kind if start_kind == kind else "invalid"
    return {"type": kind, "stroke": stroke, "length": str(max(length, 1))}
