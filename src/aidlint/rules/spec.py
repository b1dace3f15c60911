"""The rule format: built-in rules and users' own rules are TOML files validated by these models.

A rule is a check of one *kind* (rules/checks/: each kind's spec and linear-time evaluation), the roles
that must exist for it to apply, its messages, and a fix drawn as ghost nodes and edges.

    [[rule]]
    id = "ACME001"
    name = "model-input-unguarded"
    severity = "error"
    applies_when = [["user"], ["model_inference"]]
    check = { kind = "must-pass-through", source = ["user"], target = ["model_inference"],
              through = ["safety_filter"], paths = "serving", report = "each-target" }

Everything a rule can get wrong is caught when its file is loaded (exit 2 naming the field), never
when a design happens to trigger it: message placeholders, fix references, what its kind allows.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import Field, ValidationError, field_validator, model_validator

from aidlint.model import Severity
from aidlint.rules.checks import CheckKind, check_kinds
from aidlint.rules.selectors import Selector, SpecModel, check_role, check_selector, check_selectors

Check = Annotated[Union[tuple(check_kinds().values())], Field(discriminator="kind")]  # type: ignore[misc]

#: What a rule's message may name: the finding's subject, the witness path, the nodes, their count.
MESSAGE_FIELDS = {"subject": "", "witness": "", "nodes": "", "count": 0, "declaration": ""}


class GhostSpec(SpecModel):
    """A node the fix adds, drawn dashed in pictures."""

    role: str
    """Its role."""
    label: str
    """Its label."""
    attrs: dict[str, str] = Field(default_factory=dict)
    """Its attributes (``stage = "input"``)."""

    _role = field_validator("role")(classmethod(lambda cls, v: check_role(v)))


class GhostEdgeSpec(SpecModel):
    """Ends are references: ``@subject``, ``@first``/``@last`` (of the witness), a ghost's key, or
    ``#role`` (the first existing node of that role, else the ghost declared with that role)."""

    source: str
    """Where the edge starts (a reference)."""
    target: str
    """Where it ends (a reference)."""
    label: str | None = None
    """Its label."""
    attrs: dict[str, str] = Field(default_factory=dict)
    """Its attributes (``kind = "rollback"``)."""


class InsertSpec(SpecModel):
    """Put a ghost node on an edge of the witness path: ``a -> b`` becomes ``a -> ghost -> b``. When the
    path merely avoids a node the design has (the ``bypassed`` variant) with the ghost's role and
    attributes, the path is routed through that node instead of a second one."""

    ghost: str
    """The key of the ghost (in ``ghosts``) to insert."""
    on: Literal["first-edge", "last-edge"]
    """Which edge of the witness path."""


class FixSpec(SpecModel):
    """The smallest change that closes the gap, drawn as ghost nodes and edges."""

    description: str
    """One line: what the fix does."""
    ghosts: dict[str, GhostSpec] = Field(default_factory=dict)
    """Nodes the fix may add, by key; a ghost is drawn only when an edge or ``insert`` uses it."""
    insert: InsertSpec | None = None
    """Put a ghost on an edge of the witness path."""
    edges: list[GhostEdgeSpec] = Field(default_factory=list)
    """Edges to add (left out: an edge the design already has, and one between the inserted node and a
    node of the witness path, which the insertion already connects)."""


class RuleSpec(SpecModel):
    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*[0-9]{3}$")
    """Letters (the family) then three digits: ``ACME001``. Unique across every rule file."""
    name: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    """Lower-case words joined by dashes: ``retrieval-needs-audit``."""
    severity: Severity
    """``info``, ``warning`` or ``error`` (configuration and profiles may change it)."""
    summary: str
    """One line: what the rule checks."""
    message: str
    """The finding's one-line message; ``{subject}``, ``{witness}``, ``{nodes}``, ``{count}`` and
    ``{declaration}`` (the line declaring the subject's role, in its file's syntax) are filled in."""
    variants: dict[Literal["bypassed", "unreached"], str] = Field(default_factory=dict)
    """Messages for special cases: ``bypassed`` when a ``through`` node exists but a path avoids it,
    ``unreached`` (with ``when_unreached``) when no source reaches any target."""
    applies_when: list[list[Selector]] = Field(default_factory=list)
    """Each inner list: some node matching one of its selectors must exist."""
    check: Check
    """What is checked: a table whose ``kind`` names one of the check kinds below."""
    anchor: Selector | None = None
    """Design-level findings point at the first node of this role (else at the design's header)."""
    kinds: list[Literal["serving", "ml-platform", "agent-workflow", "flowchart", "data-pipeline", "code-cicd"]] = Field(
        default_factory=list
    )
    """The kinds of design the rule fits (docs/roles.md, "Kinds"); empty: every kind."""
    families: list[Literal["generative", "predictive"]] = Field(default_factory=list)
    """The families of models the rule is about (docs/roles.md, "Model families"): a rule about generated
    content (``["generative"]``) does not run on a design whose models are read as predictive; empty: every
    family."""
    fix: FixSpec | None = None
    """The fix drawn with each finding."""
    rationale: str = ""
    """Why it matters."""
    example_fail: str = ""
    """A design (aidl) with the gap, shown by ``aidlint explain`` (built-in rules' examples are tested)."""
    example_pass: str = ""
    """The same design without the gap."""
    how_to_fix: str = ""
    """What to change in the design."""
    references: list[str] = Field(default_factory=list)
    """Links or citations, one per item."""

    @field_validator("applies_when")
    @classmethod
    def _applies_roles_exist(cls, groups: list[list[Selector]]) -> list[list[Selector]]:
        return [check_selectors(group) for group in groups]

    @field_validator("anchor")
    @classmethod
    def _anchor_role_exists(cls, anchor: Selector | None) -> Selector | None:
        return anchor if anchor is None else check_selector(anchor)

    @field_validator("message")
    @classmethod
    def _message_fields(cls, template: str) -> str:
        return _check_template(template)

    @field_validator("variants")
    @classmethod
    def _variant_fields(cls, variants: dict[str, str]) -> dict[str, str]:
        for template in variants.values():
            _check_template(template)
        return variants

    @model_validator(mode="after")
    def _fix_references_resolve(self) -> "RuleSpec":
        if self.fix is not None:
            _check_fix(self)
        return self

    @property
    def kind(self) -> type[CheckKind]:
        return type(self.check)


