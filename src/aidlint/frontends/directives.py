"""``aidlint:`` directives written in comments, shared by every format.

Each format has its own comment syntax (``#`` in the DSL, ``//`` in DOT, ``%%`` in Mermaid); once the
comment marker is stripped, the directive text is the same everywhere:

- ``aidlint: ignore[ACME001, ACME002] the reason`` (without one it is reported as a warning), optionally
  ``ignore[ACME001] until=2027-06-30 the reason``: after that day it silences nothing and says so
- ``aidlint: role llm=model_inference, guard=safety_filter`` (an ID with blanks as a JSON string:
  ``role "Alice Smith"=user``)
- ``aidlint: profile classic-ml`` (the design's profile, for formats without a header of their own)
- ``aidlint: id api_gw="api-gw"`` (the node or group written ``api_gw`` is ``api-gw`` in the design: how
  ``aidlint export`` keeps an ID the format cannot spell; the value is a JSON string)
- ``aidlint: kind=flowchart`` (the kind of design, which decides the rules that fit; docs/roles.md)
- ``aidlint: responses=drawn`` (arrows are a one-way flow: no response is implied by a request)
- ``aidlint: models=predictive`` (the family of the design's models, which decides whether rules about
  generated content run; docs/roles.md)
- ``aidlint: replaced app -> llm`` (the edge is drawn only to show what a fix reroutes: it is not part of
  the design; gap diagrams write it, so that checking a rendered picture checks the fixed design)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

_DIRECTIVE = re.compile(r"^\s*aidlint\s*:\s*(?P<body>.*)$", re.DOTALL)
_IGNORE = re.compile(r"^ignore\s*\[(?P<ids>[^\]]*)\]\s*(?:until\s*=\s*(?P<until>\S*)\s*)?(?P<reason>.*)$", re.DOTALL)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ROLE = re.compile(r"^role\s+(?P<pairs>.+)$", re.DOTALL)
_RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*[0-9]+$")
_PROFILE = re.compile(r"^profile\s+(?P<name>[A-Za-z][\w-]*)\s*$")
_ID = re.compile(r'^id\s+(?P<name>[^\s=]+)\s*=\s*(?P<original>".*")\s*$', re.DOTALL)
_SETTING = re.compile(r"^(?P<key>kind|responses|models)\s*[=\s]\s*(?P<value>[A-Za-z][\w-]*)\s*$")
_REPLACED = re.compile(r"^replaced\s+(?P<edge>.+)$", re.DOTALL)
#: An edge end in a ``replaced`` directive: a bare ID, or a JSON string for an ID with spaces or quotes.
_EDGE_END = re.compile(r'\s*(?:(?P<quoted>"(?:[^"\\]|\\.)*")|(?P<bare>[^\s"]+?))\s*(?=->|$)')
# A node ID, bare or as a JSON string (`"Alice Smith"=user`: a sequence diagram's participant names hold blanks).
_PAIR = re.compile(r'^\s*(?:(?P<quoted>"(?:[^"\\]|\\.)*")|(?P<id>[^=\s]+))\s*=\s*(?P<role>[A-Za-z_][\w]*)\s*$')


@dataclass(frozen=True)
class IgnoreDirective:
    rule_ids: tuple[str, ...]
    reason: str
    until: str | None = None


@dataclass(frozen=True)
class RoleDirective:
    assignments: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ProfileDirective:
    name: str


@dataclass(frozen=True)
class SettingDirective:
    key: str
    value: str


@dataclass(frozen=True)
class IdDirective:
    written: str
    original: str


@dataclass(frozen=True)
class ReplacedDirective:
    source: str
    target: str


def replaced_directive(source: str, target: str) -> str:
    """The text of a ``replaced`` directive for the edge ``source -> target``."""
    return f"aidlint: replaced {_edge_end(source)} -> {_edge_end(target)}"


def _edge_end(node_id: str) -> str:
    return node_id if re.fullmatch(r"[\w.-]+", node_id) else json.dumps(node_id)


def _pairs(text: str) -> list[str]:
    """The comma-separated pairs of a ``role`` directive; a comma inside a JSON-string ID separates nothing."""
    pairs, start, quoted, escaped = [], 0, False, False
    for index, char in enumerate(text):
        if escaped:
            escaped = False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            pairs.append(text[start:index])
            start = index + 1
    pairs.append(text[start:])
    return pairs


def _parse_replaced(text: str) -> ReplacedDirective:
    first = _EDGE_END.match(text)
    if first is not None and text.startswith("->", first.end()):
        second = _EDGE_END.match(text, first.end() + 2)
        if second is not None and second.end() == len(text):
            return ReplacedDirective(_end_text(first), _end_text(second))
    raise DirectiveError(f"cannot read {text.strip()!r}: write 'aidlint: replaced SOURCE -> TARGET'")


def _end_text(match: re.Match) -> str:
    return json.loads(match.group("quoted")) if match.group("quoted") else match.group("bare")


class DirectiveError(ValueError):
    """A comment that starts with ``aidlint:`` but says something aidlint cannot follow."""


def parse_directive(
    comment_text: str,
) -> IgnoreDirective | RoleDirective | ProfileDirective | IdDirective | ReplacedDirective | SettingDirective | None:
    """Parse the text of a comment (marker already stripped); ``None`` when it is an ordinary comment."""
    match = _DIRECTIVE.match(comment_text)
    if match is None:
        return None
    body = match.group("body").strip()
    if ignore := _IGNORE.match(body):
        ids = tuple(part.strip().upper() for part in ignore.group("ids").split(",") if part.strip())
        if not ids:
            raise DirectiveError("ignore[...] names no rule: write ignore[RULE_ID] and a reason")
        bad = [rule_id for rule_id in ids if not _RULE_ID.match(rule_id)]
        if bad:
            raise DirectiveError(f"{bad[0]!r} is not a rule ID (letters, then three digits)")
        until = ignore.group("until")
        if until is not None and not _valid_date(until):
            raise DirectiveError(f"until={until} is not a date: write until=YYYY-MM-DD (like until=2027-06-30)")
        return IgnoreDirective(ids, ignore.group("reason").strip(), until)
    if role := _ROLE.match(body):
        assignments = []
        for pair in _pairs(role.group("pairs")):
            parsed = _PAIR.match(pair)
            if parsed is None:
                raise DirectiveError(f"cannot read {pair.strip()!r}: write 'aidlint: role NODE_ID=ROLE'")
            node_id = json.loads(parsed.group("quoted")) if parsed.group("quoted") else parsed.group("id")
            assignments.append((node_id, parsed.group("role")))
        return RoleDirective(tuple(assignments))
    if profile := _PROFILE.match(body):
        return ProfileDirective(profile.group("name"))
    if replaced := _REPLACED.match(body):
        return _parse_replaced(replaced.group("edge"))
    if renamed := _ID.match(body):
        try:
            original = json.loads(renamed.group("original"))
        except ValueError:
            original = None
        if not isinstance(original, str) or not original:
            raise DirectiveError('cannot read the ID: write \'aidlint: id NAME="original ID"\' (a JSON string)')
        return IdDirective(renamed.group("name"), original)
    if setting := _SETTING.match(body):
        from aidlint.model import DESIGN_KINDS, MODEL_FAMILIES, RESPONSE_MODES

        key, value = setting.group("key"), setting.group("value").lower()
        allowed = {"kind": DESIGN_KINDS, "responses": RESPONSE_MODES, "models": MODEL_FAMILIES}[key]
        if value not in allowed:
            noun = {"kind": "kind", "responses": "response mode", "models": "model family"}[key]
            raise DirectiveError(f"{value!r} is not a {noun}: use one of {', '.join(allowed)}")
        return SettingDirective(key, value)
    raise DirectiveError(
        f"unknown aidlint directive {body.split()[0] if body else ''!r}: "
        "use ignore[...], role, profile, id, replaced, kind, responses or models"
    )


def _valid_date(text: str) -> bool:
    from datetime import date

    try:
        return bool(_DATE.match(text)) and date.fromisoformat(text) is not None
    except ValueError:
        return False


@dataclass(frozen=True)
class CommentPosition:
    line: int
    column: int
    end_line: int
    end_column: int
    start_pos: int | None = None
    """The comment's offset in the text, when known: its line need not be looked for."""


