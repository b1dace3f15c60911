"""Suppressions without a reason, and with an expiry date, in every format (issue 14).

The same design is written in each format with the same comment; the findings are pinned exactly.
"""

from __future__ import annotations

import pytest

from aidlint.frontends import parse_text
from aidlint.rules.runner import RuleSelection, builtin_pack, check_design

FORMATS = {
    "aidl": (
        'user: user "User"\nllm: model_inference "LLM"   # aidlint: ignore[SAF001]{directive}\nuser -> llm\n',
        "d.aidl",
        (2, 30),
    ),
    "dot": (
        'digraph {{\n  user [role=user]\n  llm [role=model_inference]  // aidlint: ignore[SAF001]{directive}\n  user -> llm\n}}\n',
        "d.dot",
        (3, 31),
    ),
    "mermaid": (
        "flowchart LR\n  user:::user --> llm:::model_inference\n  %% aidlint: ignore[SAF001]{directive}\n",
        "d.mmd",
        (3, 3),
    ),
    "markdown": (
        "# Design\n\n```mermaid\nflowchart LR\n  user:::user --> llm:::model_inference\n"
        "  %% aidlint: ignore[SAF001]{directive}\n```\n",
        "d.md",
        (6, 3),
    ),
}


def findings(fmt: str, directive: str) -> list[tuple]:
    template, path, _ = FORMATS[fmt]
    designs = parse_text(template.format(directive=directive), fmt, path)
    rules = RuleSelection(select=["SAF001", "OBS001", "DSN004", "DSN005", "DSN006"]).active(builtin_pack())
    return [(f.rule_id, f.line, f.col, f.message) for design in designs for f in check_design(design, rules)]


OTHER = "OBS001"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_suppression_without_a_reason_still_silences_and_is_a_warning_of_its_own(fmt):
    line, col = FORMATS[fmt][2]
    found = findings(fmt, "")
    assert [f for f in found if f[0] != OTHER] == [
        ("DSN005", line, col, "suppression of SAF001 gives no reason; write why it is safe after ignore[SAF001]"),
    ]
    # the file's other findings are still reported
    assert [f[0] for f in found if f[0] == OTHER] == [OTHER]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_suppression_with_a_reason_and_a_future_date_silences_quietly(fmt):
    found = findings(fmt, " until=2999-12-31 filter ships later")
    assert [f[0] for f in found] == [OTHER]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_expired_suppression_silences_nothing_and_says_so(fmt):
    line, col = FORMATS[fmt][2]
    found = findings(fmt, " until=2001-01-31 filter ships in January")
    assert sorted(f[0] for f in found) == ["DSN006", OTHER, "SAF001"]
    assert [f for f in found if f[0] == "DSN006"] == [
        (
            "DSN006",
            line,
            col,
            "suppression of SAF001 expired on 2001-01-31 and silences nothing; fix the finding or set a new date",
        )
    ]


def test_the_date_is_read_in_every_format_as_the_same_suppression():
    for fmt in FORMATS:
        template, path, _ = FORMATS[fmt]
        (design,) = parse_text(template.format(directive=" until=2027-06-30 agreed with security"), fmt, path)
        assert [(s.rule_ids, s.until, s.reason) for s in design.suppressions] == [
            (["SAF001"], "2027-06-30", "agreed with security")
        ]
