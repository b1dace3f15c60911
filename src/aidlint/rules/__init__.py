"""Rules: the rule-file format (spec.py), one module per check kind (checks/), the search helpers they
share (search.py), the engine that turns violations into findings (engine.py), and running a set of
rules over designs with profiles and suppressions (runner.py)."""
