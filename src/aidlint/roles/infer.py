"""Give every node of a design a role, and remember why and how strongly (``aidlint roles`` shows it).

Order (docs/roles.md): a declaration; configuration; the node's own words (reading.py); then what the
drawing around the node says, weakest evidence last: interfaces and messages at the ends of the flow,
documents where it starts, the position of an unqualified registry or a registration step, released
models (with no model drawn, the serving box a release step feeds runs it), traffic splits (a router
between versions of a model is the experiment), the group a box is drawn in (groups.py), checks of an
answer, "an agent with no model", and generic monitors by the design (watching.py);
check words ("validate", "evaluator") are read by the design they are in first (senses.py);
else ``unknown``. Arrow labels give no node a role: they name what the arrow does.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import replace

from aidlint.model import ROLES, UNKNOWN_ROLE, Design, Node
from aidlint.roles.asides import BRACKETED, FUNCTION_NAME, LINE_BREAK
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.business import systems_agents_act_on
from aidlint.roles.calls import methods_of_the_product
from aidlint.roles.executing import running_what_the_model_wrote
from aidlint.roles.frameworks import framework_serving
from aidlint.roles.ends import acts_on_message, label_words, names_code, people_at_the_ends, person_by_message
from aidlint.roles.groups import CALLED_SERVICES, roles_from_groups
from aidlint.roles.parts import listed_parts
from aidlint.roles.lifecycle import development_by_position, forward, from_words, registry_by_position, released_models
from aidlint.roles.senses import checks_outside_lifecycle
from aidlint.roles.serverkind import tool_server_by_kind
from aidlint.roles.serving import apis_beside_models, gateways_by_what_they_front, tools_behind_tool_callers, traffic_splits
from aidlint.roles.heads import CALLS_THE_MODEL
from aidlint.roles.reading import classify_label, drawn_as_store, head_words, names_a_processor, node_text, written_head
from aidlint.roles.verdicts import questions_on_a_verdict
from aidlint.roles.watching import checks_of_the_answer, content_gates, monitors_by_design
from aidlint.roles.vocabulary import Vocabulary, load_vocabulary, tokenize, word_forms

#: A step named as a function: snake_case ("process_pdf_task", "handle_event()") or a called camelCase name.
_CODE_FUNCTION = re.compile(r"^([a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\(\))?|[a-z]+[A-Z]\w*\(\))(?:$|\\n|<br)")

__all__ = ["RoleAssignment", "assign_roles", "classify_label", "is_known_role", "node_text"]

#: One CamelCase name of a class ("MemoManager", "TurnExecutionPipeline"): its last part is the noun it ends in.
_CODE_CLASS = re.compile(r"^[A-Z][A-Za-z0-9]*[a-z0-9]([A-Z][a-z]+)$")

#: Nouns of a component that a message word may name ("Request ID Middleware", "Knowledge query service",
#: "ChatPipeline"): the component, not the message.
#: A program named after what it handles ends in one as well ("Chat Backend", "Query API").
_COMPONENT_NOUNS = frozenset({"engine", "engines", "queue", "queues", "middleware", "service", "services", "pipeline", "pipelines", "module", "modules",
                              "backend", "backends", "api", "apis", "server", "servers", "app", "apps", "endpoint", "endpoints"})
_PROGRAM_SURFACES = frozenset({"api", "apis", "endpoint", "endpoints", "cli", "service", "services", "server", "servers", "app"})


def assign_roles(design: Design, vocabulary: Vocabulary | None = None) -> dict[str, RoleAssignment]:
    vocabulary = vocabulary or load_vocabulary()
    roles: dict[str, RoleAssignment] = {}
    by_label: dict[tuple, RoleAssignment] = {}  # designs repeat labels (A, B, "Model" in every fence)
    for node in design.nodes:
        override = next((o for o in vocabulary.overrides if o.matches(node.id, node.label)), None)
        if node.role:
            # A class that names the role declared it, unless an `aidlint: role` comment declared another since.
            by_class = node.role_class if node.role_class == node.role else None
            roles[node.id] = RoleAssignment(node.role, "declared", by_class)
        elif override is not None:
            roles[node.id] = RoleAssignment(override.role, "config", f"id {override.id}" if override.id else f"label /{override.label}/")
        elif node.label and (known := by_label.get((node.label, node.attrs.get("shape")))) is not None:
            roles[node.id] = known
        else:
            roles[node.id] = tool_server_by_kind(node, framework_serving(node, _product_in_detail(classify_label(node, vocabulary), vocabulary), vocabulary), vocabulary)
            if node.label and roles[node.id].how in ("label", "absent", "legend"):  # decided by the label alone
                by_label[(node.label, node.attrs.get("shape"))] = roles[node.id]

    checks_outside_lifecycle(design, roles, vocabulary)
    _interfaces_at_the_ends(design, roles, vocabulary)
    _messages_and_sources_by_position(design, roles, vocabulary)
    people_at_the_ends(design, roles, vocabulary)
    registry_by_position(design, roles, vocabulary)
    development_by_position(design, roles, vocabulary)
    apis_beside_models(design, roles, vocabulary)
    released = released_models(design, roles, vocabulary)
    traffic_splits(design, roles, vocabulary)
    _called_by_tools(design, roles, vocabulary)
    running_what_the_model_wrote(design, roles, vocabulary)
    roles_from_groups(design, roles, vocabulary)
    checks_of_the_answer(design, roles, vocabulary)
    content_gates(design, roles, vocabulary)
    questions_on_a_verdict(design, roles, vocabulary)
    _read_by_symbol(design, roles, vocabulary)
    gateways_by_what_they_front(design, roles, vocabulary)
    tools_behind_tool_callers(design, roles, vocabulary)
    _functions_of_the_product(design, roles)
    _classes_of_the_product(design, roles, vocabulary)
    model_drawn = any(a.role == "model_inference" for a in roles.values())
    for node in design.nodes:
        assignment = roles[node.id]
        if _may_be_agent(assignment) and _is_agent(node, vocabulary, acting_only=model_drawn or assignment.how == "record"):
            roles[node.id] = RoleAssignment("model_inference", "agent", assignment.matched)
    systems_agents_act_on(design, roles, vocabulary)
    methods_of_the_product(design, roles)
    monitors_by_design(design, roles, vocabulary)
    for node_id, reading in released.items():
        # Every pass above took the box for the model it serves; shown, it is what its words say, and the
        # rules read it as that model (assignment.for_the_rules).
        if roles[node_id].how == "structure" and roles[node_id].role == "model_inference":
            roles[node_id] = replace(reading, serves=roles[node_id].matched)
    listed_parts(design, roles, vocabulary)
    return roles


def _product_in_detail(assignment: RoleAssignment, vocabulary: Vocabulary) -> RoleAssignment:
    """"Nurse Dashboard<br/>React/TypeScript", "Meeting Detected<br/>Teams · Zoom": a product or device of user
    interfaces (`terms.user_products`) named only in the detail says what the box is built with or where its
    input comes from, not that it is the person's end (benchmarks/data/roles/README.md: "product names in the
    detail do not change the head's role"). The drawing around it may still give it a role."""
    if assignment.role == "user" and assignment.in_detail and (assignment.matched or "").lower() in vocabulary.words("user_products"):
        return RoleAssignment(UNKNOWN_ROLE, "unknown")
    return assignment


