"""The ``aidlint`` command: parses arguments and calls one use case per command (usecases/).

Exit codes: 0 no finding at or above the fail level, 1 findings (syntax errors included), 2 usage or
configuration errors. Heavy modules are imported inside the commands so that start-up stays fast.
"""

from __future__ import annotations

import argparse
import gc
import sys

from aidlint import __version__
from aidlint.usecases import EXIT_OK, EXIT_USAGE
from aidlint.usecases.render import PICTURE_FORMATS


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own exit code for usage errors is 2 as well
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"aidlint: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from aidlint.reports import FORMATS

    parser = _Parser(prog="aidlint", description="A linter for AI system designs.")
    parser.add_argument("--version", action="version", version=f"aidlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="check design files and directories")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=list(FORMATS), help="report format (default: github inside GitHub Actions, else text): " + "; ".join(f"{f.name}: {f.summary}" for f in FORMATS.values()))
    check.add_argument("--profile", help="rule profile: recommended, minimal, llm-app, classic-ml")
    check.add_argument("--select", help="comma-separated rule IDs or families to run (a family is an ID's letters)")
    check.add_argument("--extend-select", help="comma-separated rule IDs or families to run on top of the selection")
    check.add_argument("--ignore", help="comma-separated rule IDs or families to skip")
    check.add_argument("--fail-on", choices=["info", "warning", "error"], help="lowest severity that fails the run (default: warning)")
    check.add_argument("--rules", action="append", default=[], metavar="FILE", help="a custom rule file (repeatable)")
    check.add_argument("--config", metavar="FILE", help="configuration file (default: nearest aidlint.toml, .aidlint.toml or pyproject.toml)")
    check.add_argument("--per-diagram", action="store_true", help="check each diagram of a Markdown document alone")
    check.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip files matching GLOB (repeatable)")
    check.add_argument("--no-fix", action="store_true", help="do not print the fixes")
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE; the terminal still gets the summary")
    check.add_argument("--statistics", action="store_true", help="count the findings of each rule")
    check.add_argument("--baseline", metavar="FILE", help="report only findings FILE does not record, and list its entries now fixed")
    check.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE and pass")
    check.add_argument("--jobs", "-j", type=_positive, metavar="N", help="check files in N worker processes (default: every core)")
    check.add_argument("--render", metavar="DIR", help="also draw each checked design's gap diagram into DIR")
    check.add_argument("--render-format", choices=PICTURE_FORMATS, default="svg", help="the format of --render's pictures (default: svg)")
    _add_input_format(check)

    render = commands.add_parser("render", help="draw each design's gap diagram: what is missing, where it belongs")
    render.add_argument("paths", nargs="+", metavar="FILE")
    render.add_argument("--output", "-o", metavar="OUT", required=True, help="the picture; its extension picks the format: " + ", ".join(f".{f}" for f in PICTURE_FORMATS))
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
    _add_input_format(parse)
    _add_input_format(render)

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

    config = commands.add_parser("config", help="print the configuration that applies to PATH and where each value came from")
    config.add_argument("path", nargs="?", default=".", metavar="PATH")
    config.add_argument("--config", metavar="FILE")

    rules = commands.add_parser("rules", help="list the rules (built-in and custom)")
    explain = commands.add_parser("explain", help="explain a rule (built-in or custom)")
    explain.add_argument("rule_id", metavar="RULE_ID")
    for command in (rules, explain):
        command.add_argument("--rules", action="append", default=[], metavar="FILE", help="a custom rule file (repeatable)")
        command.add_argument("--config", metavar="FILE")
    return parser


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


def _add_input_format(command: argparse.ArgumentParser) -> None:
    from aidlint.frontends.registry import names

    command.add_argument(
        "--input-format", choices=names(), help="read FILEs named on the command line whose suffix aidlint does not know in this format"
    )


def run() -> None:
    """The ``aidlint`` program (pyproject.toml's script, ``python -m aidlint``): ``main`` in a process of its own."""
    # Start-up makes a few hundred thousand long-lived objects (classes, validators, the vocabulary) that
    # every collection walks, and Python walks them once more at exit: a quarter of a small check, finding
    # nothing. A run makes almost no reference cycles (the front ends and the rules already run without
    # collection; peak memory is the same on 8,000-node designs and 1,200-file directories).
    gc.disable()
    code = main()
    gc.freeze()
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from aidlint.config import ConfigError
    from aidlint.reports.baseline import BaselineError, OutputError
    from aidlint.rules.spec import RulePackError
    from aidlint.workspace import UsageError

    try:
        return _COMMANDS[args.command](args)
    except (ConfigError, RulePackError, UsageError, OutputError, BaselineError) as error:
        print(f"aidlint: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


def _check_request(args, **given):
    """The ``CheckRequest`` the options ask for: each of its fields from the option of the same name,
    rule ID lists split at commas, and ``given`` values (what a command means otherwise) first."""
    from dataclasses import fields

    from aidlint.usecases.check import CheckRequest
    from aidlint.usecases.project import split_ids

    values = {f.name: getattr(args, f.name) for f in fields(CheckRequest) if hasattr(args, f.name)}
    for name in ("select", "extend_select", "ignore"):
        if name in values:
            values[name] = split_ids(values[name])
    return CheckRequest(**(values | given))


def cmd_check(args) -> int:
    from aidlint.usecases.check import check

    return check(
        _check_request(args, show_fix=not args.no_fix, render_dir=args.render, render_format=args.render_format)
    )


def cmd_parse(args) -> int:
    from aidlint.usecases.parse import parse_file

    return parse_file(args.file, per_diagram=args.per_diagram, input_format=args.input_format)


def cmd_roles(args) -> int:
    from aidlint.usecases.roles import show_roles

    return show_roles(args.files, taxonomy=args.list, coverage=args.unknown, config=args.config, color=args.color)


def cmd_export(args) -> int:
    from aidlint.usecases.export import export_file

    return export_file(args.file, to=args.to, output=args.output)


def cmd_render(args) -> int:
    from aidlint.usecases.render import RenderRequest, render

    # Its -o is the picture, not a report.
    return render(RenderRequest(checks=_check_request(args, output=None), output=args.output, timeout=args.timeout))


def cmd_config(args) -> int:
    from aidlint.usecases.show_config import show_config

    return show_config(args.path, config=args.config)


def cmd_rules(args) -> int:
    from aidlint.usecases.catalogue import list_rules

    return list_rules(config=args.config, rules=args.rules)


def cmd_explain(args) -> int:
    from aidlint.usecases.catalogue import explain_rule

    return explain_rule(args.rule_id, config=args.config, rules=args.rules)


_COMMANDS = {
    "check": cmd_check,
    "parse": cmd_parse,
    "roles": cmd_roles,
    "export": cmd_export,
    "render": cmd_render,
    "config": cmd_config,
    "rules": cmd_rules,
    "explain": cmd_explain,
}
