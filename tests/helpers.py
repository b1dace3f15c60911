"""Small helpers shared by the tests: parse a DSL snippet, read one label, check it with the built-in rules,
run the CLI, load a script of benchmarks/, and the one custom rule the configuration tests write."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path
from types import ModuleType

from aidlint.cli import main
from aidlint.frontends import parse_text
from aidlint.model import Design, Finding, Node
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.infer import assign_roles, classify_label
from aidlint.roles.vocabulary import load_vocabulary
from aidlint.rules.runner import RuleSelection, builtin_pack, check_design


def design_from(source: str, fmt: str = "aidl", path: str = "design.aidl") -> Design:
    (design,) = parse_text(textwrap.dedent(source).lstrip("\n"), fmt, path)
    return design


def mermaid_roles(source: str) -> dict[str, str]:
    """Each node's role in a Mermaid flowchart, read as a whole design (arrows and neighbours count)."""
    return {node: a.role for node, a in assign_roles(design_from(source, "mermaid", "design.mmd")).items()}


def reading_of(label: str) -> RoleAssignment:
    """How a box with this label alone is read, by its words (the built-in vocabulary)."""
    return classify_label(Node(id="n", label=label), load_vocabulary())


def check(source: str, profile: str = "recommended", fmt: str = "aidl", path: str = "design.aidl") -> list[Finding]:
    return check_design(design_from(source, fmt, path), RuleSelection(profile=profile).active(builtin_pack()))


def summary(findings: list[Finding]) -> list[tuple]:
    """(rule, line, col, nodes, witness) per finding: what the pinned expectations compare."""
    return [(f.rule_id, f.line, f.col, f.nodes, f.witness) for f in findings]


#: A user's rule file with one rule, as docs/custom-rules.md shows it.
CUSTOM_RULE = """
[[rule]]
id = "ACME001"
name = "retrieval-needs-audit"
severity = "warning"
summary = "Retrieval results are logged."
message = "retrieval {subject} writes no audit log; log what was retrieved"
rationale = "What a model was shown must be reconstructible."
how_to_fix = "Add an edge from the retriever to an audit log."
check = { kind = "must-reach", source = ["retrieval"], target = ["audit_log"], quantifier = "each" }
"""


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """``aidlint ARGS`` in this process: its exit code, standard output and standard error."""
    code = main([*args])
    out, err = capsys.readouterr()
    return code, out, err


BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def load_benchmark(script: str, name: str | None = None) -> ModuleType:
    """A script of benchmarks/ as a module (``name``, default the script's stem). The folder goes on the
    path first, since the scripts import one another (roles_accuracy, corpus_paths); the module is
    registered under its name, since dataclasses look their module up."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    name = name or Path(script).stem
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / script)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module
