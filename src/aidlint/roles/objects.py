"""What a phrase is about, when a role word only qualifies it (docs/roles.md, "Reading a label").

"Data validation" checks data, not a model; "Model selection" and "Model owner" say something about a
model without being one. These readings narrow what the matched words mean before the strongest match is
chosen (reading.py).
"""

from __future__ import annotations

from aidlint.roles.vocabulary import Match, Token, Vocabulary

#: Endings of nouns made from verbs: "selection", "packaging", "management", "performance".
_ACTION_NOUNS = ("tion", "sion", "ing", "ment", "ance", "ence")
_BARE_MODEL = frozenset({"model", "models"})


def data_checked(tokens: list[Token], winner: Match, vocabulary: Vocabulary) -> str | None:
    """The data a validation checks ("data", "schema", "features": `terms.checked_data`) when the winning
    evaluation word is a validation and the phrase names no model (`terms.ml_words`)."""
    if winner.synonym.role != "evaluation" or winner.synonym.written.lower() not in ("validation", "validate"):
        return None
    phrase = [t.text for t in tokens if t.in_main == winner.in_main]
    if vocabulary.mentions_any(tokens, "ml_words"):
        return None
    return next((w for w in vocabulary.terms.get("checked_data", ()) if w.lower() in phrase), None)


def without_model_as_modifier(tokens: list[Token], matches: list[Match], vocabulary: Vocabulary) -> list[Match]:
    """Drop a bare "model" that only qualifies the head's last word, when that word is an act or an
    attribute no synonym names ("Model selection", "Model packaging", "Model owner": `terms.model_attributes`):
    the box is about a model, not the model. The rest of the label still decides ("Model iteration<br>
    retraining" is training), and "Model development" stays for the position rule (`terms.development_words`)."""
    matches = [m for m in matches if not _about_a_model_in_detail(tokens, m, matches, vocabulary)]
    main = [i for i, token in enumerate(tokens) if token.in_main]
    if len(main) < 2:
        return matches
    last = main[-1]
    if not _act_on_a_model(tokens[last].text, last, matches, vocabulary):
        return matches
    return [m for m in matches if not (m.in_main and m.covered == 1 and m.synonym.written.lower() in _BARE_MODEL and m.start < last)]


def _act_on_a_model(word: str, index: int, matches: list[Match], vocabulary: Vocabulary) -> bool:
    """Is ``word`` (at ``index``) an act or attribute no synonym names, so that "model" before it only qualifies it?"""
    if any(m.start <= index < m.start + m.covered for m in matches) or word in vocabulary.terms.get("development_words", ()):
        return False
    return word.endswith(_ACTION_NOUNS) or word in vocabulary.terms.get("model_attributes", ())


def _about_a_model_in_detail(tokens: list[Token], match: Match, matches: list[Match], vocabulary: Vocabulary) -> bool:
    """A bare "model" in the detail right before such an act: "seldon-scheduler<br>Model scheduling" describes
    what the box does to models, as "Model scheduling" in a head would."""
    if match.in_main or match.covered != 1 or match.synonym.written.lower() not in _BARE_MODEL:
        return False
    following = match.start + 1
    if following >= len(tokens) or tokens[following].in_main or tokens[following].in_parens != tokens[match.start].in_parens:
        return False
    return _act_on_a_model(tokens[following].text, following, matches, vocabulary)


def access_head(tokens: list[Token], matches: list[Match], winner: Match, vocabulary: Vocabulary) -> str | None:
    """The access word that ends the label's head when what it grants access to stands before it: "EC2
    Role", "Bedrock KB Role", "OpenSearch role" are IAM roles (auth), not the products they open
    (`terms.access_heads`). A winner that covers the word itself keeps it."""
    main = [i for i, token in enumerate(tokens) if token.in_main]
    if not main:
        return None
    last = main[-1]
    word = tokens[last].text
    if word not in vocabulary.terms.get("access_heads", ()) or (winner.in_main and winner.start + winner.covered - 1 >= last):
        return None
    return None if any(m.start <= last < m.start + m.covered for m in matches) else word
