"""Set-up that every run would repeat, kept between runs: the validated built-in rule pack, the derived
role vocabulary and (through Lark's ``cache`` option) the parsers' LALR tables.

An entry's name is a digest of everything it is derived from (the data file, the source of the code
that derives it, the versions of Python, pydantic and aidlint), so an edited input is never served
stale: it misses and is rebuilt. Entries live in one directory per user that nobody else may write;
a directory that is missing, shared or read-only, or an entry that does not load, means rebuilding,
never an error. ``AIDLINT_CACHE_DIR`` moves the directory; set it empty to keep nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from aidlint import __version__
from aidlint.memory import paused_collection
from aidlint.writing import OutputError, write_whole

T = TypeVar("T")
#: The environment variable that moves the cache directory (empty: no cache).
CACHE_DIR_VARIABLE = "AIDLINT_CACHE_DIR"


def cache_directory() -> Path | None:
    """The directory for cached set-up, created if need be; ``None`` when it cannot be trusted or made."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    if chosen == "":
        return None
    if chosen is None:
        import tempfile

        owner = os.getuid() if hasattr(os, "getuid") else "user"
        chosen = os.path.join(tempfile.gettempdir(), f"aidlint-{owner}")
    try:
        os.makedirs(chosen, mode=0o700, exist_ok=True)
        status = os.stat(chosen)
    except OSError:
        return None
    # Entries are pickles: a directory another user could write into would let them run code here.
    if hasattr(os, "getuid") and (status.st_uid != os.getuid() or status.st_mode & 0o022):
        return None
    return Path(chosen)


def digest(inputs: Iterable[bytes | str | Path]) -> str:
    """A short digest of ``inputs`` (a path stands for its contents) and of the versions that shape them."""
    import pydantic

    hasher = hashlib.sha256(f"{__version__}|{sys.version}|{pydantic.VERSION}|{pickle.HIGHEST_PROTOCOL}".encode())
    for item in inputs:
        data = item.read_bytes() if isinstance(item, Path) else item.encode() if isinstance(item, str) else item
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()[:24]


def cached(name: str, inputs: Iterable[bytes | str | Path], build: Callable[[], T]) -> T:
    """``build()``, or what it returned in an earlier run with the same ``inputs``."""
    directory = cache_directory()
    if directory is None:
        return build()
    entry = directory / f"{name}-{digest(inputs)}.pickle"
    try:
        return _load(entry.read_bytes())
    except Exception:  # missing, half-written by a crash, or from an incompatible run: rebuild it
        pass
    value = build()
    # Whole or not at all (parallel runs may race to write it); an entry that cannot be written is
    # simply rebuilt next time.
    with contextlib.suppress(OutputError):
        write_whole(entry, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), "the start-up cache")
    return value


def _load(data: bytes):
    # Tens of thousands of new containers would set off several garbage collections that find nothing.
    with paused_collection():
        return pickle.loads(data)
