"""Every sequence diagram of Mermaid's own parser tests and documentation (tests/corpus/mermaid_sequence) is
read as Mermaid 11.17.2 reads it: its participants, messages and boxes are the design's nodes, edges and
groups, in the numbers Mermaid's sequence DB holds (ORACLE.tsv), and a file Mermaid rejects is a located
SYN001."""

from __future__ import annotations

import pytest

from aidlint.frontends import mermaid
from aidlint.frontends.errors import DesignSyntaxError

from ..conftest import CORPUS, read_tsv
from ..fuzzing import assert_located

SET = CORPUS / "mermaid_sequence"
ORACLE = read_tsv(SET / "ORACLE.tsv")


def test_the_oracle_covers_the_set():
    assert len(ORACLE) == 164
    assert sum(1 for row in ORACLE if row["error"]) == 7


@pytest.mark.parametrize("row", ORACLE, ids=[row["path"] for row in ORACLE])
def test_aidlint_reads_each_diagram_as_mermaid_does(row):
    text = (SET / row["path"]).read_text(encoding="utf-8")
    if row["error"]:
        with pytest.raises(DesignSyntaxError) as caught:
            mermaid.parse(text, row["path"])
        assert_located(text, caught.value)
        return
    (design,) = mermaid.parse(text, row["path"])
    assert (len(design.nodes), len(design.edges), len(design.groups)) == (
        int(row["participants"]),
        int(row["messages"]),
        int(row["boxes"]),
    )
