"""Hypothesis settings shared by the front ends' property suites (docs/testing.md, "Fuzzing").

In CI every suite runs a fixed, derandomized set of examples, small enough to cost a few seconds.
``AIDLINT_FUZZ_EXAMPLES=10000`` raises every suite to that many examples for the longer run; that run
also gives each example a deadline, so that an input that makes a front end crawl fails as a hang
instead of passing slowly. CI never sets a deadline: tests assert behaviour, not time.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from aidlint.frontends.errors import DesignSyntaxError

#: Per example, only in the longer run: generated inputs are a few kilobytes and parse in milliseconds.
LONG_RUN_DEADLINE_MS = 5_000


def fuzz_settings(examples: int) -> settings:
    """``examples`` in CI; ``AIDLINT_FUZZ_EXAMPLES`` of them in the longer run."""
    wanted = os.environ.get("AIDLINT_FUZZ_EXAMPLES")
    return settings(
        max_examples=int(wanted) if wanted else examples,
        derandomize=True,
        deadline=LONG_RUN_DEADLINE_MS if wanted else None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


def mutate(draw, text: str, mutations: tuple[str, ...], edits: int = 4, cut: int = 6) -> str:
    """``text`` with 1 to ``edits`` random edits: a cut of 1 to ``cut`` characters, or one of ``mutations``
    put in somewhere (a valid document broken the way a hurried edit breaks one)."""
    choices = st.sampled_from(mutations)
    for _ in range(draw(st.integers(1, edits))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()) and at < len(text):
            text = text[:at] + text[at + draw(st.integers(1, cut)) :]
        else:
            text = text[:at] + draw(choices) + text[at:]
    return text


def assert_located(text: str, error: DesignSyntaxError) -> None:
    """A syntax error points inside the text, and shows the line it points at."""
    lines = text.split("\n")
    assert 1 <= error.line <= len(lines), (error.line, len(lines))
    assert 1 <= error.col <= len(lines[error.line - 1]) + 1, (error.col, lines[error.line - 1])
    assert error.source_line == lines[error.line - 1].removesuffix("\r"), (error.source_line, lines[error.line - 1])
