"""Markdown (``.md``, ``.markdown``, ``.mdx``): the diagram fences of a document as one design.

markdown-it-py finds the fences, so a fence counts exactly when a Markdown renderer would draw it:
backtick and tilde fences, fences indented inside lists and block quotes, and not the fence-like text
inside another code block or an HTML comment. Each ```` ```mermaid ````, ```` ```dot ````,
```` ```graphviz ```` and ```` ```aidl ```` fence is parsed by its own front end, and every location
(nodes, edges, groups, suppressions, syntax errors) is moved back to the Markdown file's own line and
column, past the fence's indentation and any ``> `` of a block quote.

Merging (docs/formats/markdown.md, "one design per document"): nodes of different diagrams are one node when
their normalised labels are equal (:func:`normalise_label`), or when they share an ID and at most one of
them carries a label. The same ID with two different labels is two nodes; a bare ID joins its ID's
labelled node only when that ID carries one label in the whole document, and the merged node keeps that
label. Two nodes of the same diagram are never merged. A merged node keeps the ID, span, group and role
of its first occurrence. When a later diagram's node must stay apart but its ID is taken, it is renamed
``ID@N``, N being the diagram's number in the document (1 for the first fence): the second diagram's
``A`` becomes ``A@2``. Groups keep their IDs, renamed the same way on a clash. Suppressions of every
fence apply to the merged design. ``ParseOptions(per_diagram=True)`` returns one Design per fence instead.

A Mermaid fence holds a flowchart or a sequence diagram (frontends/mermaid/sequence.py: participants are
nodes, messages edges), merged like any other. Fences of other Mermaid diagram kinds, and fences of diagram languages aidlint does not read
(PlantUML, D2, ...), are skipped with a note in :attr:`Design.notes`, never a syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from markdown_it import MarkdownIt

from aidlint.frontends import ParseOptions, parse_text, registry
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.mermaid import READ_KINDS, diagram_kind
from aidlint.memory import paused_collection
from aidlint.model import Design, Edge, Group, Node, Span, Suppression

#: Diagram languages aidlint does not read: their fences get a note, other code fences nothing.
OTHER_DIAGRAM_LANGUAGES = {
    "plantuml": "PlantUML",
    "puml": "PlantUML",
    "d2": "D2",
    "nomnoml": "nomnoml",
    "svgbob": "Svgbob",
    "ditaa": "ditaa",
    "bpmn": "BPMN",
    "structurizr": "Structurizr",
}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass
class _Fence:
    language: str
    content: str
    line: int
    """1-based Markdown line of the opening fence."""
    offsets: list[int]
    """For each content line, the Markdown column (0-based) where that line's text starts."""
    number: int
    """1-based position among the document's diagram fences."""
    end_line: int
    """1-based Markdown line of the closing fence (the last line of the document if it is unclosed)."""

    def region(self) -> tuple[int, int, str]:
        return (self.line, self.end_line, registry.by_fence(self.language).name)


def _without_tags(text: str) -> str:
    """``re.sub(r"<[^>]+>", " ", text)`` without the regex, which rescans to the end from every `<`
    that has no `>` after it (quadratic on `<<<<...`)."""
    parts, pos = [], 0
    while True:
        opening = text.find("<", pos)
        if opening == -1:
            break
        closing = text.find(">", opening + 2)
        if closing == -1:
            break
        if text[opening + 1] == ">":  # `<>` is no tag; the next `<` may start one
            parts.append(text[pos : opening + 1])
            pos = opening + 1
            continue
        parts.append(text[pos:opening])
        parts.append(" ")
        pos = closing + 1
    parts.append(text[pos:])
    return "".join(parts)


_LINE_BREAK = re.compile(r"<br\s*/?>|\\n", re.I)
_ENTITY_CODE = re.compile(r"#\w+;|&\w+;|&#\d+;")
_EMPHASIS_OR_QUOTE = re.compile(r"[*_`\"']")


def normalise_label(label: str) -> str:
    """The form in which two labels are compared: line breaks, HTML tags, entity codes, quotes,
    Markdown emphasis and runs of blanks do not count, nor does case."""
    text = _LINE_BREAK.sub(" ", label)
    text = _without_tags(text)
    text = _ENTITY_CODE.sub(" ", text)
    text = _EMPHASIS_OR_QUOTE.sub(" ", text)
    return " ".join(text.split()).casefold()


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark")


_FENCE_OPENER = re.compile(r"(`{3,}|~{3,})[ \t]*\{?\.?([\w-]+)")


