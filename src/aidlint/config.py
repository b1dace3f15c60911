"""Project configuration: ``aidlint.toml``, ``.aidlint.toml`` or ``[tool.aidlint]`` in ``pyproject.toml``.

Every key is described in docs/config.md (a test keeps the two in step). Each checked file uses the
nearest configuration file at or above it, as ruff does; ``aidlint config`` prints the effective
configuration and where each value came from.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from typing import Literal
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from aidlint.model import ROLES, Severity

CONFIG_FILES = ("aidlint.toml", ".aidlint.toml", "pyproject.toml")


class ConfigError(ValueError):
    """A configuration aidlint cannot use: exit 2, with the file and the key named."""


#: How much of a label a role-override pattern is matched against (a megabyte label is no label).
MAX_MATCHED_CHARS = 1000


class RoleOverride(BaseModel):
    """Give nodes a role by ID glob or label regular expression (a declaration in the file still wins)."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    label: str | None = None
    role: str

    @field_validator("role")
    @classmethod
    def _known(cls, role: str) -> str:
        if role not in ROLES:
            raise ValueError(f"{role!r} is not a role")
        return role

    @field_validator("label")
    @classmethod
    def _regex(cls, pattern: str | None) -> str | None:
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"not a regular expression: {error}") from None
            if (start := nested_repetition(pattern)) is not None:
                raise ValueError(
                    f"the group at column {start + 1} repeats something that itself repeats, which can take "
                    f"exponential time on a long label; write it without the nested repetition"
                )
        return pattern

    @model_validator(mode="after")
    def _one_selector(self) -> "RoleOverride":
        if (self.id is None) == (self.label is None):
            raise ValueError("give exactly one of id (a glob) or label (a regular expression)")
        return self

    def matches(self, node_id: str, label: str | None) -> bool:
        if self.id is not None:
            return fnmatch.fnmatchcase(node_id, self.id)
        # Labels are short; a pattern never sees more than this much of one, however long the file's.
        return re.search(self.label, (label or node_id)[:MAX_MATCHED_CHARS]) is not None


def nested_repetition(pattern: str) -> int | None:
    """Where a repeated group holds a repetition of its own (``(a+)+``, ``(?:x*y)*``), else None.

    Python's regular expressions backtrack, and such a pattern takes exponential time on a label that
    almost matches: a configuration must never be able to hang the run, so these are refused.
    """
    holds_repetition = [False]  # one entry per open group (the outermost is the whole pattern)
    group_starts: list[int] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
        elif char == "[":
            i = _end_of_class(pattern, i)
        elif char == "(":
            holds_repetition.append(False)
            group_starts.append(i)
            i += 1
        elif char == ")" and group_starts:
            inner, start = holds_repetition.pop(), group_starts.pop()
            repeats, i = _repetition_at(pattern, i + 1)
            if repeats and inner:
                return start
            holds_repetition[-1] = holds_repetition[-1] or repeats or inner
        else:
            repeats, after = _repetition_at(pattern, i)
            holds_repetition[-1] = holds_repetition[-1] or repeats
            i = max(after, i + 1)
    return None


