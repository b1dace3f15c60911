"""Collect a fresh batch of the role benchmark (benchmarks/data/roles/README.md, "Collecting a batch").

A collector finds candidates by repository name (never from code-search excerpts, which show files of
unnamed, possibly reserved repositories), fetches each candidate's history, and then works in a folder of
its own with this script:

    roles_collect.py claim OWNER/NAME --claims FILE [--theme T]   refuse a reserved or used one, else claim it
    roles_collect.py scan GITDIR                                  its licence and its Mermaid flowchart fences
    roles_collect.py take GITDIR OWNER/NAME PATH N --into DIR     fence N of PATH, byte for byte, with licence
    roles_collect.py check DIR --batch NAME                       every label file of DIR is complete and valid
    roles_collect.py integrate DIR --batch NAME [--apply]         copy DIR into benchmarks/data/roles

Label files are written by hand from `roles_listing.py` (front ends only). Nothing here runs aidlint's role
inference: the labeller must not see its answer.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from aidlint.frontends import load_file
from aidlint.model import ROLES, UNKNOWN_ROLE

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "benchmarks" / "data" / "roles"
SHARED_REALWORLD = REPO.parent / "shared" / "corpus" / "realworld"
#: Licences whose terms let the diagrams be copied here (tests/test_role_benchmark_data.py checks the same).
PERMISSIVE = ("MIT", "MIT-0", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC")
MAX_PER_REPOSITORY = 3
NODE_RANGE = (4, 60)
_LICENCE_FILE = re.compile(r"(?i)^(licen[sc]e|copying)(\.(md|txt|rst))?$")
_FENCE_OPEN = re.compile(r"^\s*(```+|~~~+)\s*mermaid\s*$")
LABEL_KEYS = {"file", "repo", "split", "nodes", "notes", "batch"}


# -- which repositories may be used ------------------------------------------------------------------


def _names_in_lists(*paths: Path) -> set[str]:
    names = set()
    for path in paths:
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            names |= {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}
    return names


def _names_in_manifests(*paths: Path) -> set[str]:
    names = set()
    for path in paths:
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as handle:
                rows = csv.DictReader(handle, delimiter="\t")
                names |= {(row.get("source_repo") or row.get("repo") or "").lower() for row in rows}
    return names - {""}


def reserved_repositories(data: Path = DATA) -> set[str]:
    """The repositories that measure aidlint independently: never collected from."""
    return _names_in_lists(data / "RESERVED_REPOS.txt", SHARED_REALWORLD / "labels" / "RESERVED_REPOS.txt")


def used_repositories(data: Path = DATA) -> set[str]:
    """Every repository a benchmark of this repository already uses: a fresh batch comes from none of them."""
    labels = {tomllib.loads(p.read_text(encoding="utf-8"))["repo"].lower() for p in (data / "labels").glob("*.toml")}
    manifests = [data / "MANIFEST.tsv", REPO / "tests" / "corpus" / "realworld" / "MANIFEST.tsv"]
    manifests += sorted((REPO / "benchmarks" / "data").glob("design_labels_round*/MANIFEST.tsv"))
    manifests += [SHARED_REALWORLD / "MANIFEST.tsv", SHARED_REALWORLD / "REPOS.tsv"]
    return labels | _names_in_manifests(*manifests)


def _drawing(path: Path) -> str:
    """A diagram's text as drawn: its lines stripped, blank lines and Mermaid comments left out."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("%%"))


def _labelled_file(file: str, data: Path) -> Path:
    """Where a label's ``file`` is: the benchmark's own diagrams under ``data``, the rest in this repository."""
    prefix = "benchmarks/data/roles/"
    return data / file.removeprefix(prefix) if file.startswith(prefix) else REPO / file


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(_drawing(path).encode()).hexdigest()


def box_names(designs) -> frozenset[str]:
    """The names of a drawing's boxes (label, else ID), case ignored, from its parsed designs."""
    return frozenset((node.label or node.id).strip().lower() for design in designs for node in design.nodes)


