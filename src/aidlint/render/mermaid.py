"""Gap diagram -> Mermaid flowchart (``.mmd``) or a Markdown page with a mermaid fence (``.md``).

The same annotations as the DOT picture, in what GitHub and GitLab draw natively: ``classDef`` styles
for ghost and offending nodes, ``linkStyle`` for ghost, replaced and witness edges. Labels go out
through :func:`aidlint.export.mermaid.label_text`; an ID Mermaid would misread (``end``, a space) is
renamed and keeps its text as the label. Ghosts declare their role with a ``class`` line and replaced
edges carry an ``aidlint: replaced`` comment, so checking the rendered file checks the fixed design.
"""

from __future__ import annotations

import re

from aidlint.export.mermaid import label_text, usable_id
from aidlint.frontends.directives import replaced_directive
from aidlint.model import UNKNOWN_ROLE, Severity
from aidlint.render.gap import REPLACED_COLOUR, SEVERITY_COLOURS, GapDiagram

_GHOST_FILL = {Severity.error: "#fdecea", Severity.warning: "#fff3e0", Severity.info: "#e8f0fc"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|&~\"'])")


def mermaid_ids(diagram: GapDiagram) -> tuple[dict[str, str], dict[str, str]]:
    """Each node's and group's Mermaid ID: its own when Mermaid reads it as written, else a fresh one."""
    taken = {n.id for n in diagram.nodes if usable_id(n.id)}
    ids: dict[str, str] = {}
    counter = 0

    def fresh(prefix: str) -> str:
        nonlocal counter
        while True:
            counter += 1
            candidate = f"{prefix}_{counter}"
            if candidate not in taken:
                taken.add(candidate)
                return candidate

    for node in diagram.nodes:
        ids[node.id] = node.id if usable_id(node.id) else fresh("node")
    groups = {}
    for group in diagram.design.groups:
        groups[group.id] = group.id if usable_id(group.id) and group.id not in taken else fresh("group")
        taken.add(groups[group.id])
    return ids, groups


def write(diagram: GapDiagram) -> str:
    design = diagram.design
    ids, group_ids = mermaid_ids(diagram)
    lines = ["%% aidlint gap diagram: dashed = what the fixes add, dotted grey = what they replace"]
    if design.profile:
        lines.append(f"%% aidlint: profile {design.profile}")
    replaced = dict.fromkeys((ids[e.source], ids[e.target]) for e in diagram.edges if e.kind == "replaced")
    lines.extend(f"%% {replaced_directive(source, target)}" for source, target in replaced)
    lines.append("flowchart LR")

    by_group: dict[str | None, list[str]] = {}
    for node in diagram.nodes:
        by_group.setdefault(node.group, []).append(node.id)
    children: dict[str | None, list] = {}
    for group in design.groups:
        children.setdefault(group.parent, []).append(group)

    def fill(group_id: str | None, indent: str) -> None:
        for node_id in by_group.get(group_id, []):
            node = diagram.node(node_id)
            text = node.label + ("\n+ " + " ".join(node.rules) if node.ghost else "")
            lines.append(f"{indent}{ids[node_id]}[{label_text(text)}]")
        for group in children.get(group_id, []):
            lines.append(f"{indent}subgraph {group_ids[group.id]} [{label_text(group.label or group.id)}]")
            fill(group.id, indent + "  ")
            lines.append(f"{indent}end")

    fill(None, "  ")
    styles: dict[str, list[int]] = {}
    for index, edge in enumerate(diagram.edges):
        text = edge.label
        if edge.kind == "ghost":
            text = " ".join(edge.rules) if not text else f"{text}\n{' '.join(edge.rules)}"
        arrow = {"ghost": "-.->", "replaced": "-.-x"}.get(edge.kind, "-->")
        arrow += f"|{label_text(text)}|" if text else ""
        lines.append(f"  {ids[edge.source]} {arrow} {ids[edge.target]}")
        if edge.kind == "ghost":
            style = f"stroke:{SEVERITY_COLOURS[edge.severity]},stroke-width:2px,stroke-dasharray:6 4,color:{SEVERITY_COLOURS[edge.severity]}"
        elif edge.kind == "replaced":
            style = f"stroke:{REPLACED_COLOUR},stroke-width:1px,stroke-dasharray:2 3,color:{REPLACED_COLOUR}"
        elif edge.severity is not None:
            style = f"stroke:{SEVERITY_COLOURS[edge.severity]},stroke-width:3px"
        else:
            continue
        styles.setdefault(style, []).append(index)

    roles: dict[str, list[str]] = {}
    marks: dict[str, list[str]] = {}
    for node in diagram.nodes:
        if node.role != UNKNOWN_ROLE:
            roles.setdefault(node.role, []).append(ids[node.id])
        if node.severity is not None:
            marks.setdefault(f"{'ghost' if node.ghost else 'offending'}_{node.severity.value}", []).append(ids[node.id])
    for severity, colour in SEVERITY_COLOURS.items():
        lines.append(f"  classDef ghost_{severity.value} fill:{_GHOST_FILL[severity]},stroke:{colour},stroke-width:2px,stroke-dasharray:5 4,color:{colour}")
        lines.append(f"  classDef offending_{severity.value} stroke:{colour},stroke-width:3px")
    for role in sorted(roles):
        lines.append(f"  class {','.join(roles[role])} {role}")
    for mark in sorted(marks):
        lines.append(f"  class {','.join(marks[mark])} {mark}")
    for style, indexes in styles.items():
        lines.append(f"  linkStyle {','.join(map(str, indexes))} {style}")
    return "\n".join(lines) + "\n"


def markdown_text(text: str) -> str:
    """Plain text for Markdown: every punctuation mark that could start markup is backslash-escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def write_markdown(diagram: GapDiagram) -> str:
    """A Markdown page: the mermaid fence, then the findings it draws."""
    lines = [f"# Gap diagram: {markdown_text(diagram.design.name)}", "", "```mermaid", write(diagram).rstrip("\n"), "```", ""]
    if diagram.findings:
        lines.append("Dashed: what each fix adds (red error, orange warning, blue info); dotted grey: the edges it replaces.")
        lines.append("")
        for finding in diagram.findings:
            lines.append(f"- **{finding.rule_id}** {finding.severity.value}: {markdown_text(finding.message)}")
    else:
        lines.append("No findings.")
    return "\n".join(lines) + "\n"
