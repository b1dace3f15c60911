"""``aidlint config``: the configuration that applies to a path, as TOML, each value with its origin."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from aidlint.usecases import EXIT_OK


def show_config(path: str = ".", *, config: str | None = None) -> int:
    from aidlint.config import Config
    from aidlint.usecases.project import ConfigResolver
    from aidlint.workspace import UsageError

    target = Path(path)
    if not target.exists():
        raise UsageError(f"{path}: no such file or directory")
    resolver = ConfigResolver(config)
    effective = resolver.for_directory(target if target.is_dir() else target.parent)
    source = str(effective.source) if effective.source is not None else "no configuration file; aidlint's defaults"
    lines = [f"# the configuration aidlint uses for {path}: {source}"]
    for name, info in Config.model_fields.items():
        if info.exclude:
            continue
        key = info.alias or name
        value = getattr(effective, name)
        if name == "roles":
            origin = effective.origin("roles")
            lines.append(f"roles.synonyms = {_toml(value.synonyms)}  # {origin}")
            lines.append(f"roles.override = {_toml([o.model_dump(exclude_none=True) for o in value.override])}  # {origin}")
        elif name == "limits":
            origin = effective.origin("limits")
            lines.append(f"limits.max-nodes = {value.max_nodes}  # {origin}")
            lines.append(f"limits.max-edges = {value.max_edges}  # {origin}")
        elif value is None:
            lines.append(f"# {key}: not set ({effective.origin(name)})")
        else:
            lines.append(f"{key} = {_toml(value)}  # {effective.origin(name)}")
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def _toml(value) -> str:
    """One TOML value on one line (inline tables and arrays)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_toml_key(str(k))} = {_toml(v)}" for k, v in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if hasattr(value, "value"):  # an enum such as Severity
        value = value.value
    return json.dumps(str(value), ensure_ascii=False)


def _toml_key(key: str) -> str:
    bare = key.replace("_", "").replace("-", "").isalnum() and key.isascii()
    return key if bare else json.dumps(key, ensure_ascii=False)
