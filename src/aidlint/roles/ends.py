"""Where the person is: the ends of the flow (docs/roles.md, "The ends of the flow").

People stand only where a flow starts or ends, and a flow that starts at a person ends at the person.
A reader finds them there even where the box names no person: the message a person sends ("Engineer
Question", "Audio"), the answer delivered ("Streaming<br>Chat Output", "Audio out") and the step that
delivers it ("Post to Slack", "Return predictions"). Start and end markers ("Start", "End") are not
where the flow starts or ends: the boxes beside them are.
"""

from __future__ import annotations

from functools import cache

from aidlint.model import UNKNOWN_ROLE, Design
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.reading import head_words, is_step, node_text
from aidlint.roles.vocabulary import Vocabulary, tokenize, word_forms

#: Roles whose words a delivering step's object may carry and still be the answer delivered to the person
#: ("Return predictions", "Return Action Response"); a step that sends to a store or an alert is no person.
_DELIVERED = frozenset({UNKNOWN_ROLE, "application", "model_inference", "tool_executor", "user", "data_source"})
#: Readings that a person's message or answer at an end replaces: no role from words, or a weak one.
_REPLACEABLE_HOWS = frozenset({"unknown", "builder", "message", "step"})


def people_at_the_ends(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    markers = vocabulary.words("flow_markers")
    messages = vocabulary.words("person_messages")
    # "Prediction requests", "User queries": people send many; the plural is their message too.
    said = with_plurals(messages)
    delivering = vocabulary.words("delivery_verbs")
    heads = {node.id: head_words(node) for node in design.nodes}
    is_marker = {node_id: bool(head) and set(head) <= markers for node_id, head in heads.items()}
    predecessors: dict[str, list[str]] = {}
    successors: dict[str, list[str]] = {}
    for edge in design.edges:
        successors.setdefault(edge.source, []).append(edge.target)
        predecessors.setdefault(edge.target, []).append(edge.source)
    @cache
    def starts_at_a_person() -> bool:
        # Asked once a design: a walk over every node for each "Return ..." would grow with their product.
        return _starts_at_a_person(design, roles, predecessors, is_marker)

    for node in design.nodes:
        assignment = roles[node.id]
        head = heads[node.id]
        if assignment.how in ("declared", "config") or is_marker[node.id] or not head:
            continue
        before = [n for n in predecessors.get(node.id, ()) if not is_marker[n]]
        after = [n for n in successors.get(node.id, ()) if not is_marker[n]]
        starts, ends = not before and bool(after), bool(before) and not after
        if not starts and assignment.how in _REPLACEABLE_HOWS and after and set(before) <= set(after):
            # "Question -> API", "API -> Question": the answer drawn back to where the flow starts leaves it
            # the start, for a box its words leave open (a model called and answering is drawn the same way).
            starts = True
        # "Return results -> User question": a step that hands its result back to the person where the flow
        # starts (nothing else feeds them) delivers it there, as a step where the flow ends does.
        back_to_person = (
            assignment.role == UNKNOWN_ROLE
            and bool(before)
            and bool(after)
            and all(roles[n].role == "user" and set(predecessors.get(n, ())) == {node.id} for n in after)
        )
        if not (starts or ends or back_to_person) or assignment.role == "user":
            continue
        if _names_outcome(head, vocabulary):
            continue  # "Return User-Friendly Error", "Error": an outcome, not the answer delivered
        if names_code(head, vocabulary):
            continue  # "Git pull request", "Merge request": a change to code, no person's message
        if assignment.how == "label" and assignment.matched == "route":
            continue  # "/api/v1/chat": the application's route, not the person's message
        if assignment.how not in _REPLACEABLE_HOWS | {"label", "id"}:
            continue  # a record, a question, a legend, a planned box: set aside by its words
        if starts and assignment.how == "unknown" and head[-1] in vocabulary.words("public_ends") and not set(head) & vocabulary.words("machine_devices"):
            # "Internet", "Your device" where the flow starts: the public, the people using the product.
            roles[node.id] = RoleAssignment("user", "position", f'"{" ".join(head[:4])}" is where people come from, where the flow starts')
            continue
        if starts and assignment.how == "unknown" and _files_a_ticket(label_words(node), vocabulary):
            # "Jira webhook", "Zendesk ticket" where the flow starts: the people filing the ticket.
            roles[node.id] = RoleAssignment("user", "position", f'"{" ".join(head[:4])}" is a ticket filed where the flow starts')
            continue
        if (starts or ends) and assignment.how == "unknown" and _persons_screen(node, head, before, roles, vocabulary):
            # "Web Dashboard", "Insights tab" where the flow starts or ends: the screen a person looks at.
            roles[node.id] = RoleAssignment("user", "position", f'"{" ".join(head[:4])}" is a screen where the flow starts or ends')
            continue
        if ends and not starts and _first_message(label_words(node), said) and acts_on_message(node, head, vocabulary):
            continue  # "Compare independent responses", "Append to prompt": a step on the message, not its delivery
        if set(head) & vocabulary.words("reference_words"):
            continue  # "Golden answers", "Expected responses": what an evaluation compares with, no person's message
        if (starts or ends) and head[-1] in said and not _winner_ends_head(assignment, head) and not _models_chat(assignment, head):
            # "Engineer Question", "On-call Question", "Audio", "Streaming Chat Output": the person's own
            # message where the flow starts, the answer they get where it ends.
            roles[node.id] = person_by_message(label_words(node), head[-1], vocabulary)
        elif ends and assignment.role in (UNKNOWN_ROLE, "data_source") and (message := _first_message(words := label_words(node), messages)):
            # "Streaming<br>Chat Output": the answer streamed to the person, not a data stream.
            roles[node.id] = person_by_message(words, message, vocabulary)
        elif (ends or back_to_person) and is_step(tokens := tokenize(node_text(node), compounds=bool(node.label)), vocabulary):
            if assignment.role not in _DELIVERED or tokens[1:2] and tokens[1].chunk == tokens[0].chunk:
                continue  # "post-process" is one word, not a post
            if head[-1] in vocabulary.words("tool_heads"):
                continue  # "Send email tool", "Post to Slack tool": a tool named after its act, not the delivery
            named = _roles_named(node, vocabulary)
            if not named <= _DELIVERED:
                continue  # "Send to Kafka topic", "Notify on-call": a store or an alert gets it, not a person
            returned = head[0] == "return" and (back_to_person or starts_at_a_person())
            if head[0] in delivering or "user" in named or returned:
                # "Post to Slack", "Display prediction", "Notify user in Slack": the answer reaches the person;
                # "Return resolution" in a flow a person starts returns it to that person, its caller.
                roles[node.id] = RoleAssignment(
                    "user", "position", f'"{" ".join(head[:4])}" delivers where the flow ends, so it is the person\'s end'
                )


def acts_on_message(node, head: list[str], vocabulary: Vocabulary) -> bool:
    """A step (reading.is_step) whose verb neither delivers nor returns the message ("Compare independent
    responses", "Ask for a corrected response"): a step the product takes on the message where the flow
    ends, not the answer the person gets ("Return Response", "Send reply" are)."""
    if len(head) < 2 or head[0] in vocabulary.words("delivery_verbs") | {"return"}:
        return False
    return is_step(tokenize(node_text(node), compounds=bool(node.label)), vocabulary)


def _files_a_ticket(words: list[str], vocabulary: Vocabulary) -> bool:
    """A ticket desk named with a ticket or its hook ("Jira webhook", "ServiceNow incident")."""
    return bool(set(words) & vocabulary.words("ticket_desks")) and bool(set(words) & vocabulary.words("ticket_words"))


def _models_chat(assignment: RoleAssignment, head: list[str]) -> bool:
    """"Azure OpenAI<br>Chat", "GPT-4o chat": a model named before "chat" is its chat API, no message."""
    return head[-1] == "chat" and assignment.role == "model_inference" and assignment.how in ("label", "id")


def _persons_screen(node, head: list[str], before: list[str], roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> bool:
    """An unread box whose head ends in a screen (`terms.person_screens`), no monitor feeding it (that is the
    monitor's screen: roles/watching.py) and no admin or operator named (`terms.internal_users`)."""
    if head[-1] not in vocabulary.words("person_screens") or set(label_words(node)) & vocabulary.words("internal_users"):
        return False
    return not any(roles[n].role in ("monitoring", "infra_monitoring") for n in before)


def _starts_at_a_person(design: Design, roles: dict[str, RoleAssignment], predecessors, is_marker) -> bool:
    """Does a flow of the design start at a person (a box read as the user that nothing drawn feeds)? A
    function's "Return ..." then returns to that person; elsewhere to whatever code called it."""
    return any(
        roles[node.id].role == "user" and not [n for n in predecessors.get(node.id, ()) if not is_marker[n]]
        for node in design.nodes
    )


def person_by_message(words: list[str], message: str, vocabulary: Vocabulary) -> RoleAssignment:
    """The person a message at an end stands for. A bare message, whose words say only which message it
    is ("Query", "Final answer": `terms.bare_messages`, their plurals and `terms.message_modifiers`), gets
    the how ``payload``: the person it stands for is not drawn."""
    messages = with_plurals(vocabulary.words("bare_messages"))
    modifiers = vocabulary.words("message_modifiers")
    is_bare = message.lower() in messages and all(word in messages or word in modifiers for word in words)
    return RoleAssignment("user", "payload" if is_bare else "message", message)


def _winner_ends_head(assignment: RoleAssignment, head: list[str]) -> bool:
    """Did the words that gave the role end the head ("Kafka request" no, "Query" yes)?"""
    if assignment.how not in ("label", "id") or assignment.in_detail or not assignment.matched:
        return False
    matched = [t.text for t in tokenize(assignment.matched)]
    return bool(matched) and head[-1] in word_forms(matched[-1])


@cache
def with_plurals(nouns: frozenset[str]) -> frozenset[str]:
    """The nouns and their plurals ("query", "queries"), built once per word list."""
    return nouns | {_plural(noun) for noun in nouns}


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"


def label_words(node) -> list[str]:
    """Every word of the node's text, in order (all lines, brackets included)."""
    return [t.text for t in tokenize(node_text(node), compounds=bool(node.label))]


def _first_message(words: list[str], messages: set[str]) -> str | None:
    return next((word for word in words if word in messages), None)


def names_code(head: list[str], vocabulary: Vocabulary) -> bool:
    """Does the head name code or its workflow (git, commit, merge, PR: `terms.code_words`)?"""
    code = vocabulary.words("code_words")
    return any(word in code for word in head)


def _names_outcome(head: list[str], vocabulary: Vocabulary) -> bool:
    outcomes = vocabulary.words("outcome_words")
    return any(word in outcomes for word in head)


def _roles_named(node, vocabulary: Vocabulary) -> set[str]:
    """Every role the label's words name anywhere: a person or interface ("Update Slack message"), a store."""
    text = node.label or node.id
    return {m.synonym.role for m in vocabulary.matches(tokenize(text, compounds=bool(node.label)), text)}
