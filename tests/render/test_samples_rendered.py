"""Golden files: the DOT and Mermaid gap diagrams of every sample, pinned byte for byte in docs/img/.

They are what `python docs/img/regenerate.py` writes (with `aidlint render`); a change to the pictures
shows up here as a diff to review, and the README's images can never go stale.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from aidlint.cli import main

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("regenerate", REPO / "docs" / "img" / "regenerate.py")
regenerate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regenerate)

TEXT_TARGETS = [t for sample in regenerate.samples() for t in regenerate.targets(sample) if t.suffix != ".png"]


@pytest.mark.parametrize("target", TEXT_TARGETS, ids=lambda p: p.name)
def test_pinned_picture_is_current(target, tmp_path, monkeypatch):
    sample = REPO / "samples" / target.name[: -len(target.suffix)]
    monkeypatch.chdir(REPO)
    first, second = tmp_path / f"first{target.suffix}", tmp_path / f"second{target.suffix}"
    assert main(["render", os.path.relpath(sample, REPO), "-o", str(first)]) == 0
    assert main(["render", os.path.relpath(sample, REPO), "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == target.read_bytes(), f"run `python docs/img/regenerate.py` and review {target.name}"


def test_every_sample_has_pinned_pictures_and_pngs_exist():
    for sample in regenerate.samples():
        for target in regenerate.targets(sample):
            assert target.is_file(), target
    pngs = sorted(p.name for p in (REPO / "docs" / "img").glob("*.png"))
    assert pngs == sorted(f"{name}.png" for name in regenerate.PNG_SAMPLES)
    for png in pngs:
        assert (REPO / "docs" / "img" / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_docs_render_md_shows_the_current_mermaid_picture():
    page = (REPO / "docs" / "render.md").read_text(encoding="utf-8")
    block = page.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert block == (REPO / "docs" / "img" / "chat_without_guardrails.aidl.mmd").read_text(encoding="utf-8")
