"""Draw checked designs to files: the format follows the output's extension (see ``FORMATS``).

Used by ``aidlint render`` and ``aidlint check --render DIR``. Every file is written whole or not at
all (a temporary file renamed into place). When Graphviz gives no picture at all, the DOT and Mermaid
of the diagram are still written next to the asked-for file, and the failure names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from aidlint.model import Design, Finding
from aidlint.render import FORMATS
from aidlint.render.gap import GapDiagram, build
from aidlint.render.layout import DEFAULT_TIMEOUT, GraphvizUnavailable, lay_out
from aidlint.roles.infer import assign_roles
from aidlint.roles.vocabulary import Vocabulary
from aidlint.rules.runner import ActiveRule


@dataclass
class RenderReport:
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Layouts Graphviz needed changed (the picture was still drawn)."""
    failures: list[str] = field(default_factory=list)
    """Pictures that could not be drawn, each naming what was written instead."""


def output_format(path: Path) -> str | None:
    return FORMATS.get(path.suffix.lower())


def draw_all(
    designs: list[tuple[Design, list[ActiveRule], list[Finding]]],
    names: list[Path],
    vocabulary: Vocabulary | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> RenderReport:
    """Draw each design (with the rules that checked it and its findings) to the file of the same
    position in ``names``."""
    report = RenderReport()
    for (design, rules, findings), target in zip(designs, names):
        roles = assign_roles(design, vocabulary) if vocabulary else assign_roles(design)
        diagram = build(design, findings, roles, rules, vocabulary)
        _draw(diagram, target, timeout, report)
    return report


def _draw(diagram: GapDiagram, target: Path, timeout: float, report: RenderReport) -> None:
    from aidlint.render import dot, mermaid

    kind = output_format(target)
    if kind == "dot":
        _write(target, dot.write(diagram).encode("utf-8"), report)
    elif kind == "mermaid":
        _write(target, mermaid.write(diagram).encode("utf-8"), report)
    elif kind == "markdown":
        _write(target, mermaid.write_markdown(diagram).encode("utf-8"), report)
    elif kind in ("svg", "png"):
        picture = _picture(diagram, kind, timeout, target, report)
        if picture is not None:
            _write(target, picture, report)
            return
        fallbacks = [target.with_suffix(".dot"), target.with_suffix(".mmd")]
        _write(fallbacks[0], dot.write(diagram).encode("utf-8"), report)
        _write(fallbacks[1], mermaid.write(diagram).encode("utf-8"), report)
        report.failures[-1] += f"; wrote {fallbacks[0]} and {fallbacks[1]} instead"
    else:
        from aidlint.render import html

        svg = _picture(diagram, "svg", timeout, target, report, quiet=True)
        _write(target, html.write(diagram, svg).encode("utf-8"), report)


def _picture(diagram: GapDiagram, kind: str, timeout: float, target: Path, report: RenderReport, quiet: bool = False) -> bytes | None:
    try:
        layout = lay_out(diagram, kind, timeout)
    except GraphvizUnavailable as error:
        if not quiet:
            report.failures.append(f"{target}: no Graphviz to lay out the picture ({error})")
        return None
    if layout.picture is None:
        if not quiet:
            report.failures.append(f"{target}: Graphviz could not lay out {diagram.design.name!r} ({'; '.join(layout.failures)})")
        else:
            report.notes.append(f"{target}: Graphviz could not lay out the design ({'; '.join(layout.failures)}); the page shows the Mermaid source")
        return None
    if layout.changed:
        report.notes.append(f"{target}: laid out with {layout.changed}, because Graphviz failed on the layout as drawn ({layout.failures[0].split(': ', 1)[1]})")
    return layout.picture


def _write(target: Path, data: bytes, report: RenderReport) -> None:
    from aidlint.writing import OutputError, write_whole

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot write the picture to {target}: cannot make directory {target.parent} ({error.strerror or error})") from None
    write_whole(target, data, "the picture")
    report.written.append(target)


def picture_names(sources: list[str], out: Path, several_per_source: dict[str, int]) -> list[Path]:
    """``aidlint render``'s file names: ``out`` itself for a single design, else one per design
    (``out``'s stem, the source file's stem, and the design's number when a file holds several)."""
    if len(sources) == 1:
        return [out]
    names, seen = [], {}
    for source in sources:
        seen[source] = seen.get(source, 0) + 1
        suffix = f"-{seen[source]}" if several_per_source[source] > 1 else ""
        names.append(out.with_name(f"{out.stem}-{_slug(Path(source).name)}{suffix}{out.suffix}"))
    return _distinct(names)


def directory_names(sources: list[str], directory: Path, extension: str, several_per_source: dict[str, int]) -> list[Path]:
    """``check --render DIR``'s file names: the source's path made flat, so no two designs collide."""
    names, seen = [], {}
    for source in sources:
        seen[source] = seen.get(source, 0) + 1
        suffix = f"-{seen[source]}" if several_per_source[source] > 1 else ""
        names.append(directory / f"{_slug(Path(source).as_posix())}{suffix}{extension}")
    return _distinct(names)


def _slug(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text.replace("../", "up_").replace("/", "__")).strip("._") or "design"


def _distinct(names: list[Path]) -> list[Path]:
    result, used = [], set()
    for name in names:
        candidate, copy = name, 1
        while candidate in used:
            copy += 1
            candidate = name.with_name(f"{name.stem}-{copy}{name.suffix}")
        used.add(candidate)
        result.append(candidate)
    return result
