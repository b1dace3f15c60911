"""User regular expressions (role overrides by label) that cannot hang a run.

Python's `re` backtracks: `^(a+)+$` on a long run of `a`s followed by `b` takes exponential time. The
patterns people write to match labels never need a quantifier around something that repeats itself,
so those are refused up front (exit 2, naming the pattern), and the text a pattern sees is bounded.
"""

from __future__ import annotations

import re

try:  # the parser `re` itself uses; its module name changed in Python 3.11
    from re import _constants as _sre, _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: How much of a label a user pattern is matched against: labels are short; a megabyte label is not.
MAX_MATCHED_CHARS = 1000

_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}


def backtracking_risk(pattern: str) -> str | None:
    """Why ``pattern`` could backtrack without end, or None when it cannot.

    Refused: a repeated part that itself holds a repeat or an alternation (`(a+)+`, `(a|ab)*`,
    `(.*x){9}`), and back-references. The pattern must already compile.
    """
    return _scan(_sre_parse.parse(pattern), inside_repeat=False)


def _scan(items, inside_repeat: bool) -> str | None:
    for op, argument in items:
        if op in _REPEATS:
            low, high, body = argument
            repeats = high is _sre.MAXREPEAT or high > 1
            if repeats and inside_repeat:
                return "it nests one quantifier inside another (like (a+)+), which can take forever to fail"
            problem = _scan(body, inside_repeat or repeats)
            if problem:
                return problem
        elif op is _sre.SUBPATTERN:
            problem = _scan(argument[-1], inside_repeat)
            if problem:
                return problem
        elif op is _sre.BRANCH:
            if inside_repeat:
                return "it repeats an alternation (like (a|ab)*), which can take forever to fail"
            for branch in argument[1]:
                problem = _scan(branch, inside_repeat)
                if problem:
                    return problem
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            problem = _scan(argument[1], inside_repeat)
            if problem:
                return problem
        elif op in (_sre.GROUPREF, _sre.GROUPREF_EXISTS):
            return "it uses a back-reference, which can take forever to fail"
    return None


def bounded(text: str) -> str:
    return text[:MAX_MATCHED_CHARS]