def apply_comment(design, body: str, token, text: str, path: str, renames: dict | None = None) -> None:
    """Apply the directive in one comment (``body``, its marker stripped) to ``design``.

    ``aidlint: id`` directives are collected in ``renames`` when it is given, for :func:`apply_renames`
    to apply all at once (one pass over the design, however many there are).

    ``token`` is where the comment stands: anything with ``line``, ``column``, ``end_line`` and
    ``end_column`` (a Lark token, or a :class:`CommentPosition`). A malformed directive is a
    DesignSyntaxError at the comment, so that it becomes a syntax finding like any other bad input.
    """
    from aidlint.frontends.errors import DesignSyntaxError
    from aidlint.frontends.larkutil import line_of
    from aidlint.model import Span, Suppression

    def error(message: str) -> DesignSyntaxError:
        return DesignSyntaxError(message, line=token.line, col=token.column, source_line=line_of(text, token.line))

    try:
        directive = parse_directive(body)
    except DirectiveError as problem:
        raise error(str(problem)) from None
    if directive is None:
        return
    if isinstance(directive, IgnoreDirective):
        # A Lark token or a CommentPosition with its offset gives the text before it on its line at once;
        # looking the line up from the start of the file, per comment, would be quadratic.
        offset = getattr(token, "start_pos", None)
        before = text[offset - token.column + 1 : offset] if offset is not None else line_of(text, token.line)[: token.column - 1]
        standalone = not before.strip()
        span = Span(path=path, line=token.line, col=token.column, end_line=token.end_line, end_col=token.end_column)
        design.suppressions.append(
            Suppression(
                rule_ids=list(directive.rule_ids),
                reason=directive.reason,
                scope="design" if standalone else "line",
                span=span,
                until=directive.until,
            )
        )
    elif isinstance(directive, ProfileDirective):
        design.profile = directive.name
    elif isinstance(directive, IdDirective):
        if renames is not None:
            if directive.written in renames:
                raise error(f"'aidlint: id' renames {directive.written!r} twice")
            renames[directive.written] = (directive.original, token)
            return
        problem = rename_all(design, {directive.written: directive.original})
        if problem:
            raise error(problem[1])
    elif isinstance(directive, SettingDirective):
        setattr(design, directive.key, directive.value)
    elif isinstance(directive, ReplacedDirective):
        kept = [edge for edge in design.edges if (edge.source, edge.target) != (directive.source, directive.target)]
        if len(kept) == len(design.edges):
            raise error(f"'aidlint: replaced' names the edge {directive.source} -> {directive.target}, which is not in this design")
        design.edges[:] = kept
    else:
        nodes = {node.id: node for node in design.nodes}
        for node_id, role in directive.assignments:
            if node_id not in nodes:
                raise error(f"'aidlint: role' names {node_id!r}, which is not a node of this design")
            nodes[node_id].role = role