def drawings_known(data: Path = DATA) -> tuple[dict[str, str], dict[str, list[tuple[str, frozenset[str]]]]]:
    """Every drawing the benchmark labels, in one pass over its label files: by the hash of its text (the
    file it is in), and by owner with its box names (an owner often copies a drawing into several
    repositories, and edits it there)."""
    drawn: dict[str, str] = {}
    owners: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for path in sorted((data / "labels").glob("*.toml")):
        label = tomllib.loads(path.read_text(encoding="utf-8"))
        if (drawing := _labelled_file(label["file"], data)).is_file():
            drawn.setdefault(_fingerprint(drawing), label["file"])
            owners.setdefault(label["repo"].split("/")[0].lower(), []).append((label["file"], box_names(load_file(drawing))))
    return drawn, owners


def _near_copy(names: frozenset[str], drawings: list[tuple[str, frozenset[str]]]) -> str | None:
    """The drawing of ``drawings`` that shares half or more of all box names with ``names``, if any."""
    return next((file for file, other in drawings if len(names & other) * 2 >= len(names | other)), None)


def claim(repo: str, claims: Path, theme: str = "", data: Path = DATA) -> str | None:
    """Claim ``repo`` for a collector (one line in ``claims``), or say why it may not be read at all."""
    name = repo.lower()
    if name in reserved_repositories(data):
        return "reserved for independent measurement"
    if name in used_repositories(data):
        return "already used by a benchmark"
    lines = claims.read_text(encoding="utf-8").splitlines() if claims.exists() else []
    claimed = {line.split("\t")[0].lower() for line in lines}
    if name in claimed:
        return "claimed by another collector"
    with claims.open("a", encoding="utf-8") as handle:
        handle.write(f"{repo}\t{theme}\n")
    return None


def split_of(repo: str) -> str:
    """The split rule of benchmarks/data/roles/README.md for a new repository (SPLIT.toml lists none of them)."""
    return "heldout" if int(hashlib.sha256(repo.lower().encode()).hexdigest(), 16) % 3 == 0 else "dev"


# -- reading a fetched repository ----------------------------------------------------------------------


def _git(gitdir: Path, *args: str) -> str:
    done = subprocess.run(["git", "--git-dir", str(gitdir), *args], capture_output=True, check=True)
    return done.stdout.decode("utf-8", errors="surrogateescape")


def licence_of(text: str) -> str | None:
    """The permissive licence a licence file's text is, by the sentences each one must carry; else None."""
    flat = " ".join(text.split())
    if "Apache License" in flat and "Version 2.0" in flat and "Grant of Copyright License" in flat:
        return "Apache-2.0"
    if "Permission is hereby granted, free of charge" in flat:
        return "MIT-0" if "subject to the following conditions" not in flat else "MIT"
    if "Permission to use, copy, modify, and/or distribute this software" in flat:
        return "ISC"
    if "Redistribution and use in source and binary forms" in flat:
        return "BSD-3-Clause" if "Neither the name" in flat or "endorse or promote" in flat else "BSD-2-Clause"
    return None


def mermaid_fences(text: str) -> list[tuple[int, int, str]]:
    """(ordinal, line of the opening fence, body) of every ```mermaid fence, the body byte for byte."""
    lines = text.split("\n")
    fences, index, ordinal = [], 0, 0
    while index < len(lines):
        opening = _FENCE_OPEN.match(lines[index])
        if not opening:
            index += 1
            continue
        ordinal += 1
        end = index + 1
        while end < len(lines) and not lines[end].strip().startswith(opening.group(1)[:3]):
            end += 1
        fences.append((ordinal, index + 1, "\n".join(lines[index + 1 : end]) + "\n"))
        index = end + 1
    return fences


def diagram_kind(body: str) -> str:
    """The diagram's first keyword ("flowchart", "graph", "sequenceDiagram"), past directives and front matter."""
    in_front_matter = False
    for line in body.splitlines():
        stripped = line.strip()
        if stripped == "---":
            in_front_matter = not in_front_matter
        elif stripped and not in_front_matter and not stripped.startswith("%%"):
            return stripped.split()[0]
    return ""


