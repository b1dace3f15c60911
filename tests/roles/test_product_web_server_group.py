"""A box in the product's web server: a group named for its API or web framework holds its code
(docs/roles.md, "the group around a box"); invented labels."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from


def roles_in_group(group: str, member: str) -> dict[str, str]:
    source = (
        f'flowchart LR\n  u["Customer"] --> m\n  subgraph g["{group}"]\n    m["{member}"]\n  end\n'
        '  m --> db[("Orders DB")]\n'
    )
    design = design_from(source, "mermaid", "design.mmd")
    return {node: a.role for node, a in assign_roles(design).items()}


@pytest.mark.parametrize(
    "group", ["FastAPI app (src/)", "Flask REST API", "Ticketing API Server", "Express · Node 20"]
)
def test_a_box_naming_nothing_in_the_product_s_web_server_is_its_code(group):
    assert roles_in_group(group, "Templates & Forms")["m"] == "application"


@pytest.mark.parametrize("group", ["Application Layer", "Decision Engine", "Booking Workflow"])
def test_other_groups_of_the_application_leave_a_box_unread(group):
    assert roles_in_group(group, "Templates & Forms")["m"] == "unknown"


def test_a_box_with_words_of_its_own_keeps_them_in_the_web_server():
    assert roles_in_group("FastAPI app", "Orders cache")["m"] == "data_store"
