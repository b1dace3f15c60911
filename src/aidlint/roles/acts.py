"""A verb that is a role's own act, starting the label, names that act whatever data it acts on
(docs/roles.md, "A verb phrase is a step").

"Redact logs" and "Pseudonymize records" are the privacy step, "Review ground truth", "Annotate documents"
and "Curate training data" people reviewing: the data words name what the act works on, not a store. A
container named in the head keeps the store ("Review history table": "review" qualifies the table).
"""

from __future__ import annotations

from aidlint.roles.vocabulary import Match, Token, Vocabulary

#: The verbs of each act (`terms` lists) and the role whose act they are.
_ACT_VERBS = {"privacy_verbs": "pii_scrubber", "review_verbs": "human_review"}
#: Tables hold rows as stores do: "Review history table" is the table.
_TABLES = frozenset({"table", "tables"})


def act_led(tokens: list[Token], matches: list[Match], vocabulary: Vocabulary) -> Match | None:
    """The match of the act whose verb starts the label, if a verb of people's review or of privacy does and
    for review, no store kind (`terms.store_kinds`) or table is named in the head."""
    if not tokens or not tokens[0].in_main:
        return None
    # A hyphenated verb ("De-identify records", "Re-identify rows") is cut into two tokens: its two parts
    # together are the verb written in `terms.privacy_verbs`.
    firsts = {tokens[0].text} | ({f"{tokens[0].text}-{tokens[1].text}"} if len(tokens) > 1 and tokens[1].in_main else set())
    role = next((role for term, role in _ACT_VERBS.items() if firsts & vocabulary.words(term)), None)
    if role is None:
        return None
    if role == "human_review" and (vocabulary.words("store_kinds") | _TABLES) & {t.text for t in tokens if t.in_main}:
        return None
    return max((m for m in matches if m.synonym.role == role and m.start == 0), key=lambda m: m.covered, default=None)
