"""Reading one node's label as a reviewer does (docs/roles.md, "Reading a label").

The head of a label (its first line, up to a colon, outside brackets) names the component; the rest is
detail. Some boxes are no component at all: legends, nodes marked absent or planned, records and
metrics, questions that name no check, builders of the system. What remains is matched against the
vocabulary and the strongest match wins.
"""

from __future__ import annotations

from aidlint.model import UNKNOWN_ROLE, Node
from aidlint.roles.acts import act_led, people_act_on
from aidlint.roles.asides import LINE_BREAK, not_a_component
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.files import names_a_file
from aidlint.roles.heads import CALLS_THE_MODEL, caller_head, gateway_head, handler_head, link_head, served_data_head
from aidlint.roles.listing import without_listed_contents
from aidlint.roles.ties import (
    access_beside_limit, alert_ending_head, alert_verb_first, doer_ending_head, finder_ending_head, first_listed,
    instance_of, lifecycle_noun_last, lifecycle_verb_first, machine_reviewer, people_keep_gate, release_word_last,
    put_first, step_on_data, tracker_step_last, version_before_model,
)
from aidlint.roles.objects import (
    access_head, code_tested, data_brought_in, data_checked, format_generated, generic_word_form, parsed_part, tool_manager_head,
    without_fit_as_noun, without_method_as_modifier, without_model_as_modifier, without_model_as_object, without_protocol_as_modifier,
    without_split_names, without_hyphened_qualifier, without_tool_as_managed,
)
from aidlint.roles.questions import asked_check, asks_for_people, asks_if_finished, branching_code, is_decision, question
from aidlint.roles.routes import named_route, unnamed_route
from aidlint.roles.sources import without_format_as_modifier
from aidlint.roles.steps import acts_on_record, listed_training, named_after_data, participles
from aidlint.roles.vocabulary import Match, Token, Vocabulary, clean_label, tokenize

#: Roles a decision (a diamond, a question) may have: the checks and gates a flow branches on, and the
#: random split of an experiment ("{Random assignment}" branches traffic between variants).
GATE_ROLES = frozenset(
    {
        "safety_filter", "evaluation", "human_review", "auth", "rate_limiter", "pii_scrubber", "monitoring",
        "infra_monitoring", "feedback_collector", "experimentation",
    }
)
#: Mermaid and Graphviz names of the database symbol (a cylinder, upright or lying, plain or lined).
STORE_SHAPES = frozenset(
    {"cylinder", "cyl", "database", "db", "das", "h-cyl", "horizontal-cylinder", "lin-cyl", "lined-cylinder", "disk"}
)
#: What a generic title gives way to: the specific model, lifecycle step, retrieval or gateway named under it.
_SPECIFIC_ROLES = frozenset(
    {
        "model_inference", "training_pipeline", "evaluation", "model_registry", "deployment_controller",
        "monitoring", "safety_filter", "pii_scrubber", "human_review", "experimentation", "retrieval", "api_gateway",
    }
)
_AGENT_TITLES = frozenset({"agent", "agents"})
#: What a route of the application hands work to: the route is the application, not what it calls.
_BEHIND_A_ROUTE = frozenset({"model_inference", "data_store", "data_source", "tool_executor", "retrieval", "application", "user"})
#: Roles that are kinds of store themselves: a data noun after them does not make them plain data.
_STORES = frozenset({"data_store", "model_registry", "audit_log", "retrieval"})


def node_text(node: Node) -> str:
    return clean_label(node.label) if node.label else node.id


def head_words(node: Node) -> list[str]:
    """The words of the node's head: its first line, before a colon, outside brackets (what names it)."""
    return [t.text for t in tokenize(node_text(node), compounds=bool(node.label)) if t.in_main]


def written_head(node: Node) -> list[str]:
    """The head's words read from the label as written, where a line break ends the head ("Synthetic
    Producers<br/>Python scripts"); ``head_words`` reads the cleaned label, whose breaks are spaces."""
    return [t.text for t in tokenize(node.label or node.id, compounds=bool(node.label)) if t.in_main]


