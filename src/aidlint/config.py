"""Project configuration: ``aidlint.toml``, ``.aidlint.toml`` or ``[tool.aidlint]`` in ``pyproject.toml``.

    [tool.aidlint]
    profile = "llm-app"
    fail-on = "warning"            # lowest severity that makes `aidlint check` exit 1
    select = ["ACME", "XYZ001"]    # rule IDs or families; default: the profile's rules
    ignore = ["XYZ002"]
    exclude = ["docs/archive/**"]
    rules = ["ci/our-rules.toml"]  # custom rule files, relative to the config file
    per-diagram = false

    [tool.aidlint.severity]
    XYZ003 = "error"

    [tool.aidlint.roles.synonyms]
    model_inference = ["Oracle", "Brain"]

    [[tool.aidlint.roles.override]]
    id = "legacy_*"                # or: label = "(?i)^scoring v[0-9]+$"
    role = "model_inference"
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from aidlint.model import ROLES, Severity

CONFIG_FILES = ("aidlint.toml", ".aidlint.toml", "pyproject.toml")


class ConfigError(ValueError):
    """A configuration aidlint cannot use: exit 2, with the file and the key named."""


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
            from aidlint.roles.patterns import backtracking_risk

            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"not a regular expression: {error}") from None
            risk = backtracking_risk(pattern)
            if risk:
                raise ValueError(f"pattern {pattern!r} is refused: {risk}; write it without the nesting")
        return pattern

    @model_validator(mode="after")
    def _one_selector(self) -> "RoleOverride":
        if (self.id is None) == (self.label is None):
            raise ValueError("give exactly one of id (a glob) or label (a regular expression)")
        return self

    def matches(self, node_id: str, label: str | None) -> bool:
        if self.id is not None:
            return fnmatch.fnmatchcase(node_id, self.id)
        from aidlint.roles.patterns import bounded

        return re.search(self.label, bounded(label or node_id)) is not None


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


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    profile: str | None = None
    fail_on: Severity = Field(Severity.warning, alias="fail-on")
    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    exclude: list[str] = Field(default_factory=list)
    include: list[str] = Field(default_factory=list)
    rules: list[Path] = Field(default_factory=list)
    per_diagram: bool = Field(False, alias="per-diagram")
    roles: RolesConfig = Field(default_factory=RolesConfig)
    source: Path | None = Field(None, exclude=True)
    """The file this configuration came from (None: defaults)."""


def discover(start: Path) -> Path | None:
    """The nearest config file at or above ``start``; a pyproject.toml counts only with [tool.aidlint]."""
    for directory in [start, *start.parents]:
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
