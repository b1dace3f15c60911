"""What a phrase is about, when a role word only qualifies it (docs/roles.md, "Reading a label").

"Data validation" checks data, not a model; "Model selection" and "Model owner" say something about a
model without being one; "Unit tests" test code; "LiteLLM Proxy" is the gateway in front of a model, "Token
extractor" parses a request, "llm<br>llm_call_started" names an event. These readings narrow what the
matched words mean before or after the strongest match is chosen (reading.py).
"""

from __future__ import annotations

import re

from aidlint.roles.vocabulary import Match, Token, Vocabulary, clean_label, tokenize

#: Endings of nouns made from verbs: "selection", "packaging", "management", "performance".
_ACTION_NOUNS = ("tion", "sion", "ing", "ment", "ance", "ence")
_BARE_MODEL = frozenset({"model", "models"})


def data_checked(tokens: list[Token], winner: Match, vocabulary: Vocabulary) -> str | None:
    """The data a validation checks ("data", "schema", "features": `terms.checked_data`) when the winning
    evaluation word is a validation and the phrase names no model (`terms.ml_words`); likewise the data an
    audit inspects ("Dataset Audit": `terms.audited_data`), which is no audit log. Events audited ("Request
    audit", "Access audit") are what an audit log keeps, so they are not in that list."""
    checked = {("evaluation", "validation"): "checked_data", ("evaluation", "validate"): "checked_data", ("audit_log", "audit"): "audited_data"}
    # Evaluating rules, conditions, expressions or files is a rule engine's or a reviewer's work, no model
    # evaluation ("Evaluate rules", "Condition evaluator", "File-by-file evaluation": `terms.evaluated_logic`);
    # "Rule-based evaluation" names how a model's answers are judged and stays (docs/roles.md).
    checked |= dict.fromkeys((("evaluation", "evaluation"), ("evaluation", "evaluate"), ("evaluation", "evaluator"), ("evaluation", "eval")), "evaluated_logic")
    term = checked.get((winner.synonym.role, winner.synonym.written.lower()))
    if term is None:
        return None
    phrase = [t.text for t in tokens if t.in_main == winner.in_main]
    if vocabulary.mentions_any(tokens, "ml_words"):
        return None
    if term == "evaluated_logic" and "based" in phrase:
        return None
    return next((w for w in vocabulary.terms.get(term, ()) if w.lower() in phrase), None)


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


#: Roles of what watches or records a model: named after the model it watches ("vLLM dashboards", "Llama 3
#: traces", "GPT-4o cost alerts"), the box is the watcher.
_WATCHERS = frozenset({"monitoring", "infra_monitoring", "alerting", "audit_log"})
#: The application's words for what calls models in turn: "LLM Orchestrator" orchestrates LLM calls.
_ORCHESTRATORS = frozenset({"orchestrator"})


def without_split_names(tokens: list[Token], matches: list[Match], vocabulary: Vocabulary) -> list[Match]:
    """Drop the words of a dataset's split names written as one ("train/dev/test", "train-val", "train/test
    overlap"), or named before "split" ("Train / Test Split"): the box names the parts of a dataset, not a
    training step or an evaluation run (`terms.split_names`; "train/eval" is left alone, a step of each as often as a split)."""
    splits = vocabulary.words("split_names")
    by_chunk: dict[int, list[int]] = {}
    for i, token in enumerate(tokens):
        by_chunk.setdefault(token.chunk, []).append(i)
    named: set[int] = set()
    for indices in by_chunk.values():
        # Each word written as one with the others ("train/dev/test"): one pass per chunk, however long the label.
        trains = [i for i in indices if tokens[i].text in ("train", "training")]
        parts = [i for i in indices if tokens[i].text in splits]
        if trains and parts:
            named.update(trains + parts)
    for i, token in enumerate(tokens[:-2]):
        # "Train / Test Split", "train, val, test split": the split named as such, whatever stands between the parts.
        if token.text in ("train", "training"):
            end = i + 1
            while end < len(tokens) and tokens[end].text in splits:
                end += 1
            if end > i + 1 and end < len(tokens) and tokens[end].text in ("split", "splits"):
                named.update(range(i, end))
    if not named:
        return matches
    return [m for m in matches if not any(m.start <= i < m.start + m.covered for i in named)]