def classify_label(node: Node, vocabulary: Vocabulary) -> RoleAssignment:
    """Role from the node's own words: its label, else its ID."""
    cleaned = clean_label(node.label) if node.label else ""
    has_label = bool(cleaned) and cleaned != node.id
    attempts = []
    if has_label:
        attempts.append(("label", node.label, False))
    attempts.append(("id", node.id, has_label))
    ruled_out: set[str] = set()
    for how, text, labelled in attempts:
        tokens = tokenize(text, compounds=how == "label")
        # "Normal (non-training) runs", "non-PII fields": a negated word names what the box is not.
        tokens = [t for i, t in enumerate(tokens) if not (i > 0 and tokens[i - 1].text == "non" and tokens[i - 1].chunk == t.chunk)]
        if how == "label" and any(t.in_main and not t.code for t in tokens):
            # "State Manager<br>src/decision/llm/state.py": code in the detail says where the code lives;
            # "~166 docs/s", "1 per page": a quantity in the detail measures the box, it does not name it.
            tokens = [t for i, t in enumerate(tokens) if t.in_main or not (t.code or _after_number(tokens, i))]
        if how == attempts[0][0]:
            aside = not_a_component(node, text, tokens, vocabulary)
            if aside is not None:
                return aside
            if manager := tool_manager_head(tokens, vocabulary):
                return RoleAssignment("application", how, manager, ("tool_executor",), "the label names code that manages tools")
        matches = without_model_as_modifier(tokens, vocabulary.matches(tokens, text, for_id_of_labelled_node=labelled), vocabulary)
        matches = without_split_names(tokens, without_method_as_modifier(tokens, without_fit_as_noun(tokens, matches), vocabulary), vocabulary)
        matches = without_model_as_object(tokens, matches)
        matches = without_tool_as_managed(tokens, without_protocol_as_modifier(tokens, matches, vocabulary), vocabulary)
        matches = without_format_as_modifier(tokens, without_hyphened_qualifier(tokens, matches, vocabulary), vocabulary)
        matches = without_listed_contents(tokens, matches, text, vocabulary) if how == "label" else matches
        # What the label rules out, its ID does not bring back ("Management<br>Client", ID MgmtClient).
        ruled_out = vocabulary.ruled_out({t.text for t in tokens}) if how == "label" else ruled_out
        matches = [m for m in matches if m.synonym.role not in ruled_out] if labelled else matches
        if is_step(tokens, vocabulary):
            # "Notify customer" is no person; a name that starts with the verb is ("Open WebUI").
            matches = [m for m in matches if m.synonym.role != "user" or m.start == 0]
        if how == "label" and names_a_file(LINE_BREAK.split(text, maxsplit=1)[0], vocabulary):
            # "app/streamlit_app.py", "lib.rs: Ollama client": a file is code or data, never a person.
            matches = [m for m in matches if m.synonym.role != "user"]
        if how == attempts[0][0] and not any(m.in_main for m in matches):
            head = [t.text for t in tokens if t.in_main]
            if matches and head and head[-1] in vocabulary.words("record_heads"):
                # "Child Span<br>type: retriever", "Risk score (XGBoost)": the head names a record, and
                # the detail describes that record, not a component.
                return RoleAssignment(UNKNOWN_ROLE, "record", head[-1])
            if matches and is_step(tokens, vocabulary):
                # "Notify: review submitted", "Build: run tests": the head is a step, the rest its object (steps.py: unless it lists model training).
                return listed_training(matches) or RoleAssignment(UNKNOWN_ROLE, "step", next(t.text for t in tokens if t.in_main))
            if builder := _builder(tokens, vocabulary):
                return RoleAssignment(UNKNOWN_ROLE, "builder", builder)
            if matches and (place := _builder(tokens, vocabulary, "infrastructure_heads")) and not drawn_as_store(node):
                # "GPU Cluster<br>A100 x8" names where things run; "Milvus GPU<br>Vector Database" drawn as a
                # database is the database, running on GPUs.
                return RoleAssignment(UNKNOWN_ROLE, "infrastructure", place)
        if not matches:
            if how == "label" and (route := unnamed_route(text, vocabulary)) is not None:
                return route
            continue
        chosen, tie_rule = _choose(matches, vocabulary, tokens)
        if tie_rule is None and (lead := first_listed(chosen, text, vocabulary)) is not None:
            chosen, tie_rule = put_first(lead, chosen), "the first item of a list in the head names the box"
        elif tie_rule is None and (finder := finder_ending_head(chosen, tokens)) is not None:
            chosen, tie_rule = put_first(finder, chosen), "a search or retriever that ends the head is the retrieval a model word qualifies"
        elif tie_rule is None and (doer := doer_ending_head(chosen, tokens)) is not None:
            chosen, tie_rule = put_first(doer, chosen), "an agent noun that ends the head names the box"
        elif tie_rule is None and (alert := alert_ending_head(chosen, tokens)) is not None:
            chosen, tie_rule = put_first(alert, chosen), "an alert that ends the head is the alert a watching word qualifies"
        elif (access := access_beside_limit(chosen[0], matches)) is not None:
            chosen, tie_rule = put_first(access, chosen), "access control named beside a limit is the access control"
        elif (people := people_keep_gate(chosen[0], matches, tokens)) is not None:
            chosen, tie_rule = put_first(people, chosen), "a gate its detail says people keep is human review"
        if (act := act_led(tokens, matches, vocabulary)) is not None and act.synonym.role != chosen[0].synonym.role:
            # "Review ground truth", "Annotate documents": the act the verb names, not the data (acts.py).
            chosen, tie_rule = put_first(act, chosen), "a verb of review or privacy starts the label: the act"
        if (step := lifecycle_verb_first(chosen[0], matches, tokens, vocabulary) or lifecycle_noun_last(chosen[0], matches, tokens) or step_on_data(chosen[0], matches, tokens, vocabulary)) is not None:
            chosen, tie_rule = put_first(step, chosen), "a lifecycle verb that starts the head, or a step noun that ends it after the model, names the step"
        if (alert := alert_verb_first(chosen[0], matches, tokens)) is not None:
            chosen, tie_rule = put_first(alert, chosen), "an alert verb that starts the head, with when it fires, is the alert"
        if (step := release_word_last(chosen[0], matches, tokens)) is not None:
            chosen, tie_rule = put_first(step, chosen), "a release word that ends the head after the model releases it"
        elif (model := version_before_model(chosen[0], matches, tokens)) is not None:
            chosen, tie_rule = put_first(model, chosen), "a canary or shadow version of the model that ends the head is that model"
        if (step := tracker_step_last(chosen[0], matches, tokens, text)) is not None:
            chosen, tie_rule = put_first(step, chosen), "a step word that ends the head after a tracker names the product's feature, the step"
        winner = asked_check(node, text, chosen[0], matches, GATE_ROLES) or chosen[0]
        if (
            is_decision(node, text)
            and not (winner.synonym.role in GATE_ROLES and winner.in_main and not asks_for_people(winner, text) and not asks_if_finished(text, vocabulary))
            and not branching_code(text, winner)
        ):
            # A question is the check it asks about ("Is it safe?", "Drift detected?"), nothing else.
            return RoleAssignment(UNKNOWN_ROLE, "decision", question(text))
        if (
            winner.synonym.role in ("data_store", "data_source")
            and winner.start > 0
            and is_step(tokens, vocabulary)
            and tokens[0].text not in vocabulary.words("write_verbs")
        ):
            return RoleAssignment(UNKNOWN_ROLE, "step", winner.synonym.written)
        if winner.start > 0 and tokens[0].text in vocabulary.words("indirect_verbs") and is_step(tokens, vocabulary):
            # "Use agno agent", "Load trained model", "Route to support agent": a step that picks or
            # prepares the component it names, not that component at work.
            return RoleAssignment(UNKNOWN_ROLE, "step", winner.synonym.written)
        if winner.synonym.role in _BEHIND_A_ROUTE and how == "label" and (route := named_route(text, vocabulary)) is not None:
            return route
        if tested := code_tested(tokens, winner, vocabulary):
            # "Unit tests", "E2E test suite": tests of code, which no model evaluation gates.
            return RoleAssignment(UNKNOWN_ROLE, "code_test", tested)
        if written := format_generated(tokens, winner, vocabulary):
            # "SBOM generation", "Generate JSON report": code that writes a format or artefact, not a model at work.
            return RoleAssignment(UNKNOWN_ROLE, "format", written)
        if checked := data_checked(tokens, winner, vocabulary):
            # "Data validation", "Feature validation": checks of data on its way in, not of a model.
            return RoleAssignment(UNKNOWN_ROLE, "data_check", checked)
        if part := parsed_part(tokens, winner, vocabulary):
            # "Extract user message", "Token extractor": pulling a part out of a request is parsing.
            return RoleAssignment(UNKNOWN_ROLE, "step", f"extracts {part}")
        if (record := _record_head(tokens, matches, winner, vocabulary, "record_heads") or (winner.synonym.role == "data_store" and _record_head(tokens, matches, winner, vocabulary, "stored_records"))) and not people_act_on(tokens, winner, vocabulary):
            return RoleAssignment(UNKNOWN_ROLE, "record", record)
        if (place := _record_head(tokens, matches, winner, vocabulary, "infrastructure_heads")) and not drawn_as_store(node) and not instance_of(tokens, winner, vocabulary):
            return RoleAssignment(UNKNOWN_ROLE, "infrastructure", place)
        if maker := _record_head(tokens, matches, winner, vocabulary, "code_makers"):
            # "LLM Factory<br>src/llm/factory.py": the code that builds the clients, not the model they call.
            return RoleAssignment(UNKNOWN_ROLE, "code_maker", maker)
        if worker := named_after_data(tokens, matches, winner, vocabulary):
            if worker in participles(tuple(vocabulary.terms.get("step_verbs", ()))):
                # "Event Created", "Queue detected": what happened to the data, a state of the flow.
                return RoleAssignment(UNKNOWN_ROLE, "outcome", worker)
            # "Document Processor", "Table Parsing": a component or step named after the data it handles.
            return RoleAssignment(UNKNOWN_ROLE, "step", worker)
        if intake := data_brought_in(tokens, matches, winner, vocabulary):
            return RoleAssignment("data_source", how, intake, ("data_store",), "the label names data brought in")
        detail = not (winner.in_main and winner.whole)
        head = _data_head(tokens, matches, winner, vocabulary)
        if head is not None and first_listed([winner, head], text, vocabulary) is winner:
            head = None  # "Jaeger collector and storage": a list is named by its first item (ties.py), not its last noun
        if head is not None:
            return RoleAssignment("data_store", how, head.synonym.written, (winner.synonym.role,), "the label names data", not head.in_main)
        if caller := caller_head(tokens, winner, vocabulary):
            return RoleAssignment("application", how, caller, (winner.synonym.role,), CALLS_THE_MODEL)
        if beside := link_head(tokens, winner, vocabulary):
            return RoleAssignment(UNKNOWN_ROLE, *beside)
        if handler := handler_head(tokens, winner, vocabulary) or served_data_head(tokens, winner, vocabulary):
            return RoleAssignment("application", how, handler, (winner.synonym.role,), "the label names code that acts on the data")
        if winner.synonym.role == "human_review" and (machine := _ends_head(tokens, matches, "model_inference") or machine_reviewer(winner, matches, tokens)):
            # "Escalation classifier": a classifier that decides on escalation is a model; people review.
            return RoleAssignment("model_inference", how, machine, ("human_review",), "a machine ends the head, and people review")
        if gateway := gateway_head(tokens, matches, winner):
            return RoleAssignment("api_gateway", how, gateway, (winner.synonym.role,), "the label names a gateway in front of it")
        if access := access_head(tokens, matches, winner, vocabulary):
            return RoleAssignment("auth", how, access, (winner.synonym.role,), "the label names an access role")
        role = winner.synonym.role
        if role == "monitoring" and _is_infrastructure_only(tokens, matches, vocabulary):
            return RoleAssignment("infra_monitoring", how, winner.synonym.written + " (machine metrics only)", in_detail=detail)
        others = tuple(m.synonym.role for m in chosen[1:])
        return RoleAssignment(role, how, winner.synonym.written, others, tie_rule if others or tie_rule else None, detail)
    return RoleAssignment(UNKNOWN_ROLE, "unknown")


