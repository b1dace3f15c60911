"""Configuration keys: every key is documented, per-file-ignores, extend-select, the nearest
configuration per file, unknown rule IDs, and `aidlint config`."""

from __future__ import annotations

import json
import re

import pytest

from aidlint.cli import main
from aidlint.config import Config, LimitsConfig, RoleOverride, RolesConfig

from .conftest import REPO

DESIGN = 'u: user "U"\nm: model_inference "M"\nu -> m\n'


def keys_of(model, prefix: str = "") -> list[str]:
    return [prefix + (info.alias or name) for name, info in model.model_fields.items() if not info.exclude]


def test_every_configuration_key_is_in_docs_config_md():
    documented = set(re.findall(r"`([a-z][a-z.-]*)`", (REPO / "docs" / "config.md").read_text(encoding="utf-8")))
    keys = keys_of(Config) + keys_of(RolesConfig, "roles.") + keys_of(RoleOverride) + keys_of(LimitsConfig, "limits.")
    assert [key for key in keys if key not in documented] == []


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def findings(capsys, *args: str) -> tuple[int, list[tuple[str, str]], str]:
    code = main(["check", "--format", "json", *args])
    out, err = capsys.readouterr()
    return code, [(f["path"], f["rule_id"]) for f in json.loads(out)["findings"]] if out else [], err


def test_per_file_ignores_drop_rules_in_matching_files_only(project, capsys):
    (project / "legacy").mkdir()
    (project / "legacy" / "old.aidl").write_text(DESIGN)
    (project / "new.aidl").write_text(DESIGN)
    (project / "aidlint.toml").write_text('select = ["SAF001", "OBS001"]\n[per-file-ignores]\n"legacy/*" = ["SAF"]\n"new.*" = ["OBS001"]\n')
    assert findings(capsys, "legacy", "new.aidl") == (
        1, [("legacy/old.aidl", "OBS001"), ("new.aidl", "SAF001")], ""
    )


def test_extend_select_adds_to_the_profile_and_to_select(project, capsys):
    (project / "d.aidl").write_text(DESIGN)
    (project / "aidlint.toml").write_text('profile = "minimal"\nextend-select = ["OBS001"]\n')
    assert findings(capsys, "d.aidl")[1] == [("d.aidl", "OBS001"), ("d.aidl", "SAF001")]  # OBS001 is not in minimal
    assert findings(capsys, "--select", "SAF001", "--extend-select", "GOV", "d.aidl")[1] == [
        ("d.aidl", "GOV001"), ("d.aidl", "OBS001"), ("d.aidl", "SAF001")
    ]


def test_each_file_uses_the_nearest_configuration_above_it(project, capsys):
    (project / "team").mkdir()
    (project / "team" / "sub").mkdir()
    (project / "aidlint.toml").write_text('select = ["SAF001"]\n')
    (project / "team" / "pyproject.toml").write_text('[tool.aidlint]\nselect = ["OBS001"]\n')
    (project / "top.aidl").write_text(DESIGN)
    (project / "team" / "sub" / "deep.aidl").write_text(DESIGN)
    assert findings(capsys, ".")[1] == [("team/sub/deep.aidl", "OBS001"), ("top.aidl", "SAF001")]
    # --config names one configuration for every file
    (project / "all.toml").write_text('select = ["DSN003"]\n')
    assert findings(capsys, "--config", "all.toml", ".")[1] == []


@pytest.mark.parametrize(
    ("setting", "error"),
    [
        ('select = ["SAF009"]\n', "unknown rule 'SAF009' in the rule selection"),
        ('extend-select = ["XYZ"]\n', "unknown rule 'XYZ' in the rule selection"),
        ('ignore = ["FBK1"]\n', "unknown rule 'FBK1' in the rule selection"),
        ('[per-file-ignores]\n"*.aidl" = ["SAF001", "OBS005"]\n', "unknown rule 'OBS005' in per-file-ignores['*.aidl']"),
        ('[per-file-ignores]\n"*.aidl" = ["SYN001"]\n', "SYN001 cannot be ignored or given another severity: a file aidlint cannot read always fails the run"),
    ],
    ids=["select", "extend-select", "ignore", "per-file-ignores", "per-file-ignores-syntax"],
)
def test_unknown_rule_ids_exit_two(project, capsys, setting, error):
    (project / "d.aidl").write_text(DESIGN)
    (project / "aidlint.toml").write_text(setting)
    assert findings(capsys, "d.aidl") == (2, [], f"aidlint: error: {error}\n")


def test_config_prints_each_value_with_its_origin(project, capsys):
    (project / "team").mkdir()
    (project / "team" / "aidlint.toml").write_text(
        'profile = "minimal"\nselect = ["SAF"]\n[per-file-ignores]\n"legacy/*" = ["SAF001"]\n'
        '[severity]\nSAF002 = "warning"\n[roles.synonyms]\nmodel_inference = ["Oracle"]\n'
    )
    source = project / "team" / "aidlint.toml"
    assert main(["config", "team"]) == 0
    assert capsys.readouterr().out == (
        f"# the configuration aidlint uses for team: {source}\n"
        f'profile = "minimal"  # {source}\n'
        'fail-on = "warning"  # default\n'
        f'select = ["SAF"]  # {source}\n'
        "extend-select = []  # default\n"
        "ignore = []  # default\n"
        f'per-file-ignores = {{ "legacy/*" = ["SAF001"] }}  # {source}\n'
        f'severity = {{ SAF002 = "warning" }}  # {source}\n'
        "exclude = []  # default\n"
        "include = []  # default\n"
        "rules = []  # default\n"
        "per-diagram = false  # default\n"
        "# kind: not set (default)\n"
        "# responses: not set (default)\n"
        "# models: not set (default)\n"
        f'roles.synonyms = {{ model_inference = ["Oracle"] }}  # {source}\n'
        f"roles.override = []  # {source}\n"
        "limits.max-nodes = 200000  # default\n"
        "limits.max-edges = 300000  # default\n"
    )
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:3] == [
        "# the configuration aidlint uses for .: no configuration file; aidlint's defaults",
        "# profile: not set (default)",
        'fail-on = "warning"  # default',
    ]


def test_each_configuration_file_is_read_once_however_many_folders_share_it(project, capsys, monkeypatch):
    import aidlint.config

    reads: list[str] = []
    real_read = aidlint.config._read
    monkeypatch.setattr(aidlint.config, "_read", lambda path: reads.append(path.name) or real_read(path))
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n')  # no [tool.aidlint]: passed over
    for folder in ("a", "b", "a/c"):
        (project / folder).mkdir()
        (project / folder / "d.aidl").write_text(DESIGN)
    (project / "b" / ".aidlint.toml").write_text('select = ["SAF001"]\n')
    code, found, _ = findings(capsys, "--select", "OBS001", "a", "b")
    assert (code, found) == (1, [("a/c/d.aidl", "OBS001"), ("a/d.aidl", "OBS001"), ("b/d.aidl", "OBS001")])
    assert sorted(reads) == [".aidlint.toml", "pyproject.toml"]
