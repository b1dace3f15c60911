"""Front ends: read a design file in any supported format into :class:`aidlint.model.Design`.

Each format lives in its own module with a ``parse(text, path, options) -> list[Design]`` function,
declared once in :mod:`aidlint.frontends.registry` and imported only when a file of that format is read,
so that ``aidlint`` starts fast.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from aidlint.frontends import registry
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.shared import Limits
from aidlint.model import Design

#: Largest design file aidlint reads; bigger ones are a syntax finding, not a hang.
MAX_FILE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class ParseOptions:
    per_diagram: bool = False
    """Markdown: check each diagram fence alone instead of merging the document's diagrams."""
    kind: str | None = None
    """The kind of every design read (configuration); a file's own ``aidlint: kind=...`` wins."""
    responses: str | None = None
    """``drawn``: read every design's arrows as a one-way flow (configuration); a file's directive wins."""
    models: str | None = None
    """The family of every design's models (configuration); a file's ``aidlint: models=...`` wins."""
    limits: Limits = field(default_factory=Limits)
    """How many nodes and edges one file may expand to."""


def format_of(path: str | Path) -> str | None:
    fmt = registry.by_suffix(Path(path).suffix)
    return fmt.name if fmt else None


def available_formats() -> list[str]:
    """Formats whose front end is present in this build."""
    return sorted(fmt.name for fmt in registry.FORMATS if fmt.available())


def decode(data: bytes) -> str:
    """Bytes of a design file as text with ``\\n`` line ends, or a DesignSyntaxError (a syntax finding).

    UTF-8 (with or without a BOM) and UTF-16/UTF-32 with a BOM are read; a NUL byte anywhere else means
    a binary file, reported at line 1 with the NUL's byte offset as its column (offset + 1, 1-based).
    """
    if len(data) > MAX_FILE_BYTES:
        raise DesignSyntaxError(
            f"file is {len(data)} bytes, over aidlint's limit of {MAX_FILE_BYTES} bytes",
            expected=[],
        )
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise DesignSyntaxError(
                    f"the file starts with a {encoding.upper()} byte order mark but is not {encoding.upper()} text"
                    f" (at byte offset {error.start})",
                    source_line="",
                ) from None
            return _design_text(text.removeprefix("\ufeff"))
    nul = data.find(b"\x00")
    if nul != -1:
        raise DesignSyntaxError(
            f"this is a binary file, not a design (a NUL byte at byte offset {nul})", col=nul + 1, source_line=""
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = error.start - (before.rfind(b"\n") + 1) + 1
        end = data.find(b"\n", error.start)
        source = data[before.rfind(b"\n") + 1 : end if end != -1 else len(data)].decode("utf-8", "replace")
        raise DesignSyntaxError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x})", line=line, col=col, source_line=source
        ) from None
    return _design_text(text)


#: Byte order marks of the wide encodings, UTF-32 first (its little-endian mark starts like UTF-16's).
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _design_text(text: str) -> str:
    nul = text.find("\x00")
    if nul != -1:
        raise DesignSyntaxError(
            f"this is a binary file, not a design (a NUL character at offset {nul})", col=nul + 1, source_line=""
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def declaration_for(fmt: str, node_id: str, role: str) -> str:
    """The line that declares ``node_id``'s role in format ``fmt``'s syntax."""
    return registry.get(fmt).declare_role(node_id, role)


def role_declaration(design: Design, node_id: str, role: str) -> str:
    """The line that declares ``node_id``'s role where it is drawn (inside Markdown: its fence's syntax);
    what the unclassified-node finding and `aidlint roles` suggest."""
    return registry.role_declaration(design, node_id, role)


def parse_text(text: str, fmt: str, path: str, options: ParseOptions | None = None) -> list[Design]:
    """Parse ``text`` of format ``fmt``; raises :class:`DesignSyntaxError`."""
    return registry.get(fmt).parse()(text, path, options or ParseOptions())


def read_design_text(path: str | Path) -> str:
    """A design file's text, checked for size, binary content and encoding. Raises DesignSyntaxError.

    Only regular files are read: a FIFO, socket or device (named directly or met in a walk) is a
    syntax finding, never a read that blocks; it is opened without blocking and checked before reading.
    """
    path = Path(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise DesignSyntaxError(f"cannot read the file: {_why_unreadable(path, error)}") from None
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise DesignSyntaxError(f"cannot read the file: it is {_kind_of(status.st_mode)}, not a regular file")
        if status.st_size > MAX_FILE_BYTES:
            raise DesignSyntaxError(f"file is {status.st_size} bytes, over aidlint's limit of {MAX_FILE_BYTES} bytes")
        try:
            data = stream.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise DesignSyntaxError(f"cannot read the file: {error.strerror or error}") from None
    return decode(data)


def _why_unreadable(path: Path, error: OSError) -> str:
    if path.is_symlink():
        if error.errno == errno.ELOOP:
            return "it is a symbolic link that loops"
        if error.errno == errno.ENOENT:
            return f"it is a symbolic link to {os.readlink(path)!r}, which does not exist"
    return error.strerror or str(error)


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a plain file"


def load_file(path: str | Path, options: ParseOptions | None = None, fmt: str | None = None) -> list[Design]:
    """Read and parse one design file. Raises :class:`DesignSyntaxError` (also for unreadable files)."""
    fmt = fmt or format_of(path)
    if fmt is None:
        raise DesignSyntaxError(registry.unknown_format_message(Path(path).name))
    return parse_text(read_design_text(path), fmt, str(path), options)
