"""``aidlint parse``'s output: the design model as JSON, each node with its declared and inferred role."""

from __future__ import annotations

import json

from aidlint.model import Design
from aidlint.roles.infer import RoleAssignment


def design_json(design: Design, roles: dict[str, RoleAssignment]) -> dict:
    """The design's fields as the model dumps them; ``role`` is the inferred role, and
    ``declared_role`` what the author wrote (None when nothing was declared); a class that declared it is named
    in ``role_reason``."""
    data = design.model_dump(mode="json")
    for node in data["nodes"]:
        node.pop("role_class", None)
        node["declared_role"] = node.pop("role")
        node["role"] = roles[node["id"]].role
        node["role_reason"] = roles[node["id"]].shown_reason
        node["role_strength"] = roles[node["id"]].strength
    return data


def render(designs: list[tuple[Design, dict[str, RoleAssignment]]]) -> str:
    shaped = [design_json(design, roles) for design, roles in designs]
    return json.dumps({"designs": shaped}, indent=2, ensure_ascii=False) + "\n"