def _functions_of_the_product(design: Design, roles: dict[str, RoleAssignment]) -> None:
    """"handle_event()", "process_pdf_task": a step written as a function is the product's code at work;
    what only tools call is one of their operations ("Tools -> delete_record")."""
    callers: dict[str, set[str]] = {}
    for edge in design.edges:
        callers.setdefault(edge.target, set()).add(roles[edge.source].role)
    for node in design.nodes:
        if roles[node.id].how == "step" and callers.get(node.id, set()) != {"tool_executor"} and (name := _CODE_FUNCTION.match(node_text(node))):
            roles[node.id] = RoleAssignment("application", "label", name.group(1), tie_rule="a step written as a function of the product's code")


def _classes_of_the_product(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """"MemoManager", "ComponentFactory", "RetryController<br>picks a new strategy": a box whose name is one
    CamelCase class ending in a control noun (`terms.code_class_tails`) is a class of the product's own code,
    the application, where neither its words nor the drawing gave it a role. Only a label counts (IDs are
    CamelCase by habit); processing nouns ("SentenceSplitter") are generic steps and stay out of the list."""
    tails = vocabulary.words("code_class_tails")
    for node in design.nodes:
        if roles[node.id].how != "unknown" or not node.label:
            continue
        first = BRACKETED.sub(" ", LINE_BREAK.split(node.label, maxsplit=1)[0]).strip()
        if (name := _CODE_CLASS.match(first)) and name.group(1).lower() in tails:
            roles[node.id] = RoleAssignment("application", "label", name.group(1).lower(), tie_rule="a class of the product's code")


def _read_by_symbol(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """A box drawn as a database ("[(User Sessions)]", shape=cylinder) that neither its words nor its place
    in the drawing gave a role is a store, and a sequence diagram's actor a person: the symbol says what the
    words leave open. A processor ("[(GPU)]":
    `terms.processors`) runs things whatever symbol it is drawn with."""
    for node in design.nodes:
        if roles[node.id].how == "unknown" and drawn_as_store(node) and not names_a_processor(node, vocabulary):
            roles[node.id] = RoleAssignment("data_store", "shape", node.attrs["shape"])
        elif roles[node.id].how == "unknown" and node.attrs.get("participant") == "actor":
            # A sequence diagram's actor is drawn as a stick figure: a person, whatever its name ("Policy holder").
            roles[node.id] = RoleAssignment("user", "actor", "actor")


def _may_be_agent(assignment: RoleAssignment) -> bool:
    """An agent's own words read as the application, a tool it drives ("Agent calls tool") or nothing."""
    if assignment.how in ("label", "id"):
        return assignment.role in ("application", "tool_executor")
    # "Triage agent sends summary": the record a sentence ends in is what the agent acts on (the loop asks for the act).
    return assignment.how in ("unknown", "record")


def _is_agent(node, vocabulary: Vocabulary, acting_only: bool = False) -> bool:
    """The main text ends in an agent ("AI agent", "Agent loop"), or the head's subject is an agent that acts
    ("Coding agent writes the app", "Agent calls tool"): a verb right after the agent word."""
    # The ending is the head's ("Agent Loader<br>discover_agents()" ends in a loader); the act may run on
    # past a line break ("Orchestrator Agent<br>Validates input").
    main = written_head(node)
    tokens = tokenize(node_text(node))
    agents = set(vocabulary.terms.get("agent_words", ()))
    tails = set(vocabulary.terms.get("agent_tails", ()))
    while len(main) > 1 and (main[-1].isdigit() or main[-1].lower() == "n"):
        # "Agent 1: Assessment", "Worker agent 2": a numbered agent is still an agent, and so is the last of
        # a drawn series, "AI Agent N" after "AI Agent 1", "AI Agent 2"
        main = main[:-1]
    if main and main[-1] in tails:
        main = main[:-1]
    if main and main[-1] in agents and not acting_only:
        return True
    head = [t.text for t in tokens if t.in_main]
    verbs = set(vocabulary.terms.get("step_verbs", ()))
    return any(word in agents and _third_person(following, verbs) for word, following in zip(head, head[1:]))


def _third_person(word: str, verbs: set[str]) -> bool:
    """"writes", "calls", "processes": a verb of ``verbs`` as an agent's act."""
    return word.endswith("s") and (word[:-1] in verbs or (word.endswith("es") and word[:-2] in verbs))


def _interfaces_at_the_ends(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """People are only ever where a flow starts or ends. A label that names a user interface (UI, app,
    frontend, browser...) is the person's end of the drawing only there: where the flow reaches it from a
    start of its own (a person, a source) and goes on, or where only gateways feed it (the frontend a load
    balancer or CDN serves), it is part of the application; where it ties with another role
    at an end ("Sensors & UI", "TTS & UI display"), it is the person's end."""
    interfaces = vocabulary.words("user_interfaces")
    if not interfaces:
        return
    targets = {edge.target for edge in design.edges}
    sources = {edge.source for edge in design.edges}
    feeders: dict[str, set[str]] = {}
    for edge in design.edges:
        feeders.setdefault(edge.target, set()).add(edge.source)
    mid_flow = _reached_from_starts(design, targets)
    for node in design.nodes:
        assignment = roles[node.id]
        if not from_words(assignment):
            continue
        if assignment.role == "user" and ((assignment.matched or "").lower() in interfaces or _persons_interface(node, vocabulary)):
            if node.id in mid_flow and not _answered_back(node.id, feeders, design) and (node.id in sources or _served_by_gateways(feeders.get(node.id, set()), roles)):
                # "Customer -> Web UI -> API"; "Browser -> ALB -> Frontend (Next.js)": the frontend a gateway
                # serves to the person is the product's, even where the drawing stops at it.
                roles[node.id] = RoleAssignment("application", "interface", assignment.matched)
            continue
        if assignment.tie_rule == CALLS_THE_MODEL and (assignment.matched or "").lower() in vocabulary.words("program_callers"):
            if node.id in sources and node.id not in targets:
                # "OpenAI client", "OpenAI SDK / curl" where the flow starts: the program someone calls the
                # service with, so the person's end; in the middle it is the application's calling code.
                roles[node.id] = RoleAssignment("user", "interface", assignment.matched, ("application",))
            continue
        if "user" not in assignment.ambiguous_with or (node.id in targets) == (node.id in sources):
            continue  # no tie with a person, or a conduit, or not connected at all
        if assignment.role == "tool_executor" and (head := head_words(node)) and head[-1] in vocabulary.words("tool_heads"):
            continue  # "Slack Tool", "Gmail tools": the tool ends the head; the channel is what it acts on
        if assignment.role == "alerting":
            continue  # "Slack #ml-alerts": an alert sent to a chat app is the alert, as a "Slack alert" is
        text = node.label if assignment.how == "label" else node.id
        matches = vocabulary.matches(tokenize(text, compounds=assignment.how == "label"), text, for_id_of_labelled_node=assignment.how == "id" and bool(node.label))
        top = max(m.strength for m in matches)
        interface = next(
            (m for m in matches if m.strength == top and m.synonym.role == "user" and m.synonym.written.lower() in interfaces),
            None,
        )
        if interface is not None:
            others = (assignment.role,) + tuple(r for r in assignment.ambiguous_with if r != "user")
            roles[node.id] = RoleAssignment("user", "interface", interface.synonym.written, others)


def _answered_back(node_id: str, feeders: dict[str, set[str]], design: Design) -> bool:
    """"Slack -> Bot API -> Slack": an interface fed only by what it feeds gets the answer drawn back to it,
    so the flow starts there, as a message drawn back does (roles/ends.py, "Question -> API -> Question")."""
    fed_by = feeders.get(node_id, set())
    return bool(fed_by) and fed_by <= {edge.target for edge in design.edges if edge.source == node_id}


def _persons_interface(node: Node, vocabulary: Vocabulary) -> bool:
    """"Customer portal", "Patient app", "Employee UI": a person's word before an interface noun
    (`terms.interface_nouns`) names the interface that person uses, read by its place as any interface is."""
    head = written_head(node)
    return len(head) > 1 and head[-1].lower() in vocabulary.words("interface_nouns")


def _served_by_gateways(feeders: set[str], roles: dict[str, RoleAssignment]) -> bool:
    """Is the node fed, and fed only by gateways (load balancers, CDNs, ingress, reverse proxies)?"""
    return bool(feeders) and all(roles[feeder].role == "api_gateway" for feeder in feeders)


def _reached_from_starts(design: Design, targets: set[str]) -> set[str]:
    """Nodes reached, one edge or more, from a node that nothing feeds (where a flow starts)."""
    successors: dict[str, list[str]] = {}
    for edge in design.edges:
        successors.setdefault(edge.source, []).append(edge.target)
    starts = [n.id for n in design.nodes if n.id not in targets and n.id in successors]
    return forward(successors, starts)


def _messages_and_sources_by_position(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """What a person sends or receives ("Query", "Final Answer", "Response") is the person where the flow
    starts or ends, and a record in the middle of it. Documents, files or datasets where a flow starts are
    data entering the system (data_source), not a store it keeps, and so is what a generator there makes."""
    messages = vocabulary.words("person_messages")
    entering = vocabulary.words("source_nouns")
    targets = {edge.target for edge in design.edges}
    sources = {edge.source for edge in design.edges}
    connected = targets | sources  # once: a union per node made `aidlint roles` quadratic
    for node in design.nodes:
        assignment = roles[node.id]
        if not from_words(assignment) or node.id not in connected:
            continue
        matched = (assignment.matched or "").lower()
        if assignment.role == "application" and matched in messages and names_code(head := head_words(node), vocabulary):
            # "Git pull request", "Merge request": a change to code, not a person's message.
            roles[node.id] = RoleAssignment(UNKNOWN_ROLE, "code_change", " ".join(head))
        elif assignment.role == "application" and matched in messages and _message_ends_head(node, matched):
            if node.id in targets and node.id not in sources and acts_on_message(node, head, vocabulary):
                # "Compare independent responses" where the flow ends: a step on the answer (roles/ends.py).
                roles[node.id] = RoleAssignment(UNKNOWN_ROLE, "step", head[0])
            elif (node.id in targets) != (node.id in sources) and not set(head) & vocabulary.words("reference_words"):  # at an end
                roles[node.id] = person_by_message(label_words(node), assignment.matched, vocabulary)
            else:
                roles[node.id] = RoleAssignment(UNKNOWN_ROLE, "message", assignment.matched)
        elif assignment.role == "data_store" and matched in entering and node.id not in targets:
            roles[node.id] = RoleAssignment("data_source", "source", assignment.matched)
    producers = vocabulary.words("data_makers")
    for node in design.nodes:
        # "Jira data", "Real-time data": unread words ending in a content noun where a flow starts.
        if roles[node.id].how != "unknown" or node.id in targets or node.id not in sources:
            continue
        head = head_words(node)
        if head and head[-1] in entering:
            roles[node.id] = RoleAssignment("data_source", "source", head[-1])
        elif (first := written_head(node)) and first[-1] in producers:
            # "Synthetic Producers<br/>Python scripts", "Cycle-level replay": what produces or replays the data.
            roles[node.id] = RoleAssignment("data_source", "source", first[-1])
    makers = vocabulary.words("generate_words")
    for node in design.nodes:
        # "Prompt Generator", "Synthetic catalog generator": a generator that nothing drawn feeds makes the
        # data the flow starts with; "Generate Community Reports" is a step, and "GPT generator" the model.
        assignment = roles[node.id]
        if node.id in targets or node.id not in sources or assignment.how != "label" or assignment.role != "model_inference":
            continue
        head = head_words(node)
        if head and head[-1] in makers and head[0] not in makers and (assignment.matched or "").lower() in makers:
            roles[node.id] = RoleAssignment("data_source", "source", head[-1])

def _message_ends_head(node, matched: str) -> bool:
    """"Query", "Final answer": the message is the phrase; "Prompt engine" and "Response parser" are components
    named after one. The head is the label's first line ("Prompt Engine<br>Advanced prompts" ends in "engine")."""
    head = written_head(node)
    if matched == "chat" and {word.lower() for word in head} & _PROGRAM_SURFACES:
        # "Chat API", "CLI Chat": a chat is also the program that holds it; beside a word for a program
        # it is that program ("API upload" stays what a person sends).
        return False
    if not head or head[-1] in word_forms(matched):
        return True
    last = head[-1]
    # A component noun ends it: an agent noun ("Response parser", "Prompt formatter") or an engine, queue;
    # so does the act of a step on the message ("Prompt construction", "Response formatting").
    component = len(last) > 4 and last.endswith(("er", "or")) or last in _COMPONENT_NOUNS
    return not (component or len(last) > 5 and last.endswith(("tion", "ing", "ment")))


def _manages_tools(node: Node, vocabulary: Vocabulary) -> bool:
    """Does the head name tools and then what is done with them ("Tool Routing Service", "Tool Selection
    API": `terms.managed_words`, then `terms.tool_managers` or `terms.managing_nouns`)?"""
    head = written_head(node)
    managing = vocabulary.words("tool_managers") | vocabulary.words("managing_nouns")
    return any(word in vocabulary.words("managed_words") and following in managing for word, following in zip(head, head[1:]))


def _called_by_tools(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """An API or service that tools call is the outside system those tools act on: part of the tool
    ("Jira tools -> Jira API -> ..."), not the product's own application, even where the application's
    own code or an unread box calls it too ("Slack features -> Jira API client"); what a person or a model
    also calls stays the application. Nodes it feeds that way follow, and so do unread functions only tools
    call."""
    predecessors: dict[str, set[str]] = {}
    successors: dict[str, list[str]] = {}
    for edge in design.edges:
        predecessors.setdefault(edge.target, set()).add(edge.source)
        successors.setdefault(edge.source, []).append(edge.target)
    nodes = {node.id: node for node in design.nodes}
    queue = deque(n for n, a in roles.items() if a.role == "tool_executor")
    while queue:
        for node_id in successors.get(queue.popleft(), ()):
            assignment = roles[node_id]
            if assignment.role != "application" or assignment.how not in ("label", "id", "interface"):
                continue
            if (assignment.matched or "").lower() not in CALLED_SERVICES:
                continue  # "Response formatter" after the tools is the application's own step
            if _manages_tools(nodes[node_id], vocabulary):
                continue  # "Tool Routing Service" picks the tools to run: the application's code, whoever calls it
            if all(roles[p].role in ("tool_executor", "application", UNKNOWN_ROLE) for p in predecessors[node_id]):
                roles[node_id] = RoleAssignment("tool_executor", "position", "an API or service that tools call is what they act on")
                queue.append(node_id)
    for node in design.nodes:
        # "Jira Data -> Jira API Client -> Jira Tools": the arrows drawn the way the data comes back, an API
        # client that feeds only tools and is fed by data alone is what those tools call.
        assignment, after, before = roles[node.id], successors.get(node.id, []), predecessors.get(node.id, set())
        if assignment.role == "application" and assignment.how in ("label", "id", "interface") and (assignment.matched or "").lower() in CALLED_SERVICES:
            if after and before and all(roles[n].role == "tool_executor" for n in after) and all(roles[p].role in ("data_source", "data_store") for p in before) and not _manages_tools(node, vocabulary):
                roles[node.id] = RoleAssignment("tool_executor", "position", "an API client that feeds only tools is what they call")
    for node in design.nodes:
        # "tools -> add_todo", "MCP server -> getWeather": a function that only tools call is one of the
        # operations they offer. A named box ("Process Results", "Tool List") may be their output instead.
        if roles[node.id].how == "unknown" and FUNCTION_NAME.fullmatch(node.label or node.id) and node.id in predecessors:
            if all(roles[p].role == "tool_executor" for p in predecessors[node.id]):
                roles[node.id] = RoleAssignment("tool_executor", "position", "a function that only tools call is one of their operations")


def is_known_role(role: str) -> bool:
    return role in ROLES
