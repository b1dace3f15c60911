"""The role vocabulary (``data/vocabulary.toml``) and matching a label against it.

Matching works on words: a label is cut into lowercase tokens, and each synonym is a sequence of sets of
word forms (its singular, plural, verb and agent forms), so "Model deployer" matches "deploy" without
stemming the label (stemming labels made "customer" match "custom").
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from aidlint.resources import data_path
# How a label is cut into words, head and detail lives in roles/cutting.py; the roles modules import it from here.
from aidlint.roles.cutting import Token, clean_label, tokenize  # noqa: F401

#: A version glued to the end of a name: "v8" of "YOLOv8", "v5s" of "yolov5s", "v2" of "ResNetv2".
_VERSION_TAIL = re.compile(r"(?<=[a-z])v\d+(?:\.\d+)*[a-z]?$")


def word_forms(word: str) -> frozenset[str]:
    """The word and its plural, verb and agent forms, in both directions (deploy <-> deployment)."""
    if len(word) <= 2 or not word.isalpha():
        return frozenset({word, word + "s"} if word.isalpha() and len(word) == 2 else {word})
    bases = {word}
    for suffix, replacement in (
        # Process nouns lead back to their verb ("deployment" -> "deploy", "curation" -> "curate", never the
        # stub "cur": a "CUR 2.0" report); agent nouns do not, since "customer" is no agent of "custom".
        ("ication", "y"), ("ations", "ate"), ("ation", "ate"), ("ation", ""), ("ions", ""), ("ion", ""),
        ("ion", "e"), ("ments", ""), ("ment", ""), ("ing", ""), ("ing", "e"), ("ies", "y"), ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= (3 if replacement or suffix != "ation" else 4):
            stem = word[: len(word) - len(suffix)] + replacement
            # Undo consonant doubling: "logging" -> "logg" -> "log".
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                bases.add(stem[:-1])
            bases.add(stem)
    # No past participles: "trained model", "deployed model" and "anonymized logs" name what a step
    # produced, not the step ("Load trained model from storage" is no training pipeline).
    forms = set()
    for base in bases:
        forms.add(base)
        if base.endswith("y") and base[-2:-1] not in "aeiou":
            forms.update({base[:-1] + "ies", base[:-1] + "ier", base[:-1] + "ication"})
        forms.update({base + "s", base + "es"})
        root = base[:-1] if base.endswith("e") else base
        for suffix in ("er", "ers", "or", "ors", "ing", "ion", "ions", "ation", "ations", "ment", "ments"):
            forms.add(root + suffix)
        if base.endswith("ate"):
            forms.update({base[:-3] + "ation", base[:-3] + "ations"})
        if len(base) >= 3 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" and base[-3] not in "aeiou":
            forms.update({base + base[-1] + "er", base + base[-1] + "ing"})
    return frozenset(forms)


@dataclass(frozen=True)
class Synonym:
    role: str
    written: str
    words_written: int
    forms: tuple[frozenset[str], ...]
    short: bool
    """Two letters or fewer (CD, UI, DB): matches an ID only when the node has no label of its own."""
    needs: frozenset[str] = frozenset()
    plain: tuple[frozenset[str], ...] = ()
    """Each word as written, singular or plural: a label that uses these is not just a word form."""


@dataclass(frozen=True)
class Match:
    synonym: Synonym
    start: int
    covered: int
    in_main: bool
    as_written: bool = True
    whole: bool = True
    """False when the match is only the first part of a camelCase name ("Bedrock" in "BedrockAgent")."""

    @property
    def strength(self) -> tuple[int, int, int, int, int]:
        """A match in the label's head first ("Nightly retraining (Vertex AI Pipelines)" is training:
        what the brackets name is detail), then more words as written, then more of the label covered,
        then the words as the table writes them over a derived form ("Flagger" is the rollout tool, not
        a flagging; "moderators" are people, not moderation)."""
        return (int(self.in_main), int(self.whole), self.synonym.words_written, self.covered, int(self.as_written))


def _synonym(role: str, written: str, plural_only: bool, needs: list[str]) -> Synonym | None:
    tokens = [token.text for token in tokenize(written)]
    if not tokens:
        return None
    forms = tuple(frozenset({text}) if plural_only else word_forms(text) for text in tokens)
    short = len(re.sub(r"[^A-Za-z0-9]", "", written)) <= 2
    plain = tuple(frozenset({text, text + "s", text + "es", text.removesuffix("s")}) for text in tokens)
    return Synonym(role, written, len(written.split()), forms, short, frozenset(w.lower() for w in needs), plain)


@dataclass
class Vocabulary:
    precedence: list[str]
    synonyms: list[Synonym]
    not_with: dict[str, frozenset[str]]
    terms: dict[str, list[str]]
    overrides: tuple = ()
    """Config's role overrides by ID or label pattern (objects with ``matches(id, label)`` and ``role``)."""
    _index: dict[str, list[Synonym]] = field(default_factory=dict, repr=False)
    _term_synonyms: dict[str, list[Synonym]] = field(default_factory=dict, repr=False)
    _term_index: dict[str, dict[str, list[Synonym]]] = field(default_factory=dict, repr=False)
    _unwanted: frozenset[str] = field(default=frozenset(), repr=False)
    _squashed: dict[str, list[Synonym]] = field(default_factory=dict, repr=False)
    _narrowed: dict[tuple, "Vocabulary"] = field(default_factory=dict, repr=False)
    _word_sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._unwanted = frozenset().union(*self.not_with.values())
        index: dict[str, list[Synonym]] = defaultdict(list)
        for synonym in self.synonyms:
            for form in synonym.forms[0]:
                index[form].append(synonym)
        self._index = dict(index)
        squashed: dict[str, list[Synonym]] = defaultdict(list)
        for synonym in self.synonyms:
            name = "".join(token.text for token in tokenize(synonym.written))
            if len(name) >= 4 and not synonym.short:
                squashed[name].append(synonym)
        self._squashed = dict(squashed)
        for name, words in self.terms.items():
            self._word_sets[name] = frozenset(word.lower() for word in words)
            self._term_synonyms[name] = [s for w in words if (s := _synonym(name, w, False, [])) is not None]
            by_first_word: dict[str, list[Synonym]] = defaultdict(list)
            for synonym in self._term_synonyms[name]:
                for form in synonym.forms[0]:
                    by_first_word[form].append(synonym)
            self._term_index[name] = dict(by_first_word)

    @property
    def roles(self) -> list[str]:
        return list(self.precedence)

    def rank(self, role: str) -> int:
        """Lower wins a tie."""
        return self.precedence.index(role) if role in self.precedence else len(self.precedence)

    def words(self, term: str) -> frozenset[str]:
        """The words of the `[terms]` list ``term``, lowercased, as a set built once per vocabulary."""
        return self._word_sets.get(term, frozenset())

    def weight(self, match: Match) -> tuple[int, int, int, int, int]:
        """A match's strength, a generic title of several words counting as one word: "Semantic
        Kernel + OpenAI" ties the framework with the model, and the framework gives way to it as
        "LangChain + OpenAI" does (roles/reading.py, `_choose`; docs/roles.md, "A generic word gives way")."""
        head, whole, words, covered, written = match.strength
        if words > 1 and match.synonym.written.lower() in self.words("generic_titles"):
            return head, whole, 1, 1, written
        return head, whole, words, covered, written

    def ruled_out(self, words: set[str]) -> set[str]:
        """The roles these words rule out (`not_with`): "Developer workstation" is no user."""
        return {role for role, unwanted in self.not_with.items() if words & unwanted} if words & self._unwanted else set()

    def matches(self, tokens: list[Token], raw: str, *, for_id_of_labelled_node: bool = False) -> list[Match]:
        # The hot loop of role inference (100k-node designs): candidates come from the index by the
        # first word, and the second word is tested inline before anything else is looked at.
        found: list[Match] = []
        words = {token.text for token in tokens}
        excluded = self.ruled_out(words)
        # A word of the detail rules a role out of the detail only: "Chatbot UI<br>Search history" is the
        # interface, whose detail lists what it shows.
        excluded_in_head = self.ruled_out({token.text for token in tokens if token.in_main}) if excluded else excluded
        count = len(tokens)
        for start, token in enumerate(tokens):
            candidates = self._index.get(token.text)
            if not candidates:
                continue
            following = tokens[start + 1].text if start + 1 < count else None
            for synonym in candidates:
                forms = synonym.forms
                length = len(forms)
                if length > 1:
                    if following not in forms[1]:
                        continue
                    if length > 2 and (
                        start + length > count or any(tokens[start + k].text not in forms[k] for k in range(2, length))
                    ):
                        continue
                if for_id_of_labelled_node and synonym.short:
                    continue
                if synonym.needs and not (synonym.needs & words or ("?" in synonym.needs and "?" in raw)):
                    continue
                if length == 1:
                    in_main, as_written = token.in_main, token.text in synonym.plain[0]
                else:
                    span = tokens[start : start + length]
                    # "Model<br>Registry", "Application Load<br>Balancer": a name wrapped onto the next line
                    # is still the head's name.
                    in_main = span[0].in_main and not any(t.in_parens for t in span)
                    as_written = all(t.text in plain for t, plain in zip(span, synonym.plain))
                if synonym.role in (excluded_in_head if in_main else excluded):
                    continue
                # Inside one camelCase name only its last part names what it is, as in an English
                # compound ("DistilBERT" is a BERT, "GPTCache" a cache): a first part is a weak reading.
                whole = start + length >= count or not tokens[start + length].joined
                found.append(Match(synonym, start, length, in_main, as_written, whole))
        if count and self._squashed:
            found.extend(self._whole_names(tokens, excluded, found))
        return found

    def _whole_names(self, tokens: list[Token], excluded, found: list[Match]) -> list[Match]:
        """Product names written with other spacing or punctuation: "litellm", "open-webui", "Llama-Guard"
        are LiteLLM, Open WebUI and Llama Guard. Each whitespace-separated word of the label is compared
        whole, letters and digits only."""
        extra: list[Match] = []
        start = 0
        count = len(tokens)
        while start < count:
            end = start + 1
            while end < count and tokens[end].chunk == tokens[start].chunk:
                end += 1
            squashed = "".join(token.text for token in tokens[start:end])
            # "YOLOv8", "yolov5s": a product name with its version glued on is that product.
            unversioned = _VERSION_TAIL.sub("", squashed) if squashed not in self._squashed else squashed
            for synonym in self._squashed.get(unversioned, ()):
                if synonym.role in excluded or synonym.needs or len(synonym.forms) == end - start:
                    continue  # same words, same count: the word-by-word match has decided already
                extra.append(Match(synonym, start, end - start, tokens[start].in_main))
            start = end
        return extra

    def term_matches(self, term: str, text: str) -> bool:
        """Does ``text`` mention the named term list (``progressive``, ``rollback``, ...)?"""
        if "%" in self.terms.get(term, ()) and re.search(r"\d\s*%", text):
            return True
        return self.first_term(term, [token.text for token in tokenize(text)]) is not None

    def first_term(self, term: str, words: list[str]) -> str | None:
        """The first entry of the named term list that ``words`` contain, as written in the list."""
        # Candidates by their first word, as in ``matches``: a term list can hold hundreds of words.
        index = self._term_index.get(term, {})
        for start, word in enumerate(words):
            for synonym in index.get(word, ()):
                length = len(synonym.forms)
                if start + length <= len(words) and all(words[start + k] in synonym.forms[k] for k in range(1, length)):
                    return synonym.written
        return None

    def mentions_any(self, tokens: list[Token], term: str) -> bool:
        words = [token.text for token in tokens]
        return self.term_matches(term, " ".join(words))

    def without(self, role: str, written: list[str] | tuple[str, ...]) -> "Vocabulary":
        """A copy without some synonyms of one role (a word read in another sense where the design says so)."""
        key = (role, tuple(sorted(w.lower() for w in written)))
        if key not in self._narrowed:
            dropped = set(key[1])
            kept = [s for s in self.synonyms if not (s.role == role and s.written.lower() in dropped)]
            self._narrowed[key] = Vocabulary(self.precedence, kept, self.not_with, self.terms, self.overrides)
        return self._narrowed[key]

    def extended(self, extra_synonyms: dict[str, list[str]], overrides=()) -> "Vocabulary":
        """A copy with the user's own synonyms and role overrides added (from config)."""
        added = [s for role, words in extra_synonyms.items() for w in words if (s := _synonym(role, w, False, []))]
        return Vocabulary(self.precedence, self.synonyms + added, self.not_with, self.terms, tuple(overrides))


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    if path is None:
        return _builtin_vocabulary()
    return _parse(tomllib.loads(path.read_text(encoding="utf-8")))


