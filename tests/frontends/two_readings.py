"""The oracle of the front ends' fast paths: a text read as the front end reads it, and token by token.

DOT, Mermaid and the DSL each read runs of simple statements as one token; their lexers carry a switch
that turns this off, so the grammar reads the same text token by token. Both readings must give the same
designs, spans included, or the same syntax error: message, place, expectations and line.
"""

from __future__ import annotations

from dataclasses import dataclass

from aidlint.frontends.errors import DesignSyntaxError


@dataclass(frozen=True)
class TwoReadings:
    parse: object
    """The front end's ``parse(text, path)``."""
    lexer: type
    """Its lexer class."""
    switch: str
    """The lexer's class attribute that turns whole-statement reading on."""
    path: str
    """The file name the text is read under."""

    def outcome(self, text: str) -> object:
        try:
            return [design.model_dump() for design in self.parse(text, self.path)]
        except DesignSyntaxError as problem:
            return (problem.message, problem.line, problem.col, problem.expected, problem.source_line)

    def token_by_token(self, text: str) -> object:
        setattr(self.lexer, self.switch, False)
        try:
            return self.outcome(text)
        finally:
            setattr(self.lexer, self.switch, True)