def _refuse_unreachable_fence(lines: list[str], line_range: list[int]) -> None:
    """markdown-it stops nesting at its limit and drops what is deeper: a diagram fence in there would be
    silently skipped, so it is a syntax error instead (a fence aidlint cannot reach is no pass)."""
    for index in range(line_range[0], min(line_range[1], len(lines))):
        opener = _FENCE_OPENER.search(lines[index])
        if opener and registry.by_fence(opener.group(2).lower()) is not None:
            raise DesignSyntaxError(
                f"this {opener.group(2)} fence is nested deeper than the {_markdown().options['maxNesting']}"
                " block quote and list levels Markdown renderers read: aidlint cannot read it either",
                line=index + 1,
                col=opener.start() + 1,
                source_line=lines[index],
                expected=["a fence nested less deeply"],
            )


def _fences(text: str) -> list[_Fence]:
    lines = text.split("\n")
    fences: list[_Fence] = []
    number = 0
    markdown = _markdown()
    deepest = markdown.options["maxNesting"] - 1
    for token in markdown.parse(text):
        if token.nesting == 1 and token.level >= deepest and token.map is not None:
            _refuse_unreachable_fence(lines, token.map)
        if token.type != "fence" or token.map is None:
            continue
        language = token.info.strip().split(maxsplit=1)[0].lower() if token.info.strip() else ""
        language = language.strip("{}.")  # ```{mermaid} and ```.mermaid are seen in the wild
        if registry.by_fence(language) is None and language not in OTHER_DIAGRAM_LANGUAGES:
            continue
        number += 1
        first = token.map[0]
        offsets = []
        for index, content_line in enumerate(token.content.split("\n")):
            source = lines[first + 1 + index] if first + 1 + index < len(lines) else ""
            offsets.append(len(source) - len(content_line) if content_line and source.endswith(content_line) else 0)
        fences.append(_Fence(language, token.content, first + 1, offsets, number, token.map[1]))
    return fences


class _Mapper:
    """Moves a location inside a fence to the Markdown file."""

    def __init__(self, fence: _Fence, lines: list[str]) -> None:
        self.fence = fence
        self.lines = lines

    def line(self, line: int) -> int:
        return self.fence.line + line

    def col(self, line: int, col: int) -> int:
        offsets = self.fence.offsets
        return col + (offsets[line - 1] if 0 < line <= len(offsets) else 0)

    def span(self, span: Span | None) -> Span | None:
        if span is None:
            return None
        return Span(
            path=span.path,
            line=self.line(span.line),
            col=self.col(span.line, span.col),
            end_line=self.line(span.end_line),
            end_col=self.col(span.end_line, span.end_col),
        )

    def error(self, error: DesignSyntaxError) -> DesignSyntaxError:
        line = self.line(error.line)
        source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return error.shifted(line - error.line, self.col(error.line, error.col) - error.col, source)

    def design(self, design: Design) -> Design:
        for item in [*design.nodes, *design.edges, *design.groups]:
            item.span = self.span(item.span)
        design.suppressions = [
            suppression.model_copy(update={"span": self.span(suppression.span)}) for suppression in design.suppressions
        ]
        design.span = self.span(design.span)
        return design


def _blank_front_matter(text: str) -> str:
    match = _FRONT_MATTER.match(text)
    if not match:
        return text
    return "\n" * match.group(0).count("\n") + text[match.end() :]


def _parse_fences(text: str, path: str, options: ParseOptions) -> tuple[list[tuple[_Fence, Design]], list[str]]:
    lines = text.split("\n")
    parsed: list[tuple[_Fence, Design]] = []
    notes: list[str] = []
    for fence in _fences(_blank_front_matter(text)):
        where = f"line {fence.line}"
        if fence.language in OTHER_DIAGRAM_LANGUAGES:
            notes.append(
                f"{where}: skipped a {OTHER_DIAGRAM_LANGUAGES[fence.language]} diagram"
                " (aidlint reads Mermaid flowcharts and sequence diagrams, DOT and aidl)"
            )
            continue
        fmt = registry.by_fence(fence.language).name
        if fmt == "mermaid":
            kind = diagram_kind(fence.content)
            if kind not in READ_KINDS:
                what = f"a Mermaid {kind}" if kind else "an empty mermaid fence"
                notes.append(f"{where}: skipped {what} (aidlint reads Mermaid flowcharts and sequence diagrams)")
                continue
        if not registry.get(fmt).available():
            notes.append(f"{where}: skipped a {fence.language} diagram (this aidlint has no {fmt} front end)")
            continue
        mapper = _Mapper(fence, lines)
        try:
            designs = parse_text(fence.content, fmt, path, ParseOptions(limits=options.limits))
        except DesignSyntaxError as error:
            raise mapper.error(error) from None
        for design in designs:
            parsed.append((fence, mapper.design(design)))
    return parsed, notes


