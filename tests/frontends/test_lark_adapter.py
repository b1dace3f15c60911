"""frontends/lark_adapter.py is the only code that relies on Lark internals: it must work on the oldest
and the newest Lark that pyproject allows (``lark>=1.1.9,<2``).

The installed Lark is tested directly. For the oldest, unpack it once and point the test at it:

    pip install --target /tmp/lark-oldest lark==1.1.9
    AIDLINT_OLDEST_LARK=/tmp/lark-oldest pytest tests/frontends/test_lark_adapter.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

OLDEST = "1.1.9"

#: Run in a fresh interpreter: DOT and Mermaid parse, and a lexer error names what the parser expected.
PROBE = textwrap.dedent(
    """
    import lark
    from aidlint.frontends.dot import parse as parse_dot
    from aidlint.frontends.mermaid import parse as parse_mermaid
    from aidlint.frontends.errors import DesignSyntaxError

    (design,) = parse_dot('digraph g {\\n  a -> b [label="x"]\\n  subgraph cluster_s { c }\\n}\\n', "g.dot")
    assert [n.id for n in design.nodes] == ["a", "b", "c"], design.nodes
    assert [(e.source, e.target, e.label) for e in design.edges] == [("a", "b", "x")]
    try:
        parse_dot("digraph {\\n  a -> b\\n  a $ b\\n}\\n", "bad.dot")
    except DesignSyntaxError as error:
        assert (error.line, error.col, error.message) == (3, 5, "unexpected character '$'"), error.message
        assert "'->' or '--'" in error.expected and "'}'" in error.expected, error.expected
    else:
        raise AssertionError("no error")
    (flow,) = parse_mermaid("flowchart LR\\n  a --> b\\n", "f.mmd")
    assert [(e.source, e.target) for e in flow.edges] == [("a", "b")]
    print(lark.__version__)
    """
)


def _run(extra_path: str | None, tmp_path: Path) -> str:
    env = dict(os.environ, TMPDIR=str(tmp_path))  # its own parser cache
    if extra_path:
        env["PYTHONPATH"] = os.pathsep.join([extra_path, env.get("PYTHONPATH", "")])
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_adapter_works_on_the_installed_lark(tmp_path):
    import lark

    assert _run(None, tmp_path) == lark.__version__
    assert lark.__version__.split(".")[0] == "1"


def test_the_adapter_works_on_the_oldest_lark_allowed(tmp_path):
    oldest = os.environ.get("AIDLINT_OLDEST_LARK")
    if not oldest:
        pytest.skip(f"set AIDLINT_OLDEST_LARK to a directory holding lark=={OLDEST} to run this (see the module docstring)")
    assert _run(oldest, tmp_path) == OLDEST