def _after_number(tokens: list[Token], index: int) -> bool:
    """Does a number of its own ("~166 docs/s", "1 per page"; not the 3 of "S3") stand just before?"""
    if index == 0:
        return False
    number = tokens[index - 1]
    alone = index == 1 or tokens[index - 2].chunk != number.chunk
    return number.text.isdigit() and alone and not number.in_main and number.chunk != tokens[index].chunk


def _ends_head(tokens: list[Token], matches: list[Match], role: str) -> str | None:
    """The match of ``role`` in the head that ends it ("classifier" in "Escalation Classifier")."""
    last = max((i for i, token in enumerate(tokens) if token.in_main), default=-1)
    return next((m.synonym.written for m in matches if m.synonym.role == role and m.in_main and m.start + m.covered - 1 == last), None)


def is_step(tokens: list[Token], vocabulary: Vocabulary) -> bool:
    """A label that starts with a verb is a step ("Fetch account history", "Notify customer")."""
    main = [t for t in tokens if t.in_main]
    if not main or main[0].text not in vocabulary.words("step_verbs"):
        return False
    if main[0].text in vocabulary.words("noun_verbs") and (len(main) == 1 or main[1].text not in vocabulary.words("noun_verb_links")):
        return False  # "Fallback LLM" is the LLM used as a fallback; "Fallback to GPT-4" is the step
    # The first part of one camelCase name is no verb ("ScoreRosterScraper" is a scraper).
    return not (len(main) > 1 and main[1].joined)


