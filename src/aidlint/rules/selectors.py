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
    """Nodes of ``role`` whose label or attributes mention the vocabulary term list ``mentions`` and not
    ``unless``, that a node of the ``reached_from`` roles reaches and that a node of the ``fed_by`` roles
    feeds."""

    role: str
    """The role the nodes have."""
    mentions: str | None = None
    """A vocabulary term list (data/vocabulary.toml ``[terms]``) the label or attributes must mention."""
    unless: str | None = None
    """A vocabulary term list the label or attributes must not mention: ``{ role = "user", unless =
    "internal_users" }`` is a member of the public, not an operator or a member of staff."""
    reached_from: tuple[str, ...] = ()
    """Roles one of which must reach the node along the arrows (empty: any node of ``role``); a path does
    not pass through a person. ``{ role = "model_inference", reached_from = ["model_registry"] }`` is a
    model something is released to."""
    fed_by: tuple[str, ...] = ()
    """Roles one of which must have an arrow straight into the node (empty: any node of ``role``)."""
    messages: bool = True
    """Whether a user read from a bare message where the flow starts or ends counts (docs/roles.md, "Who
    counts as a user"). ``{ role = "user", messages = false }`` is a person the drawing shows (a
    customer, their interface, a "User query"), not a "Query" or a "Final answer" standing in for one."""


Selector = Union[str, RoleFilter]
"""A role name, or a role narrowed by a vocabulary term (a canary-style deployment_controller)."""


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"{role!r} is not a role (roles: {', '.join(ROLES)})")
    return role


def check_selectors(selectors: list[Selector]) -> list[Selector]:
    for selector in selectors:
        check_selector(selector)
    return selectors


def check_selector(selector: Selector) -> Selector:
    if isinstance(selector, str):
        check_role(selector)
    else:
        for role in (selector.role, *selector.reached_from, *selector.fed_by):
            check_role(role)
    return selector
