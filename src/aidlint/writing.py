"""Writing a file whole or not at all: what the user named (a report, a baseline, a picture, an export)
and the start-up cache."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class OutputError(ValueError):
    """A file cannot be written where the user asked: exit 2, and nothing is left behind."""


def write_whole(output: str | Path, data: bytes, what: str = "the report") -> None:
    """Write ``data`` to ``output`` through a temporary file beside it and a rename, so that a reader
    never sees half of it; ``what`` names the file in the error ("the picture"). A device or pipe
    (``-o /dev/stdout``) is written as a stream, and a symbolic link keeps pointing where it did."""
    if not str(output):
        raise OutputError(f"cannot write {what}: the file name is empty")
    target = Path(output)
    try:
        mode = target.stat().st_mode  # through a symbolic link: what is written is what it points to
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise OutputError(f"cannot write {what} to {output}: {error.strerror or error}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"cannot write {what} to {output}: it is a directory")
    if mode is not None and not stat.S_ISREG(mode):
        # /dev/stdout, /dev/null, a pipe a CI step reads: a stream, not a file to replace (renaming onto
        # it would put a regular file where the device or pipe was).
        _write_stream(target, data, what)
        return
    if target.is_symlink():
        target = Path(os.path.realpath(target))  # replace the file the link names, keep the link
    directory = target.parent
    if not directory.is_dir():
        raise OutputError(f"cannot write {what} to {output}: directory {directory} does not exist")
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write {what} to {output}: cannot create a file in {directory} ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise OutputError(f"cannot write {what} to {output}: {error.strerror or error}") from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _write_stream(target: Path, data: bytes, what: str) -> None:
    try:
        with open(target, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise OutputError(f"cannot write {what} to {target}: {error.strerror or error}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
