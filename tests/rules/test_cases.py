"""Every rule's behaviour, pinned by data: tests/rules/cases/<RULE>.toml, one file per built-in rule.

A case is a design and the exact findings it must give (sqlfluff keeps its rule tests the same way):

- ``name``: what the case shows; ``design``: its source, in the DSL unless ``format`` names another;
- ``expect = [{rule, line, col, nodes, witness}]``: every finding of the file's rule (and of any other
  rule an expected row names), exactly; ``[]`` means that rule must stay silent;
- ``message``: optional, the first finding's exact message;
- ``fix``: optional, the first finding's fix, one line per change: ``+ id: role`` (a ghost node),
  ``+ a -> b`` (an edge to add), ``- a -> b`` (an edge it replaces);
- ``trap``: what a careless rule would get wrong here (every file has at least one such case);
- ``not_in = {format = "reason"}``: formats that cannot express the case, and why;
- ``sources = {format = "text"}``: the design written by hand in a format whose writer cannot carry it
  (comments, say).

A DSL case runs in the DSL, and in DOT, Mermaid and a Markdown document with a mermaid fence, converted
with `aidlint export`'s writers. Line and column differ there, so a converted run must give the same
(rule, nodes, witness) and locate each finding at its subject node's span in that file (a finding about
no node: at the design's start or at the suppression it is about).
"""

from __future__ import annotations

import textwrap
import tomllib
from pathlib import Path

import pytest

from aidlint.export import dot as dot_writer
from aidlint.export import mermaid as mermaid_writer
from aidlint.frontends import ParseOptions
from aidlint.roles.vocabulary import load_vocabulary
from aidlint.rules.runner import RuleSelection, builtin_pack
from aidlint.workspace import check_files, load_designs

CASES_DIR = Path(__file__).parent / "cases"
FILE_NAMES = {"aidl": "case.aidl", "dot": "case.dot", "mermaid": "case.mmd", "markdown": "case.md"}
CONVERTED = ("dot", "mermaid", "markdown")
CASE_KEYS = {"name", "design", "expect", "message", "fix", "trap", "not_in", "sources", "format"}
ROW_KEYS = {"rule", "line", "col", "nodes", "witness"}
RULE_IDS = [rule.id for rule in builtin_pack().rule]


def _load() -> dict[str, list[dict]]:
    return {
        path.stem: tomllib.loads(path.read_text(encoding="utf-8"))["case"]
        for path in sorted(CASES_DIR.glob("*.toml"))
    }


CASE_FILES = _load()
CASES = [(rule_id, case) for rule_id, cases in CASE_FILES.items() for case in cases]


def _source(case: dict) -> str:
    return textwrap.dedent(case["design"]).lstrip("\n")


def _check(tmp_path: Path, fmt: str, text: str):
    path = tmp_path / FILE_NAMES[fmt]
    path.write_text(text, encoding="utf-8")
    rules = RuleSelection().active(builtin_pack())
    return path, check_files([path], rules, load_vocabulary(), ParseOptions()).findings


def _selected(findings, rule_id: str, case: dict) -> list:
    wanted = {rule_id} | {row["rule"] for row in case["expect"]}
    return [finding for finding in findings if finding.rule_id in wanted]


def _converted_texts(case: dict, path: Path) -> dict[str, str]:
    """The case in each other format: written by hand where given, else by `aidlint export`'s writers."""
    (design,) = load_designs(path, ParseOptions())[0]
    texts = {"dot": dot_writer.write(design), "mermaid": mermaid_writer.write(design)}
    texts.update(case.get("sources", {}))
    texts.setdefault(
        "markdown", f"# {case['name']}\n\nThe design, as a Mermaid flowchart:\n\n```mermaid\n{texts['mermaid']}```\n"
    )
    return texts


def _fix_lines(fix) -> list[str]:
    return (
        [f"+ {node.id}: {node.role}" for node in fix.nodes]
        + [f"+ {edge.source} -> {edge.target}" for edge in fix.edges]
        + [f"- {source} -> {target}" for source, target in fix.replaces]
    )


