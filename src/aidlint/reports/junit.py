"""JUnit XML: each file is a test suite and each (design, rule) pair that ran a test case, failed when
the rule found something in that design. CI systems (GitLab, Jenkins, Azure) show it as a test report.

A file that could not be read has one failing test case per finding (a syntax error), since it has no design.
"""

from __future__ import annotations

from collections import defaultdict
from xml.sax.saxutils import escape, quoteattr

from aidlint.reports.visible import visible


def _attr(text: str) -> str:
    return quoteattr(visible(text))


def render(result, options=None) -> str:
    cases: dict[str, dict[tuple[str, str], list]] = defaultdict(dict)
    for checked in result.designs:
        for rule_id in checked.rule_ids:
            cases[checked.path].setdefault((checked.name, rule_id), [])
    for finding in result.findings:
        cases[finding.path].setdefault((finding.design or "", finding.rule_id), []).append(finding)

    suites = []
    total = failed = 0
    for path in sorted(cases):
        body = []
        suite_failed = 0
        for (design, rule_id), findings in sorted(cases[path].items()):
            name = f"{design}: {rule_id}" if design else rule_id
            if not findings:
                body.append(f"    <testcase classname={_attr(path)} name={_attr(name)}/>")
                continue
            suite_failed += 1
            first = findings[0]
            details = "\n".join(visible(f"{f.path}:{f.line}:{f.col}: {f.rule_id} [{f.severity.value}] {f.message}") for f in findings)
            body.append(f"    <testcase classname={_attr(path)} name={_attr(name)}>")
            body.append(
                f"      <failure type={_attr(rule_id)} message={_attr(first.message)}>{escape(details)}</failure>"
            )
            body.append("    </testcase>")
        tests = len(cases[path])
        total += tests
        failed += suite_failed
        suites.append(f"  <testsuite name={_attr(path)} tests=\"{tests}\" failures=\"{suite_failed}\" errors=\"0\" skipped=\"0\">")
        suites.extend(body)
        suites.append("  </testsuite>")
    head = f'<testsuites name="aidlint" tests="{total}" failures="{failed}" errors="0">'
    return "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', head, *suites, "</testsuites>"]) + "\n"