def _builder(tokens: list[Token], vocabulary: Vocabulary, term: str = "builders") -> str | None:
    """People and tools that build the system are not its users: developers, CLIs, scripts, notebooks;
    with ``term="infrastructure_heads"``, a head that names where things run ("Compute", "Test cluster")."""
    head = {t.text for t in tokens if t.in_main}
    return next((word for word in vocabulary.terms.get(term, ()) if word.lower() in head), None)


def drawn_as_store(node: Node) -> bool:
    """Drawn as the database symbol, whatever the label says."""
    return node.attrs.get("shape", "").lower() in STORE_SHAPES


def names_a_processor(node: Node, vocabulary: Vocabulary) -> bool:
    """A head that ends in a processor ("GPU", "A100 GPUs": `terms.processors`) names what runs things."""
    head = head_words(node)
    return bool(head) and head[-1] in vocabulary.words("processors")


def _record_head(tokens: list[Token], matches: list[Match], winner: Match, vocabulary: Vocabulary, term: str) -> str | None:
    """A phrase that ends in a record or metric noun names data about the system, not a part of it:
    "LLM span", "Chat turn", "Risk score", "latest user message". The phrase is the run of the label
    (head, brackets or detail) the winning words stand in; a phrase that ends in the winner's own role
    keeps it as written ("Quality metrics" is monitoring; "Risk score" is no scoring), and so does a person named in the head ("User message").
    The same reading sets aside places and infrastructure ("Feast Operator", "Test cluster": ``term``
    ``infrastructure_heads``) and the code that builds objects ("LLM Factory": ``code_makers``)."""
    if winner.synonym.role == "user" and winner.in_main:
        return None
    zone = (tokens[winner.start].in_parens, tokens[winner.start].in_details)
    first = winner.start
    while first > 0 and (tokens[first - 1].in_parens, tokens[first - 1].in_details) == zone:
        first -= 1
    last = winner.start
    while last + 1 < len(tokens) and (tokens[last + 1].in_parens, tokens[last + 1].in_details) == zone:
        last += 1
    while last > winner.start and (tokens[last].text.isdigit() or tokens[last].text in vocabulary.words("record_formats")):
        last -= 1  # a value or a format after the noun ("score 0", "Results JSON") does not end the phrase
    if first < last and tokens[first].text in vocabulary.words("step_verbs") and not any(m.start == first < m.start + m.covered - 1 for m in matches):
        return None  # a step acting on a record ("Translate message") is a step; "Score 0.87" the record; "OpenTelemetry Operator" a name
    if tokens[last].text not in vocabulary.words(term) or acts_on_record(tokens, winner, last, vocabulary):
        return None
    if tokens[last].text in vocabulary.words("message_parts") and last > 0 and tokens[last - 1].text in vocabulary.words("bare_messages"):
        return None  # "Request body" is the request; "Affinity cookie" a record
    role = winner.synonym.role
    if any(m.synonym.role == role and m.as_written and m.start + m.covered - 1 == last for m in matches):
        # "Quality metrics", "Prometheus metrics", "Metrics" keep the role; "Custom metrics" and "Choose
        # metrics" are the numbers themselves: only the bare record noun names the role there.
        own = [m for m in matches if m.synonym.role == role and first <= m.start <= last]
        if any(m.covered > 1 or m.start == first or m.start + m.covered - 1 != last for m in own):
            return None
    return tokens[last].text


