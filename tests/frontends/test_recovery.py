"""Reading on past a '(' in an unquoted Mermaid label (src/aidlint/frontends/recovery.py).

The front end stays as strict as Mermaid (a DesignSyntaxError); ``check`` keeps that SYN001 finding and
also checks the design as if the labels were quoted. Designs here are invented.
"""

from __future__ import annotations

import pytest

from aidlint.frontends import ParseOptions
from aidlint.frontends.errors import DesignSyntaxError
from aidlint.frontends.mermaid import parse
from aidlint.roles.vocabulary import load_vocabulary
from aidlint.rules.runner import RuleSelection, builtin_pack
from aidlint.workspace import check_files, reread_past_parentheses

UNQUOTED = """\
flowchart LR
    subgraph web[Web tier (React)]
        user([Customer])
    end
    user --> api[Backend (FastAPI)]
    api -->|prompt (with history)| llm[(Answer model (GPT-4o))]
"""


def _check(path):
    return check_files([path], RuleSelection().active(builtin_pack()), load_vocabulary(), ParseOptions())


def test_mermaid_itself_stays_strict():
    with pytest.raises(DesignSyntaxError) as caught:
        parse(UNQUOTED, "flow.mmd")
    assert (caught.value.message, caught.value.line, caught.value.col) == ("unexpected '('", 2, 27)


def test_the_labels_are_read_as_if_quoted_with_their_parentheses(tmp_path):
    path = tmp_path / "flow.mmd"
    path.write_text(UNQUOTED, encoding="utf-8")
    with pytest.raises(DesignSyntaxError) as caught:
        parse(UNQUOTED, str(path))
    (design,) = reread_past_parentheses(UNQUOTED, "mermaid", path, ParseOptions(), caught.value)
    assert [(n.id, n.label) for n in design.nodes] == [
        ("user", "Customer"),
        ("api", "Backend (FastAPI)"),
        ("llm", "Answer model (GPT-4o)"),
    ]
    assert [(e.source, e.target, e.label) for e in design.edges] == [
        ("user", "api", None),
        ("api", "llm", "prompt (with history)"),
    ]
    assert [(g.id, g.label) for g in design.groups] == [("web", "Web tier (React)")]
    llm = design.nodes[2]
    assert (llm.span.line, llm.span.col) == (6, 36)


def test_check_keeps_the_syntax_finding_and_checks_the_design(tmp_path):
    path = tmp_path / "flow.mmd"
    path.write_text(UNQUOTED, encoding="utf-8")
    result = _check(path)
    assert sorted((f.rule_id, f.line, f.col) for f in result.findings) == [
        ("FBK004", 3, 9),
        ("GOV001", 6, 36),
        ("OBS001", 6, 36),
        ("SAF001", 6, 36),
        ("SAF002", 6, 36),
        ("SEC001", 6, 36),
        ("SYN001", 2, 27),
    ]
    assert result.notes == [
        f"{path}: line 2: Mermaid rejects a '(' in an unquoted label; the design was also checked as if such"
        ' labels were quoted (write A["Label (detail)"])'
    ]


def test_a_failure_of_the_second_reading_keeps_the_finding_and_says_so(tmp_path, monkeypatch):
    # A bug in the repair must neither end the run nor vanish: the SYN001 finding stands, a note asks for a report.
    from aidlint.frontends import recovery

    def broken(*args):
        raise ValueError("repair went wrong")

    monkeypatch.setattr(recovery, "reread_with_quoted_parentheses", broken)
    path = tmp_path / "flow.mmd"
    path.write_text(UNQUOTED, encoding="utf-8")
    result = _check(path)
    assert [(f.rule_id, f.line, f.col) for f in result.findings] == [("SYN001", 2, 27)]
    assert result.notes == [
        f"{path}: aidlint failed to read on past the syntax error (ValueError: repair went wrong); please report it"
    ]


def test_a_fence_in_markdown_is_read_on_too(tmp_path):
    path = tmp_path / "design.md"
    path.write_text("# Design\n\n```mermaid\n" + UNQUOTED + "```\n", encoding="utf-8")
    result = _check(path)
    assert ("SYN001", 5, 27) in [(f.rule_id, f.line, f.col) for f in result.findings]
    assert "SAF001" in {f.rule_id for f in result.findings}


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("flowchart LR\n    a --> (b\n", id="a-parenthesis-outside-any-label"),
        pytest.param("flowchart LR\n    a[Chat (GPT --> b\n", id="a-parenthesis-never-closed"),
        pytest.param("flowchart LR\n    a[Chat （x） (GPT)] --> b\n", id="the-stand-ins-already-in-the-file"),
        pytest.param("flowchart LR\n    a[Chat] -> b\n", id="another-syntax-error"),
    ],
)
def test_other_syntax_errors_give_the_syntax_finding_alone(tmp_path, source):
    path = tmp_path / "flow.mmd"
    path.write_text(source, encoding="utf-8")
    result = _check(path)
    assert [f.rule_id for f in result.findings] == ["SYN001"]
    assert result.notes == []


@pytest.mark.parametrize(
    ("statement", "label", "shape"),
    [
        ("A(Retry (x3)) --> B", "Retry (x3)", "round"),
        ("A((Hub (core))) --> B", "Hub (core)", "circle"),
        ("A[(Cache (Redis))] --> B", "Cache (Redis)", "cylinder"),
        ("A([Start (web)]) --> B", "Start (web)", "stadium"),
        ("A[[Worker (Celery)]] --> B", "Worker (Celery)", "subroutine"),
        ("A{Valid (schema)?} --> B", "Valid (schema)?", "diamond"),
        ("A{{Prepare (batch)}} --> B", "Prepare (batch)", "hexagon"),
        ("A[Nested (a (b))] --> B", "Nested (a (b))", "square"),
        ("A[Two (a) and (b)] --> B", "Two (a) and (b)", "square"),
    ],
)
def test_every_shape_gets_its_label_back(tmp_path, statement, label, shape):
    path = tmp_path / "flow.mmd"
    source = f"flowchart LR\n    {statement}\n"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(DesignSyntaxError) as caught:
        parse(source, str(path))
    designs = reread_past_parentheses(source, "mermaid", path, ParseOptions(), caught.value)
    assert [(n.id, n.label, n.attrs["shape"]) for n in designs[0].nodes] == [("A", label, shape), ("B", None, "square")]
