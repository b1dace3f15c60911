"""Lists in a label's detail (docs/roles.md, "Reading a label").

A detail that lists three or more items ("text + embedding + metadata", "label · embedding · description",
"(entities, keyphrases, embeddings)") and whose first item names no role gives the box's fields or
contents, item by item, none of which is the box. A list whose first item names a role may be the box
with its duties ("Backend<br>Ollama, vLLM, TGI") and is read as before, as is a pair ("bcrypt + JWT").
Measured on the role benchmark's dev split: +2 nodes in two repositories, none lost (docs/roles.md).
"""

from __future__ import annotations

import re

from aidlint.roles.asides import BRACKETED, LINE_BREAK
from aidlint.roles.vocabulary import Match, Token, Vocabulary, clean_label, tokenize

#: What separates the items of a list in a detail: a middle dot, a bullet, a plus, a comma, a semicolon.
_ITEM = re.compile(r"\s*[·•;,]\s*|\s+\+\s+")
#: Fewer items make a pair, which may name one thing and its part ("bcrypt + JWT", "orchestrator + ledger").
_LEAST = 3


def _lists(text: str) -> list[list[list[str]]]:
    """The words of each item of every list of three or more items in the label's detail."""
    lines = LINE_BREAK.split(text)
    zones = []
    for number, line in enumerate(lines):
        zones += [aside[1:-1] for aside in BRACKETED.findall(line)]
        outside = BRACKETED.sub(" ", line)
        if number:
            zones.append(outside)
        elif ": " in outside:
            zones.append(outside.split(": ", 1)[1])
    found = []
    for zone in zones:
        items = [item for item in _ITEM.split(clean_label(zone)) if item.strip()]
        if len(items) >= _LEAST:
            found.append([[t.text for t in tokenize(item, compounds=True)] for item in items])
    return found


def without_listed_contents(tokens: list[Token], matches: list[Match], text: str, vocabulary: Vocabulary) -> list[Match]:
    """Drop the detail's matches that stand in a list of three or more items whose first item names no role:
    such a list gives the box's fields or contents ("label · embedding · description"), and a phrase that
    runs across its items ("text + embedding") is no phrase at all."""
    if all(m.in_main for m in matches):
        return matches
    lists = [items for items in _lists(text) if not vocabulary.matches(_item_tokens(items[0]), " ".join(items[0]))]
    if not lists:
        return matches

    def listed(m: Match) -> bool:
        joined = " " + " ".join(t.text for t in tokens[m.start : m.start + m.covered]) + " "
        return any(joined in " " + " ".join(word for item in items for word in item) + " " for items in lists)

    return [m for m in matches if m.in_main or not listed(m)]


def _item_tokens(words: list[str]) -> list[Token]:
    return tokenize(" ".join(words))