def apply_renames(design, renames: dict, text: str) -> None:
    """Apply the ``aidlint: id`` directives :func:`apply_comment` collected; a problem is a syntax finding."""
    from aidlint.frontends.errors import DesignSyntaxError
    from aidlint.frontends.larkutil import line_of

    if not renames:
        return
    problem = rename_all(design, {written: original for written, (original, _) in renames.items()})
    if problem:
        written, message = problem
        token = renames[written][1]
        raise DesignSyntaxError(message, line=token.line, col=token.column, source_line=line_of(text, token.line))


def rename_all(design, mapping: dict[str, str]) -> tuple[str, str] | None:
    """Give each node or group ``written`` its ``original`` ID everywhere, in one pass.

    Returns None, or the name of the directive at fault and the problem."""
    nodes = {node.id for node in design.nodes}
    groups = {group.id for group in design.groups}
    for written in mapping:
        if written not in nodes and written not in groups:
            return written, f"'aidlint: id' names {written!r}, which is not a node or group of this design"
    final: dict[str, str] = {}
    for name in [*nodes, *groups]:
        new = mapping.get(name, name)
        if new in final:
            written = name if name in mapping else final[new]
            return written, f"'aidlint: id' gives {written!r} the ID {new!r}, which another node or group has"
        final[new] = name
    for node in design.nodes:
        node.id = mapping.get(node.id, node.id)
        if node.group is not None:
            node.group = mapping.get(node.group, node.group)
    for edge in design.edges:
        edge.source = mapping.get(edge.source, edge.source)
        edge.target = mapping.get(edge.target, edge.target)
    for group in design.groups:
        group.id = mapping.get(group.id, group.id)
        if group.parent is not None:
            group.parent = mapping.get(group.parent, group.parent)
        group.members = [mapping.get(member, member) for member in group.members]
    return None
