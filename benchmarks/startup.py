"""Start-up: `aidlint check` of a small design against the bare import of its dependencies (and ruff).

Run: python benchmarks/startup.py [--repeat 7]
Each command runs as a fresh process; the best of --repeat runs is kept, as wall time and as CPU time
(user + system of the child: much steadier than wall time on a shared machine, and the ratios use it).
The target (issue 17): `aidlint check` within 1.2x of importing the dependencies.
Find what a run imports with `python -X importtime -m aidlint check FILE 2> imports.txt`.
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


def best_of(command: list[str], repeat: int, env: dict[str, str]) -> tuple[float, float]:
    """(best wall seconds, best CPU seconds) over ``repeat`` runs of ``command``, after one warm-up run."""
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    python = sys.executable
    # Installed, aidlint runs from compiled bytecode as its dependencies do (pip compiles both); a shell
    # with PYTHONDONTWRITEBYTECODE would make it compile its own modules on every run.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    uncached = {**env, CACHE_DIR_VARIABLE: ""}
    with tempfile.TemporaryDirectory() as folder:
        design = Path(folder) / "small.aidl"
        design.write_text(SMALL_DESIGN)
        python_file = Path(folder) / "small.py"
        python_file.write_text("import os\n\n\ndef f(x):\n    return os.path.join(x, 'y')\n")
        rows = [
            ("python -c pass", [python, "-c", "pass"]),
            (f"python -c '{ALL_DEPENDENCIES}'", [python, "-c", ALL_DEPENDENCIES]),
            (f"python -c '{CHECK_DEPENDENCIES}'", [python, "-c", CHECK_DEPENDENCIES]),
            ("aidlint check small.aidl", [python, "-m", "aidlint", "check", str(design)]),
            (f"aidlint check small.aidl, {CACHE_DIR_VARIABLE}=''", [python, "-m", "aidlint", "check", str(design)]),
        ]
        ruff = shutil.which("ruff", path=str(Path(python).parent)) or shutil.which("ruff")
        if ruff:
            rows.append(("ruff check small.py", [ruff, "check", "--no-cache", str(python_file)]))
        times = {name: best_of(command, args.repeat, uncached if "''" in name else env) for name, command in rows}
    check = times["aidlint check small.aidl"][1]
    print(f"best of {args.repeat} runs: wall time, CPU time (user + system)")
    for name, (wall, cpu) in times.items():
        print(f"  {wall * 1000:8.1f} ms  {cpu * 1000:8.1f} ms  {name}")
    print(f"aidlint check / import of all dependencies:   {check / times[rows[1][0]][1]:.2f}x CPU (target <= 1.2x)")
    print(f"aidlint check / import of what a check needs: {check / times[rows[2][0]][1]:.2f}x CPU (aim <= 1.5x)")
    print(f"the same with no set-up cache:                {times[rows[4][0]][1] / times[rows[2][0]][1]:.2f}x CPU")
    if ruff:
        print(f"aidlint check / ruff check:                   {check / times['ruff check small.py'][1]:.1f}x CPU")
    else:
        print("ruff is not installed here: `pip install ruff` to compare with it")


if __name__ == "__main__":
    main()
