"""Locate the files that ship inside the package (grammars, reference designs, data).

In a wheel they live under ``aidlint/``; in a source checkout (editable install, tests) they stay at the
top of the repository where people edit them. Both layouts resolve here and nowhere else.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_REPO_DIR = _PACKAGE_DIR.parent.parent


@cache
def resource_dir(name: str) -> Path:
    """The directory ``name`` (``grammars``, ``reference_designs``) wherever this install keeps it."""
    for candidate in (_PACKAGE_DIR / name, _REPO_DIR / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"aidlint is installed without its {name!r} directory")


def grammar_text(name: str) -> str:
    return (resource_dir("grammars") / name).read_text(encoding="utf-8")


def data_path(name: str) -> Path:
    """A data file kept inside the package source (vocabulary, built-in rule pack)."""
    return _PACKAGE_DIR / "data" / name
