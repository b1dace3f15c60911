"""``aidlint rules`` and ``aidlint explain``: the rule catalogue, custom rules included."""

from __future__ import annotations

import sys

from aidlint.usecases import EXIT_OK


def list_rules(*, config: str | None = None, rules: list[str] = ()) -> int:
    """Plain aligned columns, never cut to the terminal's width (the list is often piped or grepped)."""
    from aidlint.reports.visible import visible
    from aidlint.usecases.project import project_config, rule_pack

    rows = [("ID", "name", "severity", "what it checks")]
    rows += [
        (visible(rule.id), visible(rule.name), rule.severity.value, visible(rule.summary))
        for rule in rule_pack(project_config(config), rules).rule
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = ["  ".join([*(cell.ljust(width) for cell, width in zip(row, widths)), row[3]]) for row in rows]
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def explain_rule(rule_id: str, *, config: str | None = None, rules: list[str] = ()) -> int:
    from aidlint.rules.docs import explain_text
    from aidlint.usecases.project import project_config, rule_pack
    from aidlint.workspace import UsageError

    pack = rule_pack(project_config(config), rules)
    rule = next((r for r in pack.rule if r.id == rule_id.upper()), None)
    if rule is None:
        raise UsageError(f"unknown rule {rule_id!r}; `aidlint rules` lists them")
    sys.stdout.write(explain_text(rule))
    return EXIT_OK