@dataclass
class Candidate:
    path: str
    ordinal: int
    line: int
    nodes: int | None  # None: the front end could not read it
    absent: bool = False  # listed in the tree, but its content is not in the fetched snapshot


def _count_nodes(body: str) -> int | None:
    with tempfile.TemporaryDirectory() as folder:
        diagram = Path(folder) / "fence.mmd"
        diagram.write_text(body, encoding="utf-8")
        try:
            return sum(len(design.nodes) for design in load_file(diagram))
        except Exception:  # any front-end failure means the fence is left out
            return None


def licences_at(gitdir: Path) -> tuple[str, dict[str, str | None]]:
    """The fetched commit, and each licence file at its root with the licence it is (None: not permissive)."""
    commit = _git(gitdir, "rev-parse", "HEAD").strip()
    files = _git(gitdir, "ls-tree", "--name-only", commit).splitlines()
    return commit, {f: licence_of(_git(gitdir, "show", f"{commit}:{f}")) for f in files if _LICENCE_FILE.match(f)}


def scan(gitdir: Path) -> tuple[str, dict[str, str | None], list[Candidate]]:
    """The commit, each licence file with the licence it is, and every flowchart fence of its Markdown."""
    commit, licences = licences_at(gitdir)
    candidates = []
    for path in _git(gitdir, "ls-tree", "-r", "--name-only", commit).splitlines():
        if not path.lower().endswith(".md"):
            continue
        try:
            text = _git(gitdir, "show", f"{commit}:{path}")
        except subprocess.CalledProcessError:
            # A snapshot may list its largest files without their content: that file is left out, not the scan.
            candidates.append(Candidate(path, 0, 0, None, absent=True))
            continue
        for ordinal, line, body in mermaid_fences(text) if "mermaid" in text else ():
            if diagram_kind(body) in ("flowchart", "graph"):
                candidates.append(Candidate(path, ordinal, line, _count_nodes(body)))
    return commit, licences, candidates


def diagram_name(path: str, ordinal: int, line: int) -> str:
    """The shared corpus's naming: `<path with _ for />__mermaidNN_L<line>.mmd`."""
    return f"{path.replace('/', '_')}__mermaid{ordinal:02d}_L{line}.mmd"


def take(gitdir: Path, repo: str, path: str, ordinal: int, into: Path) -> Path:
    """Copy fence ``ordinal`` of ``path`` into ``into`` with the licence text and a manifest row."""
    commit, licences = licences_at(gitdir)
    allowed = {f: spdx for f, spdx in licences.items() if spdx in PERMISSIVE}
    if not allowed:
        raise SystemExit(f"{repo}: no licence file of {', '.join(PERMISSIVE)} at {commit[:12]}")
    licence_file, spdx = sorted(allowed.items())[0]
    text = _git(gitdir, "show", f"{commit}:{path}")
    _, line, body = next(f for f in mermaid_fences(text) if f[0] == ordinal)
    folder = repo.replace("/", "__")
    diagram = into / "diagrams" / folder / diagram_name(path, ordinal, line)
    diagram.parent.mkdir(parents=True, exist_ok=True)
    diagram.write_text(body, encoding="utf-8", errors="surrogateescape")
    (into / "LICENSES").mkdir(parents=True, exist_ok=True)
    licence_text = _git(gitdir, "show", f"{commit}:{licence_file}")
    (into / "LICENSES" / f"{folder}.txt").write_text(licence_text, encoding="utf-8", errors="surrogateescape")
    row = "\t".join([diagram.relative_to(into).as_posix(), repo, path, commit, f"{spdx} ({licence_file})"]) + "\n"
    manifest = into / "MANIFEST.tsv"
    rows = manifest.read_text(encoding="utf-8").splitlines(keepends=True) if manifest.exists() else []
    manifest.write_text("".join(rows + ([row] if row not in rows else [])), encoding="utf-8")
    return diagram


