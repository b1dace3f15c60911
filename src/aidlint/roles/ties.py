"""Ties between equally strong words of different roles, settled by where the words stand in the head
(docs/roles.md, "When several roles match").

A head that lists the parts of one box ("Training and evaluation", "Model registry + promotion gate",
"Alerting & Logging") is named by its first item, the rest being what it also does; a noun phrase lists
nothing ("RLHF Pipeline Monitor"). A search or retriever that ends the head ("Residual Transformer
Retriever", "Rerank Search") is named by that last noun, the model word before it saying how it finds. Access control
named in the head beside a limit ("Auth & Rate Limiting", "validate → auth → rate limit") is the auth box, however
many words the limit takes.
"""

from __future__ import annotations

import re

from aidlint.roles.asides import BRACKETED, LINE_BREAK
from aidlint.roles.heads import role_ending_head
from aidlint.roles.vocabulary import Match, Token, Vocabulary, tokenize

#: What joins the items of a list in a head: "and", "&", "+" between words, or a comma.
_SEPARATOR = re.compile(r"\s+(?:and|&|\+)\s+|\s*,\s+", re.IGNORECASE)


def head_items(text: str) -> list[str]:
    """The items the head of a label lists ("Auth & Rate Limiting": "Auth", "Rate Limiting"), brackets and
    what follows a colon left out; one item when the head lists nothing."""
    head = BRACKETED.sub(" ", re.split(r":\s", LINE_BREAK.split(text, maxsplit=1)[0], maxsplit=1)[0])
    return _SEPARATOR.split(head.strip())


def first_listed(tied: list[Match], text: str, vocabulary: Vocabulary) -> Match | None:
    """The tied match whose role the head's first listed item names, when the head lists items: the role
    that item would get as a label of its own, among the tied ones."""
    roles = {m.synonym.role for m in tied}
    if len(roles) < 2 or not all(m.in_main for m in tied):
        return None
    items = head_items(text)
    if len(items) < 2 or not items[0].strip():
        return None
    first = tokenize(items[0], compounds=True)
    named = [m for m in vocabulary.matches(first, items[0]) if m.synonym.role in roles]
    if not named:
        return None
    # The item read alone: its strongest word, precedence settling what ties there, as it would in a label
    # of its own ("Model Training and Validation": lifecycle words beat the generic "model").
    best = min(named, key=lambda m: (tuple(-x for x in m.strength), vocabulary.rank(m.synonym.role)))
    return next(m for m in tied if m.synonym.role == best.synonym.role)


def put_first(match: Match, chosen: list[Match]) -> list[Match]:
    """The tied matches with ``match`` first: a tie rule's winner, the others kept in their order behind it."""
    return [match, *(m for m in chosen if m is not match)]


def finder_ending_head(tied: list[Match], tokens: list[Token]) -> Match | None:
    """"Residual Transformer Retriever", "Rerank Search": a retrieval word that ends the head names the box,
    and the model word before it says how it finds or orders what it returns."""
    roles = {m.synonym.role for m in tied}
    if roles != {"model_inference", "retrieval"}:
        return None
    main = [i for i, token in enumerate(tokens) if token.in_main]
    finder = next(m for m in tied if m.synonym.role == "retrieval")
    model = next(m for m in tied if m.synonym.role == "model_inference")
    if main and finder.in_main and model.in_main and finder.start + finder.covered - 1 == main[-1] and model.start < finder.start:
        return finder
    return None


#: Roles that watch: an alert word ending the head after one of them names the alert sent on what they watch.
_WATCHING = frozenset({"monitoring", "infra_monitoring"})
#: The watching itself, which before alerts may be the act ("Monitor alerts": tests/test_vocabulary_families.py)
#: or one box doing both ("Monitoring alerts"): precedence settles those as before.
_WATCHING_ITSELF = frozenset({"monitor", "monitoring", "observability", "watch"})


