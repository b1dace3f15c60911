"""Graphviz may abort or run for minutes: the layout runs in a child, crashes are retried with a layout
that avoids them, and a picture that cannot be drawn still leaves its DOT and Mermaid behind.

The crash tests use a child that aborts (SIGABRT, as Graphviz's ``fixLabelOrder`` assertion does)
whenever the DOT still has what the real crash needs, and lays out with pygraphviz otherwise.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aidlint.cli import main
from aidlint.export.aidl import write as write_aidl
from aidlint.frontends import parse_text
from aidlint.render import layout
from tests.render.architectures import architecture

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "support_bot_design_doc.md"

_CRASHING_CHILD = """
import os, sys
import pygraphviz
dot = sys.stdin.read()
if {condition}:
    sys.stderr.write("Fontconfig warning: noise\\nmincross.c:1234: fixLabelOrder: Assertion `0' failed.\\n")
    sys.stderr.flush()
    os.abort()
sys.stdout.buffer.write(pygraphviz.AGraph(string=dot).draw(format=sys.argv[1], prog="dot"))
"""


def _crashing_child(tmp_path: Path, condition: str) -> tuple[str, ...]:
    script = tmp_path / "crashing_child.py"
    script.write_text(_CRASHING_CHILD.format(condition=condition), encoding="utf-8")
    return (str(script),)


def test_a_crash_on_edge_labels_is_retried_with_xlabels(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(layout, "CHILD", _crashing_child(tmp_path, '"xlabel=" not in dot'))
    out = tmp_path / "support.svg"
    assert main(["render", str(SAMPLE), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err == (
        f"aidlint: {out}: laid out with edge labels placed as xlabels, because Graphviz failed on the layout as drawn "
        "(Graphviz crashed (SIGABRT): mincross.c:1234: fixLabelOrder: Assertion `0' failed.)\n"
    )
    assert "Fontconfig" not in err
    assert out.read_bytes().startswith(b"<?xml") and b"xlabel" not in out.read_bytes()


def test_a_crash_with_clusters_is_retried_flat(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(layout, "CHILD", _crashing_child(tmp_path, '"subgraph" in dot'))
    design = architecture(40, clusters=4)
    source = tmp_path / "arch.aidl"
    source.write_text(write_aidl(design), encoding="utf-8")
    out = tmp_path / "arch.png"
    assert main(["render", str(source), "-o", str(out)]) == 0
    assert "laid out with edge labels as xlabels and clusters flattened" in capsys.readouterr().err
    assert out.read_bytes()[:4] == b"\x89PNG"


def test_when_every_layout_crashes_dot_and_mermaid_are_written_and_named(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(layout, "CHILD", _crashing_child(tmp_path, "True"))
    out = tmp_path / "support.svg"
    assert main(["render", str(SAMPLE), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"aidlint: error: {out}: Graphviz could not lay out 'support_bot_design_doc' (as drawn: Graphviz crashed (SIGABRT)")
    assert err.rstrip().endswith(f"wrote {tmp_path / 'support.dot'} and {tmp_path / 'support.mmd'} instead")
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".py") == ["support.dot", "support.mmd"]


@pytest.mark.parametrize("edges", [100, 400, 1000])
def test_generated_architectures_end_with_a_picture_or_a_clear_message(tmp_path, capsys, edges):
    source = tmp_path / f"arch{edges}.aidl"
    source.write_text(write_aidl(architecture(edges)), encoding="utf-8")
    out = tmp_path / f"arch{edges}.svg"
    status = main(["render", str(source), "-o", str(out), "--timeout", "10"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if status == 0:
        assert out.read_bytes().startswith(b"<?xml") and b"</svg>" in out.read_bytes()
        return
    assert status == 2
    assert re.search(r"timed out after 10 s|crashed", err), err
    dot, mmd = tmp_path / f"arch{edges}.dot", tmp_path / f"arch{edges}.mmd"
    assert f"wrote {dot} and {mmd} instead" in err
    (from_dot,) = parse_text(dot.read_text(encoding="utf-8"), "dot", str(dot))
    (from_mmd,) = parse_text(mmd.read_text(encoding="utf-8"), "mermaid", str(mmd))
    assert len(from_dot.nodes) == len(from_mmd.nodes) > edges // 2
