"""What watches and what checks, read by the design around it (docs/roles.md, "Order").

Generic monitors (Prometheus, Grafana, traces) do not say what they watch: the design does. With nothing AI
drawn but servers they watch the servers; drawn apart from the model's own monitor, or fed by a watcher of machines, they watch the machines.
An unread check of a result after a model or retrieval, or an unread box in a group named for one, checks
the answer: an output filter. Counting what a model's calls use (tokens, cost) is part of the watching where
the design watches its model, and a screen that a monitor feeds shows what the monitor gathered.
"""

from __future__ import annotations

from collections import deque

from aidlint.model import UNKNOWN_ROLE, Design, Group
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.reading import head_words, written_head
from aidlint.roles.senses import makes_models
from aidlint.roles.vocabulary import Vocabulary, tokenize

#: A design with none of these watches servers only: its generic monitoring is infra_monitoring. A guard of
#: content (safety_filter) is drawn only where a model's input or output passes, so it counts as AI drawn.
_AI_SIDE = frozenset({"model_inference", "application", "tool_executor", "retrieval", "training_pipeline", "evaluation", "safety_filter"})
#: Watchers, and what no reading placed: a design of these alone draws no servers for monitors to watch.
_WATCHERS = frozenset({"monitoring", "infra_monitoring", "alerting", "audit_log", UNKNOWN_ROLE})


