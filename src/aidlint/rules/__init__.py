"""Rules: the spec format (spec.py), the engine that evaluates it (engine.py), and running a set of
rules over designs with profiles and suppressions (runner.py)."""
