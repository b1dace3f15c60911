"""Start-up stays light: a check imports only what its files and its report need (benchmarks/startup.py
measures the time; this guards which modules are loaded, never how long anything takes)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SMALL_DESIGN = """design "Small"
user: user "User"
guard: safety_filter "Input moderation"
llm: model_inference "Chat LLM"
user -> guard -> llm
"""

#: Libraries a check of a DSL file has no use for: graphs for library users, terminal styling, DOT and
#: picture writing, Markdown.
HEAVY_LIBRARIES = ("networkx", "rich", "pydot", "pygraphviz", "markdown_it")
#: aidlint's own packages and modules that only other commands, formats or outputs use.
UNUSED_HERE = (
    "aidlint.graph",
    "aidlint.render",
    "aidlint.export",
    "aidlint.frontends.dot",
    "aidlint.frontends.mermaid",
    "aidlint.frontends.markdown",
    "aidlint.rules.docs",
    "aidlint.rules.format_docs",
    "aidlint.reports.sarif",
    "aidlint.reports.json",
    "aidlint.reports.junit",
    "aidlint.reports.gitlab",
    "aidlint.reports.github",
    "aidlint.reports.concise",
    "aidlint.reports.roles",
    "aidlint.reports.design_json",
)

_PROBE = """
import contextlib, io, json, sys
from aidlint.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def loaded_after(tmp_path, *arguments: str) -> tuple[int, str, set[str]]:
    """Run ``aidlint ARGUMENTS`` in a fresh interpreter: its exit code, its output, the modules it loaded."""
    design = tmp_path / "small.aidl"
    design.write_text(SMALL_DESIGN, encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE, *(str(design) if a == "DESIGN" else a for a in arguments)],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )
    probe = json.loads(completed.stdout)
    return probe["code"], probe["out"], set(probe["modules"])


def heavy(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in names))


@pytest.mark.parametrize("report", ["text", "concise"])
def test_a_dsl_check_loads_no_library_it_does_not_use(tmp_path, report):
    code, out, modules = loaded_after(tmp_path, "check", "DESIGN", "--format", report, "--color", "never")
    assert code == 1 and "OBS001" in out  # the check ran and found the unmonitored model
    assert heavy(modules, HEAVY_LIBRARIES) == []
    assert heavy(modules, tuple(name for name in UNUSED_HERE if not name.endswith(report))) == []
    assert "aidlint.frontends.dsl" in modules and f"aidlint.reports.{report}" in modules


def test_a_json_report_loads_only_its_own_format(tmp_path):
    code, out, modules = loaded_after(tmp_path, "check", "DESIGN", "--format", "json")
    assert code == 1 and json.loads(out)
    assert heavy(modules, HEAVY_LIBRARIES) == []
    assert heavy(modules, UNUSED_HERE) == ["aidlint.reports.json"]


def test_version_and_help_load_no_pipeline(tmp_path):
    probe = (
        "import sys\nfrom aidlint.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('MODULES', *sorted(sys.modules))"
    )
    for arguments in (["--version"], ["check", "--help"]):
        completed = subprocess.run([sys.executable, "-c", probe, *arguments], capture_output=True, text=True, check=True, cwd=tmp_path)
        (listing,) = [line for line in completed.stdout.splitlines() if line.startswith("MODULES ")]
        modules = set(listing.split()[1:])
        assert "aidlint.cli" in modules
        assert heavy(modules, HEAVY_LIBRARIES + ("aidlint.rules", "aidlint.roles", "aidlint.workspace", "lark")) == []


def test_the_program_entry_point_keeps_main_s_output_and_exit_codes(tmp_path):
    """``aidlint`` runs ``cli.run`` (no garbage collection during a run, none at exit): same bytes, same codes."""
    import tomllib

    from .conftest import REPO

    assert tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"] == {
        "aidlint": "aidlint.cli:run"
    }
    code, in_process, _ = loaded_after(tmp_path, "check", "DESIGN")
    design = tmp_path / "small.aidl"
    clean = next((REPO / "reference_designs").glob("*.aidl"))
    outcomes = [
        subprocess.run([sys.executable, "-m", "aidlint", *arguments], capture_output=True, text=True, cwd=tmp_path)
        for arguments in (["check", str(design)], ["check", str(clean)], ["check", "--fail-on", "nope", str(design)])
    ]
    assert [outcome.returncode for outcome in outcomes] == [code, 0, 2] == [1, 0, 2]
    assert outcomes[0].stdout == in_process and outcomes[0].stderr == ""
    assert "aidlint: error" in outcomes[2].stderr
