"""Start-up: `aidlint check` of a small design against the bare import of its dependencies (and ruff).

Run: .venv/bin/python benchmarks/startup.py [--repeat 7]
Each command runs as a fresh process, in rounds (each round runs every command once, so that load from
other work falls on every row alike); the best of --repeat rounds is kept, as wall time and as CPU time
(user + system of the child: much steadier than wall time on a shared machine, and the ratios use it).
aidlint runs from compiled bytecode, as installed, with its set-up cache warm (the first round is a
warm-up); the `AIDLINT_CACHE_DIR=''` row is a run that keeps no cache, as the first run after an edit or
an upgrade is. The target (issue 17): `aidlint check` within 1.2x of importing the dependencies; the aim
since: within 1.5x of importing what a DSL check needs. Find what a run imports with
`python -X importtime -m aidlint check FILE 2> imports.txt`; docs/testing.md ("Start-up") says what
keeps it light.

Figures, CPU ms, best of 9-11 rounds, on a 2-core machine shared by 5 sessions (2026-12-02, load
average 5-7, so every figure is inflated and the ratios move by about 0.2x from run to run). "before" is
main before the start-up work (commit d534fdc), measured in the same rounds as "after":

| row                                   | before | after |
|---------------------------------------|-------:|------:|
| python -c pass                        |     15 |    15 |
| import of all dependencies            |    383 |   383 |
| import of what a DSL check needs      |    155 |   155 |
| aidlint check small.aidl              |    525 |   312 |
| the same, no set-up cache             |      - |   373 |
| ruff check small.py                   |      6 |     6 |

Before: 1.37x all dependencies, 3.40x what a check needs, 89x ruff. After: 0.81x, 2.02x, 53x (no cache:
0.97x, 2.41x). This benchmark's own run beside it: 0.71x all dependencies, 1.73x what a check needs
(0.38x of that is pydantic building its first model, a cost any check pays since the design model is
pydantic), 2.35x with no cache, 42x ruff; at load average 4.6 it was 0.76x and 1.60x. ruff is one
native binary: the gap to it is the interpreter and the libraries, not the check (parsing, roles, rules
and the report take about 12 ms of the 312).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from aidlint.startup_cache import CACHE_DIR_VARIABLE

SMALL_DESIGN = """design "Small"
user: user "User"
guard: safety_filter "Input moderation"
llm: model_inference "Chat LLM"
user -> guard -> llm
"""
#: Every runtime dependency of aidlint (pyproject.toml) that a check could import.
#: (``import pydantic`` alone is lazy: taking BaseModel is what loads it.)
ALL_DEPENDENCIES = "import lark, networkx, rich, pydot, markdown_it; from pydantic import BaseModel"
#: The dependencies a check of a DSL file needs: its parser and its model.
CHECK_DEPENDENCIES = "import lark; from pydantic import BaseModel"
#: What building the first model adds to that (pydantic's plugin look-up, its schema machinery): a cost
#: every check pays, since the design model is pydantic.
ONE_MODEL_BUILT = CHECK_DEPENDENCIES + "\nclass Model(BaseModel):\n    name: str\nModel(name='x')"


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def best_of(rows: list[tuple[str, list[str], dict[str, str]]], repeat: int) -> dict[str, tuple[float, float]]:
    """Each row's (best wall seconds, best CPU seconds) over ``repeat`` rounds, after a warm-up round.

    A round runs every command once, so that a burst of load from other work on the machine falls on
    every row alike rather than on whichever was being measured.
    """
    walls: dict[str, list[float]] = {name: [] for name, _, _ in rows}
    cpus: dict[str, list[float]] = {name: [] for name, _, _ in rows}
    for round_number in range(repeat + 1):
        for name, command, env in rows:
            wall, cpu = run_once(command, env)
            if round_number:
                walls[name].append(wall)
                cpus[name].append(cpu)
    return {name: (min(walls[name]), min(cpus[name])) for name in walls}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    python = sys.executable
    # Installed, aidlint runs from compiled bytecode as its dependencies do (pip compiles both); a shell
    # with PYTHONDONTWRITEBYTECODE would make it compile its own modules on every run.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as folder:
        design = Path(folder) / "small.aidl"
        design.write_text(SMALL_DESIGN)
        python_file = Path(folder) / "small.py"
        python_file.write_text("import os\n\n\ndef f(x):\n    return os.path.join(x, 'y')\n")
        check = [python, "-m", "aidlint", "check", str(design)]
        rows = [
            ("python -c pass", [python, "-c", "pass"], env),
            (f"python -c '{ALL_DEPENDENCIES}'", [python, "-c", ALL_DEPENDENCIES], env),
            (f"python -c '{CHECK_DEPENDENCIES}'", [python, "-c", CHECK_DEPENDENCIES], env),
            ("the same, one model built", [python, "-c", ONE_MODEL_BUILT], env),
            ("aidlint check small.aidl", check, env),
            (f"aidlint check small.aidl, {CACHE_DIR_VARIABLE}=''", check, {**env, CACHE_DIR_VARIABLE: ""}),
        ]
        ruff = shutil.which("ruff", path=str(Path(python).parent)) or shutil.which("ruff")
        if ruff:
            rows.append(("ruff check small.py", [ruff, "check", "--no-cache", str(python_file)], env))
        times = best_of(rows, args.repeat)
    check = times["aidlint check small.aidl"][1]
    print(f"best of {args.repeat} rounds: wall time, CPU time (user + system)")
    for name, (wall, cpu) in times.items():
        print(f"  {wall * 1000:8.1f} ms  {cpu * 1000:8.1f} ms  {name}")
    needs = times[rows[2][0]][1]
    print(f"aidlint check / import of all dependencies:   {check / times[rows[1][0]][1]:.2f}x CPU (target <= 1.2x)")
    print(f"aidlint check / import of what a check needs: {check / needs:.2f}x CPU (aim <= 1.5x)")
    print(f"  of which pydantic's first model:            {(times[rows[3][0]][1] - needs) / needs:.2f}x")
    print(f"the same with no set-up cache:                {times[rows[5][0]][1] / needs:.2f}x CPU")
    if ruff:
        print(f"aidlint check / ruff check:                   {check / times['ruff check small.py'][1]:.1f}x CPU")
    else:
        print("ruff is not installed here: `pip install ruff` to compare with it")


if __name__ == "__main__":
    main()