# -- checking and integrating a collector's folder -----------------------------------------------------


def _manifest_rows(folder: Path) -> dict[str, list[str]]:
    manifest = folder / "MANIFEST.tsv"
    if not manifest.exists():
        return {}
    rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row[0]: row for row in rows if row and row[0] != "local_file"}


def check(folder: Path, batch: str, data: Path = DATA) -> list[str]:
    """Every problem that keeps ``folder``'s label files out of the benchmark (none: ready to integrate)."""
    problems: list[str] = []
    rows = _manifest_rows(folder)
    refused = reserved_repositories(data) | used_repositories(data)
    drawn, owners = drawings_known(data)
    per_repo: dict[str, int] = {}
    for path in sorted((folder / "labels").glob("*.toml")):
        label = tomllib.loads(path.read_text(encoding="utf-8"))
        name = path.name
        if set(label) - LABEL_KEYS or not {"file", "repo", "split", "nodes"} <= set(label):
            problems.append(f"{name}: keys must be {sorted(LABEL_KEYS)}")
            continue
        repo = label["repo"]
        if not label["file"].startswith("benchmarks/data/roles/diagrams/"):
            # The scorer reads the path from the repository's root: any other form leaves the diagram unread
            # and every one of its boxes scored as unknown (round 26 integrated twelve such files at first).
            problems.append(f"{name}: file must start with benchmarks/data/roles/diagrams/")
        local = label["file"].removeprefix("benchmarks/data/roles/")
        per_repo[repo] = per_repo.get(repo, 0) + 1
        if repo.lower() in refused:
            problems.append(f"{name}: {repo} is reserved or already used")
        if label["split"] != split_of(repo):
            problems.append(f"{name}: split must be {split_of(repo)}")
        if label.get("batch") != batch:
            problems.append(f"{name}: batch must be {batch!r}")
        if local not in rows or rows[local][1] != repo:
            problems.append(f"{name}: no manifest row for {local} from {repo}")
        elif rows[local][4].split()[0] not in PERMISSIVE:
            problems.append(f"{name}: licence {rows[local][4]} is not permissive")
        if not (folder / "LICENSES" / f"{repo.replace('/', '__')}.txt").is_file():
            problems.append(f"{name}: no licence text for {repo}")
        diagram = folder / local
        if not diagram.is_file():
            problems.append(f"{name}: no diagram {local}")
            continue
        designs = load_file(diagram)  # parsed once: for the copy check and the node IDs
        # A drawing copied into another repository would stand twice, perhaps in both splits.
        if copy := drawn.get(_fingerprint(diagram)):
            problems.append(f"{name}: the same drawing as {copy}, already in the benchmark")
        elif near := _near_copy(box_names(designs), owners.get(repo.split("/")[0].lower(), [])):
            problems.append(f"{name}: half or more of its boxes are those of {near}, by the same owner")
        ids = {node.id for design in designs for node in design.nodes}
        if set(label["nodes"]) != ids:
            differing = sorted(ids ^ set(label["nodes"]))[:5]
            problems.append(f"{name}: {len(label['nodes'])} labelled, {len(ids)} listed, differing in {differing}")
        if not NODE_RANGE[0] <= len(ids) <= NODE_RANGE[1]:
            problems.append(f"{name}: {len(ids)} nodes, outside {NODE_RANGE}")
        if bad := set(label["nodes"].values()) - {*ROLES, UNKNOWN_ROLE}:
            problems.append(f"{name}: no such role {sorted(bad)}")
    too_many = {repo: count for repo, count in per_repo.items() if count > MAX_PER_REPOSITORY}
    problems += [f"{repo}: {count} diagrams, at most {MAX_PER_REPOSITORY}" for repo, count in too_many.items()]
    return problems


