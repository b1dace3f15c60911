"""The input formats aidlint reads: each declares itself here once, and everything else derives from it.

The CLI's ``--input-format`` choices, the directory walk (which suffixes are designs), the Markdown
fence dispatch, the "unknown format" message, the role declaration that the unclassified-node finding and ``aidlint roles``
suggest, the pre-commit hook's ``files`` pattern and the README's format table are all computed from
:data:`FORMATS` (``tests/frontends/test_registry.py`` checks each of them). Adding a format is one front-end
module plus one :class:`InputFormat` entry; see docs/architecture.md.

This module imports nothing heavy: a front end's code is imported only when a file of its format is read.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from functools import cache
from typing import Callable


@dataclass(frozen=True)
class InputFormat:
    name: str
    """What ``--input-format`` and ``Design.format`` call it."""
    title: str
    """How the docs name it."""
    suffixes: tuple[str, ...]
    """File suffixes (lower case, with the dot) that hold this format."""
    fences: tuple[str, ...]
    """Info words of the Markdown fences that hold it (```` ```mermaid ````)."""
    comment: str
    """The marker that starts a comment, so that ``<marker> aidlint: ...`` is a directive."""
    role_syntax: str
    """How an author declares a role, for the docs' table."""
    module: str
    """The front end: a module with ``parse(text, path, options) -> list[Design]``."""
    declare: str
    """``module:function`` giving the line that declares a node's role, ``function(node_id, role)``;
    it must be importable without the parser (it runs for suggestions)."""
    doc: str
    """The page of docs/ that describes the format."""
    embeds_others: bool = False
    """A container of other formats' diagrams (Markdown): roles are declared in each diagram's syntax."""

    def available(self) -> bool:
        return importlib.util.find_spec(self.module) is not None

    def parse(self) -> Callable:
        return importlib.import_module(self.module).parse

    def declare_role(self, node_id: str, role: str) -> str:
        module, function = self.declare.split(":")
        return getattr(importlib.import_module(module), function)(node_id, role)


FORMATS: tuple[InputFormat, ...] = (
    InputFormat(
        name="aidl",
        title="aidlint DSL",
        suffixes=(".aidl",),
        fences=("aidl",),
        comment="#",
        role_syntax="`id: role` or `role=...`",
        module="aidlint.frontends.dsl",
        declare="aidlint.frontends.names:declare_aidl_role",
        doc="docs/dsl.md",
    ),
    InputFormat(
        name="dot",
        title="Graphviz DOT",
        suffixes=(".dot", ".gv"),
        fences=("dot", "graphviz", "gv"),
        comment="//",
        role_syntax='`id [role="..."]` (or a `class` naming a role), `// aidlint: role id=role`',
        module="aidlint.frontends.dot",
        declare="aidlint.frontends.names:declare_dot_role",
        doc="docs/formats/dot.md",
    ),
    InputFormat(
        name="mermaid",
        title="Mermaid flowcharts and sequence diagrams",
        suffixes=(".mmd", ".mermaid"),
        fences=("mermaid",),
        comment="%%",
        role_syntax="`:::role`, `class a,b role`, `%% aidlint: role a=role`",
        module="aidlint.frontends.mermaid",
        declare="aidlint.frontends.names:declare_mermaid_role",
        doc="docs/formats/mermaid.md",
    ),
    InputFormat(
        name="markdown",
        title="Markdown design docs",
        suffixes=(".md", ".markdown", ".mdx"),
        fences=(),
        comment="<!--",
        role_syntax="as in each fence",
        module="aidlint.frontends.markdown",
        declare="aidlint.frontends.names:declare_any_role",
        doc="docs/formats/markdown.md",
        embeds_others=True,
    ),
)

_BY_NAME = {fmt.name: fmt for fmt in FORMATS}
_BY_SUFFIX = {suffix: fmt for fmt in FORMATS for suffix in fmt.suffixes}
_BY_FENCE = {fence: fmt for fmt in FORMATS for fence in fmt.fences}


def names() -> list[str]:
    return [fmt.name for fmt in FORMATS]


def get(name: str) -> InputFormat:
    return _BY_NAME[name]


def by_suffix(suffix: str) -> InputFormat | None:
    return _BY_SUFFIX.get(suffix.lower())


def by_fence(info_word: str) -> InputFormat | None:
    return _BY_FENCE.get(info_word.lower())


def suffixes() -> list[str]:
    return [suffix for fmt in FORMATS for suffix in fmt.suffixes]


def suffix_list() -> str:
    """``.aidl, .dot, ... and .mdx``, for messages."""
    items = suffixes()
    return ", ".join(items[:-1]) + " and " + items[-1]


def unknown_format_message(what: str) -> str:
    return f"{what}: aidlint does not know this format; it reads {suffix_list()} files"


def pre_commit_files_pattern() -> str:
    """The ``files`` regex of .pre-commit-hooks.yaml."""
    return r"\.(" + "|".join(suffix[1:] for suffix in suffixes()) + r")$"


def fence_of_line(design, line: int) -> str:
    """The format in force at ``line`` of ``design``: a Markdown line inside a fence is that fence's."""
    for first, last, fmt in design.embedded:
        if first <= line <= last:
            return fmt
    return design.format


def role_declaration(design, node_id: str, role: str) -> str:
    """The line that declares ``node_id``'s role where the node is written, in that place's syntax:
    for a node drawn in a Markdown file's mermaid fence, Mermaid's, to paste into that fence."""
    fmt = design.format
    if design.embedded:  # only a document's nodes are looked up: a search per node is quadratic in `roles`
        node = next((node for node in design.nodes if node.id == node_id), None)
        if node is not None and node.span is not None:
            fmt = fence_of_line(design, node.span.line)
    return get(fmt).declare_role(node_id, role)


@cache
def format_table() -> str:
    """The README's format table."""
    rows = [
        "| format | files | Markdown fences | roles declared by | suppressions |",
        "|---|---|---|---|---|",
    ]
    for fmt in FORMATS:
        files = ", ".join(f"`{suffix}`" for suffix in fmt.suffixes)
        fences = ", ".join(f"`{fence}`" for fence in fmt.fences) or "-"
        if fmt.embeds_others:
            suppression = "as in each fence"
        else:
            suppression = f"`{fmt.comment} aidlint: ignore[RULE] reason`"
        rows.append(f"| {fmt.title} ([{fmt.doc}]({fmt.doc})) | {files} | {fences} | {fmt.role_syntax} | {suppression} |")
    return "\n".join(rows) + "\n"
