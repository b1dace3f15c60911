"""Text into each format's syntax, so that whatever a label or ID holds it reads back as itself.

Every writer (``aidlint export``, the gap diagrams) goes through these functions: nothing a design holds
is ever written raw. Each one is the inverse of what the matching front end does when it reads the text
back (``frontends/dsl.py``, ``frontends/dot/lexer.py``, ``frontends/mermaid/shapes.py``), which the round-trip tests
in ``tests/test_export_roundtrip.py`` check on random hostile designs.
"""

from __future__ import annotations

import json
import re

# -- DOT -------------------------------------------------------------------------------------------

_DOT_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DOT_KEYWORDS = frozenset({"strict", "graph", "digraph", "subgraph", "node", "edge"})
# A run of backslashes right before a quote, a line end or the end of the text: Graphviz reads the
# pair `\"` as a quote and `\<newline>` as nothing, so an odd run there cannot be written in quotes.
_DOT_ODD_BACKSLASHES = re.compile(r'(?<!\\)(?:\\\\)*\\(?=["\n]|\Z)')
_DOT_HTML_DEPTH = 8  # what the HTML terminal of grammars/dot.lark accepts


class CannotWrite(ValueError):
    """Text a format has no way to spell (the export then stops with a clear message)."""


def dot_id(text: str) -> str:
    """``text`` as a DOT ID: bare when it is a plain name, else a double-quoted string.

    Quotes are escaped; every other backslash pair stays as written, as Graphviz keeps it. Text that
    quotes cannot hold (an odd run of backslashes before a quote, a line end or the end) is written as
    an HTML string when its angle brackets balance.
    """
    if _DOT_NAME.fullmatch(text) and text.lower() not in _DOT_KEYWORDS:
        return text
    if not _DOT_ODD_BACKSLASHES.search(text):
        return '"' + text.replace('"', '\\"') + '"'
    if _html_balanced(text):
        return f"<{text}>"
    raise CannotWrite(f"{text!r} cannot be written in DOT: it ends a line or a quote with a backslash")


def _html_balanced(text: str) -> bool:
    depth = 0
    for char in text:
        if char == "<":
            depth += 1
            if depth >= _DOT_HTML_DEPTH:
                return False
        elif char == ">":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


# -- Mermaid ---------------------------------------------------------------------------------------

_MERMAID_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Words Mermaid's lexer reads as something else where an ID stands (frontends/mermaid/lexer.py's rules).
_MERMAID_KEYWORDS = frozenset(
    {
        "end", "graph", "flowchart", "subgraph", "style", "linkstyle", "classdef", "class", "click", "call",
        "href", "default", "interpolate", "direction", "acctitle", "accdescr", "_self", "_blank", "_parent",
        "_top", "flowchart-elk",
    }
)  # fmt: skip
# Characters a quoted Mermaid label cannot hold as they are: the quote ends it, a line end lets the
# next line be read as a `%%` comment, `#` starts an entity code, `%` could open a `%%{` directive,
# a leading backtick or blank changes how the label is read, `<` opens markup (after `<x=` the label's
# closing quote would open an attribute value); control characters are never written raw.
_MERMAID_ESCAPED = re.compile(r'["#%`<>\x00-\x1f\x7f-\x9f]|^\s|\s$')


def mermaid_string(text: str) -> str:
    """``text`` as a quoted Mermaid label, special characters as ``#NN;`` entity codes."""
    return '"' + _MERMAID_ESCAPED.sub(lambda m: "".join(f"#{ord(c)};" for c in m.group(0)), text) + '"'


def mermaid_ids(ids: list[str]) -> dict[str, str]:
    """A Mermaid ID for each ID, in order: itself when Mermaid can read it back, else a derived name.

    Derived names keep the ID's letters and digits (``api-gw`` -> ``api_gw``) and never collide with an
    ID that is kept or one derived before; the writer records the original with ``aidlint: id``.
    """
    kept = {name for name in ids if mermaid_name_ok(name)}
    taken = set(kept)
    mapping: dict[str, str] = {}
    for name in ids:
        if name in mapping:
            continue
        if name in kept:
            mapping[name] = name
            continue
        base = re.sub(r"[^A-Za-z0-9_]+", "_", name).strip("_") or "id"
        if not base[0].isalpha():
            base = "n_" + base
        candidate, number = base, 1
        while candidate in taken or not mermaid_name_ok(candidate):
            number += 1
            candidate = f"{base}_{number}"
        taken.add(candidate)
        mapping[name] = candidate
    return mapping


def mermaid_name_ok(name: str) -> bool:
    return bool(_MERMAID_NAME.fullmatch(name)) and name.lower() not in _MERMAID_KEYWORDS


# -- The aidlint DSL -------------------------------------------------------------------------------

_AIDL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_AIDL_KEYWORDS = frozenset({"design", "group"})
_AIDL_BARE_VALUE = re.compile(r'[^\s"=;{}#\\]+')


def aidl_string(text: str) -> str:
    """``text`` as a DSL string: ``\\``, ``"`` and line ends escaped (frontends/dsl.py's ``_unquote``)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def aidl_name(text: str) -> str:
    """``text`` as a DSL node, group or attribute name: bare when it is a plain name, else quoted."""
    if _AIDL_NAME.fullmatch(text) and text not in _AIDL_KEYWORDS:
        return text
    return aidl_string(text)


def aidl_value(text: str) -> str:
    return text if _AIDL_BARE_VALUE.fullmatch(text) else aidl_string(text)


# -- Comment directives (every format) -------------------------------------------------------------


def directive_string(text: str) -> str:
    """``text`` as the quoted value of an ``aidlint:`` directive, on one line, with no ``%``."""
    return json.dumps(text, ensure_ascii=False).replace("%", "\\u0025")