def without_fit_as_noun(tokens: list[Token], matches: list[Match]) -> list[Match]:
    """Drop "fit model" unless it starts the head: "Fit model" is the verb, to fit a model is to train it,
    while after another word the noun "fit" names what a model predicts ("Job fit model")."""
    first = next((i for i, token in enumerate(tokens) if token.in_main), None)
    return [m for m in matches if m.synonym.written.lower() != "fit model" or m.start == first]


def without_method_as_modifier(tokens: list[Token], matches: list[Match], vocabulary: Vocabulary) -> list[Match]:
    """Drop a tuning method's abbreviation ("SFT": `terms.method_abbreviations`) that qualifies a later word of
    the head no synonym names and no generic title is: "SFT Pool", "SFT examples" are what the method
    learns from, while "Fireworks SFT", "LoRA SFT" and "SFT job" are the step."""
    abbreviations = vocabulary.words("method_abbreviations")
    generic = vocabulary.words("generic_titles")
    main = [i for i, token in enumerate(tokens) if token.in_main]
    if not main:
        return matches

    def qualifies(match: Match) -> bool:
        if match.covered != 1 or match.synonym.written.lower() not in abbreviations or not match.in_main:
            return False
        last = main[-1]
        if last <= match.start or tokens[last].text in generic:
            return False
        return not any(m.start <= last < m.start + m.covered for m in matches)

    return [m for m in matches if not qualifies(m)]


def without_model_as_object(tokens: list[Token], matches: list[Match]) -> list[Match]:
    """Drop the model words before a watcher's or an orchestrator's word that ends the head: the model is
    what the box watches or calls."""
    main = [i for i, token in enumerate(tokens) if token.in_main]
    if not main or not any(
        m.in_main and (m.synonym.role in _WATCHERS or m.synonym.written.lower() in _ORCHESTRATORS) and m.start + m.covered - 1 == main[-1]
        for m in matches
    ):
        return matches
    return [m for m in matches if not (m.in_main and m.synonym.role == "model_inference" and m.start + m.covered - 1 < main[-1])]


def _act_on_a_model(word: str, index: int, matches: list[Match], vocabulary: Vocabulary) -> bool:
    """Is ``word`` (at ``index``) an act or attribute no synonym names, so that "model" before it only qualifies it?"""
    if any(m.start <= index < m.start + m.covered for m in matches) or word in vocabulary.words("development_words"):
        return False
    return word.endswith(_ACTION_NOUNS) or word in vocabulary.words("model_attributes")


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
    if word not in vocabulary.words("access_heads") or (winner.in_main and winner.start + winner.covered - 1 >= last):
        return None
    return None if any(m.start <= last < m.start + m.covered for m in matches) else word


def without_protocol_as_modifier(tokens: list[Token], matches: list[Match], vocabulary: Vocabulary) -> list[Match]:
    """Drop a bare protocol name ("MCP": `terms.protocol_words`) that only qualifies a later word of the head:
    "MCP Equipment Agent" and "MCP Client" speak the protocol, they are no MCP server; "Slack MCP" and
    "MCP" alone are, and so is a name written as one word ("mcp-a-0"); "MCP server" and "MCP tools" match as
    phrases of their own. A preposition ends the head's noun (`terms.protocol_links`: "GitHub MCP via npx")."""
    protocols, links = vocabulary.words("protocol_words"), vocabulary.words("protocol_links")
    main = [i for i, token in enumerate(tokens) if token.in_main]
    main = main[: next((k for k, i in enumerate(main) if tokens[i].text in links), len(main))]
    if not main or not protocols:
        return matches
    last = main[-1]
    return [
        m for m in matches
        if not (
            m.in_main and m.covered == 1 and m.synonym.written.lower() in protocols and tokens[m.start].chunk != tokens[last].chunk
        )
    ]


