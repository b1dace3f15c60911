"""Every shipped design has twins in the other formats, and they give the same findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from aidlint.frontends import ParseOptions
from aidlint.roles.vocabulary import load_vocabulary
from aidlint.rules.runner import RuleSelection, builtin_pack
from aidlint.workspace import check_files

from .conftest import REPO

ORIGINALS = sorted([*(REPO / "reference_designs").glob("*.aidl"), *(REPO / "samples").glob("*.aidl")])
TWIN_SUFFIXES = [".dot", ".mmd"]


def findings(path: Path) -> list[tuple]:
    # Each file says its own profile (the DSL header, an `aidlint: profile` comment in DOT and Mermaid).
    pack = builtin_pack()
    result = check_files(
        [path], RuleSelection().active(pack), load_vocabulary(), ParseOptions(),
        rules_for_profile=lambda name: RuleSelection(profile=name).active(pack),
    )
    return sorted((f.rule_id, f.nodes, f.witness, f.message) for f in result.findings)


@pytest.mark.parametrize("suffix", TWIN_SUFFIXES)
@pytest.mark.parametrize("original", ORIGINALS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_twin_gives_the_same_findings(original, suffix):
    twin = original.with_suffix(suffix)
    assert twin.exists(), f"{twin.name} is missing: `aidlint export {original.name} --to ...` writes it"
    assert findings(twin) == findings(original)


@pytest.mark.parametrize("suffix", TWIN_SUFFIXES)
@pytest.mark.parametrize("original", ORIGINALS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_findings_point_into_the_twin_itself(original, suffix):
    twin = original.with_suffix(suffix)
    pack = builtin_pack()
    result = check_files([twin], RuleSelection().active(pack), load_vocabulary(), ParseOptions())
    lines = twin.read_text(encoding="utf-8").splitlines()
    for finding in result.findings:
        assert finding.path == str(twin)
        if finding.nodes:
            assert finding.nodes[0] in lines[finding.line - 1], (finding.rule_id, finding.line)