def monitors_by_design(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    generic_monitors = {node.id for node in design.nodes if _generic_monitor(node, roles[node.id], vocabulary)}
    feeders: dict[str, list[str]] = {}  # once, for the two passes below that ask what feeds a box
    for edge in design.edges:
        feeders.setdefault(edge.target, []).append(edge.source)
    _monitors_drawn_apart(design, roles, generic_monitors)
    _monitors_fed_by_machine_watchers(design, roles, generic_monitors, feeders, vocabulary)
    model_monitors = any(a.role == "monitoring" and n not in generic_monitors for n, a in roles.items())
    if not model_monitors and not any(a.role in _AI_SIDE for a in roles.values()) and any(a.role not in _WATCHERS for a in roles.values()) and not _ai_named(design, roles, vocabulary):
        # Servers drawn and nothing AI: the generic monitors watch the servers. A drawing of the monitors
        # alone (an observability stack: "OTel adapter -> Jaeger, Grafana") says nothing of what they watch,
        # and a model's own monitor drawn ("LLM tracing SDK -> OTel Collector -> ClickHouse") says the model.
        for node_id in generic_monitors:
            if roles[node_id].role == "monitoring":
                roles[node_id] = RoleAssignment("infra_monitoring", "position", "no model, application or lifecycle step drawn, so generic monitoring watches the servers")
    _usage_counted_beside_monitors(design, roles, vocabulary)
    _channels_of_watchers(design, roles, feeders, vocabulary)
    _screens_of_monitors(design, roles, vocabulary)


def _usage_counted_beside_monitors(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """In a design that watches its model, a box that counts what the calls use ("Token counter", "Cost
    tracking", "Usage accounting": a head of `terms.usage_measures` ending in `terms.metering_words`) is
    part of that watching: monitoring (the role benchmark's readers, rounds 4 to 6). Where nothing watches,
    counting spend is no monitor: round two of the design labels has a usage tracker standing in for a
    missing monitor, and "Cost tracking per tenant" of a tenancy drawing is read as no component."""
    if not any(assignment.role == "monitoring" for assignment in roles.values()):
        return
    measures, meters = vocabulary.words("usage_measures"), vocabulary.words("metering_words")
    analyses, titles = vocabulary.words("watched_analyses"), vocabulary.words("generic_titles") | vocabulary.words("engine_words")
    for node in design.nodes:
        if roles[node.id].how in ("declared", "config") or roles[node.id].role == "monitoring":
            continue
        head = head_words(node)
        if len(head) >= 2 and head[-1] in meters and all(word in measures for word in head[:-1]):
            roles[node.id] = RoleAssignment("monitoring", "position", f'"{" ".join(head)}" counts what the watched model\'s calls use')
        elif head and head[0] in analyses and all(word in titles for word in head[1:]) and _read_by_title_at_most(roles[node.id], titles):
            roles[node.id] = RoleAssignment("monitoring", "position", f'"{" ".join(head)}" analyses what the watched model\'s calls did')


def _screens_of_monitors(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """A screen (dashboard, UI, visualization: `terms.screen_words`) that a monitor feeds shows what that
    monitor gathered: it is the monitor's front, not a person's interface or an unread box ("LLM trace ->
    Dashboard", "Jaeger -> Trace UI"). Only a screen its words leave open counts: unread, or the user or
    the application by an interface word alone ("UI"); "Chat UI" and "Streamlit app" are what they say."""
    screens, interfaces = vocabulary.words("screen_words"), vocabulary.words("user_interfaces")
    monitors = ("monitoring", "infra_monitoring")
    fed_by: dict[str, set[str]] = {}
    for edge in design.edges:
        if roles.get(edge.source) is not None and roles[edge.source].role in monitors:
            fed_by.setdefault(edge.target, set()).add(roles[edge.source].role)
    for node in design.nodes:
        assignment = roles[node.id]
        if node.id not in fed_by or not screens & set(head_words(node)):
            continue
        unread = assignment.how == "unknown"
        by_interface = assignment.role in ("user", "application") and (assignment.matched or "").lower() in interfaces & screens
        if unread or by_interface:
            role = "monitoring" if "monitoring" in fed_by[node.id] else "infra_monitoring"
            roles[node.id] = RoleAssignment(role, "position", "a screen that a monitor feeds shows what it gathered")


def checks_of_the_answer(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """A box read as nothing whose head ends in a check of a result ("Verification", "Citation validator":
    `terms.check_nouns`) and that a model or retrieval reaches checks what they produced before it
    goes on: a safety filter on the output. A generic title after the check noun says what kind of box makes
    the check ("Verifier Agent", "Verification Loop": `terms.generic_titles`, `terms.agent_tails`), so such a
    box, read as nothing or as the application by that title alone, is the check too. So is an unread box
    drawn in a group named for such a check ("Contraindication Check" in a "Validation Layer"), or read there
    as a model only by what any model does ("Confidence Scorer": `terms.serving_acts`). Not in a
    design that makes models, where a check after a model is its evaluation's business, and not before any
    model (what a check there checks is a request)."""
    if makes_models(roles):
        return
    nouns = vocabulary.words("check_nouns")
    successors: dict[str, list[str]] = {}
    for edge in design.edges:
        successors.setdefault(edge.source, []).append(edge.target)
    after_answers: set[str] = set()
    queue = deque(n for n, a in roles.items() if a.role in ("model_inference", "retrieval"))
    while queue:
        for nxt in successors.get(queue.popleft(), ()):
            if nxt not in after_answers:
                after_answers.add(nxt)
                queue.append(nxt)
    check_groups = {group.id: group.label or group.id for group in design.groups if _ends_in(_group_head(group, vocabulary), nouns)}
    titles = vocabulary.words("generic_titles") | vocabulary.words("agent_tails")
    acts = vocabulary.words("serving_acts")
    for node in design.nodes:
        assignment = roles[node.id]
        titled = assignment.role == "application" and assignment.how == "label" and (assignment.matched or "").lower() in titles
        if node.id not in after_answers or not (assignment.how == "unknown" or titled or node.group in check_groups):
            continue
        # The first line is the head: "Verifier Agent<br/>Compliance Check" is an agent that verifies.
        head = written_head(node)
        while head and head[-1] in titles:
            head.pop()
        if _ends_in(head, nouns) and (assignment.how == "unknown" or titled):
            roles[node.id] = RoleAssignment("safety_filter", "position", f'"{" ".join(head[-2:])}" checks what a model or retrieval produced')
        elif node.group in check_groups and (assignment.how == "unknown" or _acts_only(assignment, acts)):
            # "Contraindication Check" in a "Validation Layer": the group names the check its parts make.
            roles[node.id] = RoleAssignment("safety_filter", "group", f'drawn in "{check_groups[node.group]}", which checks what a model or retrieval produced')


def content_gates(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """An unread box that sends content two ways, one let through ("SAFE", "Allow") and one stopped ("UNSAFE",
    "Delete", "Block": `terms.passing_verdicts`, `terms.stopping_verdicts`), by the labels of its branches or
    the boxes they lead to, gives a guard's verdict: it is the safety filter ("Ensemble Decision Logic
    -SAFE-> LLM, -UNSAFE-> Alternatives"). Pass and fail are no such verdicts: tests pass and fail too."""
    passing, stopping = vocabulary.words("passing_verdicts"), vocabulary.words("stopping_verdicts")
    nodes = {node.id: node for node in design.nodes}
    ways_out: dict[str, list[set[str]]] = {}
    for edge in design.edges:
        target = nodes.get(edge.target)
        said = {t.text for t in tokenize(edge.label or "")}
        if target is not None:
            said |= set(written_head(target))
        ways_out.setdefault(edge.source, []).append(said)
    for node in design.nodes:
        if roles[node.id].how not in ("unknown", "decision"):
            continue
        branches = ways_out.get(node.id, [])
        lets_through = any(words & passing for words in branches)
        stops = any(words & stopping and not words & passing for words in branches)
        if lets_through and stops:
            roles[node.id] = RoleAssignment("safety_filter", "position", "its branches let content through or stop it")


def _read_by_title_at_most(assignment: RoleAssignment, titles: set[str]) -> bool:
    """Unread, or the application only by a generic title ("Analytics service")."""
    titled = assignment.role == "application" and assignment.how == "label" and (assignment.matched or "").lower() in titles
    return assignment.how == "unknown" or titled


def _acts_only(assignment: RoleAssignment, acts: set[str]) -> bool:
    """A model read only from a word for what any model does ("Confidence Scorer": scoring)."""
    return assignment.role == "model_inference" and assignment.how == "label" and (assignment.matched or "").lower() in acts


def _ends_in(head: list[str], nouns: set[str]) -> bool:
    return bool(head) and head[-1] in nouns


def _group_head(group: Group, vocabulary: Vocabulary) -> list[str]:
    """The words of a group's head without its structural tail ("Validation Layer" is a validation)."""
    head = [t.text for t in tokenize(group.label or group.id, compounds=group.label is not None) if t.in_main]
    tails = vocabulary.words("group_tails")
    while head and head[-1] in tails:
        head.pop()
    return head


def _generic_monitor(node, assignment: RoleAssignment, vocabulary: Vocabulary) -> bool:
    """Monitoring read from generic words only (Prometheus, Grafana, traces, metrics: `terms.generic_monitoring`)
    and no model metric: what it watches is not in its words. Model words ("drift", "LLM observability") say it."""
    if assignment.role != "monitoring" or assignment.how not in ("label", "id"):
        return False
    generic = vocabulary.words("generic_monitoring")
    text = node.label if assignment.how == "label" else node.id
    tokens = tokenize(text, compounds=assignment.how == "label")
    found = [m for m in vocabulary.matches(tokens, text) if m.synonym.role == "monitoring"]
    return all(m.synonym.written.lower() in generic for m in found) and not vocabulary.mentions_any(tokens, "model_metrics")


def _monitors_drawn_apart(design: Design, roles: dict[str, RoleAssignment], generic: set[str]) -> None:
    """A design that watches its model with a monitor of its own ("Model Monitoring", "Drift detection") and
    draws generic monitors apart, linked to nothing but one another and alerts ("OpenTelemetry", "Jaeger
    Tracing"), keeps those for the machines: infra_monitoring. A generic monitor linked to any other box
    is left to its words (the role benchmark's held-out split lost a node when the boxes it watched decided)."""
    model_monitors = {n for n, a in roles.items() if a.role == "monitoring" and n not in generic}
    if not model_monitors or not generic:
        return
    watching = {"monitoring", "infra_monitoring", "alerting"}
    neighbours: dict[str, list[str]] = {}
    for edge in design.edges:
        neighbours.setdefault(edge.source, []).append(edge.target)
        neighbours.setdefault(edge.target, []).append(edge.source)
    apart: dict[str, bool] = {}
    for start in generic:
        if start in apart:
            continue
        chain, linked_to_others, queue = {start}, False, deque([start])
        while queue:
            for other in neighbours.get(queue.popleft(), ()):
                if other in chain:
                    continue
                if roles[other].role in watching:
                    chain.add(other)
                    queue.append(other)
                else:
                    linked_to_others = True
        for node_id in chain:
            apart[node_id] = not linked_to_others and not chain & model_monitors
    for node_id in generic:
        if apart[node_id] and roles[node_id].role == "monitoring":
            roles[node_id] = RoleAssignment("infra_monitoring", "position", "a generic monitor drawn apart from the model's own monitor watches the machines")


def _monitors_fed_by_machine_watchers(
    design: Design, roles: dict[str, RoleAssignment], generic: set[str], feeders: dict[str, list[str]], vocabulary: Vocabulary
) -> None:
    """A generic monitor that a watcher of machines feeds ("Node Exporter -> Prometheus -> Grafana", "cAdvisor",
    "DCGM": infra_monitoring by its words) gathers machine metrics: infra_monitoring, and so do the generic
    monitors it feeds in turn. Not where a model, or a monitor naming what a model does (`terms.model_metrics`),
    feeds it as well: then it watches both, and its words keep it."""
    successors: dict[str, list[str]] = {}
    for edge in design.edges:
        successors.setdefault(edge.source, []).append(edge.target)
    machine = {n for n, a in roles.items() if a.role == "infra_monitoring" and a.how in ("label", "id")}
    nodes = {node.id: node for node in design.nodes}
    model_side = {n for n, a in roles.items() if a.role == "model_inference" or (a.role == "monitoring" and _names_the_model(nodes[n], vocabulary))}
    queue = deque(machine)
    reached: set[str] = set()
    while queue:  # along the arrows, each node reached once: linear in nodes plus edges
        for node_id in successors.get(queue.popleft(), ()):
            if node_id in generic and node_id not in reached and not model_side.intersection(feeders[node_id]):
                reached.add(node_id)
                queue.append(node_id)
    for node_id in reached:
        if roles[node_id].role == "monitoring":
            roles[node_id] = RoleAssignment("infra_monitoring", "position", "a watcher of machines feeds it: it gathers machine metrics")


def _names_the_model(node, vocabulary: Vocabulary) -> bool:
    return vocabulary.mentions_any(tokenize(node.label or node.id), "model_metrics")


def _channels_of_watchers(design: Design, roles: dict[str, RoleAssignment], feeders: dict[str, list[str]], vocabulary: Vocabulary) -> None:
    """A messaging channel (Slack, Teams, email, SMS: `terms.alert_channels`) that only watchers feed
    ("Alertmanager -> Slack webhook", "Drift monitor -> Email") is where they alert the people on call: the
    alerting, not a person's chat app (the labelling guidelines: alerts, pagers). Read as the user by the
    channel's name alone, or unread; a channel that anything else feeds keeps its reading. So is an unread
    notice that only watchers send ("Drift monitor -> Notify team": notify, notification: `terms.notice_words`);
    a notification elsewhere tells people of the product's work and stays open."""
    channels, notices = vocabulary.words("alert_channels"), vocabulary.words("notice_words")
    watchers = ("monitoring", "infra_monitoring", "alerting")
    for node in design.nodes:
        assignment, fed = roles[node.id], feeders.get(node.id, [])
        if not fed or not all(roles[f].role in watchers for f in fed if f in roles):
            continue
        named = assignment.role == "user" and assignment.how == "label" and (assignment.matched or "").lower() in channels
        unread = assignment.how == "unknown" and bool((channels | notices) & set(head_words(node)))
        if named or unread:
            roles[node.id] = RoleAssignment("alerting", "position", "a channel only watchers feed is where they alert")


def _ai_named(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> bool:
    """A box whose words name an LLM or an agent (`terms.watched_ai`), whatever it was read as ("Demo FastAPI
    agent app handles requests and emits spans", read as a record; "Trace · agent.invoke span"): the design
    draws AI to watch. A watcher's own words ("Datadog Agent", "Zabbix agent") and a place where things run
    ("Jenkins agent") name no such AI. "Model" is left out: a feature store serves models it does not draw."""
    return any(
        roles[node.id].role not in _WATCHERS - {UNKNOWN_ROLE} and roles[node.id].how != "infrastructure"
        and vocabulary.mentions_any(tokenize(node.label or node.id), "watched_ai")
        for node in design.nodes
    )
