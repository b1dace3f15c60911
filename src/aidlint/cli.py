"""The ``aidlint`` command: parses arguments and wires the pipeline; no logic of its own.

Exit codes: 0 no finding at or above the fail level, 1 findings (syntax errors included), 2 usage or
configuration errors. Heavy modules are imported inside the commands so that start-up stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aidlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own exit code for usage errors is 2 as well
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"aidlint: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="aidlint", description="A linter for AI system designs.")
    parser.add_argument("--version", action="version", version=f"aidlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check design files and directories")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.add_argument("--profile", help="rule profile: recommended, minimal, llm-app, classic-ml")
    check.add_argument("--select", help="comma-separated rule IDs or families to run (e.g. SAF,FBK001)")
    check.add_argument("--ignore", help="comma-separated rule IDs or families to skip")
    check.add_argument("--fail-on", choices=["info", "warning", "error"], help="lowest severity that fails the run (default: warning)")
    check.add_argument("--rules", action="append", default=[], metavar="FILE", help="a custom rule file (repeatable)")
    check.add_argument("--config", metavar="FILE", help="configuration file (default: nearest aidlint.toml, .aidlint.toml or pyproject.toml)")
    check.add_argument("--per-diagram", action="store_true", help="check each diagram of a Markdown document alone")
    check.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip files matching GLOB (repeatable)")
    check.add_argument("--no-fix", action="store_true", help="do not print the fixes")
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")

    parse = commands.add_parser("parse", help="print the design model a file parses into")
    parse.add_argument("file", metavar="FILE")
    parse.add_argument("--format", choices=["json"], default="json")
    parse.add_argument("--per-diagram", action="store_true")

    roles = commands.add_parser("roles", help="show each node's role and why")
    roles.add_argument("files", nargs="*", metavar="PATH")
    roles.add_argument("--list", action="store_true", help="list the role taxonomy")
    roles.add_argument("--unknown", action="store_true", help="a report over FILEs and directories: share of nodes with a role, designs with a model, unknown labels by frequency")
    roles.add_argument("--config", metavar="FILE")
    roles.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="colour the roles: unknown red, ambiguous yellow")

    export = commands.add_parser("export", help="write a design in another format (dot, mermaid, aidl)")
    export.add_argument("file", metavar="FILE")
    export.add_argument("--to", choices=["dot", "mermaid", "aidl"], required=True)
    export.add_argument("--output", "-o", metavar="FILE")

    commands.add_parser("rules", help="list the rules")
    explain = commands.add_parser("explain", help="explain a rule")
    explain.add_argument("rule_id", metavar="RULE_ID")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from aidlint.config import ConfigError
    from aidlint.rules.spec import RulePackError
    from aidlint.workspace import UsageError

    try:
        return _COMMANDS[args.command](args)
    except (ConfigError, RulePackError, UsageError) as error:
        print(f"aidlint: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _config(path: str | None):
    from aidlint.config import ConfigError, discover, load_config

    if path is not None:
        if not Path(path).is_file():
            raise ConfigError(f"{path}: no such configuration file")
        return load_config(Path(path))
    return load_config(discover(Path.cwd()))


def _vocabulary(config):
    from aidlint.roles.vocabulary import load_vocabulary

    vocabulary = load_vocabulary()
    if config.roles.synonyms or config.roles.override:
        return vocabulary.extended(config.roles.synonyms, config.roles.override)
    return vocabulary


def cmd_check(args) -> int:
    from aidlint.frontends import ParseOptions
    from aidlint.model import Severity
    from aidlint.rules.runner import DEFAULT_PROFILE, RuleSelection, combined_pack
    from aidlint.workspace import check_files, collect_files

    config = _config(args.config)
    pack = combined_pack(tuple(config.rules) + tuple(Path(p) for p in args.rules))
    selection = RuleSelection(
        profile=args.profile or config.profile or DEFAULT_PROFILE,
        select=_split(args.select) or config.select,
        ignore=_split(args.ignore) or config.ignore,
        severity=config.severity,
    )
    rules = selection.active(pack)

    def rules_for_profile(name: str):
        return selection.active(pack, name)

    files = collect_files(args.paths, config.include, [*config.exclude, *args.exclude])
    options = ParseOptions(per_diagram=args.per_diagram or config.per_diagram)
    # A profile given on the command line wins over the one a design names in its header.
    result = check_files(files, rules, _vocabulary(config), options, None if args.profile else rules_for_profile)
    fail_on = Severity(args.fail_on) if args.fail_on else config.fail_on
    if args.format == "json":
        from aidlint.reports.json import render

        report = render(result)
    else:
        from aidlint.reports.text import render

        color = args.color == "always" or (args.color == "auto" and args.output is None and sys.stdout.isatty())
        report = render(result, color=color, show_fix=not args.no_fix)
    _write(report, args.output)
    failed = any(f.severity.rank >= fail_on.rank for f in result.findings)
    return EXIT_FINDINGS if failed else EXIT_OK


def _write(report: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(report)
        return
    target = Path(output)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(report, encoding="utf-8")
    temporary.replace(target)  # never leave a half-written report behind


def cmd_parse(args) -> int:
    import json

    from aidlint.frontends import ParseOptions
    from aidlint.frontends.errors import DesignSyntaxError
    from aidlint.rules.runner import syntax_finding
    from aidlint.workspace import load_designs

    path = Path(args.file)
    if not path.exists():
        raise _usage(f"{args.file}: no such file")
    try:
        designs, _ = load_designs(path, ParseOptions(per_diagram=args.per_diagram))
    except DesignSyntaxError as error:
        from aidlint.reports.text import finding_lines

        for line in finding_lines(syntax_finding(str(path), error)):
            print(line.plain, file=sys.stderr)
        return EXIT_FINDINGS
    from aidlint.roles.infer import assign_roles

    out = []
    for design in designs:
        roles = assign_roles(design)
        data = design.model_dump(mode="json")
        for node in data["nodes"]:
            node["declared_role"] = node.pop("role")
            node["role"] = roles[node["id"]].role
            node["role_reason"] = roles[node["id"]].reason
        out.append(data)
    sys.stdout.write(json.dumps({"designs": out}, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _usage(message: str):
    from aidlint.workspace import UsageError

    return UsageError(message)


def cmd_roles(args) -> int:
    from collections import Counter

    from aidlint.frontends import ParseOptions, declaration_for
    from aidlint.frontends.errors import DesignSyntaxError
    from aidlint.model import ROLES, UNKNOWN_ROLE
    from aidlint.reports._terminal import visible
    from aidlint.roles.infer import assign_roles
    from aidlint.workspace import collect_files, load_designs

    if args.list:
        sys.stdout.write("".join(f"{role}\n" for role in ROLES))
        return EXIT_OK
    if not args.files:
        raise _usage("roles: name at least one FILE, or use --list")
    vocabulary = _vocabulary(_config(args.config))
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    status = EXIT_OK
    totals = Counter()
    unknown_labels: Counter[str] = Counter()
    for path in collect_files(args.files):
        try:
            designs, _ = load_designs(path, ParseOptions())
        except DesignSyntaxError as error:
            print(visible(f"{path}:{error.line}:{error.col}: SYN001 {error.message}"))
            status = EXIT_FINDINGS
            continue
        for design in designs:
            roles = assign_roles(design, vocabulary)
            unknown = [n for n in design.nodes if roles[n.id].role == UNKNOWN_ROLE]
            totals["designs"] += 1
            totals["nodes"] += len(design.nodes)
            totals["with_role"] += len(design.nodes) - len(unknown)
            totals["with_model"] += any(a.role == "model_inference" for a in roles.values())
            unknown_labels.update((n.label or n.id).strip() for n in unknown)
            if args.unknown:
                continue
            _print_roles(design, roles, declaration_for, color)
    if args.unknown:
        _print_role_report(totals, unknown_labels)
    return status


_ROLE_COLORS = {"unknown": "\x1b[31m", "ambiguous": "\x1b[33m", "sure": "\x1b[32m"}


def _print_roles(design, roles, declaration_for, color: bool = False) -> None:
    """Unknown and ambiguous nodes first, each with the line that would declare its role.

    Everything taken from the design goes through ``visible``: a label may hold terminal escapes.
    """
    from aidlint.reports._terminal import visible

    unsure_ids = {n.id for n in design.nodes if roles[n.id].role == "unknown" or roles[n.id].ambiguous_with}
    unsure = [n for n in design.nodes if n.id in unsure_ids]
    sure = [n for n in design.nodes if n.id not in unsure_ids]
    ids = {node.id: visible(node.id) for node in design.nodes}
    width = max([len(shown) for shown in ids.values()] + [11])
    out = [f"{visible(design.path)}: {visible(design.name)}"]
    for node in unsure + sure:
        assignment = roles[node.id]
        label = f'"{visible(node.label)}"' if node.label else ""
        role = f"{assignment.role:<21}"
        if color:
            kind = "unknown" if assignment.role == "unknown" else "ambiguous" if node.id in unsure_ids else "sure"
            role = f"{_ROLE_COLORS[kind]}{role}\x1b[0m"
        out.append(f"  {ids[node.id]:<{width}}  {role}  {visible(assignment.reason):<43}  {label}".rstrip())
        if node.id in unsure_ids:
            declared = "ROLE" if assignment.role == "unknown" else assignment.role
            out.append(f"  {'':<{width}}  declare with: {visible(declaration_for(design.format, node.id, declared))}")
    sys.stdout.write("\n".join(out) + "\n")


def _print_role_report(totals, unknown_labels) -> None:
    from aidlint.reports._terminal import visible

    nodes, designs = totals["nodes"], totals["designs"]
    share = lambda part, whole: f"{100 * part / whole:.1f}%" if whole else "-"  # noqa: E731
    print(f"designs: {designs}, with a model found: {totals['with_model']} ({share(totals['with_model'], designs)})")
    print(f"nodes: {nodes}, with a role: {totals['with_role']} ({share(totals['with_role'], nodes)})")
    print("unknown labels, most frequent first:")
    for label, count in sorted(unknown_labels.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {count:>4}  {visible(label)}")


def cmd_export(args) -> int:
    import importlib

    from aidlint.export import WRITERS
    from aidlint.frontends import ParseOptions
    from aidlint.frontends.errors import DesignSyntaxError
    from aidlint.workspace import load_designs

    path = Path(args.file)
    if not path.exists():
        raise _usage(f"{args.file}: no such file")
    try:
        designs, _ = load_designs(path, ParseOptions())
    except DesignSyntaxError as error:
        from aidlint.reports._terminal import visible

        print(visible(f"{args.file}:{error.line}:{error.col}: SYN001 {error.message}"), file=sys.stderr)
        return EXIT_FINDINGS
    writer = importlib.import_module(WRITERS[args.to])
    try:
        text = "\n".join(writer.write(design) for design in designs)
    except ValueError as error:
        raise _usage(f"{args.file}: {error}") from None
    _write(text, args.output)
    return EXIT_OK


def cmd_rules(args) -> int:
    """Plain aligned columns, never cut to the terminal's width (the list is often piped or grepped)."""
    from aidlint.rules.runner import builtin_pack

    rows = [("ID", "name", "severity", "what it checks")]
    rows += [(rule.id, rule.name, rule.severity.value, rule.summary) for rule in builtin_pack().rule]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = ["  ".join([*(cell.ljust(width) for cell, width in zip(row, widths)), row[3]]) for row in rows]
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def cmd_explain(args) -> int:
    from aidlint.rules.docs import explain_text
    from aidlint.rules.runner import builtin_pack

    rule = next((r for r in builtin_pack().rule if r.id == args.rule_id.upper()), None)
    if rule is None:
        raise _usage(f"unknown rule {args.rule_id!r}; `aidlint rules` lists them")
    sys.stdout.write(explain_text(rule))
    return EXIT_OK


_COMMANDS = {
    "check": cmd_check,
    "parse": cmd_parse,
    "roles": cmd_roles,
    "export": cmd_export,
    "rules": cmd_rules,
    "explain": cmd_explain,
}