def _not_in(case: dict) -> dict[str, str]:
    reasons = dict(case.get("not_in", {}))
    if "mermaid" in reasons and "markdown" not in reasons and "markdown" not in case.get("sources", {}):
        reasons["markdown"] = f"its mermaid fence cannot say it either: {reasons['mermaid']}"
    return reasons


def _assert_located_at_subject(fmt: str, path: Path, findings: list) -> None:
    """Each finding points at its subject node's span in this file (or the design's start/suppression)."""
    designs, text = load_designs(path, ParseOptions())
    lines = text.splitlines()
    for finding in findings:
        if finding.nodes:
            spans = {node.id: node.span for design in designs for node in design.nodes}
            span = spans[finding.nodes[0]]
            assert (finding.line, finding.col) == (span.line, span.col), (fmt, finding.rule_id, finding.nodes)
            written = lines[finding.line - 1][finding.col - 1 :].lstrip('"')
            assert written.startswith(finding.nodes[0]), (fmt, lines[finding.line - 1])
        else:
            places = {(design.span.line, design.span.col) for design in designs if design.span}
            places |= {(s.span.line, s.span.col) for design in designs for s in design.suppressions}
            places.add((1, 1))
            assert (finding.line, finding.col) in places, (fmt, finding.rule_id, finding.line, finding.col)


@pytest.mark.parametrize("rule_id, case", CASES, ids=[f"{rule_id}-{case['name']}" for rule_id, case in CASES])
def test_case(rule_id, case, tmp_path):
    fmt = case.get("format", "aidl")
    path, findings = _check(tmp_path, fmt, _source(case))
    found = _selected(findings, rule_id, case)
    assert [
        {"rule": f.rule_id, "line": f.line, "col": f.col, "nodes": f.nodes, "witness": f.witness} for f in found
    ] == case["expect"]
    if "message" in case:
        assert found[0].message == case["message"]
    if "fix" in case:
        assert _fix_lines(found[0].fix) == case["fix"]
    if fmt != "aidl":
        return  # a case written in DOT or Mermaid shows something of that format only
    expected = sorted((row["rule"], row["nodes"], row["witness"]) for row in case["expect"])
    skipped = _not_in(case)
    if set(CONVERTED) <= set(skipped):
        return
    for other, text in _converted_texts(case, path).items():
        if other in skipped:
            continue
        other_dir = tmp_path / other
        other_dir.mkdir()
        other_path, other_findings = _check(other_dir, other, text)
        twin = _selected(other_findings, rule_id, case)
        assert sorted((f.rule_id, f.nodes, f.witness) for f in twin) == expected, (other, text)
        _assert_located_at_subject(other, other_path, twin)


def test_every_builtin_rule_has_a_case_file_with_a_failing_a_passing_and_a_trap_case():
    assert sorted(CASE_FILES) == sorted(RULE_IDS)
    for rule_id, cases in CASE_FILES.items():
        assert len(cases) >= 3, rule_id
        assert any(case["expect"] for case in cases), f"{rule_id}: no failing case"
        assert any(not case["expect"] for case in cases), f"{rule_id}: no passing case"
        assert any(case.get("trap") for case in cases), f"{rule_id}: no trap"


def test_every_case_is_well_formed():
    for rule_id, case in CASES:
        where = f"{rule_id}.toml: {case.get('name')}"
        assert set(case) <= CASE_KEYS and {"name", "design", "expect"} <= set(case), where
        assert [other["name"] for other in CASE_FILES[rule_id]].count(case["name"]) == 1, where
        assert all(set(row) == ROW_KEYS for row in case["expect"]), where
        assert rule_id in {row["rule"] for row in case["expect"]} or not case["expect"], where
        assert set(case.get("not_in", {})) <= set(CONVERTED) and all(case.get("not_in", {}).values()), where
        assert case.get("format", "aidl") in FILE_NAMES, where
        # the writers drop comments: a case with a directive says how each format writes it, or why it cannot
        if "aidlint:" in case["design"] and case.get("format", "aidl") == "aidl":
            assert {"dot", "mermaid"} <= set(case.get("sources", {})) | set(case.get("not_in", {})), where
