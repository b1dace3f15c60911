"""The vendored corpora are what their manifests say, under licences that allow them to be here."""

from __future__ import annotations

import json

import pytest

from tests.conftest import CORPUS, REPO, not_vendored, read_tsv

REDISTRIBUTABLE = ("MIT", "MIT-0", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause")
#: Per set: the MANIFEST column naming the file, and the oracle tables whose rows must name vendored files.
SETS = {
    "graphviz": ("local_file", {"EXPECTED.tsv": "file"}),
    "pydot": ("file", {"EXPECTED.tsv": "file"}),
    "mermaid": ("local_file", {"ORACLE.tsv": "path"}),
    "mermaid_sequence": ("local_file", {"ORACLE.tsv": "path"}),
    "realworld": ("local_file", {"EXPECTED_DOT.tsv": "file", "ORACLE_MERMAID.tsv": "path"}),
}
#: Files of a set that are its records, not its corpus.
RECORDS = {"MANIFEST.tsv", "README.md", "REPOS.tsv", "NOT_VENDORED.tsv"}


def _licence_id(words: str) -> str:
    return words.split(" ", 1)[0]


@pytest.mark.parametrize("name", SETS)
def test_every_manifest_row_is_vendored_and_every_oracle_row_has_its_file(name):
    column, oracles = SETS[name]
    manifest = {row[column] for row in read_tsv(CORPUS / name / "MANIFEST.tsv")}
    assert manifest and all((CORPUS / name / file).is_file() for file in manifest)
    for oracle, key in oracles.items():
        assert {row[key] for row in read_tsv(CORPUS / name / oracle)} <= manifest


@pytest.mark.parametrize("name", SETS)
def test_every_set_names_its_licences(name):
    notice = (CORPUS / name / "LICENSES" / "NOTICE.txt").read_text(encoding="utf-8")
    for row in read_tsv(CORPUS / name / "MANIFEST.tsv"):
        assert row["license"] in notice
    for text in (CORPUS / name / "LICENSES").glob("*.txt"):
        assert text.stat().st_size > 500
    assert (CORPUS / name / "README.md").is_file()


def test_realworld_holds_only_redistributable_files():
    rows = read_tsv(CORPUS / "realworld" / "MANIFEST.tsv")
    assert {_licence_id(row["license"]) for row in rows} <= set(REDISTRIBUTABLE)
    listed = {row["local_file"] for row in rows}
    present = {
        str(path.relative_to(CORPUS / "realworld"))
        for path in (CORPUS / "realworld").rglob("*")
        if path.is_file() and path.parent.name != "LICENSES"
    } - RECORDS - {"EXPECTED_DOT.tsv", "ORACLE_MERMAID.tsv"}
    assert present == listed
    left_out = not_vendored()
    assert len(left_out) == 20 and not any((CORPUS / "realworld" / file).exists() for file in left_out)
    assert {row["license"].split(" ", 1)[0] for row in read_tsv(CORPUS / "realworld" / "NOT_VENDORED.tsv")} == {
        "BUSL-1.1", "Elastic-2.0",
    }


def test_the_labels_name_corpus_files_and_the_reserved_repos_are_kept():
    labels = REPO / "benchmarks" / "data" / "labels"
    files = sorted(labels.glob("*.json"))
    assert len(files) == 44
    left_out = not_vendored()
    for label in files:
        file = json.loads(label.read_text(encoding="utf-8"))["file"]
        assert file in left_out or (CORPUS / "realworld" / file).is_file(), label.name
    reserved = (labels / "RESERVED_REPOS.txt").read_text(encoding="utf-8")
    assert "Do not collect" in reserved and len(reserved.splitlines()) > 40
    assert (labels / "concepts.toml").is_file()