def integrate(folder: Path, batch: str, data: Path = DATA) -> list[str]:
    """Copy ``folder``'s diagrams, labels, licences and manifest rows into the benchmark; README rows back."""
    if problems := check(folder, batch, data):
        raise SystemExit("not integrated:\n  " + "\n  ".join(problems))
    rows = _manifest_rows(folder)
    summary: dict[str, list[int | str]] = {}
    with (data / "MANIFEST.tsv").open("a", encoding="utf-8") as manifest:
        for path in sorted((folder / "labels").glob("*.toml")):
            label = tomllib.loads(path.read_text(encoding="utf-8"))
            local = label["file"].removeprefix("benchmarks/data/roles/")
            (data / local).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / local, data / local)
            shutil.copyfile(path, data / "labels" / path.name)
            manifest.write("\t".join(rows[local]) + "\n")
            entry = summary.setdefault(label["repo"], [rows[local][4], label["split"], 0, 0])
            entry[2] += 1
            entry[3] += len(label["nodes"])
    notice = (data / "LICENSES" / "NOTICE").read_text(encoding="utf-8").splitlines()
    heading = [line for line in notice if "full text in" not in line]
    entries = [line for line in notice if "full text in" in line]
    for repo, (licence, _, diagrams, _) in summary.items():
        text = f"{repo.replace('/', '__')}.txt"
        shutil.copyfile(folder / "LICENSES" / text, data / "LICENSES" / text)
        entries.append(f"{repo}: {licence}, {diagrams} diagram(s), full text in {text}")
    (data / "LICENSES" / "NOTICE").write_text("\n".join(heading + sorted(entries)) + "\n", encoding="utf-8")
    return [
        f"| {repo} | {licence.split(' (')[0]} | {split} | {diagrams} | {nodes} |"
        for repo, (licence, split, diagrams, nodes) in sorted(summary.items(), key=lambda item: item[0].lower())
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    claiming = commands.add_parser("claim")
    claiming.add_argument("repo")
    claiming.add_argument("--claims", type=Path, required=True)
    claiming.add_argument("--theme", default="")
    scanning = commands.add_parser("scan")
    scanning.add_argument("gitdir", type=Path)
    taking = commands.add_parser("take")
    taking.add_argument("gitdir", type=Path)
    taking.add_argument("repo")
    taking.add_argument("path")
    taking.add_argument("ordinal", type=int)
    taking.add_argument("--into", type=Path, required=True)
    for name in ("check", "integrate"):
        sub = commands.add_parser(name)
        sub.add_argument("folder", type=Path)
        sub.add_argument("--batch", required=True)
        if name == "integrate":
            sub.add_argument("--apply", action="store_true", help="write into benchmarks/data/roles (else: check only)")
    args = parser.parse_args(argv)
    if args.command == "claim":
        refusal = claim(args.repo, args.claims, args.theme)
        print(f"{args.repo}: {refusal or 'claimed'}")
        return 1 if refusal else 0
    if args.command == "scan":
        commit, licences, candidates = scan(args.gitdir)
        print(f"commit {commit}")
        for licence_file, spdx in sorted(licences.items()):
            print(f"licence {licence_file}: {spdx or 'not one of ' + ', '.join(PERMISSIVE)}")
        for c in candidates:
            if c.absent:
                print(f"absent {c.path}: listed, but not in the fetched snapshot")
                continue
            fits = c.nodes is not None and NODE_RANGE[0] <= c.nodes <= NODE_RANGE[1]
            size = "unreadable" if c.nodes is None else f"{c.nodes} nodes"
            print(f"{'fence' if fits else 'skip '} {c.path} #{c.ordinal} line {c.line}: {size}")
        return 0
    if args.command == "take":
        print(take(args.gitdir, args.repo, args.path, args.ordinal, args.into))
        return 0
    problems = check(args.folder, args.batch)
    if args.command == "check" or not args.apply or problems:
        print("\n".join(problems) if problems else f"{args.folder}: ready to integrate as {args.batch}")
        return 1 if problems else 0
    print("\n".join(integrate(args.folder, args.batch)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
