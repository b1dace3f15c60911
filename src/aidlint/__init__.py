"""aidlint: a linter for AI system designs."""

__version__ = "0.1.0"
