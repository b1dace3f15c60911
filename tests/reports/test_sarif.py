"""SARIF: valid against the OASIS 2.1.0 schema, with every field GitHub code scanning reads."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import fastjsonschema
import pytest

from aidlint.rules.runner import RuleSelection, builtin_pack

from ..conftest import REPO
from ..helpers import run_cli
from .helpers import in_repo  # noqa: F401 - a fixture

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@cache
def validator():
    # use_default=False: validate only; never fill in the schema's defaults (it would change the document).
    return fastjsonschema.compile(json.loads(SCHEMA.read_text(encoding="utf-8")), use_default=False)


def sarif(capsys, *paths: str) -> dict:
    code, out, err = run_cli(capsys, "check", "--format", "sarif", *paths)
    assert err == ""
    return json.loads(out)


def test_the_samples_sarif_validates_against_the_schema(capsys, in_repo):
    document = sarif(capsys, "samples")
    validator()(document)
    assert len(document["runs"][0]["results"]) == 40


def test_the_validator_does_reject_broken_sarif(capsys, in_repo):
    document = sarif(capsys, "samples/chat_without_guardrails.aidl")
    document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(fastjsonschema.JsonSchemaException, match="startLine must be bigger than or equal to 1"):
        validator()(document)


def test_a_syntax_error_validates_too(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.aidl").write_text('design "x" {\n  a -> \n')
    document = sarif(capsys, "broken.aidl")
    validator()(document)
    (result,) = document["runs"][0]["results"]
    assert result["ruleId"] == "SYN001"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "broken.aidl", "uriBaseId": "%SRCROOT%"}


def test_driver_describes_every_active_rule_with_its_help(capsys, in_repo):
    driver = sarif(capsys, "samples/chat_without_guardrails.aidl")["runs"][0]["tool"]["driver"]
    active = [rule.spec for rule in RuleSelection().active(builtin_pack())]
    assert driver["name"] == "aidlint"
    assert [d["id"] for d in driver["rules"]] == [rule.id for rule in active]
    for descriptor, rule in zip(driver["rules"], active):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["help"]["text"].startswith(f"{rule.id} {rule.name} ({rule.severity.value})\n")
        assert "**How to fix**" in descriptor["help"]["markdown"]
        assert descriptor["defaultConfiguration"]["level"] in {"error", "warning", "note"}


def test_a_result_has_rule_level_message_region_fingerprint_and_the_witness(capsys, in_repo):
    document = sarif(capsys, "samples/chat_without_guardrails.aidl")
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    first = document["runs"][0]["results"][0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "SAF001"
    assert first["level"] == "error"
    assert first["message"]["text"].startswith('user input reaches model "Chat LLM" (llm)')
    assert first["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "samples/chat_without_guardrails.aidl", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 8, "startColumn": 1, "endLine": 8, "endColumn": 32},
            }
        }
    ]
    fingerprint = first["partialFingerprints"]["aidlint/v1"]
    assert first["fingerprints"] == {"aidlint/v1": fingerprint} and len(fingerprint) == 16
    assert [(r["id"], r["message"]["text"], r["physicalLocation"]["region"]["startLine"]) for r in first["relatedLocations"]] == [
        (1, "witness step 1: user", 5),
        (2, "witness step 2: gateway", 6),
        (3, "witness step 3: app", 7),
        (4, "witness step 4: llm", 8),
    ]


def test_paths_with_spaces_are_percent_encoded_uris(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my designs").mkdir()
    (tmp_path / "my designs" / "chat #1.aidl").write_text(
        (REPO / "samples" / "chat_without_guardrails.aidl").read_text()
    )
    document = sarif(capsys, "my designs")
    validator()(document)
    uri = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20designs/chat%20%231.aidl"
