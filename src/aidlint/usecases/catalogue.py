"""``aidlint rules`` and ``aidlint explain``: the rule catalogue, custom rules included."""

from __future__ import annotations

import sys

from aidlint.usecases import EXIT_OK


def list_rules(*, config: str | None = None, rules: list[str] = ()) -> int:
    from rich.console import Console
    from rich.table import Table

    from aidlint.usecases.project import project_config, rule_pack

    table = Table(show_header=True)
    for column in ("ID", "name", "severity", "what it checks"):
        table.add_column(column)
    for rule in rule_pack(project_config(config), rules).rule:
        table.add_row(rule.id, rule.name, rule.severity.value, rule.summary)
    Console(highlight=False, soft_wrap=True).print(table)
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
