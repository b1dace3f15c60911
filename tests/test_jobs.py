"""`--jobs N`: worker processes give byte-identical reports; prose-only Markdown passes quietly."""

from __future__ import annotations

import io

import pytest

import aidlint.parallel as parallel
from aidlint.reports.progress import ProgressBar

from .helpers import load_benchmark, run_cli


def _generator():
    return load_benchmark("jobs_speedup.py").write_docs


@pytest.fixture
def docs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    _generator()(tmp_path / "docs", 60)
    return "docs"



@pytest.mark.parametrize("name", ["text", "json", "sarif", "junit"])
def test_two_workers_give_the_same_bytes_as_one(capsys, docs, monkeypatch, name):
    pools = []
    real_pool = parallel._start_pool

    def counting_pool(workers, *args):
        pools.append(workers)
        return real_pool(workers, *args)

    monkeypatch.setattr(parallel, "_start_pool", counting_pool)
    one = run_cli(capsys, "check", "--format", name, "--jobs", "1", docs)
    assert pools == []
    two = run_cli(capsys, "check", "--format", name, "--jobs", "2", docs)
    assert pools == [2]
    assert one == two
    assert one[0] == 1 and "SYN001" in one[1]


def test_small_runs_stay_in_this_process(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _generator()(tmp_path, 7)
    monkeypatch.setattr(parallel, "_start_pool", None)  # would raise if used
    assert run_cli(capsys, "check", "--format", "concise", "--jobs", "8", ".")[0] == 1


def test_prose_only_markdown_passes_quietly(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text("# A project\n\nNo diagram here.\n")
    (tmp_path / "CHANGES.md").write_text("## 1.0\n\n- first release\n")
    assert run_cli(capsys, "check", ".") == (0, "All checks passed: 2 files, no findings.\n", "")


def test_the_progress_bar_waits_a_second_then_draws_and_erases_itself():
    now = [0.0]
    stream = io.StringIO()
    bar = ProgressBar(100, stream, clock=lambda: now[0])
    bar(10)
    assert stream.getvalue() == ""
    now[0] = 1.5
    bar(50)
    now[0] = 1.55
    bar(60)  # too soon to redraw
    now[0] = 1.7
    bar(100)
    bar.close()
    assert stream.getvalue() == (
        "\r[###############...............] 50/100 files"
        "\r[##############################] 100/100 files"
        "\r\x1b[K"
    )


def test_no_progress_bar_unless_standard_error_is_a_terminal(capsys, docs):
    _, _, err = run_cli(capsys, "check", "--format", "concise", docs)
    assert err == ""


def test_workers_started_without_fork_give_the_same_bytes(capsys, docs, monkeypatch):
    # macOS and Windows start workers by spawning a fresh interpreter: everything sent must pickle.
    import multiprocessing

    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    one = run_cli(capsys, "check", "--format", "json", "--jobs", "1", docs)
    assert run_cli(capsys, "check", "--format", "json", "--jobs", "2", docs) == one
