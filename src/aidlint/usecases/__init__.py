"""Use cases: one function per command, between the CLI and the pipeline.

The CLI (cli.py) only parses arguments and calls one of these; each use case reads the project's
settings (usecases/project.py), runs the pipeline (front ends -> roles -> rules) and hands what it found
to a report module. They return the exit code: 0 passed, 1 findings (unreadable files included), 2 a
usage or configuration error, which they raise as one of ``USAGE_ERRORS`` for the CLI to print.
"""

from __future__ import annotations

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