def _check_template(template: str) -> str:
    try:
        template.format(**MESSAGE_FIELDS)
    except KeyError as error:
        raise ValueError(f"unknown placeholder {{{error.args[0]}}}; a message may use {_field_list()}") from None
    except (ValueError, IndexError, AttributeError) as error:
        raise ValueError(f"not a valid message template ({error}); write a literal brace as {{{{ or }}}}") from None
    return template


def _field_list() -> str:
    return ", ".join(f"{{{name}}}" for name in MESSAGE_FIELDS)


def _role_of(selector: Selector) -> str:
    return selector if isinstance(selector, str) else selector.role


def _check_fix(rule: RuleSpec) -> None:
    fix = rule.fix
    # A group whose selectors all name one role guarantees a node of that role.
    guaranteed_roles = {_role_of(group[0]) for group in rule.applies_when if group and len({_role_of(s) for s in group}) == 1}
    ghost_roles = {ghost.role for ghost in fix.ghosts.values()}
    if fix.insert is not None and fix.insert.ghost not in fix.ghosts:
        raise ValueError(f"fix.insert.ghost {fix.insert.ghost!r} is not a ghost of fix.ghosts")
    for edge in fix.edges:
        for reference in (edge.source, edge.target):
            if reference == "@subject":
                anchored = rule.anchor is not None and _role_of(rule.anchor) in guaranteed_roles
                if not (rule.check.always_names_a_node() or anchored or fix.ghosts):
                    raise ValueError(
                        "fix refers to @subject, but this check's findings do not always name a node: "
                        "anchor the rule on a role applies_when guarantees, or declare a ghost to stand in"
                    )
            elif reference in ("@first", "@last"):
                if not rule.check.always_has_a_witness():
                    raise ValueError(f"fix refers to {reference}, but this check's findings carry no witness path")
            elif reference.startswith("#"):
                role = check_role(reference[1:])
                if role not in ghost_roles and role not in guaranteed_roles:
                    raise ValueError(
                        f"fix refers to {reference}, but declares no ghost of that role and applies_when "
                        f"does not guarantee such a node"
                    )
            elif reference not in fix.ghosts:
                raise ValueError(
                    f"fix refers to {reference!r}, which is not a ghost of fix.ghosts "
                    f"(references: @subject, @first, @last, #role or a ghost's key)"
                )


class ProfileSpec(SpecModel):
    description: str
    """One line: whom the profile is for."""
    rules: list[str] | None = None
    """Only these rules (not set: every rule)."""
    exclude: list[str] = Field(default_factory=list)
    """Every rule but these."""
    severity: dict[str, Severity] = Field(default_factory=dict)
    """Severities that differ from the rules' own."""


class RulePack(SpecModel):
    rule: list[RuleSpec]
    profile: dict[str, ProfileSpec] = Field(default_factory=dict)

    def of_kind(self, kind: str) -> RuleSpec | None:
        """The first rule whose check is of ``kind`` (engine-only kinds have exactly one)."""
        return next((rule for rule in self.rule if rule.check.kind == kind), None)


class RulePackError(ValueError):
    """A rule file that cannot be used; the message names the file and the field."""


def load_rule_pack(path: Path, *, builtin: bool = False) -> RulePack:
    """Read and validate one rule file; users' files (``builtin=False``) may only use their kinds."""
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
    except OSError as error:
        raise RulePackError(f"{path}: cannot read the rule file: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise RulePackError(f"{path}: not UTF-8 text (byte {error.start}); save the rule file as UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise RulePackError(f"{path}: not valid TOML: {error}") from None
    if "rule" not in data:
        raise RulePackError(f"{path}: no [[rule]] table; a rule file declares each of its rules in one (docs/custom-rules.md)")
    try:
        pack = RulePack.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            location = _describe_location(data, item["loc"])
            problems.append(f"{path}: {location}: {item['msg']}")
        raise RulePackError("\n".join(problems)) from None
    if not builtin:
        for index, rule in enumerate(pack.rule):
            if not rule.kind.user_declarable:
                raise RulePackError(
                    f"{path}: rule[{index}] ({rule.id}).check.kind: {rule.check.kind!r} is reserved to aidlint's "
                    f"own rules (reported by the {rule.kind.reported_by})"
                )
    return pack


def _describe_location(data: dict, loc: tuple) -> str:
    """``rule[2] (ACME001).check.through`` rather than pydantic's raw tuple."""
    skipped = {*check_kinds(), "str", "RoleFilter"}  # pydantic's names for union members
    parts: list[str] = []
    node = data
    for key in loc:
        if isinstance(key, int):
            parts[-1] += f"[{key}]"
            try:
                node = node[key]
                if isinstance(node, dict) and "id" in node and len(parts) == 1:
                    parts[-1] += f" ({node['id']})"
            except (IndexError, KeyError, TypeError):
                pass
        elif key in skipped:
            continue
        else:
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return ".".join(parts)