def alert_ending_head(tied: list[Match], tokens: list[Token]) -> Match | None:
    """"Drift alert", "Sentry alerts", "GPU temperature alarm": an alert word that ends the head names the box
    (a noun phrase names its last noun), and the watching word before it says what the alert is about; the
    benchmark's guidelines read "Alert: Drift Detected" as alerting (benchmarks/data/roles/README.md). A list
    ("Prometheus + alerts") is named by its first item instead (``first_listed``)."""
    roles = {m.synonym.role for m in tied}
    if "alerting" not in roles or not roles - {"alerting"} or not roles - {"alerting"} <= _WATCHING:
        return None
    main = [i for i, token in enumerate(tokens) if token.in_main]
    alert = next(m for m in tied if m.synonym.role == "alerting")
    if not main or not alert.in_main or alert.start + alert.covered - 1 != main[-1]:
        return None
    watchers = [m for m in tied if m.synonym.role != "alerting"]
    if any(m.synonym.written.lower() in _WATCHING_ITSELF for m in watchers):
        return None
    return alert if all(m.in_main and m.start < alert.start for m in watchers) else None


#: Words after an alert verb that say when it fires: "Alert on drift", "Alert if accuracy drops".
_WHEN = frozenset({"on", "if", "when", "whenever", "upon"})


def alert_verb_first(winner: Match, matches: list[Match], tokens: list[Token]) -> Match | None:
    """"Alert on data drift", "Alarm when drift > 0.2": an alert word that starts the head, followed by when it
    fires, is the alerting step, and what is watched after it is what it fires on, however many words its name
    takes (as a lifecycle verb names the step: ``lifecycle_verb_first``). The watching itself after it keeps
    its precedence ("Alert on monitoring", as "Monitor alerts")."""
    if winner.synonym.role not in _WATCHING or not winner.in_main or winner.synonym.written.lower() in _WATCHING_ITSELF:
        return None
    if len(tokens) < 2 or not tokens[0].in_main or tokens[1].text not in _WHEN:
        return None
    return next((m for m in matches if m.synonym.role == "alerting" and m.start == 0 and m.in_main), None)


def access_beside_limit(winner: Match, matches: list[Match]) -> Match | None:
    """"Auth & Rate Limiting", "API-key auth + rate limit": a head that names access control and then a limit
    is the access control, the limit being one more thing it enforces; a phrase of the limit being longer
    ("rate limiting") does not make it the box. Access named after the limit says what the limit counts by
    ("Rate limiting per API key")."""
    if winner.synonym.role != "rate_limiter" or not winner.in_main:
        return None
    return next((m for m in matches if m.synonym.role == "auth" and m.in_main and m.start < winner.start), None)


def machine_reviewer(winner: Match, matches: list[Match], tokens: list[Token]) -> str | None:
    """"LLM reviewer", "GPT-4 annotator": a model named right before the reviewer that ends the head is
    software doing people's work, as "Reviewer Agent" is; the model reviews ("Model review" is people's)."""
    main = [i for i, token in enumerate(tokens) if token.in_main]
    if not main or not winner.in_main or winner.start + winner.covered - 1 != main[-1] or not tokens[main[-1]].text.endswith(("er", "or", "ers", "ors")):
        return None
    return next((m.synonym.written for m in matches if m.synonym.role == "model_inference" and m.in_main and m.start + m.covered == winner.start), None)


#: Words of a human_review match that say people keep a gate: "human ...", HITL.
_PEOPLE_WORDS = frozenset({"human", "hitl"})


def people_keep_gate(winner: Match, matches: list[Match], tokens: list[Token]) -> Match | None:
    """"Action Approval Gate (Human-in-the-Loop)", "Release gate (HITL)": a gate in the head that its detail
    says people keep is people deciding, a human gate, not a model evaluation's gate."""
    if winner.synonym.role != "evaluation" or not winner.in_main:
        return None
    if not any(tokens[i].text in ("gate", "gates") for i in range(winner.start, winner.start + winner.covered)):
        return None
    return next(
        (m for m in matches if m.synonym.role == "human_review" and not m.in_main and tokens[m.start].text in _PEOPLE_WORDS),
        None,
    )


#: Roles a lifecycle verb that starts the head names: the step whatever model or platform it acts on.
_LIFECYCLE_ROLES = frozenset({"training_pipeline", "evaluation", "model_registry", "deployment_controller"})


