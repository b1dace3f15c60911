"""`aidlint render` over every vendored real-world design: exit 0, or 1 for a file it cannot read
(SYN001), never a traceback; and every picture it writes reads back as a design (no SYN001)."""

from __future__ import annotations

import pytest

from aidlint.cli import main
from aidlint.frontends import format_of, parse_text
from aidlint.workspace import collect_files
from tests.conftest import CORPUS

FILES = [p for p in collect_files([str(CORPUS / "realworld")]) if format_of(p)] if (CORPUS / "realworld").is_dir() else []


def test_the_corpus_is_there():
    assert len(FILES) > 100


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(CORPUS / "realworld").as_posix())
def test_render_draws_every_corpus_file(path, tmp_path, capsys):
    outputs = {"dot": tmp_path / "gap.dot", "mermaid": tmp_path / "gap.mmd"}
    for fmt, out in outputs.items():
        status = main(["render", str(path), "-o", str(out)])
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert status in (0, 1)
        if status == 1:
            assert "SYN001" in err
        for picture in sorted(tmp_path.glob(f"gap*{out.suffix}")):
            for design in parse_text(picture.read_text(encoding="utf-8"), fmt, str(picture)):
                assert design.nodes or not design.edges
            picture.unlink()