def parse(text: str, path: str, options: ParseOptions | None = None) -> list[Design]:
    """The document's diagrams merged into one Design (or one per fence with ``per_diagram``);
    ``[]`` for a document without diagram fences."""
    options = options or ParseOptions()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Every fence's design stays alive until the merge (memory.py).
    with paused_collection():
        parsed, notes = _parse_fences(text, path, options)
    stem = Path(path).stem
    if not parsed:
        if not notes:
            return []
        return [Design(name=stem, path=path, format="markdown", notes=notes)]
    if options.per_diagram:
        designs = []
        for fence, design in parsed:
            design.name = f"{stem} ({fence.language} at line {fence.line})"
            design.format = "markdown"
            design.embedded = [fence.region()]
            designs.append(design)
        designs[0].notes = notes + designs[0].notes
        return designs
    merged = merge([design for _, design in parsed], [fence.number for fence, _ in parsed], name=stem, path=path)
    merged.notes = notes + merged.notes
    merged.embedded = list(dict.fromkeys(fence.region() for fence, _ in parsed))
    return [merged]


def merge(designs: list[Design], numbers: list[int], name: str, path: str) -> Design:
    """Merge the designs of one document (``numbers``: each one's diagram number) per the rule above."""
    labels_by_id: dict[str, set[str]] = {}
    first_label: dict[str, str] = {}
    normalised: dict[str, str] = {}  # each label is normalised once, however often it is drawn
    for design in designs:
        for node in design.nodes:
            if node.label is not None and node.label not in normalised:
                normalised[node.label] = normalise_label(node.label)
            if node.label is not None and normalised[node.label]:
                key = normalised[node.label]
                labels_by_id.setdefault(node.id, set()).add(key)
                first_label.setdefault(key, node.label)

    nodes: dict[str, Node] = {}
    # merge key -> merged node IDs (more than one when a diagram holds two nodes with one key)
    by_key: dict[tuple[str, str], list[str]] = {}
    diagrams_of: dict[str, set[int]] = {}
    groups: dict[str, Group] = {}
    edges: list[Edge] = []
    suppressions: list[Suppression] = []
    notes: list[str] = []

    def free_id(wanted: str, number: int) -> str:
        candidate, extra = wanted, 1
        if candidate in nodes or candidate in groups:
            candidate = f"{wanted}@{number}"
        while candidate in nodes or candidate in groups:
            extra += 1
            candidate = f"{wanted}@{number}.{extra}"
        return candidate

    for design, number in zip(designs, numbers):
        group_ids: dict[str, str] = {}
        for group in design.groups:
            group_ids[group.id] = free_id(group.id, number)
        local: dict[str, str] = {}
        for node in design.nodes:
            label_key = normalised[node.label] if node.label is not None else ""
            if label_key:
                key = ("label", label_key)
            elif len(labels_by_id.get(node.id, ())) == 1:
                key = ("label", next(iter(labels_by_id[node.id])))
            else:
                key = ("id", node.id)
            target = next((merged for merged in by_key.get(key, []) if number not in diagrams_of[merged]), None)
            if target is None:
                merged_id = free_id(node.id, number)
                label = node.label if node.label is not None else first_label.get(key[1]) if key[0] == "label" else None
                nodes[merged_id] = replace(
                    node,
                    id=merged_id,
                    label=label,
                    group=group_ids.get(node.group) if node.group else None,
                    attrs=dict(node.attrs),
                )
                by_key.setdefault(key, []).append(merged_id)
                diagrams_of[merged_id] = {number}
                target = merged_id
            else:
                merged = nodes[target]
                diagrams_of[target].add(number)
                if merged.role is None and node.role is not None:
                    merged.role = node.role
                elif node.role is not None and node.role != merged.role:
                    notes.append(
                        f"node {target!r} is declared {merged.role} and, in diagram {number}, {node.role}:"
                        f" the first declaration counts"
                    )
                for key_name, value in node.attrs.items():
                    merged.attrs.setdefault(key_name, value)
            local[node.id] = target
        for group in design.groups:
            groups[group_ids[group.id]] = replace(
                group,
                id=group_ids[group.id],
                parent=group_ids.get(group.parent) if group.parent else None,
                members=[],
                attrs=dict(group.attrs),
            )
        for edge in design.edges:
            edges.append(replace(edge, source=local[edge.source], target=local[edge.target], attrs=dict(edge.attrs)))
        suppressions.extend(design.suppressions)
        notes.extend(design.notes)

    for node in nodes.values():
        if node.group is not None:
            groups[node.group].members.append(node.id)
    first = designs[0]
    return Design(
        name=name,
        path=path,
        format="markdown",
        profile=next((design.profile for design in designs if design.profile), None),
        nodes=list(nodes.values()),
        edges=edges,
        groups=list(groups.values()),
        suppressions=suppressions,
        notes=notes,
        span=first.span,
    )