def _data_head(tokens: list[Token], matches: list[Match], winner: Match, vocabulary: Vocabulary) -> Match | None:
    """The data_store match that ends the label's main text when the winner stands before it.

    A noun phrase names its last noun: "Fine-tune dataset", "Prediction logs" and "Expert reviews table"
    are data whatever step their first words name, as "Model training data" is (docs/roles.md). A winner that
    itself ends the phrase keeps it ("Vector database", "Audit logs"), as does one whose role another phrase
    ending it names ("Expert review queue": "review queue"), and so does a winner that is a kind
    of store itself: a table of model versions is the registry, an audit log table the audit log."""
    heads = vocabulary.terms.get("data_heads", ())
    main = [i for i, token in enumerate(tokens) if token.in_main]
    if not main or tokens[main[-1]].text not in heads or winner.synonym.role in _STORES:
        return None
    if winner.start == 0 and (act := act_led(tokens, matches, vocabulary)) is not None and act.synonym.role == winner.synonym.role:
        return None  # "Redact logs", "Review dataset": the privacy step or the review, whatever data it acts on
    last = main[-1]
    if winner.start == 0 and winner.synonym.role in ("training_pipeline", "evaluation") and any(tokens[i].text in vocabulary.words("step_links") for i in range(winner.covered, last)):
        return None  # "Fine-tune on logs", "Evaluate against the test dataset": the step, run on that data (ties.py, step_on_data)
    # "Expert review queue": a phrase of the winner's own role ("review queue") that ends the label keeps it.
    if any(m.synonym.role == winner.synonym.role and m.start + m.covered - 1 >= last for m in matches):
        return None
    return next(
        (m for m in matches if m.synonym.role == "data_store" and m.in_main and m.start + m.covered - 1 == last),
        None,
    )


