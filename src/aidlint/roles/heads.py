"""What the head's last word makes of the role word before it (docs/roles.md, "Reading a label").

A word ending the head after the strongest match names what the phrase is, the match only qualifying it:
"LiteLLM Proxy" is the gateway in front of the model, "Bedrock Utils" the code that calls it, "Memory
Manager" the code that acts on memory, "Dataset Service" the code in front of the data, "LiveKit Server
Connection" the link to a server. reading.py asks these after the winner is chosen; they were part of
objects.py until it reached its size limit.
"""

from __future__ import annotations

from collections.abc import Collection

from aidlint.roles.vocabulary import Match, Token, Vocabulary


def role_ending_head(matches: list[Match], roles: Collection[str], after: int, last: int) -> Match | None:
    """The match of one of ``roles`` in the head that starts at ``after`` or later and ends the head at token
    ``last``: the noun the phrase names, which the words before it only qualify."""
    return next((m for m in matches if m.synonym.role in roles and m.in_main and m.start >= after and m.start + m.covered - 1 == last), None)


def gateway_head(tokens: list[Token], matches: list[Match], winner: Match) -> str | None:
    """The gateway word that ends the head when what it fronts stands before it: "LiteLLM Proxy" and "vLLM
    gateway" are the edge in front of the model, as "Kong Gateway" is, not the model."""
    if winner.synonym.role != "model_inference" or not winner.in_main:
        return None
    main = [i for i, token in enumerate(tokens) if token.in_main]
    last = main[-1]
    if winner.start + winner.covered - 1 >= last:
        return None
    gateway = role_ending_head(matches, ("api_gateway",), winner.start + 1, last)
    return gateway.synonym.written if gateway is not None else None


#: The tie rule of code named after the model it calls ("Bedrock Utils", "OpenAI client"): see caller_head.
CALLS_THE_MODEL = "the label names code that calls the model"


def caller_head(tokens: list[Token], winner: Match, vocabulary: Vocabulary) -> str | None:
    """The word for code that calls something ("utils", "connection", "wrapper": `terms.caller_words`) that
    ends the head after the model it calls: "Bedrock Utils", "GeminiLlmConnection" are the application's
    code, not the model. The word may also follow the model at once where the head lists alternatives
    ("OpenAI SDK / curl", "Gemini client, REST"): the first alternative is the caller's code."""
    callers = vocabulary.words("caller_words")
    after = winner.start + winner.covered
    if winner.synonym.role == "model_inference" and tokens[winner.start].in_main and after < len(tokens):
        following = tokens[after]
        if following.in_main and following.chunk == tokens[after - 1].chunk + 1 and following.text in callers:
            return following.text
    return _word_ending_head_after(tokens, winner, ("model_inference",), callers)


def handler_head(tokens: list[Token], winner: Match, vocabulary: Vocabulary) -> str | None:
    """The word for code that acts on data ("handler", "manager", "analyzer", "logic": `terms.handler_words`)
    that ends the head after the data it acts on: "Slack Event Handler", "Memory Manager", "History
    Analyzer", "Sensor Fusion Logic" are the application's code, not the events, memory or sensors, as
    "Session manager" and "Conversation manager" are."""
    return _word_ending_head_after(tokens, winner, ("data_store", "data_source"), vocabulary.words("handler_words"))


def served_data_head(tokens: list[Token], winner: Match, vocabulary: Vocabulary) -> str | None:
    """A service (`terms.service_words`) that ends the head after the data it serves: "Dataset Service" and
    "Conversation Memory Service" are the application's code in front of the data, as "Memory Manager" is.
    A service named after a kind of store or a product ("Object Storage Service", "Relational Database
    Service", "Redis Service": `terms.store_kinds`, a name written with a capital) is that store, run for you."""
    written = winner.synonym.written
    if written[:1].isupper() or set(written.lower().split()) & vocabulary.words("store_kinds"):
        return None
    return _word_ending_head_after(tokens, winner, ("data_store",), vocabulary.words("service_words"))


def link_head(tokens: list[Token], winner: Match, vocabulary: Vocabulary) -> tuple[str, str] | None:
    """What stands beside a part without being it, as (how, word): the word for a link ("connection":
    `terms.link_words`) that ends the head after a part of the application ("LiveKit Server Connection",
    "HttpApiConnection" name the link to the server or API, not the server or API itself; after a model the
    same word names the code that calls it: caller_head), and a controller that ends the head after the
    edge ("Envoy Gateway Controller", "AWS Load Balancer Controller": `terms.control_words`), which
    provisions gateways and carries no traffic. An "Ingress controller" is itself the proxy (a synonym as
    written, which the head's last word then belongs to)."""
    if link := _word_ending_head_after(tokens, winner, ("application",), vocabulary.words("link_words")):
        return "link", link
    if control := _word_ending_head_after(tokens, winner, ("api_gateway",), vocabulary.words("control_words")):
        return "infrastructure", control
    return None


def _word_ending_head_after(tokens: list[Token], winner: Match, roles: tuple[str, ...], words: frozenset[str]) -> str | None:
    """One of ``words`` ending the head after a winner of one of ``roles`` that stands in the head: the
    noun the phrase names, which the winner only qualifies."""
    if winner.synonym.role not in roles or not tokens[winner.start].in_main:
        return None
    last = max(i for i, token in enumerate(tokens) if token.in_main)
    word = tokens[last].text
    if winner.start + winner.covered - 1 >= last or word not in words:
        return None
    return word