@cache
def _builtin_vocabulary() -> Vocabulary:
    # Deriving every synonym's word forms costs more than the rest of a small check: later runs load
    # the result (startup_cache.py), keyed by the table and by every module of roles/ that reads it.
    from aidlint.startup_cache import cached

    table = data_path("vocabulary.toml")
    return cached("vocabulary", builtin_vocabulary_inputs(), lambda: _parse(tomllib.loads(table.read_text(encoding="utf-8"))))


def builtin_vocabulary_inputs() -> list[Path]:
    """What the built-in vocabulary is derived from: its table and the code of roles/."""
    return [data_path("vocabulary.toml"), *sorted(Path(__file__).parent.glob("*.py"))]


def _parse(data: dict) -> Vocabulary:
    synonyms: list[Synonym] = []
    not_with: dict[str, frozenset[str]] = {}
    for role, entry in data["roles"].items():
        plural_only = set(entry.get("plural_only", ()))
        # "@name" in needs_with stands for the words of the term list of that name
        needs = {
            written: [t for w in words for t in (data.get("terms", {}).get(w[1:], ()) if w.startswith("@") else (w,))]
            for written, words in entry.get("needs_with", {}).items()
        }
        for written in entry["synonyms"]:
            synonym = _synonym(role, written, written in plural_only, needs.get(written, []))
            if synonym is not None:
                synonyms.append(synonym)
        not_with[role] = frozenset(token.text for w in entry.get("not_with", ()) for token in tokenize(w))
    return Vocabulary(list(data["precedence"]), synonyms, not_with, dict(data.get("terms", {})))
