"""The rule format: built-in rules and users' own rules are TOML files validated by these models.

A rule is a check of one *kind* (the engine knows each kind's linear-time algorithm), the roles it is
about, the roles that must exist for it to apply, and a fix drawn as ghost nodes and edges.

    [[rule]]
    id = "SAF001"
    name = "model-input-unguarded"
    severity = "error"
    applies_when = [["user"], ["model_inference"]]
    check = { kind = "must-pass-through", source = ["user"], target = ["model_inference"],
              through = ["safety_filter"], paths = "serving", report = "each-target" }
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from aidlint.model import ROLES, Severity


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RoleFilter(_Spec):
    """Nodes of ``role`` whose label or attributes mention the vocabulary term list ``mentions``."""

    role: str
    mentions: str | None = None


Selector = Union[str, RoleFilter]
"""A role name, or a role narrowed by a vocabulary term (a canary-style deployment_controller)."""


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"{role!r} is not a role (roles: {', '.join(ROLES)})")
    return role


class _PathCheck(_Spec):
    paths: Literal["all", "serving"] = "all"
    """``serving``: paths that avoid the lifecycle side (training, evaluation, release, review, ...)."""

    @field_validator("source", "target", "through", "via", check_fields=False)
    @classmethod
    def _roles_exist(cls, selectors: list) -> list:
        for selector in selectors:
            _check_role(selector if isinstance(selector, str) else selector.role)
        return selectors


class MustPassThrough(_PathCheck):
    """Every path from a source to a target passes through a node of ``through``."""

    kind: Literal["must-pass-through"]
    source: list[Selector]
    target: list[Selector]
    through: list[Selector]
    report: Literal["each-target", "each-source"] = "each-target"
    when_unreached: bool = False
    """Also a finding (one per design) when no target is reachable from any source at all."""


class MustReach(_PathCheck):
    """Sources reach a target (optionally through a node of ``via``): some source, or each one."""

    kind: Literal["must-reach"]
    source: list[Selector]
    target: list[Selector]
    via: list[Selector] = Field(default_factory=list)
    quantifier: Literal["any", "each"] = "any"


class SomePathThrough(_PathCheck):
    """Where sources reach targets, some node of ``through`` lies on such a path."""

    kind: Literal["some-path-through"]
    source: list[Selector]
    target: list[Selector]
    through: list[Selector]


class EdgeExists(_Spec):
    """Some edge whose label or ``kind`` attribute mentions the term list ``mentions`` ends at a target."""

    kind: Literal["edge-exists"]
    mentions: str
    target: list[Selector]


class RequiresRole(_Spec):
    kind: Literal["requires-role"]
    role: str


class RoleKnown(_Spec):
    """Every node has a role (one finding per design lists the nodes without one)."""

    kind: Literal["role-known"]


class DeclaredRoleValid(_Spec):
    kind: Literal["declared-role-valid"]


class SyntaxValid(_Spec):
    """The file can be read and parsed; front ends report this, the engine never evaluates it."""

    kind: Literal["syntax"]


class SuppressionsUsed(_Spec):
    """Every ``aidlint: ignore[...]`` comment silences some finding (checked after all other rules)."""

    kind: Literal["suppressions-used"]


class SuppressionsReasoned(_Spec):
    """Every ``aidlint: ignore[...]`` comment says why (it still silences its rules without one)."""

    kind: Literal["suppressions-reasoned"]


class SuppressionsCurrent(_Spec):
    """No ``aidlint: ignore[...] until=DATE`` comment is past its date (then it silences nothing)."""

    kind: Literal["suppressions-current"]


class AnyOf(_Spec):
    """Satisfied when any of the checks is satisfied (design-level checks only)."""

    kind: Literal["any-of"]
    of: list[Annotated[Union[MustReach, EdgeExists, RequiresRole], Field(discriminator="kind")]]


Check = Annotated[
    Union[
        MustPassThrough,
        MustReach,
        SomePathThrough,
        EdgeExists,
        RequiresRole,
        RoleKnown,
        DeclaredRoleValid,
        SyntaxValid,
        SuppressionsUsed,
        SuppressionsReasoned,
        SuppressionsCurrent,
        AnyOf,
    ],
    Field(discriminator="kind"),
]


class GhostSpec(_Spec):
    role: str
    label: str
    attrs: dict[str, str] = Field(default_factory=dict)

    _role = field_validator("role")(classmethod(lambda cls, v: _check_role(v)))


class GhostEdgeSpec(_Spec):
    """Ends are references: ``@subject``, ``@first``/``@last`` (of the witness), a ghost's key, or
    ``#role`` (the first existing node of that role, else the ghost declared with that role)."""

    source: str
    target: str
    label: str | None = None
    attrs: dict[str, str] = Field(default_factory=dict)


class InsertSpec(_Spec):
    """Put a ghost node on an edge of the witness path: ``a -> b`` becomes ``a -> ghost -> b``."""

    ghost: str
    on: Literal["first-edge", "last-edge"]


class FixSpec(_Spec):
    description: str
    ghosts: dict[str, GhostSpec] = Field(default_factory=dict)
    insert: InsertSpec | None = None
    edges: list[GhostEdgeSpec] = Field(default_factory=list)


class RuleSpec(_Spec):
    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*[0-9]{3}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    severity: Severity
    summary: str
    """One line: what the rule checks."""
    message: str
    """The finding's one-line message; ``{subject}``, ``{witness}``, ``{nodes}`` are filled in."""
    variants: dict[Literal["bypassed", "unreached"], str] = Field(default_factory=dict)
    """Messages for special cases: ``bypassed`` when a ``through`` node exists but a path avoids it,
    ``unreached`` (with ``when_unreached``) when no source reaches any target."""
    applies_when: list[list[Selector]] = Field(default_factory=list)
    """Each inner list: some node matching one of its selectors must exist."""
    check: Check
    anchor: Selector | None = None
    """Design-level findings point at the first node of this role (else at the design's header)."""
    fix: FixSpec | None = None
    rationale: str = ""
    """Why it matters."""
    example_fail: str = ""
    example_pass: str = ""
    how_to_fix: str = ""
    references: list[str] = Field(default_factory=list)


class ProfileSpec(_Spec):
    description: str
    rules: list[str] | None = None
    """Only these rules (None: every rule)."""
    exclude: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)


class RulePack(_Spec):
    rule: list[RuleSpec]
    profile: dict[str, ProfileSpec] = Field(default_factory=dict)


class RulePackError(ValueError):
    """A rule file that cannot be used; the message names the file and the field."""


def load_rule_pack(path: Path) -> RulePack:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RulePackError(f"{path}: cannot read the rule file: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise RulePackError(f"{path}: not valid TOML: {error}") from None
    try:
        return RulePack.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            location = _describe_location(data, item["loc"])
            problems.append(f"{path}: {location}: {item['msg']}")
        raise RulePackError("\n".join(problems)) from None


def _describe_location(data: dict, loc: tuple) -> str:
    """``rule[2] (SAF001).check.through`` rather than pydantic's raw tuple."""
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
        else:
            if key in ("must-pass-through", "must-reach", "some-path-through", "edge-exists", "requires-role", "role-known", "declared-role-valid", "syntax", "suppressions-used", "suppressions-reasoned", "suppressions-current", "any-of", "str", "RoleFilter"):
                continue
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return ".".join(parts)
