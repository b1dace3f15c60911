"""How a rule names nodes: a role, or a role narrowed by a vocabulary term."""

from __future__ import annotations

from typing import Union

from pydantic import BaseModel, ConfigDict

from aidlint.model import ROLES


class SpecModel(BaseModel):
    """Every part of a rule file: unknown keys are errors and parsed specs never change."""

    # Attribute docstrings document the fields: rules/format_docs.py reads them for docs/custom-rules.md
    # (pydantic's use_attribute_docstrings would read every class's source at each start-up). The
    # validators are built on first use, so a run that loads the built-in pack from the cache builds none.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class RoleFilter(SpecModel):
    """Nodes of ``role`` whose label or attributes mention the vocabulary term list ``mentions``."""

    role: str
    """The role the nodes have."""
    mentions: str | None = None
    """A vocabulary term list (data/vocabulary.toml ``[terms]``) the label or attributes must mention."""


Selector = Union[str, RoleFilter]
"""A role name, or a role narrowed by a vocabulary term (a canary-style deployment_controller)."""


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"{role!r} is not a role (roles: {', '.join(ROLES)})")
    return role


def check_selectors(selectors: list[Selector]) -> list[Selector]:
    for selector in selectors:
        check_role(selector if isinstance(selector, str) else selector.role)
    return selectors