def _end_of_class(pattern: str, i: int) -> int:
    """The index after the character class ``[...]`` that opens at ``i``."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


_BOUNDS = re.compile(r"\{(\d*)(,?)(\d*)\}")


def _repetition_at(pattern: str, i: int) -> tuple[bool, int]:
    """Whether a quantifier that repeats (``*``, ``+``, ``{m,n}`` with n > 1) starts at ``i``, and the
    index after it (a lazy or possessive suffix included); ``?`` makes optional, it does not repeat."""
    if i >= len(pattern) or pattern[i] not in "*+?{":
        return False, i
    if pattern[i] == "{":
        bounds = _BOUNDS.match(pattern, i)
        if bounds is None:
            return False, i  # a literal brace
        low, comma, high = bounds.groups()
        repeats = (int(high) > 1 if high else True) if comma else bool(low) and int(low) > 1
        end = bounds.end()
    else:
        repeats, end = pattern[i] != "?", i + 1
    if end < len(pattern) and pattern[end] in "?+":
        end += 1
    return repeats, end


class RolesConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    synonyms: dict[str, list[str]] = Field(default_factory=dict)
    override: list[RoleOverride] = Field(default_factory=list)

    @field_validator("synonyms")
    @classmethod
    def _roles(cls, synonyms: dict[str, list[str]]) -> dict[str, list[str]]:
        for role in synonyms:
            if role not in ROLES:
                raise ValueError(f"{role!r} is not a role")
        return synonyms


class LimitsConfig(BaseModel):
    """How many nodes and edges one design file may expand to (frontends/shared.py); past them, a
    located syntax finding."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    max_nodes: int = Field(200_000, alias="max-nodes", gt=0)
    max_edges: int = Field(300_000, alias="max-edges", gt=0)


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    profile: str | None = None
    fail_on: Severity = Field(Severity.warning, alias="fail-on")
    select: list[str] | None = None
    extend_select: list[str] = Field(default_factory=list, alias="extend-select")
    ignore: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    severity: dict[str, Severity] = Field(default_factory=dict)
    exclude: list[str] = Field(default_factory=list)
    include: list[str] = Field(default_factory=list)
    rules: list[Path] = Field(default_factory=list)
    per_diagram: bool = Field(False, alias="per-diagram")
    kind: Literal["serving", "ml-platform", "agent-workflow", "flowchart", "data-pipeline", "code-cicd"] | None = None
    """The kind of every design (docs/roles.md, "Kinds"); a file's ``aidlint: kind=...`` wins."""
    responses: Literal["implied", "drawn"] | None = None
    """``drawn``: arrows are a one-way flow, a request implies no response; a file's directive wins."""
    models: Literal["generative", "predictive"] | None = None
    """The family of every design's models (docs/roles.md, "Model families"); a file's ``aidlint: models=...`` wins."""
    roles: RolesConfig = Field(default_factory=RolesConfig)
    limits: LimitsConfig = Field(default_factory=LimitsConfig)
    source: Path | None = Field(None, exclude=True)
    """The file this configuration came from (None: defaults)."""

    def origin(self, key: str) -> str:
        """Where the value of ``key`` (a field name) came from: the configuration file, or ``default``."""
        if self.source is not None and key in self.model_fields_set:
            return str(self.source)
        return "default"

    def ignored_in(self, path: Path) -> list[str]:
        """The rule IDs and families ``per-file-ignores`` switches off for ``path``.

        Patterns are globs relative to the configuration file's directory (``*`` also crosses ``/``);
        a pattern without ``/`` also matches the file's name alone.
        """
        if not self.per_file_ignores:
            return []
        base = self.source.parent.resolve() if self.source is not None else Path.cwd()
        absolute = path.resolve()
        relative = absolute.relative_to(base).as_posix() if absolute.is_relative_to(base) else absolute.as_posix()
        ignored: list[str] = []
        for pattern, rule_ids in self.per_file_ignores.items():
            if fnmatch.fnmatchcase(relative, pattern) or ("/" not in pattern and fnmatch.fnmatchcase(path.name, pattern)):
                ignored.extend(rule_ids)
        return ignored


def discover(start: Path) -> Path | None:
    """The nearest config file at or above ``start``; a pyproject.toml counts only with [tool.aidlint]."""
    for directory in [start, *start.parents]:
        if (found := config_file_in(directory)) is not None:
            return found
    return None


def config_file_in(directory: Path) -> Path | None:
    """The configuration file of ``directory`` itself (not of its parents), if it has one."""
    for name in CONFIG_FILES:
        candidate = directory / name
        if not candidate.is_file():
            continue
        if name != "pyproject.toml" or _tool_section(_read(candidate), candidate) is not None:
            return candidate
    return None


def _tool_section(data: dict, path: Path) -> dict | None:
    """``[tool.aidlint]`` of a pyproject.toml (None when absent); any other shape is a ConfigError."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: tool: expected a table of tools ([tool.aidlint]), found {_kind(tool)}")
    section = tool.get("aidlint")
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"{path}: tool.aidlint: expected a table ([tool.aidlint] with keys under it), found {_kind(section)}")
    return section


def _kind(value: object) -> str:
    return {str: "a string", list: "an array", bool: "a boolean", int: "an integer", float: "a number"}.get(type(value), "a value")


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = _read(path)
    if path.name == "pyproject.toml":
        data = _tool_section(data, path) or {}
    try:
        config = Config.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "tool.aidlint"
        raise ConfigError(f"{path}: {where}: {first['msg']}") from None
    config.source = path
    if "rules" in config.model_fields_set:  # assigning marks a field as set: only when the file set it
        config.rules = [(path.parent / rule).resolve() for rule in config.rules]
    return config


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_bytes().decode("utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not UTF-8 text (byte {error.start}); save the configuration as UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
