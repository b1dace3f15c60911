"""The group a box is drawn in (docs/roles.md, "Order": the group around a box).

A reader who cannot place a box by its own words reads the group it is drawn in: "Consent Checker" in a
"Safety Layer" is a safety check, "Write Path" in a "Feature Store" is part of the store. Only boxes
whose words matched nothing, or named the application only by a generic title or a route ("Domain Server
A" in "MCP Servers"), take their group's role, and only from a group whose name is that role: the
role's words end the group's head ("Retrieval Layer", "Feature Store"), not a modifier of something else
("Queue-Based Scaling", "Memory Types", "Document Processing"), and not a generic title ("Jenkins
Server", "Agent Orchestrator"), nor a release arrangement ("Build & Deployment" holds containers and
Compose files, "Traffic Split" the variants it splits between). People are not read from groups (a "Users" group holds test tools and
admins as often as users), nor models (a model's group holds its parts) nor the application (its group
holds its code: state, schemas), and a box whose label holds a number is a figure about its group ("150-200
chunks/s"), not a member, as a box of dots ("...") stands for more of the same. A gateway's group holds the
gateway: what routes in it is the edge, the rest the gateway's own code.
"""

from __future__ import annotations

from aidlint.model import UNKNOWN_ROLE, Design, Group, Node
from aidlint.roles.asides import FUNCTION_NAME
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.reading import classify_label, head_words
from aidlint.roles.senses import is_lifecycle_check, makes_models
from aidlint.roles.vocabulary import Vocabulary, tokenize

#: Words naming an outside API or service (infer.py: what only tools call is part of the tool; here: an API
#: where the flow starts in a "Data Sources" group is where data enters).
CALLED_SERVICES = frozenset({"api", "rest api", "api endpoint", "endpoint", "client", "service", "server", "web service"})


