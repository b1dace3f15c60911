"""Hypothesis settings shared by the front ends' property suites (docs/testing.md, "Fuzzing").

In CI every suite runs a fixed, derandomized set of examples, small enough to cost a few seconds.
``AIDLINT_FUZZ_EXAMPLES=10000`` raises every suite to that many examples for the longer run; that run
also gives each example a deadline, so that an input that makes a front end crawl fails as a hang
instead of passing slowly. CI never sets a deadline: tests assert behaviour, not time.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

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