def lifecycle_verb_first(winner: Match, matches: list[Match], tokens: list[Token], vocabulary: Vocabulary) -> Match | None:
    """"Deploy vLLM", "Deploy to SageMaker", "Deploy to S3", "Evaluate GPT-4o": a lifecycle verb
    (``terms.lifecycle_verbs``) that starts the head names the step, and the model, runtime, platform or store
    after it is what is released, trained or evaluated, or where, however many words its name takes (as a
    privacy verb names the privacy step; docs/roles.md, "When several roles match")."""
    if not winner.in_main or winner.start == 0 or not tokens[0].in_main:
        return None
    if winner.synonym.role not in ("model_inference", "data_store", *_LIFECYCLE_ROLES) and not _metrics_evaluated(winner, tokens):
        return None
    if tokens[0].text not in vocabulary.words("lifecycle_verbs"):
        return None
    steps = [m for m in matches if m.start == 0 and m.in_main and m.synonym.role in _LIFECYCLE_ROLES]
    return max(steps, key=lambda m: m.strength, default=None)


def _metrics_evaluated(winner: Match, tokens: list[Token]) -> bool:
    """"Evaluate overall metrics", "Benchmark latency metrics": metrics after a verb of evaluation are what the
    evaluation computes on the model, not the watching of it in production (docs/roles.md, "When several roles
    match"); drift after the verb ("Evaluate drift") stays the watching."""
    return winner.synonym.role == "monitoring" and tokens[0].text in _EVALUATION_VERBS and "metric" in winner.synonym.written.lower()


#: The lifecycle verbs that name an evaluation (``terms.lifecycle_verbs``).
_EVALUATION_VERBS = frozenset({"evaluate", "eval", "benchmark"})


#: Roles a step noun that ends the head after a model names: making or checking that model.
_MAKING_OR_CHECKING = frozenset({"training_pipeline", "evaluation"})


def lifecycle_noun_last(winner: Match, matches: list[Match], tokens: list[Token]) -> Match | None:
    """"Llama 3 fine-tuning", "YOLOv8 training", "GPT-4o eval": a training or evaluation noun that ends the
    head after the model names the step, and the model before it is what is trained or evaluated, however
    strong its name (as "Model evaluation" is evaluation). Not an agent noun ("LLM evaluator", "GPT-4 judge"
    is a model at work, as ``machine_reviewer`` reads "LLM reviewer"), and not a deployment ("GPT-4o
    deployment" is a hosted model's endpoint)."""
    if winner.synonym.role != "model_inference" or not winner.in_main:
        return None
    main = [i for i, token in enumerate(tokens) if token.in_main]
    if not main or tokens[main[-1]].text.endswith(("er", "or", "ers", "ors")):
        return None
    return role_ending_head(matches, _MAKING_OR_CHECKING, winner.start + winner.covered, main[-1])


def release_word_last(winner: Match, matches: list[Match], tokens: list[Token]) -> Match | None:
    """"BentoML deploy", "Seldon Core rollout", "vLLM canary", "SageMaker endpoint update": a release word that
    ends the head after a model, runtime or serving platform names the release of it (docs/roles.md, "A release
    word after the model releases it"). Not the noun "deployment": "GPT-4o deployment" is a hosted model's
    endpoint (Azure OpenAI names its endpoints deployments), as ``lifecycle_noun_last`` reads it."""
    if winner.synonym.role != "model_inference" or not winner.in_main:
        return None
    main = [i for i, token in enumerate(tokens) if token.in_main]
    if not main or tokens[main[-1]].text in ("deployment", "deployments"):
        return None
    return role_ending_head(matches, {"deployment_controller"}, winner.start + winner.covered, main[-1])


#: Roles of the trackers and observability products whose evaluation or training features a head can name.
_TRACKERS = frozenset({"monitoring", "model_registry"})


