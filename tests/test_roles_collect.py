"""benchmarks/roles_collect.py: collecting a fresh role-benchmark batch from a fetched repository, on a small
git repository made here (no network, no real repository)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .helpers import load_benchmark

collect = load_benchmark("roles_collect.py")

MIT = """MIT License

Copyright (c) 2026 Example

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, subject to the following
conditions: The above copyright notice and this permission notice shall be included in all copies.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
"""

ARCHITECTURE = """# Architecture

```mermaid
sequenceDiagram
  A->>B: hi
```

Text.

```mermaid
%%{init: {'theme': 'dark'}}%%
flowchart LR
  U[User] --> API[Chat API] --> LLM[GPT-4o]
  API --> DB[(History)]
```
"""
FLOWCHART = """%%{init: {'theme': 'dark'}}%%
flowchart LR
  U[User] --> API[Chat API] --> LLM[GPT-4o]
  API --> DB[(History)]
"""


@pytest.fixture
def gitdir(tmp_path: Path) -> Path:
    """A bare repository with one commit: a licence and a Markdown file with two Mermaid fences."""
    work = tmp_path / "work"
    (work / "docs").mkdir(parents=True)
    (work / "LICENSE").write_text(MIT, encoding="utf-8")
    (work / "docs" / "arch.md").write_text(ARCHITECTURE, encoding="utf-8")
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "docs"]):
        subprocess.run(["git", *command], cwd=work, check=True, env={**os.environ, **env})
    return work / ".git"


def test_fences_are_numbered_in_the_file_and_keep_their_bytes():
    fences = collect.mermaid_fences(ARCHITECTURE)
    assert [(ordinal, line) for ordinal, line, _ in fences] == [(1, 3), (2, 10)]
    assert fences[1][2] == FLOWCHART
    assert [collect.diagram_kind(body) for _, _, body in fences] == ["sequenceDiagram", "flowchart"]


@pytest.mark.parametrize(
    ("text", "licence"),
    [
        (MIT, "MIT"),
        ("Permission is hereby granted, free of charge, to any person ... without restriction.", "MIT-0"),
        ("Apache License\nVersion 2.0, January 2004\n2. Grant of Copyright License.", "Apache-2.0"),
        ("Redistribution and use in source and binary forms ... Neither the name of", "BSD-3-Clause"),
        ("GNU GENERAL PUBLIC LICENSE Version 3", None),
    ],
)
def test_a_licence_is_known_by_the_sentences_it_must_carry(text, licence):
    assert collect.licence_of(text) == licence


def test_scan_lists_the_licence_and_only_the_flowchart_fences(gitdir):
    commit, licences, candidates = collect.scan(gitdir)
    assert len(commit) == 40
    assert licences == {"LICENSE": "MIT"}
    assert candidates == [collect.Candidate("docs/arch.md", 2, 10, 4)]


def test_scan_goes_on_past_a_file_the_snapshot_lists_without_its_content(gitdir, monkeypatch, capsys):
    real_git = collect._git

    def git_without_the_arch_doc(folder, *args):
        if args[0] == "show" and args[1].endswith(":docs/arch.md"):
            raise collect.subprocess.CalledProcessError(128, ["git", *args], b"", b"fatal: missing blob")
        return real_git(folder, *args)

    monkeypatch.setattr(collect, "_git", git_without_the_arch_doc)
    assert collect.scan(gitdir)[2] == [collect.Candidate("docs/arch.md", 0, 0, None, absent=True)]
    assert collect.main(["scan", str(gitdir)]) == 0
    assert "absent docs/arch.md: listed, but not in the fetched snapshot" in capsys.readouterr().out


def test_take_copies_the_fence_byte_for_byte_with_its_licence_and_manifest_row(gitdir, tmp_path):
    into = tmp_path / "collected"
    diagram = collect.take(gitdir, "someone/chat-app", "docs/arch.md", 2, into)
    assert diagram == into / "diagrams" / "someone__chat-app" / "docs_arch.md__mermaid02_L10.mmd"
    assert diagram.read_text(encoding="utf-8") == FLOWCHART
    assert (into / "LICENSES" / "someone__chat-app.txt").read_text(encoding="utf-8") == MIT
    commit = collect.scan(gitdir)[0]
    local = "diagrams/someone__chat-app/docs_arch.md__mermaid02_L10.mmd"
    row = f"{local}\tsomeone/chat-app\tdocs/arch.md\t{commit}\tMIT (LICENSE)\n"
    collect.take(gitdir, "someone/chat-app", "docs/arch.md", 2, into)  # taking it again adds no second row
    assert (into / "MANIFEST.tsv").read_text(encoding="utf-8") == row


def test_claims_refuse_reserved_used_and_claimed_repositories(tmp_path):
    claims = tmp_path / "CLAIMS.txt"
    reserved = sorted(collect.reserved_repositories())[0]
    used = sorted(collect.used_repositories())[0]
    assert collect.claim(reserved, claims) == "reserved for independent measurement"
    assert collect.claim(used, claims) == "already used by a benchmark"
    assert collect.claim("someone/chat-app", claims, "rag") is None
    assert collect.claim("Someone/Chat-App", claims) == "claimed by another collector"
    assert claims.read_text(encoding="utf-8") == "someone/chat-app\trag\n"


def _label(repo: str = "someone/chat-app", **changes) -> str:
    nodes = {"U": "user", "API": "application", "LLM": "model_inference", "DB": "data_store"}
    nodes.update(changes.pop("nodes", {}))
    fields = {
        "file": "benchmarks/data/roles/diagrams/someone__chat-app/docs_arch.md__mermaid02_L10.mmd",
        "repo": repo,
        "split": collect.split_of(repo),
        "batch": "round9",
        **changes,
    }
    head = "\n".join(f'{key} = "{value}"' for key, value in fields.items())
    return head + "\n\n[nodes]\n" + "\n".join(f'"{node}" = "{role}"' for node, role in nodes.items()) + "\n"


@pytest.fixture
def folder(gitdir, tmp_path) -> Path:
    into = tmp_path / "collected"
    collect.take(gitdir, "someone/chat-app", "docs/arch.md", 2, into)
    (into / "labels").mkdir()
    return into


def test_a_complete_label_file_is_ready_to_integrate(folder):
    (folder / "labels" / "someone__chat-app_docs_arch.md__mermaid02_L10.toml").write_text(_label(), encoding="utf-8")
    assert collect.check(folder, "round9") == []


def test_check_names_each_problem_of_a_label_file(folder):
    wrong_split = "dev" if collect.split_of("someone/chat-app") == "heldout" else "heldout"
    text = _label(split=wrong_split, batch="round8", nodes={"LLM": "llm", "Extra": "unknown"})
    (folder / "labels" / "bad.toml").write_text(text, encoding="utf-8")
    assert collect.check(folder, "round9") == [
        f"bad.toml: split must be {collect.split_of('someone/chat-app')}",
        "bad.toml: batch must be 'round9'",
        "bad.toml: 5 labelled, 4 listed, differing in ['Extra']",
        "bad.toml: no such role ['llm']",
    ]


def test_a_file_path_the_scorer_cannot_read_from_the_root_is_a_problem(folder):
    relative = "diagrams/someone__chat-app/docs_arch.md__mermaid02_L10.mmd"
    (folder / "labels" / "relative.toml").write_text(_label(file=relative), encoding="utf-8")
    assert collect.check(folder, "round9") == ["relative.toml: file must start with benchmarks/data/roles/diagrams/"]


def _benchmark_with(tmp_path: Path, repo: str, drawing: str) -> Path:
    """A benchmark folder that already labels one drawing of ``repo``."""
    data = tmp_path / "roles"
    local = f"diagrams/{repo.replace('/', '__')}/README.md__mermaid01_L5.mmd"
    (data / local).parent.mkdir(parents=True)
    (data / local).write_text(drawing, encoding="utf-8")
    (data / "labels").mkdir()
    label = f'file = "benchmarks/data/roles/{local}"\nrepo = "{repo}"\nsplit = "{collect.split_of(repo)}"\n\n[nodes]\n'
    (data / "labels" / "old.toml").write_text(label, encoding="utf-8")
    shutil.copyfile(collect.DATA / "RESERVED_REPOS.txt", data / "RESERVED_REPOS.txt")
    return data


def test_a_drawing_already_in_the_benchmark_is_refused_from_another_repository(folder, tmp_path):
    # The same drawing under other comments and indentation: copied, perhaps into the other split.
    copy = "flowchart LR\n%% copied\nU[User] --> API[Chat API] --> LLM[GPT-4o]\n\n    API --> DB[(History)]\n"
    data = _benchmark_with(tmp_path, "elsewhere/other-app", copy)
    (folder / "labels" / "new.toml").write_text(_label(), encoding="utf-8")
    assert collect.check(folder, "round9", data) == [
        "new.toml: the same drawing as benchmarks/data/roles/diagrams/elsewhere__other-app/README.md__mermaid01_L5.mmd, already in the benchmark"
    ]


def test_a_near_copy_by_the_same_owner_is_refused_and_another_owners_drawing_is_not(folder, tmp_path):
    edited = "flowchart TB\n  U[User] --> API[Chat API] --> LLM[GPT-4o]\n  API --> C[Cache]\n"
    (folder / "labels" / "new.toml").write_text(_label(), encoding="utf-8")
    same_owner = _benchmark_with(tmp_path / "a", "someone/older-app", edited)
    assert collect.check(folder, "round9", same_owner) == [
        "new.toml: half or more of its boxes are those of "
        "benchmarks/data/roles/diagrams/someone__older-app/README.md__mermaid01_L5.mmd, by the same owner"
    ]
    assert collect.check(folder, "round9", _benchmark_with(tmp_path / "b", "stranger/app", edited)) == []


def test_integrate_copies_the_folder_into_the_benchmark_and_lists_its_readme_rows(folder, tmp_path):
    data = tmp_path / "roles"
    (data / "labels").mkdir(parents=True)
    (data / "LICENSES").mkdir()
    notice = "Licences of the diagrams.\n\nzeta/app: MIT (LICENSE), 1 diagram(s), full text in zeta__app.txt\n"
    (data / "LICENSES" / "NOTICE").write_text(notice, encoding="utf-8")
    (data / "MANIFEST.tsv").write_text("local_file\tsource_repo\tpath_in_repo\tcommit\tlicense\n", encoding="utf-8")
    shutil.copyfile(collect.DATA / "RESERVED_REPOS.txt", data / "RESERVED_REPOS.txt")
    (folder / "labels" / "someone__chat-app_docs_arch.md__mermaid02_L10.toml").write_text(_label(), encoding="utf-8")
    rows = collect.integrate(folder, "round9", data)
    assert rows == [f"| someone/chat-app | MIT | {collect.split_of('someone/chat-app')} | 1 | 4 |"]
    copied = data / "diagrams" / "someone__chat-app" / "docs_arch.md__mermaid02_L10.mmd"
    assert copied.read_text(encoding="utf-8") == FLOWCHART
    assert (data / "LICENSES" / "NOTICE").read_text(encoding="utf-8").splitlines()[2:] == [
        "someone/chat-app: MIT (LICENSE), 1 diagram(s), full text in someone__chat-app.txt",
        "zeta/app: MIT (LICENSE), 1 diagram(s), full text in zeta__app.txt",
    ]
    assert len((data / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()) == 2
    with pytest.raises(SystemExit, match="already used"):
        collect.integrate(folder, "round9", data)  # a repository joins the benchmark once


def test_a_skeleton_names_the_repository_and_the_split_its_folder_gives(tmp_path, capsys):
    listing = load_benchmark("roles_listing.py")
    for repo in ("someone/chat-app", "acme/held-out-bot-1", "acme/held-out-bot-2", "acme/held-out-bot-3"):
        diagram = tmp_path / "diagrams" / repo.replace("/", "__") / "README.md__mermaid01_L3.mmd"
        diagram.parent.mkdir(parents=True)
        diagram.write_text(FLOWCHART, encoding="utf-8")
        assert listing.main([str(diagram), "--skeleton"]) == 0
        head = capsys.readouterr().out.splitlines()[:3]
        assert head == [f'file = "{diagram}"', f'repo = "{repo}"', f'split = "{collect.split_of(repo)}"']
    # the hash rule puts some of them in each split
    assert {collect.split_of(r) for r in ("someone/chat-app", "acme/held-out-bot-1", "acme/held-out-bot-2", "acme/held-out-bot-3")} == {"dev", "heldout"}
    loose = tmp_path / "loose.mmd"
    loose.write_text(FLOWCHART, encoding="utf-8")
    listing.main([str(loose), "--skeleton"])
    assert capsys.readouterr().out.splitlines()[:2] == [f'file = "{loose}"', 'split = "dev"']
