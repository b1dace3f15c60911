"""Checking files and directories: find design files, parse each, run the rules, collect findings.

One unreadable file never stops the run: it becomes a syntax finding and the others are still checked.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from aidlint.frontends import ParseOptions, format_of, parse_text, read_design_text, registry
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.shared import source_lines
from aidlint.model import Design, Finding
from aidlint.roles.vocabulary import Vocabulary
from aidlint.rules.runner import ActiveRule, UnknownProfile, check_design, syntax_finding

_SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache"}


class UsageError(ValueError):
    """A path or option the user gave that cannot be used: exit 2."""


@dataclass(frozen=True)
class CheckedDesign:
    """A design that was checked, and which rules ran on it (JUnit has a test case per design and rule)."""

    path: str
    name: str
    rule_ids: tuple[str, ...]


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    designs: list[CheckedDesign] = field(default_factory=list)


def collect_files(
    paths: list[str], include: list[str] = (), exclude: list[str] = (), input_format: str | None = None
) -> list[Path]:
    """Design files named directly, plus those under named directories (honouring .gitignore).
    With ``input_format``, a file named directly is read in that format whatever its suffix."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(p for p in _walk(path) if format_of(p) and _wanted(p, include, exclude))
        elif path.exists() or path.is_symlink():
            if format_of(path) is None and input_format is None:
                raise UsageError(registry.unknown_format_message(raw))
            found.append(path)
        else:
            raise UsageError(f"{raw}: no such file or directory")
    unique = sorted(set(found), key=lambda p: p.as_posix())
    return unique


def _wanted(path: Path, include: list[str], exclude: list[str]) -> bool:
    posix = path.as_posix()
    if any(fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(path.name, pattern) for pattern in exclude):
        return False
    return not include or any(fnmatch.fnmatch(posix, p) or fnmatch.fnmatch(path.name, p) for p in include)


def _walk(directory: Path) -> list[Path]:
    tracked = _git_visible_files(directory)
    if tracked is not None:
        # Hidden and tool directories are skipped in both modes, so the result never depends on git.
        return [p for p in tracked if not any(part.startswith(".") or part in _SKIPPED_DIRS for part in p.relative_to(directory).parts[:-1])]
    files = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith("."))
        files.extend(Path(root) / name for name in sorted(names))
    return files


def _git_visible_files(directory: Path) -> list[Path] | None:
    """Files git does not ignore under ``directory``, or None outside a git work tree."""
    import subprocess  # only a directory walk needs it

    try:
        result = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "."],
            cwd=directory,
            capture_output=True,
            check=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    names = [name for name in result.stdout.decode("utf-8", "surrogateescape").split("\0") if name]
    # Broken and looping symlinks stay (reading them is a syntax finding, as outside git); files deleted since
    # they were committed and symlinks to directories go.
    return [path for name in names if os.path.lexists(path := directory / name) and not path.is_dir()]


def load_designs(path: Path, options: ParseOptions, input_format: str | None = None) -> tuple[list[Design], str]:
    """Parse one file (in ``input_format`` if its suffix names none); returns its designs and its text.
    Raises DesignSyntaxError."""
    fmt = _format_of(path, input_format)
    text = read_design_text(path)
    return parse_design_text(text, fmt, path, options), text


def _format_of(path: Path, input_format: str | None) -> str:
    """The format the file's suffix names, else ``input_format``. Raises DesignSyntaxError when neither does."""
    fmt = format_of(path) or input_format
    if fmt is None:
        raise DesignSyntaxError(registry.unknown_format_message(Path(path).name))
    return fmt


def parse_design_text(text: str, fmt: str, path: Path, options: ParseOptions) -> list[Design]:
    """The designs of a file's text, with what configuration fills in. Raises DesignSyntaxError."""
    designs = parse_text(text, fmt, str(path), options)
    _fill_in_configuration(designs, options)
    return designs


def reread_past_parentheses(
    text: str, fmt: str, path: Path, options: ParseOptions, error: DesignSyntaxError
) -> list[Design] | None:
    """A flowchart Mermaid rejects for a ``(`` in an unquoted label (``error``), read as if the label were
    quoted (frontends/recovery.py); None for any other syntax error."""
    from aidlint.frontends.recovery import reread_with_quoted_parentheses

    designs = reread_with_quoted_parentheses(text, fmt, str(path), options, error)
    if designs is None:
        return None
    _fill_in_configuration(designs, options)
    return designs


def _fill_in_configuration(designs: list[Design], options: ParseOptions) -> None:
    for design in designs:  # configuration fills in what the file did not say
        design.kind = design.kind or options.kind
        design.responses = design.responses or options.responses
        design.models = design.models or options.models


@dataclass(frozen=True)
class CheckSetup:
    """What checking one file needs besides the file; sent once to each worker process."""

    rules: list[ActiveRule]
    vocabulary: Vocabulary
    options: ParseOptions
    rules_for_profile: Callable[[str], list[ActiveRule]] | None = None
    input_format: str | None = None