def without_hyphened_qualifier(tokens: list[Token], matches: list[Match], vocabulary: Vocabulary) -> list[Match]:
    """Drop a word joined by a hyphen to a participle that qualifies a later word of the head
    (`terms.qualifying_participles`): "SSO-gated UIs" are interfaces behind SSO, "KServe-managed HPA" an
    autoscaler KServe manages, neither of them SSO or KServe. What a box is built on stays ("LLM-powered
    assistant"), and an "S3-compatible store" is one of that kind: neither is such a participle."""
    qualifiers = vocabulary.words("qualifying_participles")
    main = [i for i, token in enumerate(tokens) if token.in_main]
    if not main or not qualifiers:
        return matches

    def qualifies(m: Match) -> bool:
        after = m.start + m.covered
        return (
            m.in_main and after < main[-1] and tokens[after].text in qualifiers
            and tokens[after].chunk == tokens[after - 1].chunk < tokens[main[-1]].chunk
        )

    return [m for m in matches if not qualifies(m)]


def without_tool_as_managed(tokens: list[Token], matches: list[Match], vocabulary: Vocabulary) -> list[Match]:
    """Drop a bare "tool" (`terms.managed_words`) that a later word of the head keeps, finds or picks
    (`terms.managing_nouns`): "Tool Catalog", "Tool Discovery Service", "Tool Selector" and "Tool List" manage
    tools and run none. Drop it too where an earlier word of the head names the people who build or run the
    system or their chores (`terms.builders`, `terms.operator_chores`): "CLI Tools", "Admin tools",
    "Ingestion Tools", "Export/Import Tools" are the operators' tooling, which no agent acts through.
    "Tool Execution", "Tool Wrapper" and "Calendar Tools" stay tools."""
    managed, managing = vocabulary.words("managed_words"), vocabulary.words("managing_nouns")
    operators = vocabulary.words("builders") | vocabulary.words("operator_chores")
    main = [i for i, token in enumerate(tokens) if token.in_main]
    if not main or not managed:
        return matches
    return [
        m for m in matches
        if not (
            m.in_main and m.synonym.written.lower() in managed
            and (
                any(tokens[i].text in managing for i in main if i > m.start)
                or any(tokens[i].text in operators for i in main if i < m.start)
            )
        )
    ]


def tool_manager_head(tokens: list[Token], vocabulary: Vocabulary) -> str | None:
    """The word for code that manages tools (`terms.tool_managers`: manager, management, selector, routing)
    ending a head after a tool or a tool protocol: "Tool Management", "Tool Selector", "MCP Manager" keep,
    pick or route the agent's tools and run none, so they are the application's code. A head that ends in a
    record of tools ("Tool Catalog", "Tool List") names no code: the list is unread, the catalog a store."""
    main = [token.text for token in tokens if token.in_main]
    if len(main) < 2 or main[-1] not in vocabulary.words("tool_managers"):
        return None
    tools = vocabulary.words("managed_words") | vocabulary.words("protocol_words")
    return main[-1] if any(word in tools for word in main[:-1]) else None


def infrastructure_named(labelled: bool, head: list[str], vocabulary: Vocabulary) -> str | None:
    """Where things run, named with nothing else: a pad or port of a graph dump's element ("sink", "src":
    `terms.port_words`), or infrastructure software under a generic title ("Jenkins Server", "Kubernetes API
    Server", "Systemd Service": `terms.infrastructure_products`, `terms.hosting_titles`)."""
    if not labelled or not head:
        return None
    if len(head) == 1 and head[0] in vocabulary.words("port_words"):
        return head[0]
    words, products, titles = set(head), vocabulary.words("infrastructure_products"), vocabulary.words("hosting_titles")
    return " ".join(head) if words & products and words & titles and words <= products | titles else None


#: The model's verb of pulling things out of text ("Claim extraction", "Symptom extractor" in GraphRAG and
#: its kin): a model's act unless what is pulled out is a part of the request itself.
_EXTRACTING = frozenset({"extract", "extraction", "extractor"})


