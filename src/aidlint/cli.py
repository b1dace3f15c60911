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
_PICTURE_FORMATS = ["svg", "png", "html", "dot", "mmd", "md"]


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
    check.add_argument("--render", metavar="DIR", help="also draw each checked design's gap diagram into DIR")
    check.add_argument("--render-format", choices=_PICTURE_FORMATS, default="svg", help="the format of --render's pictures (default: svg)")

    render = commands.add_parser("render", help="draw each design's gap diagram: what is missing, where it belongs")
    render.add_argument("paths", nargs="+", metavar="FILE")
    render.add_argument("--output", "-o", metavar="OUT", required=True, help="the picture; its extension picks the format: " + ", ".join(f".{f}" for f in _PICTURE_FORMATS))
    render.add_argument("--profile", help="rule profile: recommended, minimal, llm-app, classic-ml")
    render.add_argument("--select", help="comma-separated rule IDs or families to draw")
    render.add_argument("--ignore", help="comma-separated rule IDs or families to leave out")
    render.add_argument("--rules", action="append", default=[], metavar="FILE", help="a custom rule file (repeatable)")
    render.add_argument("--config", metavar="FILE")
    render.add_argument("--per-diagram", action="store_true", help="draw each diagram of a Markdown document alone")
    render.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip files matching GLOB (repeatable)")
    render.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS", help="how long Graphviz may lay out one picture (default: 60)")

    parse = commands.add_parser("parse", help="print the design model a file parses into")
    parse.add_argument("file", metavar="FILE")
    parse.add_argument("--format", choices=["json"], default="json")
    parse.add_argument("--per-diagram", action="store_true")

    roles = commands.add_parser("roles", help="show each node's role and why")
    roles.add_argument("files", nargs="*", metavar="PATH")
    roles.add_argument("--list", action="store_true", help="list the role taxonomy")
    roles.add_argument("--unknown", action="store_true", help="a report over FILEs and directories: share of nodes with a role, designs with a model, unknown labels by frequency")
    roles.add_argument("--config", metavar="FILE")

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


def _checked_designs(args, config, on_design=None):
    """Check the files ``args`` names with the rules it and ``config`` select."""
    from aidlint.frontends import ParseOptions
    from aidlint.rules.runner import DEFAULT_PROFILE, RuleSelection, combined_pack
    from aidlint.workspace import check_files, collect_files

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
    return check_files(files, rules, _vocabulary(config), options, None if args.profile else rules_for_profile, on_design)


def cmd_check(args) -> int:
    from aidlint.model import Severity

    config = _config(args.config)
    drawn: list = []
    result = _checked_designs(args, config, (lambda *checked: drawn.append(checked)) if args.render else None)
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
    if args.render:
        from aidlint.render.pictures import directory_names

        sources = [design.path for design, _, _ in drawn]
        names = directory_names(sources, Path(args.render), f".{args.render_format}", _counts(sources))
        if _draw(drawn, names, _vocabulary(config), 60.0) != EXIT_OK:
            return EXIT_USAGE
    return EXIT_FINDINGS if failed else EXIT_OK


def _counts(sources: list[str]) -> dict[str, int]:
    from collections import Counter

    return Counter(sources)


def _draw(drawn, names, vocabulary, timeout: float) -> int:
    """Draw the pictures; exit 2 when one could not be drawn (the message names what was written)."""
    from aidlint.render.pictures import draw_all

    report = draw_all(drawn, names, vocabulary, timeout)
    for note in report.notes:
        print(f"aidlint: {note}", file=sys.stderr)
    for failure in report.failures:
        print(f"aidlint: error: {failure}", file=sys.stderr)
    return EXIT_USAGE if report.failures else EXIT_OK


