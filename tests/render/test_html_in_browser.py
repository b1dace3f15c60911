"""The HTML gap diagram in a real browser: headless Chromium loads the page and dumps the DOM after
its script ran; the SVG, every finding and every link must be there, and opening the page at a
finding's anchor highlights that finding's nodes and edges (the script really works)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from aidlint.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "chat_without_guardrails.aidl"


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    reason = "headless Chromium is not installed (Debian: apt-get install -y chromium; .ci/run installs it)"
    print(reason)
    pytest.skip(reason)


def _dom(browser: str, page: Path, anchor: str = "") -> str:
    result = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--dump-dom", page.as_uri() + anchor],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_page_shows_the_svg_every_finding_and_its_links(tmp_path):
    browser = _chromium()
    page = tmp_path / "chat.html"
    assert main(["render", str(SAMPLE), "-o", str(page)]) == 0
    dom = _dom(browser, page)
    assert dom.count("<svg") == 1
    findings = re.findall(r'<li class="finding (\w+)" id="(finding-\d+)" data-elements="([^"]*)"', dom)
    assert [(severity, anchor) for severity, anchor, _ in findings] == [("error", "finding-1"), ("error", "finding-2")]
    assert "SAF001" in dom and "SAF002" in dom
    for _, _, elements in findings:
        for element in elements.split():
            assert f'id="{element}"' in dom, element  # every link points at a drawn node or edge
    links = re.findall(r'<a class="target" href="#(node-\d+)">([^<]*)</a>', dom)
    assert links == [("node-4", "Chat LLM"), ("node-14", "+ Input safety filter"), ("node-4", "Chat LLM"), ("node-15", "+ Output safety filter")]
    assert "Chat LLM: model_inference (declared)" in dom  # a node's role and reason, on hover
    assert "highlight" not in re.sub(r"<(style|script)>.*?</\1>", "", dom, flags=re.DOTALL)


def test_opening_a_finding_highlights_its_nodes_and_edges(tmp_path):
    browser = _chromium()
    page = tmp_path / "chat.html"
    assert main(["render", str(SAMPLE), "-o", str(page)]) == 0
    dom = _dom(browser, page, "#finding-1")
    highlighted = re.findall(r'<g id="([\w-]+)" class="[^"]*\bhighlight\b', dom)
    assert sorted(highlighted) == sorted(["node-4", "node-14", "edge-1", "edge-2", "edge-3", "edge-18", "edge-19"])
    assert '<li class="finding error highlight" id="finding-1"' in dom