def parsed_part(tokens: list[Token], winner: Match, vocabulary: Vocabulary) -> str | None:
    """The part of a request or record that an extraction pulls out ("Extract user message", "Token
    extractor", "Query extractor": `terms.person_messages`, `terms.record_heads`): parsing, not a model
    reading text. "Extract fields", "Information extraction" (`terms.extracted_contents`) stay the model's work."""
    if winner.synonym.role != "model_inference" or winner.synonym.written.lower() not in _EXTRACTING:
        return None
    parts = (vocabulary.words("person_messages") | vocabulary.words("record_heads")) - vocabulary.words("extracted_contents")
    phrase = [t.text for i, t in enumerate(tokens) if t.in_main == winner.in_main and i != winner.start]
    return next((word for word in phrase if word in parts), None)


def code_tested(tokens: list[Token], winner: Match, vocabulary: Vocabulary) -> str | None:
    """The kind of code test ("unit tests") when the winning evaluation word is a test word qualified by
    one (`terms.model_tests`, `terms.code_test_kinds`)."""
    if winner.synonym.role != "evaluation" or winner.synonym.written.lower() not in vocabulary.words("model_tests"):
        return None
    if vocabulary.mentions_any(tokens, "ml_words"):
        return None  # "Model performance tests" test the model
    before = f' {" ".join(t.text for t in tokens[: winner.start] if t.in_main == winner.in_main)} '
    for kind in vocabulary.terms.get("code_test_kinds", ()):
        if f' {" ".join(t.text for t in tokenize(kind))} ' in before:
            return f"{kind} {winner.synonym.written}"
    return None


def format_generated(tokens: list[Token], winner: Match, vocabulary: Vocabulary) -> str | None:
    """What a generation step writes when code writes it: a file format, a build artefact or an explainer's
    explanation ("SBOM generation", "Generate JSON report", "Generate LIME explanation":
    `terms.generated_artefacts`), when the winning model word is a bare generate word (`terms.generate_words`).
    A model generates text, answers, summaries, images and embeddings."""
    if winner.synonym.role != "model_inference" or winner.synonym.written.lower() not in vocabulary.words("generate_words"):
        return None
    phrase, whole = [t for t in tokens if t.in_main == winner.in_main], {}
    for t in phrase:  # a format written as one camelCase word is read whole too ("GraphML": graph, ml)
        whole[t.chunk] = whole.get(t.chunk, "") + t.text
    return next((w for w in [*(t.text for t in phrase), *whole.values()] if w in vocabulary.words("generated_artefacts")), None)


def generic_word_form(tokens: list[Token], match: Match, generic: set[str]) -> bool:
    """A role read from a generic title by its word form: "Server" in "(Tool / Resource / Server)" is no
    "serving" under a generic head, whatever "serving" names elsewhere."""
    span = tokens[match.start : match.start + match.covered]
    return not match.as_written and all(t.text in generic or t.text.removesuffix("s") in generic for t in span)


#: An identifier of code: lowercase words joined by underscores ("llm_call_started", "on_tool_end").
_SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\(\))?$")


def event_named(lines: list[str], vocabulary: Vocabulary) -> str | None:
    """The event that the lines after a label's first one name in code: each is one snake_case identifier
    that ends in an event word (started, finished, chunk, end...: `terms.event_words`)."""
    lines = [cleaned for line in lines if (cleaned := clean_label(line))]
    events = set(vocabulary.terms.get("event_words", ()))
    if lines and all(_SNAKE.match(line) and line.removesuffix("()").rsplit("_", 1)[1] in events for line in lines):
        return lines[0]
    return None


def data_brought_in(tokens: list[Token], matches: list[Match], winner: Match, vocabulary: Vocabulary) -> str | None:
    """The word of bringing data in (`terms.intake_words`: download, pull, ingestion, import) that ends the head
    after the data it brings: "TLC Parquet download", "DVC Data Pull", "Repository Ingestion" name data entering
    the system from elsewhere (a data_source), not the store it comes from. A match that covers the word
    itself keeps its role."""
    if winner.synonym.role != "data_store" or not winner.in_main:
        return None
    main = [i for i, token in enumerate(tokens) if token.in_main]
    last = main[-1]
    if winner.start + winner.covered - 1 >= last or tokens[last].text not in vocabulary.words("intake_words"):
        return None
    return None if any(m.start <= last < m.start + m.covered for m in matches) else tokens[last].text
