"""`aidlint render` and `aidlint check --render`: file names, formats, exit codes and messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from aidlint.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"


@pytest.mark.parametrize(("suffix", "starts"), [(".dot", b"// aidlint gap diagram"), (".mmd", b"%% aidlint gap diagram"), (".md", b"# Gap diagram: Chat without guardrails"), (".svg", b"<?xml"), (".png", b"\x89PNG"), (".html", b"<!DOCTYPE html>")])
def test_the_extension_picks_the_format(tmp_path, suffix, starts):
    out = tmp_path / f"chat{suffix}"
    assert main(["render", str(SAMPLES / "chat_without_guardrails.aidl"), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(starts)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left behind


def test_several_designs_get_one_picture_each(tmp_path):
    files = ["chat_without_guardrails.aidl", "chat_without_guardrails.mmd", "support_bot_design_doc.md"]
    assert main(["render", *(str(SAMPLES / f) for f in files), "-o", str(tmp_path / "gap.mmd")]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "gap-chat_without_guardrails.aidl.mmd",
        "gap-chat_without_guardrails.mmd.mmd",
        "gap-support_bot_design_doc.md.mmd",
    ]


def test_an_unknown_extension_is_a_usage_error(tmp_path, capsys):
    assert main(["render", str(SAMPLES / "chat_without_guardrails.aidl"), "-o", str(tmp_path / "gap.jpg")]) == 2
    assert "gap.jpg: the picture's extension picks its format: .svg, .png, .html, .dot, .mmd, .md" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_an_unreadable_file_is_syn001_and_the_others_are_drawn(tmp_path, capsys):
    broken = tmp_path / "broken.aidl"
    broken.write_text("a -> \n", encoding="utf-8")
    out = tmp_path / "out" / "gap.dot"
    assert main(["render", str(broken), str(SAMPLES / "chat_without_guardrails.aidl"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:1:6: SYN001" in err and "Traceback" not in err
    assert sorted(p.name for p in out.parent.iterdir()) == ["gap.dot"]  # one design drawn: OUT itself


def test_input_format_reads_a_file_whose_suffix_names_none(tmp_path):
    design = tmp_path / "chat.txt"
    design.write_bytes((SAMPLES / "chat_without_guardrails.mmd").read_bytes())
    out, expected = tmp_path / "gap.mmd", tmp_path / "expected.mmd"
    assert main(["render", str(design), "--input-format", "mermaid", "-o", str(out)]) == 0
    assert main(["render", str(SAMPLES / "chat_without_guardrails.mmd"), "-o", str(expected)]) == 0
    assert out.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")


def test_render_options_reach_the_check_but_its_output_is_the_picture(tmp_path):
    out = tmp_path / "gap.mmd"
    assert main(["render", str(SAMPLES / "chat_without_guardrails.aidl"), "--select", "SAF001", "-o", str(out)]) == 0
    drawn = out.read_text(encoding="utf-8")
    assert "SAF001" in drawn and "SAF002" not in drawn
    assert [p.name for p in tmp_path.iterdir()] == ["gap.mmd"]


@pytest.mark.parametrize(
    ("output", "error"),
    [
        ("/proc/gap.svg", "cannot write the picture to /proc/gap.svg: cannot create a file in /proc (No such file or directory)"),
        ("/proc/sub/gap.svg", "cannot write the picture to /proc/sub/gap.svg: cannot make directory /proc/sub (No such file or directory)"),
    ],
    ids=["unwritable-directory", "directory-cannot-be-made"],
)
def test_a_picture_that_cannot_be_written_exits_two_with_one_line(capsys, output, error):
    assert main(["render", str(SAMPLES / "chat_without_guardrails.aidl"), "-o", output]) == 2
    assert capsys.readouterr().err == f"aidlint: error: {error}\n"


def test_a_picture_over_a_directory_exits_two_and_leaves_the_directory(tmp_path, capsys):
    (tmp_path / "gap.svg").mkdir()
    assert main(["render", str(SAMPLES / "chat_without_guardrails.aidl"), "-o", str(tmp_path / "gap.svg")]) == 2
    assert capsys.readouterr().err == f"aidlint: error: cannot write the picture to {tmp_path / 'gap.svg'}: it is a directory\n"
    assert [p.name for p in tmp_path.iterdir()] == ["gap.svg"] and not any((tmp_path / "gap.svg").iterdir())


@pytest.mark.parametrize("timeout", ["0", "-1", "nan", "inf", "1e9"])
def test_a_timeout_that_is_no_finite_positive_number_is_a_usage_error(tmp_path, capsys, timeout):
    out = tmp_path / "gap.svg"
    assert main(["render", str(SAMPLES / "chat_without_guardrails.aidl"), "-o", str(out), "--timeout", timeout]) == 2
    assert capsys.readouterr().err == "aidlint: error: --timeout must be a positive number of seconds, under 86,400\n"
    assert list(tmp_path.iterdir()) == []


def test_check_render_draws_next_to_the_report(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    pictures = tmp_path / "pictures"
    status = main(["check", "samples/chat_without_guardrails.aidl", "samples/support_bot_design_doc.md", "--render", str(pictures), "--render-format", "mmd"])
    assert status == 1  # the findings decide the exit code, as without --render
    assert "SAF001" in capsys.readouterr().out
    assert sorted(p.name for p in pictures.iterdir()) == ["samples__chat_without_guardrails.aidl.mmd", "samples__support_bot_design_doc.md.mmd"]
    rendered = tmp_path / "rendered.mmd"
    assert main(["render", "samples/chat_without_guardrails.aidl", "-o", str(rendered)]) == 0
    assert (pictures / "samples__chat_without_guardrails.aidl.mmd").read_bytes() == rendered.read_bytes()


def test_render_without_graphviz_writes_dot_and_mermaid_and_says_so(tmp_path, monkeypatch, capsys):
    from aidlint.render import layout

    monkeypatch.setattr(layout, "CHILD", ("-c", "import sys; sys.stderr.write('no pygraphviz'); sys.exit(3)"))
    out = tmp_path / "gap.svg"
    assert main(["render", str(SAMPLES / "chat_without_guardrails.aidl"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{out}: no Graphviz to lay out the picture (no pygraphviz); wrote {tmp_path / 'gap.dot'} and {tmp_path / 'gap.mmd'} instead" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gap.dot", "gap.mmd"]
    page = tmp_path / "gap.html"
    assert main(["render", str(SAMPLES / "chat_without_guardrails.aidl"), "-o", str(page)]) == 0
    assert '<pre id="diagram">%% aidlint gap diagram' in page.read_text(encoding="utf-8")


def test_a_file_without_a_design_is_a_note_and_draws_nothing(tmp_path, capsys):
    doc = tmp_path / "classes.mmd"
    doc.write_text("classDiagram\n  User <|-- Admin\n", encoding="utf-8")
    assert main(["render", str(doc), "-o", str(tmp_path / "gap.svg")]) == 0
    assert capsys.readouterr().err == f"note: {doc}: no diagram aidlint reads here (a flowchart, sequence diagram, DOT graph or aidl design); skipped\n"
    assert [p.name for p in tmp_path.iterdir()] == ["classes.mmd"]