def check_files(
    files: list[Path],
    rules: list[ActiveRule],
    vocabulary: Vocabulary,
    options: ParseOptions,
    rules_for_profile: Callable[[str], list[ActiveRule]] | None = None,
    input_format: str | None = None,
    *,
    jobs: int = 1,
    on_file_done: Callable[[int], None] | None = None,
    on_design: Callable[[Design, list[ActiveRule], list[Finding]], None] | None = None,
) -> CheckResult:
    """Check ``files`` with ``rules``; a design that names its own profile gets
    ``rules_for_profile(name)`` instead (pass None when the user chose the profile for the run).

    With ``jobs`` > 1 files are checked in worker processes (``rules_for_profile`` must then pickle);
    the result is the same either way. ``on_design`` is called with each design, its rules and its
    findings (to draw it, say); the designs then stay in this process, so the files are checked here."""
    from aidlint.parallel import map_in_order

    setup = CheckSetup(rules, vocabulary, options, rules_for_profile, input_format)
    if on_design is not None:
        jobs = 1
    result = CheckResult()
    for one in map_in_order(functools.partial(check_one_file, on_design=on_design) if on_design else check_one_file, files, setup, jobs, on_file_done):
        result.files.extend(one.files)
        result.findings.extend(one.findings)
        result.notes.extend(one.notes)
        result.designs.extend(one.designs)
    result.findings.sort(key=Finding.sort_key)
    return result


def check_one_file(path: Path, setup: CheckSetup, on_design=None) -> CheckResult:
    result = CheckResult(files=[str(path)])
    text = ""
    try:
        fmt = _format_of(path, setup.input_format)
        text = read_design_text(path)  # kept for reading on past a syntax error
        designs = parse_design_text(text, fmt, path, setup.options)
    except DesignSyntaxError as error:
        result.findings.append(syntax_finding(str(path), error))
        try:
            designs = reread_past_parentheses(text, fmt, path, setup.options, error) if text else None
        except Exception as failure:  # noqa: BLE001 - the syntax finding stands; the run goes on
            result.notes.append(f"{path}: aidlint failed to read on past the syntax error ({type(failure).__name__}: {failure}); please report it")
            return result
        if designs is None:
            return result
        result.notes.append(
            f"{path}: line {error.line}: Mermaid rejects a '(' in an unquoted label; the design was also checked"
            ' as if such labels were quoted (write A["Label (detail)"])'
        )
    except RecursionError:
        result.findings.append(syntax_finding(str(path), DesignSyntaxError("the design is nested too deeply to read")))
        return result
    except Exception as error:  # noqa: BLE001 - one file's surprise must not end the whole run
        message = f"aidlint failed to read this file ({type(error).__name__}: {error}); please report it"
        result.findings.append(syntax_finding(str(path), DesignSyntaxError(message)))
        return result
    lines = source_lines(text)
    if not designs and fmt != "markdown":
        # A Markdown document with no diagram is prose: it passes quietly (pre-commit sees many).
        result.notes.append(f"{path}: no diagram aidlint reads here (a flowchart, sequence diagram, DOT graph or aidl design); skipped")
    for design in designs:
        result.notes.extend(f"{path}: {note}" for note in design.notes)
        design_rules = setup.rules
        if setup.rules_for_profile is not None and design.profile:
            try:
                design_rules = setup.rules_for_profile(design.profile)
            except UnknownProfile as error:
                # One design's header must not stop the run: it is that design's finding.
                result.findings.append(syntax_finding(str(path), _unknown_profile(error, design, lines)))
                continue
        result.designs.append(CheckedDesign(str(path), design.name, tuple(r.spec.id for r in design_rules)))
        findings = check_design(design, design_rules, setup.vocabulary)
        spans = {node.id: node.span for node in design.nodes} if any(f.witness for f in findings) else {}
        for finding in findings:
            if finding.source_line is None and finding.path == str(path) and 0 < finding.line <= len(lines):
                finding.source_line = lines[finding.line - 1]
            if finding.witness:
                finding.witness_spans = [spans.get(node_id) for node_id in finding.witness]
            result.findings.append(finding)
        if on_design is not None:
            on_design(design, design_rules, findings)
    return result


def _unknown_profile(error: UnknownProfile, design: Design, lines: list[str]) -> DesignSyntaxError:
    """The error at the header or comment directive that names the profile (else the design's start).

    The design model keeps no span for its profile, so the name is looked for as the DSL header and
    the ``aidlint: profile`` directive write it.
    """
    named = re.compile(rf"\bprofile\s*(=\s*\"?|\s)\s*(?P<name>{re.escape(error.name)})(?![\w-])")
    start = design.span.line if design.span else 1
    for number in range(start, len(lines) + 1):
        if match := named.search(lines[number - 1]):
            return DesignSyntaxError(
                f"{error}; this design was not checked", line=number, col=match.start("name") + 1, source_line=lines[number - 1]
            )
    line = design.span.line if design.span else 1
    col = design.span.col if design.span else 1
    source = lines[line - 1] if 0 < line <= len(lines) else None
    return DesignSyntaxError(f"{error}; this design was not checked", line=line, col=col, source_line=source)
