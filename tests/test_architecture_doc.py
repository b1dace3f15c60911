"""docs/architecture.md covers every module, and documentation cites only files this repository has."""

from __future__ import annotations

import re

from .conftest import REPO

SRC = REPO / "src" / "aidlint"
ARCHITECTURE = REPO / "docs" / "architecture.md"


def layout_tree_paths() -> set[str]:
    """Paths (relative to src/aidlint) the layout tree at the top of docs/architecture.md lists.

    Each entry starts with one or more names (``config.py``, ``rules/``, ``text.py concise.py``, with
    commas allowed between them); indentation nests entries under the directory above them.
    """
    tree = ARCHITECTURE.read_text(encoding="utf-8").split("```")[1]
    paths: set[str] = set()
    directories: list[tuple[int, str]] = []
    for line in tree.splitlines():
        indent = len(line) - len(line.lstrip())
        names = []
        for token in line.split():
            if not re.fullmatch(r"[\w.]+\.py|\w+/", token.rstrip(",")):
                break
            names.append(token.rstrip(","))
        if not names:
            continue
        while directories and directories[-1][0] >= indent:
            directories.pop()
        prefix = "".join(f"{name}/" for _, name in directories)
        paths.update(prefix + name for name in names)
        if len(names) == 1 and names[0].endswith("/"):
            directories.append((indent, names[0][:-1]))
    return paths


def test_the_layout_tree_names_every_module_and_package():
    listed = layout_tree_paths()
    missing = []
    for module in sorted(SRC.rglob("*.py")):
        relative = module.relative_to(SRC)
        if relative.as_posix() == "__init__.py":
            continue
        entry = f"{relative.parent.as_posix()}/" if module.name == "__init__.py" else relative.as_posix()
        if entry not in listed:
            missing.append(entry)
    assert not missing, "add these to the layout tree of docs/architecture.md: " + ", ".join(missing)


def test_the_layout_tree_names_no_module_that_does_not_exist():
    gone = [path for path in sorted(layout_tree_paths()) if path.endswith(".py") and not (SRC / path).is_file()]
    assert not gone, "docs/architecture.md lists modules that do not exist: " + ", ".join(gone)


#: Repository paths as documentation writes them: ``docs/config.md``, ``src/aidlint/rules/spec.py``.
_REFERENCE = re.compile(r"(?<![\w./-])((?:src/aidlint|docs|tests|benchmarks|grammars|samples|reference_designs)/[\w./-]*\w)")
#: Modules named from inside the package, as comments do: ``rules/runner.py``, ``frontends/dot/build.py``.
_MODULE = re.compile(r"(?<![\w./-])((?:frontends|roles|rules|reports|render|usecases|export)/[\w/]*\.py)\b")


def test_documentation_and_comments_cite_only_files_of_this_repository():
    sources = [*REPO.glob("docs/*.md"), REPO / "README.md", *SRC.rglob("*.py"), *SRC.rglob("*.toml"), *REPO.glob("grammars/*.lark")]
    broken = []
    for source in sources:
        text = source.read_text(encoding="utf-8")
        if source.suffix == ".md":
            text = re.sub(r"```.*?```", "", text, flags=re.S)  # example commands name the user's files
        for match in _REFERENCE.finditer(text):
            reference = match.group(1).rstrip(".")
            if "*" in reference or not re.search(r"\.\w+$|/$", reference):
                continue
            if not (REPO / reference).exists():
                broken.append(f"{source.relative_to(REPO)}: {reference}")
        for match in _MODULE.finditer(text):
            if not (SRC / match.group(1)).is_file() and not (REPO / match.group(1)).is_file():
                broken.append(f"{source.relative_to(REPO)}: {match.group(1)}")
        if "../shared" in text:
            broken.append(f"{source.relative_to(REPO)}: ../shared")
    assert not broken, "references to files this repository does not have: " + "; ".join(broken)