def tracker_step_last(winner: Match, matches: list[Match], tokens: list[Token], text: str) -> Match | None:
    """"LangSmith evaluation", "Langfuse evals", "W&B training": a training or evaluation word that ends the
    head after a tracker or observability product (a name, written with capitals in the vocabulary) names the
    product's feature the box uses, the step, not its tracing or its registry (docs/roles.md, "A tracker's
    evaluation is the evaluation"). A list names its first item ("Model registry + promotion gate", "Metrics,
    replay, evaluation")."""
    written = winner.synonym.written
    if winner.synonym.role not in _TRACKERS or not winner.in_main or written == written.lower():
        return None
    if _SEPARATOR.search(LINE_BREAK.split(text, maxsplit=1)[0]):
        return None
    main = [i for i, token in enumerate(tokens) if token.in_main]
    return role_ending_head(matches, _MAKING_OR_CHECKING, winner.start + winner.covered, main[-1])


#: Roles of what a training or evaluation step runs on: data, people's feedback or reviews, a store, or the
#: model or platform it runs with ("Training on SageMaker").
_RUN_ON = frozenset({"feedback_collector", "data_store", "data_source", "human_review", "user", "model_inference"})


def step_on_data(winner: Match, matches: list[Match], tokens: list[Token], vocabulary: Vocabulary) -> Match | None:
    """"Retrain with user feedback", "Fine-tune on logs", "Retraining from feedback": a training or evaluation
    step that starts the head, as a verb or as a noun joined by a preposition (``terms.step_links``), names the
    step, and the data, feedback or reviews after it are what it runs on (docs/roles.md, "A step on data is the
    step"). People after an evaluation ("Evaluate with human raters") may be the evaluators: those stay."""
    if winner.synonym.role not in _RUN_ON or not winner.in_main or not tokens[0].in_main:
        return None
    steps = [m for m in matches if m.start == 0 and m.in_main and m.synonym.role in _MAKING_OR_CHECKING]
    step = max(steps, key=lambda m: m.strength, default=None)
    if step is None or winner.start < step.covered:
        return None
    if step.synonym.role == "evaluation" and winner.synonym.role in ("human_review", "user"):
        return None
    after = step.covered
    if tokens[0].text in vocabulary.words("lifecycle_verbs") or (after < len(tokens) and tokens[after].text in vocabulary.words("step_links")):
        return step
    return None


def instance_of(tokens: list[Token], winner: Match, vocabulary: Vocabulary) -> bool:
    """"Vector Database Instance", "Remote Ollama GPU": a running copy of what the winner names, right before
    an instance word (`terms.instance_words`), is that component; "EC2 Instance" names no component first."""
    after = winner.start + winner.covered
    return after < len(tokens) and tokens[after].text in vocabulary.words("instance_words") and after == max(
        i for i, t in enumerate(tokens) if (t.in_parens, t.in_details) == (tokens[winner.start].in_parens, tokens[winner.start].in_details)
    )


#: Release words that also name the version a release runs ("Canary model", "Shadow model": vocabulary.toml).
_VERSION_WORDS = frozenset({"canary", "shadow"})


def version_before_model(winner: Match, matches: list[Match], tokens: list[Token]) -> Match | None:
    """"Shadow predictor", "Canary LLM", "Shadow classifier": a canary or shadow word before the model noun
    that ends the head names the version being run, the model at work, as "Shadow model" and "Canary model"
    are (docs/roles.md, "Versions are models"); "Canary release", "Shadow traffic" stay the release."""
    if winner.synonym.role != "deployment_controller" or winner.synonym.written.lower() not in _VERSION_WORDS or not winner.in_main:
        return None
    main = [i for i, token in enumerate(tokens) if token.in_main]
    return role_ending_head(matches, {"model_inference"}, winner.start + winner.covered, main[-1])


def doer_ending_head(tied: list[Match], tokens: list[Token]) -> Match | None:
    """"Document scraper", "Log crawler", "Prompt scraper": an agent noun (-er, -or) that ends the head names
    what the box is, and the words of data or code before it say what it works on; precedence, which puts
    stores before sources, would read the data instead (docs/roles.md, "When several roles match")."""
    main = [i for i, token in enumerate(tokens) if token.in_main]
    if len(tied) < 2 or not main or not tokens[main[-1]].text.endswith(("er", "or", "ers", "ors")):
        return None
    doer = role_ending_head(tied, ("data_source",), 0, main[-1])
    if doer is None or not all(m is doer or (m.in_main and m.start + m.covered <= doer.start) for m in tied):
        return None
    return doer
