"""What every command reads from the project: its configuration, its rules and its role vocabulary."""

from __future__ import annotations

from pathlib import Path

from aidlint.config import Config, ConfigError, discover, load_config
from aidlint.roles.vocabulary import Vocabulary, load_vocabulary
from aidlint.rules.spec import RulePack


def project_config(path: str | None) -> Config:
    """The file named with ``--config``, else the nearest one at or above the working directory."""
    if path is not None:
        if not Path(path).is_file():
            raise ConfigError(f"{path}: no such configuration file")
        return load_config(Path(path))
    return load_config(discover(Path.cwd()))


def rule_pack(config: Config, extra_rule_files: list[str] = ()) -> RulePack:
    """The built-in rules plus the configuration's rule files and those named on the command line."""
    from aidlint.rules.runner import combined_pack

    return combined_pack(tuple(config.rules) + tuple(Path(p) for p in extra_rule_files))


def vocabulary(config: Config) -> Vocabulary:
    """The built-in role vocabulary, extended by the configuration's synonyms and overrides."""
    base = load_vocabulary()
    if config.roles.synonyms or config.roles.override:
        return base.extended(config.roles.synonyms, config.roles.override)
    return base


def split_ids(value: str | None) -> list[str]:
    """``SAF,FBK001`` -> ``["SAF", "FBK001"]``: the command line's comma-separated rule lists."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]
