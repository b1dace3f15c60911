"""A box naming settings in a group: the settings of the group's code, no member of the role the group
names (docs/roles.md, "the group around a box"); invented labels."""

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
    ("group", "member"),
    [
        ("Fine-tuning Layer", "Sweep Config"),
        ("Monitoring", "Exporter Settings"),
        ("Flask REST API", "Rules YAML mount"),
        ("Ticketing API Server", "Defaults TOML overrides"),
    ],
)
def test_settings_in_a_group_are_no_member_of_its_role(group, member):
    assert roles_in_group(group, member)["m"] == "unknown"


@pytest.mark.parametrize(
    ("group", "member", "role"),
    [
        ("Fine-tuning Layer", "Sweep Runner", "training_pipeline"),
        ("Flask REST API", "Templates & Forms", "application"),
        # a store keeps files, settings among them
        ("Artifact Store", "Pipeline YAML", "data_store"),
    ],
)
def test_other_members_and_a_store_s_files_keep_the_group_s_role(group, member, role):
    assert roles_in_group(group, member)["m"] == role
