"""A head that lists the parts of one box (docs/roles.md, "Reading a label").

"Training and evaluation", "Model registry + promotion gate", "Auth + Rate limit", "Alerting & Logging": a
reader takes the first item as what the box is and the rest as what it also does, as a head's first words
name it. This settles ties between equally strong words of different roles only; a noun phrase whose last
noun names the box ("RLHF Pipeline Monitor") lists nothing.
"""

from __future__ import annotations

import re

from aidlint.roles.asides import LINE_BREAK
from aidlint.roles.vocabulary import Match, Vocabulary, tokenize

#: What joins the items of a list in a head: "and", "&", "+" between words, or a comma.
_SEPARATOR = re.compile(r"\s+(?:and|&|\+)\s+|\s*,\s+", re.IGNORECASE)
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def first_listed(tied: list[Match], text: str, vocabulary: Vocabulary) -> Match | None:
    """The tied match whose role the head's first listed item names, when the head lists items and that
    item names exactly one of the tied roles."""
    roles = {m.synonym.role for m in tied}
    if len(roles) < 2 or not all(m.in_main for m in tied):
        return None
    head = _BRACKETED.sub(" ", re.split(r":\s", LINE_BREAK.split(text, maxsplit=1)[0], maxsplit=1)[0])
    items = _SEPARATOR.split(head.strip())
    if len(items) < 2 or not items[0].strip():
        return None
    first = tokenize(items[0], compounds=True)
    named = {m.synonym.role for m in vocabulary.matches(first, items[0])} & roles
    if len(named) != 1:
        return None
    return next(m for m in tied if m.synonym.role in named)
