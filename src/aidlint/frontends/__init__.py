"""Front ends: read a design file in any supported format into :class:`aidlint.model.Design`.

Each format lives in its own module with a ``parse(text, path, options) -> list[Design]`` function,
declared once in :mod:`aidlint.frontends.registry` and imported only when a file of that format is read,
so that ``aidlint`` starts fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from aidlint.frontends import registry
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.shared import Limits
from aidlint.model import Design

#: Largest design file aidlint reads; bigger ones are a SYN001 finding, not a hang.
MAX_FILE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class ParseOptions:
    per_diagram: bool = False
    """Markdown: check each diagram fence alone instead of merging the document's diagrams."""
    limits: Limits = field(default_factory=Limits)
    """How many nodes and edges one file may expand to."""


def format_of(path: str | Path) -> str | None:
    fmt = registry.by_suffix(Path(path).suffix)
    return fmt.name if fmt else None


def available_formats() -> list[str]:
    """Formats whose front end is present in this build."""
    return sorted(fmt.name for fmt in registry.FORMATS if fmt.available())


def decode(data: bytes) -> str:
    """Bytes of a design file as text with ``\\n`` line ends, or a SYN001-ready error."""
    if len(data) > MAX_FILE_BYTES:
        raise DesignSyntaxError(
            f"file is {len(data)} bytes, over aidlint's limit of {MAX_FILE_BYTES} bytes",
            expected=[],
        )
    nul = data.find(b"\x00", 0, 8192)
    if nul != -1:
        raise DesignSyntaxError(
            "this is a binary file, not a design (it contains NUL bytes)", col=nul + 1, source_line=""
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = error.start - (before.rfind(b"\n") + 1) + 1
        source = data.splitlines()[line - 1].decode("utf-8", "replace") if data.splitlines() else ""
        raise DesignSyntaxError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x})", line=line, col=col, source_line=source
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def declaration_for(fmt: str, node_id: str, role: str) -> str:
    """The line that declares ``node_id``'s role in format ``fmt``'s syntax."""
    return registry.get(fmt).declare_role(node_id, role)


def role_declaration(design: Design, node_id: str, role: str) -> str:
    """The line that declares ``node_id``'s role where it is drawn (inside Markdown: its fence's syntax);
    what DSN001 and `aidlint roles` suggest."""
    return registry.role_declaration(design, node_id, role)


def parse_text(text: str, fmt: str, path: str, options: ParseOptions | None = None) -> list[Design]:
    """Parse ``text`` of format ``fmt``; raises :class:`DesignSyntaxError`."""
    return registry.get(fmt).parse()(text, path, options or ParseOptions())


def read_design_text(path: str | Path) -> str:
    """A design file's text, checked for size, binary content and encoding. Raises DesignSyntaxError."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DesignSyntaxError(f"file is {size} bytes, over aidlint's limit of {MAX_FILE_BYTES} bytes")
        data = path.read_bytes()
    except OSError as error:
        raise DesignSyntaxError(f"cannot read the file: {error.strerror or error}") from None
    return decode(data)


def load_file(path: str | Path, options: ParseOptions | None = None, fmt: str | None = None) -> list[Design]:
    """Read and parse one design file. Raises :class:`DesignSyntaxError` (also for unreadable files)."""
    fmt = fmt or format_of(path)
    if fmt is None:
        raise DesignSyntaxError(registry.unknown_format_message(Path(path).name))
    return parse_text(read_design_text(path), fmt, str(path), options)
