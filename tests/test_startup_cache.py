"""The cache of set-up between runs (src/aidlint/startup_cache.py): never stale, never in the way."""

from __future__ import annotations

import os
import pickle
import sys
import tomllib

import pytest

from aidlint import startup_cache
from aidlint.frontends import larkutil
from aidlint.resources import data_path
from aidlint.roles import vocabulary
from aidlint.rules import runner
from aidlint.rules.spec import load_rule_pack
from aidlint.startup_cache import CACHE_DIR_VARIABLE, cached, digest


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(directory))
    return directory


class Builds:
    def __init__(self, value) -> None:
        self.value = value
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_a_second_run_loads_what_the_first_built(cache_dir, tmp_path):
    source = tmp_path / "table.toml"
    source.write_text("a = 1\n")
    first, second = Builds({"words": ["a", "b"]}), Builds(None)
    assert cached("table", [source], first) == {"words": ["a", "b"]}
    assert cached("table", [source], second) == {"words": ["a", "b"]}
    assert (first.calls, second.calls) == (1, 0)
    assert [p.name.startswith("table-") and p.suffix == ".pickle" for p in cache_dir.iterdir()] == [True]


def test_an_edited_input_is_rebuilt_never_served_stale(cache_dir, tmp_path):
    source = tmp_path / "table.toml"
    source.write_text("a = 1\n")
    cached("table", [source], Builds("old"))
    source.write_text("a = 2\n")
    again = Builds("new")
    assert cached("table", [source], again) == "new"
    assert again.calls == 1


def test_every_input_and_its_boundaries_count_in_the_key(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.write_bytes(b"ab")
    two.write_bytes(b"c")
    keys = {digest([one, two]), digest([two, one]), digest([b"a", b"bc"]), digest([one])}
    assert len(keys) == 4
    assert digest([one, two]) == digest([b"ab", "c"])


def test_a_broken_entry_is_rebuilt_and_replaced(cache_dir, tmp_path):
    cached("table", [b"x"], Builds("value"))
    (entry,) = cache_dir.iterdir()
    entry.write_bytes(b"\x80\x05not a pickle")
    rebuilt = Builds("value")
    assert cached("table", [b"x"], rebuilt) == "value"
    assert rebuilt.calls == 1
    assert pickle.loads(entry.read_bytes()) == "value"
    assert [p.name for p in cache_dir.iterdir()] == [entry.name]  # no temporary file left behind


def test_an_empty_variable_keeps_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv(CACHE_DIR_VARIABLE, "")
    monkeypatch.chdir(tmp_path)
    build = Builds(1)
    assert cached("table", [b"x"], build) == 1
    assert cached("table", [b"x"], build) == 1
    assert build.calls == 2
    assert startup_cache.cache_directory() is None
    assert larkutil._cache_file("aidl.lark") is False
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="ownership and modes are POSIX")
def test_a_directory_others_can_write_is_not_trusted(cache_dir):
    cache_dir.mkdir(mode=0o700)
    assert startup_cache.cache_directory() == cache_dir
    os.chmod(cache_dir, 0o777)
    assert startup_cache.cache_directory() is None
    build = Builds(1)
    cached("table", [b"x"], build)
    cached("table", [b"x"], build)
    assert build.calls == 2
    assert list(cache_dir.iterdir()) == []


def test_a_directory_that_cannot_be_made_means_no_cache_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(blocker / "cache"))
    build = Builds(1)
    assert cached("table", [b"x"], build) == 1
    assert cached("table", [b"x"], build) == 1
    assert build.calls == 2
    assert larkutil._cache_file("aidl.lark") is False


def test_the_cached_vocabulary_is_the_derived_one(cache_dir):
    vocabulary._builtin_vocabulary.cache_clear()
    try:
        built = vocabulary._builtin_vocabulary()
        vocabulary._builtin_vocabulary.cache_clear()
        loaded = vocabulary._builtin_vocabulary()
    finally:
        vocabulary._builtin_vocabulary.cache_clear()
    assert [p.name.split("-")[0] for p in cache_dir.iterdir()] == ["vocabulary"]
    assert loaded is not built
    derived = vocabulary._parse(tomllib.loads(data_path("vocabulary.toml").read_text(encoding="utf-8")))
    assert loaded == derived
    assert (loaded._index, loaded._squashed, loaded._term_synonyms, loaded._unwanted) == (
        derived._index, derived._squashed, derived._term_synonyms, derived._unwanted,
    )


def test_the_cached_rule_pack_is_the_validated_one(cache_dir):
    runner.builtin_pack.cache_clear()
    try:
        runner.builtin_pack()
        runner.builtin_pack.cache_clear()
        loaded = runner.builtin_pack()
    finally:
        runner.builtin_pack.cache_clear()
    assert [p.name.split("-")[0] for p in cache_dir.iterdir()] == ["builtin"]
    assert loaded == load_rule_pack(data_path("rules/builtin.toml"), builtin=True)
    assert [type(rule.check) for rule in loaded.rule] == [
        type(rule.check) for rule in load_rule_pack(data_path("rules/builtin.toml"), builtin=True).rule
    ]


def test_the_keys_cover_the_code_that_derives_each_entry():
    """An edit to any module of roles/ or rules/ (or to model.py) makes a new key: a changed Synonym or
    RuleSpec class is never filled from an old pickle."""
    package = data_path("vocabulary.toml").parent.parent
    assert set(vocabulary.builtin_vocabulary_inputs()) == {
        package / "data" / "vocabulary.toml", *(package / "roles").glob("*.py")
    }
    assert set(runner.builtin_pack_inputs()) == {
        package / "data" / "rules" / "builtin.toml", package / "model.py", *(package / "rules").rglob("*.py")
    }
    assert package / "rules" / "checks" / "must_reach.py" in runner.builtin_pack_inputs()


def test_lark_tables_are_named_by_their_grammar(cache_dir, monkeypatch):
    """A grammar edited after its tables were cached gets a new cache file (Lark also checks its own hash)."""
    before = larkutil._cache_file("aidl.lark")
    original = larkutil.grammar_text
    monkeypatch.setattr(larkutil, "grammar_text", lambda name: original(name) + "\n// edited\n")
    after = larkutil._cache_file("aidl.lark")
    assert before != after
    assert os.path.dirname(before) == os.path.dirname(after) == str(cache_dir)


def test_the_version_of_python_is_in_every_key(monkeypatch):
    before = digest([b"x"])
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert digest([b"x"]) != before
