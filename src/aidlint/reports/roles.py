"""``aidlint roles``'s output: each node's role and why, and the coverage report over many designs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from aidlint.model import UNKNOWN_ROLE, Design
from aidlint.reports.visible import visible
from aidlint.roles.families import ModelFamily
from aidlint.roles.infer import RoleAssignment
from aidlint.roles.kinds import DesignKind


_ROLE_COLORS = {"unknown": "\x1b[31m", "ambiguous": "\x1b[33m", "sure": "\x1b[32m"}


def role_listing(
    design: Design, roles: dict[str, RoleAssignment], color: bool = False, reading: tuple[DesignKind, ModelFamily] | None = None
) -> str:
    """Unknown, ambiguous and weakly evidenced nodes first, each with the line that would declare its
    role; every node with the strength of its evidence (docs/roles.md, "Evidence and its strength").

    ``reading`` (the design's kind and model family, which decide the rules that run) closes the listing.
    With ``color`` the role is red when unknown, yellow when ambiguous or weak, green otherwise.
    Everything taken from the design goes through ``visible``: a label may hold terminal escapes.
    """
    from aidlint.frontends import role_declaration

    lines = [f"{visible(design.path)}: {visible(design.name)}"]
    unsure = [n for n in design.nodes if roles[n.id].role == UNKNOWN_ROLE or roles[n.id].ambiguous_with or roles[n.id].weak]
    unsure_ids = {n.id for n in unsure}
    sure = [n for n in design.nodes if n.id not in unsure_ids]
    shown_ids = {node.id: visible(node.id) for node in design.nodes}
    width = max([len(shown) for shown in shown_ids.values()] + [11])
    for node in unsure + sure:
        assignment = roles[node.id]
        label = f'"{visible(node.label)}"' if node.label else ""
        role = f"{assignment.role:<21}"
        if color:
            kind = "unknown" if assignment.role == UNKNOWN_ROLE else "ambiguous" if node.id in unsure_ids else "sure"
            role = f"{_ROLE_COLORS[kind]}{role}\x1b[0m"
        lines.append(
            f"  {shown_ids[node.id]:<{width}}  {role}  {assignment.strength:<9}  {visible(assignment.shown_reason):<43}  {label}".rstrip()
        )
        if node.id in unsure_ids:
            declared = "ROLE" if assignment.role == UNKNOWN_ROLE else assignment.role
            lines.append(f"  {'':<{width}}  declare with: {visible(role_declaration(design, node.id, declared))}")
    if reading is not None:
        kind, family = reading
        lines.append(f"  kind: {kind.kind} ({visible(kind.reason)}); set it with the comment aidlint: kind=KIND")
        lines.append(f"  models: {family.family} ({visible(family.reason)}); set it with the comment aidlint: models=generative or models=predictive")
    return "\n".join(lines) + "\n"


@dataclass
class RoleCoverage:
    """How much of a set of designs aidlint understands: the figures ``roles --unknown`` prints."""

    designs: int = 0
    with_model: int = 0
    nodes: int = 0
    with_role: int = 0
    unknown_labels: Counter[str] = field(default_factory=Counter)

    def add(self, design: Design, roles: dict[str, RoleAssignment]) -> None:
        unknown = [n for n in design.nodes if roles[n.id].role == UNKNOWN_ROLE]
        self.designs += 1
        self.nodes += len(design.nodes)
        self.with_role += len(design.nodes) - len(unknown)
        self.with_model += any(a.role == "model_inference" for a in roles.values())
        self.unknown_labels.update((n.label or n.id).strip() for n in unknown)

    def render(self) -> str:
        lines = [
            f"designs: {self.designs}, with a model found: {self.with_model} ({_share(self.with_model, self.designs)})",
            f"nodes: {self.nodes}, with a role: {self.with_role} ({_share(self.with_role, self.nodes)})",
            "unknown labels, most frequent first:",
        ]
        for label, count in sorted(self.unknown_labels.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"  {count:>4}  {visible(label)}")
        return "\n".join(lines) + "\n"


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"
