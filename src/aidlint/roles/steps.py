"""A box named after the data it handles (docs/roles.md, "A component named after data is the component").

"Document Processor" is a processor and "Table Parsing" a parsing, not the documents or the table;
"Retraining Data Preparation" and "Repository Analysis" are steps acting on data, and "Event Created" says
what happened to an event. The data words only modify the word that ends the head (reading.py).
"""

from __future__ import annotations

from functools import cache

from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.vocabulary import Match, Token, Vocabulary, word_forms


def listed_training(matches: list[Match]) -> RoleAssignment | None:
    """A step whose head names no role and whose detail lists model training among its duties ("Build
    Component<br>- Compile code<br>- Model Training<br>- Create artifacts") is the training: the labelling
    guidelines (benchmarks/data/roles/README.md, "training_pipeline") read a build step that lists model
    training as training, while "Build:<br>- Compile<br>- Run tests" stays a step of code."""
    trains = next((m for m in matches if not m.in_main and m.synonym.role == "training_pipeline"), None)
    return RoleAssignment("training_pipeline", "label", trains.synonym.written, in_detail=True) if trains else None


def named_after_data(tokens: list[Token], matches: list[Match], winner: Match, vocabulary: Vocabulary) -> str | None:
    """The word that ends the head when data words only modify it: "Document Processor" is a processor,
    "Table Parsing" a parsing, not the documents or the table, and "Event Created" what happened to an
    event. The head's last word must be the agent noun, gerund, noun of the act or past participle of a
    step verb (processor, reader, chunking, preparation, created: ``terms.step_verbs``) that no synonym
    matched, or an agent noun that a weaker match of another role names ("Training Data Generator",
    "Artifact Validator"); "Document Collection" and "Redis Cluster" stay data."""
    if winner.synonym.role not in ("data_store", "data_source") or not winner.in_main:
        return None
    main = [i for i, token in enumerate(tokens) if token.in_main]
    last = main[-1]
    if winner.start + winner.covered - 1 >= last:
        return None
    word, verbs = tokens[last].text, tuple(vocabulary.terms.get("step_verbs", ()))
    if covering := [m.synonym.role for m in matches if m.start <= last < m.start + m.covered]:
        # "Training Data Generator", "Artifact Validator": a worker of another role, whom the stronger data
        # words only qualify, makes or checks the data; code acting on data (handler, service) is read below.
        workers = step_nouns(verbs, vocabulary) if not set(covering) & {"data_store", "data_source", "application"} else ()
        return word if word.endswith(("er", "or")) and word in workers else None
    return word if word in step_nouns(verbs, vocabulary) or word in participles(verbs) else None


@cache
def participles(verbs: tuple[str, ...]) -> frozenset[str]:
    """Past participles of the step verbs: create -> created, detect -> detected, log -> logged."""
    forms = set()
    for verb in (v.lower() for v in verbs):
        forms.add(verb + "d" if verb.endswith("e") else verb + "ed")
        if len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
            forms.add(verb + verb[-1] + "ed")
    return frozenset(forms)


def step_nouns(verbs: tuple[str, ...], vocabulary: Vocabulary) -> frozenset[str]:
    """Agent nouns, gerunds and nouns of the act of the step verbs: parse -> parser, parsing; extract ->
    extractor, extraction; prepare -> preparation; and `terms.step_acts` (analysis). Nouns of an act that
    name a thing ("Document Collection", a web application: `terms.thing_nouns`) and the words of bringing
    data in (ingestion, import: a source, `terms.intake_words`) are left out."""
    kept = vocabulary.words("thing_nouns") | vocabulary.words("intake_words")
    return (_forms(verbs) - kept) | vocabulary.words("step_acts")


@cache
def _forms(verbs: tuple[str, ...]) -> frozenset[str]:
    endings = ("er", "ers", "or", "ors", "ing", "ion", "ions", "ment", "ments")
    return frozenset(form for verb in verbs for form in word_forms(verb.lower()) if form != verb and form.endswith(endings))


def acts_on_record(tokens: list[Token], winner: Match, last: int, vocabulary: Vocabulary) -> bool:
    """Does a verb of the present tense follow the winner before the record noun that ends the phrase
    ("Triage agent sends summary", "Classifier returns decision")? Then the phrase is a sentence whose
    subject, the winner, acts on the record: the box is the subject at work, not the record (reading.py)."""
    after = winner.start + winner.covered
    if after >= last:
        return False
    word, verbs = tokens[after].text, vocabulary.words("step_verbs")
    return word.endswith("s") and (word[:-1] in verbs or (word.endswith("es") and word[:-2] in verbs))
