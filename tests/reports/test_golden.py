"""Every output format pinned on the shipped samples, byte for byte.

Regenerate after an intended change with `AIDLINT_UPDATE_GOLDEN=1 pytest tests/reports/test_golden.py`
and read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aidlint.reports import FORMATS

from ..helpers import run_cli
from .helpers import in_repo  # noqa: F401 - a fixture

GOLDEN = Path(__file__).parent / "golden"
_SUFFIX = {"text": "txt", "concise": "txt", "json": "json", "sarif": "sarif", "github": "txt", "junit": "xml", "gitlab": "json"}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_format_on_the_samples_matches_its_golden_file(capsys, in_repo, name):
    code, out, err = run_cli(capsys, "check", "--format", name, "samples")
    assert (code, err) == (1, "")
    golden = GOLDEN / f"samples.{name}.{_SUFFIX[name]}"
    if os.environ.get("AIDLINT_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_every_format_has_a_golden_file():
    assert sorted(p.name.split(".")[1] for p in GOLDEN.iterdir()) == sorted(FORMATS)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_two_runs_give_the_same_bytes(capsys, in_repo, name):
    first = run_cli(capsys, "check", "--format", name, "samples")
    assert run_cli(capsys, "check", "--format", name, "samples") == first
