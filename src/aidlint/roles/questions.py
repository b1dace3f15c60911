"""Questions and decision diamonds (docs/roles.md, "Questions and decision diamonds").

A box drawn as a diamond, or whose first line asks a question, is the check it asks about when its words
name one, and no component otherwise; reading.py decides which, with these helpers.
"""

from __future__ import annotations

import re

from aidlint.model import Node
from aidlint.roles.asides import LINE_BREAK
from aidlint.roles.vocabulary import Match, Vocabulary, clean_label, tokenize

#: Mermaid and Graphviz names of the decision shape.
DECISION_SHAPES = frozenset({"diamond", "rhombus", "decision", "diam"})
#: A quotation in a label: double or typographic quotes, or single quotes that open after a space, a colon or
#: the start and close before a space, punctuation or the end (so "user's" is no quote).
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?:(?<=^)|(?<=[\s:(]))'[^']*'(?=$|[\s.,;:)])")


def is_decision(node: Node, text: str) -> bool:
    if node.attrs.get("shape", "").lower() in DECISION_SHAPES:
        return True
    # "User Query: 'How do I reset my password?'" quotes what a person asks; the box asks nothing.
    return "?" in _QUOTED.sub(" ", LINE_BREAK.split(text, maxsplit=1)[0])


def branching_code(text: str, winner: Match) -> bool:
    """A diamond that asks nothing and whose head names the application's code ("Rule Engine", "Omni
    orchestrator") is that code, drawn where the flow branches; a diamond that names anything else ("LLM
    Provider", "Document Splitter") or asks a question stays a decision."""
    return winner.synonym.role == "application" and winner.in_main and "?" not in _QUOTED.sub(" ", text)


def question(text: str) -> str:
    return clean_label(LINE_BREAK.split(text, maxsplit=1)[0])[:40]


def asks_for_people(winner: Match, text: str) -> bool:
    """"Escalate?", "Needs human review?": a question whether to hand a case to people decides where it
    goes; the people who review it are drawn where it goes, not in the question."""
    return winner.synonym.role == "human_review" and "?" in text


def asked_check(node: Node, text: str, winner: Match, matches: list[Match], gates: frozenset[str]) -> Match | None:
    """"OpenAI flagged it?", "Classifier says unsafe?": a question whose subject is a model asks for the
    verdict of the check named after it, which the model makes; the check is the box."""
    if winner.synonym.role != "model_inference" or not is_decision(node, text):
        return None
    return next((m for m in matches if m.synonym.role in gates and m.in_main and m.start > winner.start), None)


def asks_if_finished(text: str, vocabulary: Vocabulary) -> bool:
    """"Monitoring ready?", "Performance tested?", "Dashboards configured?": a question whose last word says a
    piece of work is finished (`terms.readiness_words`) is an item of a checklist before a release, as "Tested in
    staging?" is: it checks no model's output, whatever work it names."""
    words = [t.text for t in tokenize(clean_label(text).split("?", 1)[0])]
    return bool(words) and "?" in text and words[-1] in vocabulary.words("readiness_words")
