"""What every command reads from the project: its configuration, its rules and its role vocabulary.

Each checked file uses the nearest configuration file at or above it (as ruff does); ``--config``
names one for every file, and files with none above them use the one found from the working directory.
"""

from __future__ import annotations

from pathlib import Path

from aidlint.config import Config, ConfigError, config_file_in, discover, load_config
from aidlint.roles.vocabulary import Vocabulary, load_vocabulary
from aidlint.rules.spec import RulePack


def project_config(path: str | None) -> Config:
    """The file named with ``--config``, else the nearest one at or above the working directory."""
    if path is not None:
        if not Path(path).is_file():
            raise ConfigError(f"{path}: no such configuration file")
        return load_config(Path(path))
    return load_config(discover(Path.cwd()))


class ConfigResolver:
    """The configuration of each checked file; each file is read once however many files share it."""

    def __init__(self, explicit: str | None) -> None:
        self._explicit = explicit is not None
        self._nearest_by_directory: dict[Path, Path | None] = {}
        if self._explicit:
            self.run_config = project_config(explicit)
        else:
            self.run_config = load_config(self._nearest(Path.cwd().absolute()))
        self._by_source: dict[Path | None, Config] = {_key(self.run_config.source): self.run_config}

    def for_file(self, path: Path) -> Config:
        return self.for_directory(path.parent)

    def for_directory(self, directory: Path) -> Config:
        if self._explicit:
            return self.run_config
        source = self._nearest(directory.absolute())
        if source is None:
            return self.run_config
        config = self._by_source.get(_key(source))
        if config is None:
            config = self._by_source[_key(source)] = load_config(source)
        return config

    def _nearest(self, directory: Path) -> Path | None:
        """``discover``, remembering every directory on the way: a run over many folders reads each
        configuration file (and each pyproject.toml without [tool.aidlint]) once."""
        walked: list[Path] = []
        found: Path | None = None
        while True:
            if directory in self._nearest_by_directory:
                found = self._nearest_by_directory[directory]
                break
            walked.append(directory)
            if (found := config_file_in(directory)) is not None or directory.parent == directory:
                break
            directory = directory.parent
        for seen in walked:
            self._nearest_by_directory[seen] = found
        return found


def _key(source: Path | None) -> Path | None:
    return source.resolve() if source is not None else None


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
    """``ACME,XYZ001`` -> ``["ACME", "XYZ001"]``: the command line's comma-separated rule lists."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]
