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


#: Words that say what follows is what people act on, not a noun compound: "Human review of outputs".
_LINKS = frozenset({"of", "on", "for"})
#: People's acts on what a model produced, beside `terms.review_verbs`, told after the people ("Reviewer checks
#: outputs", "Labelers rank responses").
_PEOPLES_ACTS = frozenset({"check", "validate", "verify", "label", "rank", "compare", "score", "rate", "grade", "correct", "edit", "inspect", "tag"})


def people_act_on(tokens: list[Token], winner: Match, vocabulary: Vocabulary) -> bool:
    """"Human review of outputs", "Reviewer checks outputs", "Annotate samples": people reviewing, the record
    noun that ends the label being what they act on (a preposition or a verb of theirs stands between), not a
    record of theirs ("Review score", "Reviewer notes" stay records: roles/reading.py, `_record_head`)."""
    if winner.synonym.role != "human_review" or not winner.in_main:
        return False
    if tokens[0].in_main and tokens[0].text in vocabulary.words("review_verbs"):
        return True
    after = winner.start + winner.covered
    if after >= len(tokens) or not tokens[after].in_main:
        return False
    word = tokens[after].text
    return word in _LINKS or word.removesuffix("s") in _PEOPLES_ACTS | vocabulary.words("review_verbs") or word.removesuffix("es") in _PEOPLES_ACTS
