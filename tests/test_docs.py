"""Generated documentation stays in sync with the code's own metadata."""

from __future__ import annotations

from aidlint.rules.docs import rules_markdown
from aidlint.rules.format_docs import custom_rules_markdown
from aidlint.rules.runner import builtin_pack

from .conftest import REPO


def test_docs_rules_md_is_generated_from_the_rule_pack():
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(builtin_pack()), (
        "docs/rules.md is out of date: run `python -m aidlint.rules.docs docs/rules.md`"
    )


def test_docs_custom_rules_md_is_generated_from_the_rule_format_and_the_check_kinds():
    committed = (REPO / "docs" / "custom-rules.md").read_text(encoding="utf-8")
    assert committed == custom_rules_markdown(), (
        "docs/custom-rules.md is out of date: run `python -m aidlint.rules.format_docs docs/custom-rules.md`"
    )


def test_readme_lists_every_rule():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [rule.id for rule in builtin_pack().rule if rule.id not in readme]
    assert missing == []