def _choose(matches: list[Match], vocabulary: Vocabulary, tokens: list[Token]) -> tuple[list[Match], str | None]:
    """The winning match first, then one match per other role that tied with it on strength, and what
    broke the tie when it was not precedence."""
    best_per_role: dict[str, Match] = {}
    for match in matches:
        role = match.synonym.role
        if role not in best_per_role or vocabulary.weight(match) > vocabulary.weight(best_per_role[role]):
            best_per_role[role] = match
    ordered = sorted(best_per_role.values(), key=lambda m: (tuple(-x for x in vocabulary.weight(m)), vocabulary.rank(m.synonym.role)))
    top = vocabulary.weight(ordered[0])
    tied = [m for m in ordered if vocabulary.weight(m) == top]
    generic = vocabulary.words("generic_titles")
    specific_in_tie = [m for m in tied if m.synonym.written.lower() not in generic]
    # "Agent Orchestrator · LangGraph<br>planner · human-in-the-loop": a head that also names the application
    # by a word of its own (orchestrator, router), written as is, names the component; its detail lists what
    # it does. A message ("chat") or a word form ("ReAct" as "actions") is no such word.
    messages = vocabulary.words("person_messages")
    head_specific = any(
        m.in_main and m.synonym.role == "application" and m.strength[-1] == 1
        and (written := m.synonym.written.lower()) not in generic and written not in messages
        for m in matches
    )
    if not specific_in_tie and not head_specific:
        # "Agent<br>GPT-4o", "Pipeline (nightly fine-tuning)": a generic title gives way to the specific
        # model or lifecycle step named in its detail.
        # Every match counts here, not each role's best: "Server: mlserver" matched "serving" in the head
        # as a word form, and that must not hide the runtime named in the detail.
        specific = [
            m for m in sorted(matches, key=lambda m: (tuple(-x for x in m.strength), vocabulary.rank(m.synonym.role)))
            if not m.in_main and m.synonym.role in _SPECIFIC_ROLES and m.synonym.written.lower() not in generic
            and not generic_word_form(tokens, m, generic)
        ]
        if specific:
            return [specific[0]], f"a generic title gives way to the {specific[0].synonym.role} named under it"
    elif len(specific_in_tie) < len(tied) and any(m.synonym.role != "data_source" for m in specific_in_tie):
        # "Registry Server", "Client / ML Service": the specific word names what the generic one serves.
        loser = next(m for m in tied if m not in specific_in_tie)
        work = specific_in_tie[0]
        if loser.synonym.written.lower() in _AGENT_TITLES and work.synonym.role == "human_review" and work.start + work.covered == loser.start:
            # "Reviewer Agent", "Annotation Agent": software doing people's work ("Human agent" names people,
            # "Escalation to agent" hands the case to one).
            return [loser], f"an agent named after people's work ({work.synonym.written!r}) is software"
        return specific_in_tie, f"the generic {loser.synonym.written!r} gives way to {specific_in_tie[0].synonym.written!r}"
    if len(tied) > 1 and any(m.synonym.role == "user" for m in tied) and _only_messages(matches, top, vocabulary):
        # "User query", "Final response to user": what a person sends or receives is not a component
        # standing between them and the system, so the person is the node ("User DB" stays a store).
        tied.sort(key=lambda m: m.synonym.role != "user")
        return tied, "a person's own message is the person"
    return tied, None


def _only_messages(matches: list[Match], top: tuple, vocabulary: Vocabulary) -> bool:
    messages = vocabulary.words("person_messages")
    return all(
        m.synonym.written.lower() in messages for m in matches if vocabulary.weight(m) == top and m.synonym.role != "user"
    )


def _is_infrastructure_only(tokens, matches: list[Match], vocabulary: Vocabulary) -> bool:
    generic = vocabulary.words("generic_monitoring")
    monitoring = [m for m in matches if m.synonym.role == "monitoring"]
    if any(m.synonym.written.lower() not in generic for m in monitoring):
        return False
    return vocabulary.mentions_any(tokens, "machine_metrics") and not vocabulary.mentions_any(tokens, "model_metrics")