def roles_from_groups(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    if not design.groups:
        return
    groups = {group.id: group for group in design.groups}
    read: dict[str, RoleAssignment | None] = {}
    lifecycle = makes_models(roles)

    def group_role(group_id: str | None) -> RoleAssignment | None:
        # The innermost group that names a role decides: a "Tools" group inside "Backend" names the tools.
        seen = set()
        while group_id is not None and group_id in groups and group_id not in seen:
            seen.add(group_id)
            if group_id not in read:
                named = _named_role(groups[group_id], vocabulary)
                if named is not None and not lifecycle and is_lifecycle_check(named, groups[group_id].label or group_id, vocabulary):
                    named = None  # a "Validation Layer" of a serving flow checks requests, not models
                read[group_id] = named
            if read[group_id] is not None:
                return read[group_id]
            group_id = groups[group_id].parent
        return None

    serving: dict[str, bool] = {}

    def server_group(group_id: str) -> bool:
        # Read once per group, not once per member.
        if group_id not in serving:
            serving[group_id] = _serves_the_product(groups[group_id], vocabulary)
        return serving[group_id]

    fed = {edge.target for edge in design.edges}
    starts = {edge.source for edge in design.edges} - fed
    for node in design.nodes:
        assignment = roles[node.id]
        if node.group is None or any(c.isdigit() for c in node.label or node.id):
            continue
        if node.label is not None and not any(c.isalpha() for c in node.label):
            continue  # "...", "…": a placeholder for more of the same, no member of the group
        # "Hydra-zen Config" in a "Training Layer", "Policy YAML mount" in the API's container: the settings of
        # the group's code, no member of its role (benchmarks/data/roles/README.md: a file or its settings is
        # no component), unless the group is a store, which keeps files ("kpis.json" in "Artifacts").
        settings = _names_settings(node, vocabulary)
        titled = _titled_only(assignment, vocabulary)
        function = assignment.how in ("label", "id", "step") and FUNCTION_NAME.fullmatch(node.label or node.id) is not None
        served = _names_what_is_served(assignment)
        if _classifies(assignment) and (group_role(node.group) or assignment).role == "safety_filter":
            # "Intent Classification" in an "Input Guard": what a guard's layer classifies, it classifies for
            # the guard, as a toxicity classifier does (benchmarks/data/roles/README.md, `safety_filter`).
            roles[node.id] = RoleAssignment(
                "safety_filter", "group", f'a classification drawn in the guard "{groups[node.group].label or node.group}"'
            )
            continue
        # Its own words decide, unless they named nothing, only a title or a function, or a source where the
        # flow starts; what names a search, a source or a message may yet be one of a group's MCP servers.
        own_words = assignment.how != "unknown" and not titled and not function and not (node.id in starts and _may_be_a_source(assignment))
        delivered = assignment.role == "user" and assignment.how == "position"
        if own_words and not served and not delivered:
            continue
        found = group_role(node.group)
        if delivered and found is not None and found.role == "tool_executor":
            # "Send Email", "Post to Slack" drawn among an agent's "Tools" where the flow ends: one of the tools
            # that act, not the person's end its place alone made it (roles/ends.py).
            titled, own_words = True, False
        elif delivered:
            continue
        if served and found is not None and found.role == "tool_executor" and (found.matched or "").lower().startswith("mcp"):
            # "Web Search", "Cust Query", "IoT Adapter" among "MCP Servers": each is a server an agent acts
            # through, named for what it serves (a search, a query, a device), not that search or source.
            titled = True
        elif own_words:
            continue
        if found is None and assignment.how == "unknown" and not settings and server_group(node.group):
            roles[node.id] = RoleAssignment("application", "group", f'drawn in the web server "{groups[node.group].label or node.group}"')
            continue
        if function and not titled and found is not None and found.role == "tool_executor":
            # "schema_search", "write_to_online_store" among "MCP servers": a function the tools offer, whose
            # words name what it acts on.
            titled = True
        if found is None or (assignment.how != "unknown" and not titled and found.role != "data_source"):
            continue
        if settings and found.role != "data_store":
            continue
        group = groups[node.group]
        role = found.role
        if role == "api_gateway" and not _routes(node, vocabulary):
            # "Metadata Manager" in an "MCP Gateway": the gateway's own code, drawn among its parts; only
            # what routes ("Transport Router") is the edge itself.
            role = "application"
        roles[node.id] = RoleAssignment(
            role, "group", f'drawn in the group "{group.label or group.id}", which names {found.matched!r}'
        )


def _names_settings(node: Node, vocabulary: Vocabulary) -> bool:
    """A head ending in a settings word ("Hydra-zen Config": `terms.config_heads`) or naming a settings
    file's format ("Policy YAML or JSON mount": `terms.config_formats`)."""
    head = head_words(node)
    return bool(head) and (head[-1] in vocabulary.words("config_heads") or bool(set(head) & vocabulary.words("config_formats")))


def _classifies(assignment: RoleAssignment) -> bool:
    """The model by a word of classifying alone ("Intent Classification", "Content classifier")."""
    return (
        assignment.role == "model_inference" and assignment.how in ("label", "id")
        and (assignment.matched or "").lower() in ("classifier", "classify", "classification")
    )


def _titled_only(assignment: RoleAssignment, vocabulary: Vocabulary) -> bool:
    """The application by a generic title alone ("Domain Server A", "Application Group"), as a route
    ("/mcp · /get-online-features") or as a router ("Transport Router" in a gateway): the words say what
    kind of box it is, and the group which one."""
    matched = (assignment.matched or "").lower()
    return (
        assignment.role == "application" and assignment.how in ("label", "id")
        and (matched in vocabulary.words("generic_titles") or matched in vocabulary.words("router_words") or matched == "route")
    )


def _names_what_is_served(assignment: RoleAssignment) -> bool:
    """A search, a source of data or a message by its words: what a server may be named for."""
    return assignment.how in ("label", "id", "message") and (
        assignment.role in ("retrieval", "data_source") or assignment.how == "message"
    )


def _routes(node: Node, vocabulary: Vocabulary) -> bool:
    words = {t.text for t in tokenize(node.label or node.id, compounds=node.label is not None) if t.in_main}
    return bool(words & vocabulary.words("router_words"))


def _may_be_a_source(assignment: RoleAssignment) -> bool:
    """A store or an outside API where the flow starts: in a group named for data sources ("Data Sources":
    "User Events DB", "External APIs", "Kafka Streams"), the data enters the drawing there."""
    if assignment.how == "record":
        return True  # "Streaming Events" among "Data Sources": the records are the data that enters
    if assignment.how not in ("label", "id"):
        return False
    return assignment.role == "data_store" or (
        assignment.role == "application" and (assignment.matched or "").lower() in CALLED_SERVICES
    )


def _serves_the_product(group: Group, vocabulary: Vocabulary) -> bool:
    """A group named for the product's web server or API ("FastAPI app (app/)", "Django REST API", "API
    Server"): a box inside it that names nothing is one of its modules ("Views & Serializers", "/reports"),
    the application. Other groups naming the application hold its state and schemas as often as its code,
    so they stay unread (docs/roles.md, "A box in the product's web server")."""
    reading = classify_label(Node(id=group.id, label=group.label), vocabulary)
    return (
        reading.role == "application" and reading.how == "label" and not reading.in_detail
        and (reading.matched or "").lower() in vocabulary.words("server_groups")
    )


def _named_role(group: Group, vocabulary: Vocabulary) -> RoleAssignment | None:
    """The role the group's name is, or None: the role's words must end the group's head, before any
    structural word (layer, tier, plane...: ``terms.group_tails``)."""
    text = group.label or group.id
    reading = classify_label(Node(id=group.id, label=group.label), vocabulary)
    if reading.role in (UNKNOWN_ROLE, "user", "model_inference", "application") or reading.how not in ("label", "id") or reading.in_detail:
        return None
    generic = vocabulary.words("generic_titles")
    if (reading.matched or "").lower() in generic:
        return None
    if reading.role == "deployment_controller" and (reading.matched or "").lower() in vocabulary.words("release_arrangements"):
        return None  # "Build & Deployment", "Traffic Split": what is deployed or split, not release steps
    tokens = tokenize(text, compounds=group.label is not None)
    tails = vocabulary.words("group_tails")
    head = [i for i, token in enumerate(tokens) if token.in_main]
    while head and tokens[head[-1]].text in tails:
        head.pop()
    if not head:
        return None
    last = head[-1]
    ends = any(
        m.synonym.role == reading.role and m.in_main and m.start + m.covered - 1 == last
        for m in vocabulary.matches(tokens, text)
    )
    return reading if ends else None