def cmd_render(args) -> int:
    from aidlint.render.pictures import output_format, picture_names

    out = Path(args.output)
    if output_format(out) is None:
        raise _usage(f"{args.output}: the picture's extension picks its format: " + ", ".join(f".{f}" for f in _PICTURE_FORMATS))
    if args.timeout <= 0:
        raise _usage("--timeout must be a positive number of seconds")
    config = _config(args.config)
    drawn: list = []
    result = _checked_designs(args, config, lambda *checked: drawn.append(checked))
    from aidlint.reports.text import finding_lines

    syntax = [finding for finding in result.findings if finding.rule_id == "SYN001"]
    for finding in syntax:
        for line in finding_lines(finding):
            print(line.plain, file=sys.stderr)
    sources = [design.path for design, _, _ in drawn]
    status = _draw(drawn, picture_names(sources, out, _counts(sources)), _vocabulary(config), args.timeout)
    if status != EXIT_OK:
        return status
    return EXIT_FINDINGS if syntax else EXIT_OK


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
    from aidlint.roles.infer import assign_roles
    from aidlint.workspace import collect_files, load_designs

    if args.list:
        sys.stdout.write("".join(f"{role}\n" for role in ROLES))
        return EXIT_OK
    if not args.files:
        raise _usage("roles: name at least one FILE, or use --list")
    vocabulary = _vocabulary(_config(args.config))
    status = EXIT_OK
    totals = Counter()
    unknown_labels: Counter[str] = Counter()
    for path in collect_files(args.files):
        try:
            designs, _ = load_designs(path, ParseOptions())
        except DesignSyntaxError as error:
            print(f"{path}:{error.line}:{error.col}: SYN001 {error.message}")
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
            _print_roles(design, roles, declaration_for)
    if args.unknown:
        _print_role_report(totals, unknown_labels)
    return status


def _print_roles(design, roles, declaration_for) -> None:
    """Unknown and ambiguous nodes first, each with the line that would declare its role."""
    print(f"{design.path}: {design.name}")
    unsure = [n for n in design.nodes if roles[n.id].role == "unknown" or roles[n.id].ambiguous_with]
    sure = [n for n in design.nodes if n not in unsure]
    width = max([len(node.id) for node in design.nodes] + [11])
    for node in unsure + sure:
        assignment = roles[node.id]
        label = f'"{node.label}"' if node.label else ""
        print(f"  {node.id:<{width}}  {assignment.role:<21}  {assignment.reason:<43}  {label}".rstrip())
        if node in unsure:
            role = "ROLE" if assignment.role == "unknown" else assignment.role
            print(f"  {'':<{width}}  declare with: {declaration_for(design.format, node.id, role)}")


def _print_role_report(totals, unknown_labels) -> None:
    nodes, designs = totals["nodes"], totals["designs"]
    share = lambda part, whole: f"{100 * part / whole:.1f}%" if whole else "-"  # noqa: E731
    print(f"designs: {designs}, with a model found: {totals['with_model']} ({share(totals['with_model'], designs)})")
    print(f"nodes: {nodes}, with a role: {totals['with_role']} ({share(totals['with_role'], nodes)})")
    print("unknown labels, most frequent first:")
    for label, count in sorted(unknown_labels.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {count:>4}  {label}")


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
        print(f"{args.file}:{error.line}:{error.col}: SYN001 {error.message}", file=sys.stderr)
        return EXIT_FINDINGS
    writer = importlib.import_module(WRITERS[args.to])
    try:
        text = "\n".join(writer.write(design) for design in designs)
    except ValueError as error:
        raise _usage(f"{args.file}: {error}") from None
    _write(text, args.output)
    return EXIT_OK


def cmd_rules(args) -> int:
    from rich.console import Console
    from rich.table import Table

    from aidlint.rules.runner import builtin_pack

    table = Table(show_header=True)
    for column in ("ID", "name", "severity", "what it checks"):
        table.add_column(column)
    for rule in builtin_pack().rule:
        table.add_row(rule.id, rule.name, rule.severity.value, rule.summary)
    Console(highlight=False, soft_wrap=True).print(table)
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
    "render": cmd_render,
    "rules": cmd_rules,
    "explain": cmd_explain,
}
