"""Reports: render a :class:`aidlint.workspace.CheckResult` for people (text) or machines (json).

Each format is one module with ``render(result, ...) -> str``; the CLI picks one by name.
"""

FORMATS = {"text": "aidlint.reports.text", "json": "aidlint.reports.json"}
