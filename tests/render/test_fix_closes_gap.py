"""Done-when: a rendered gap diagram, read back by aidlint, is the design with every fix applied.

For every sample, the DOT and the Mermaid picture parse back into the design's nodes (same labels),
every ghost node with the role its rule asked for, the design's edges minus the replaced ones plus the
ghost edges; and checking that design gives no finding of the rules that drew the ghosts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from aidlint.render import dot, mermaid
from aidlint.render.mermaid import mermaid_ids
from aidlint.rules.runner import check_design
from tests.render.drawing import diagrams_of, reparse, rules_for, unwrap

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (REPO / "samples").iterdir() if p.suffix in (".aidl", ".dot", ".mmd", ".md"))


def _expected(diagram, rename):
    nodes = {}
    for node in diagram.nodes:
        label = node.label + (" + " + " ".join(node.rules) if node.ghost else "")
        nodes[rename(node.id)] = (label, node.role if node.ghost else None)
    edges = sorted((rename(e.source), rename(e.target)) for e in diagram.edges if e.kind != "replaced")
    return nodes, edges


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["dot", "mermaid"])
def test_rendered_picture_is_the_fixed_design(sample, fmt):
    for diagram in diagrams_of(sample):
        assert diagram.findings, "every sample has gaps to draw"
        if fmt == "dot":
            text, rename = dot.write(diagram), (lambda node_id: node_id)
            clean = lambda label: unwrap(label)  # noqa: E731
        else:
            ids, _ = mermaid_ids(diagram)
            text, rename = mermaid.write(diagram), ids.__getitem__
            clean = lambda label: label.replace("<br>", " ")  # noqa: E731
        fixed = reparse(text, fmt, f"rendered.{fmt}")
        nodes, edges = _expected(diagram, rename)
        assert {n.id: clean(n.label) for n in fixed.nodes} == {node_id: label for node_id, (label, _) in nodes.items()}
        for node in fixed.nodes:
            if nodes[node.id][1] is not None:
                assert node.role == nodes[node.id][1], node.id
        assert sorted((e.source, e.target) for e in fixed.edges) == edges
        assert fixed.profile == diagram.design.profile
        drawn_rules = {rule for node in diagram.nodes if node.ghost for rule in node.rules}
        drawn_rules |= {rule for edge in diagram.edges if edge.kind in ("ghost", "replaced") for rule in edge.rules}
        assert drawn_rules
        still = [f for f in check_design(fixed, rules_for(fixed)) if f.rule_id in drawn_rules]
        assert still == [], [f.message for f in still]
