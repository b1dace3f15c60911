"""Boxes that are no component (docs/roles.md, "Boxes that are no component"): legends, boxes marked absent
or planned, ports and infrastructure, outcomes, settings, artefacts, records and names from code. Read
before any word of the label gives a role, so that no later reading can turn them into one.
"""

from __future__ import annotations

import re

from aidlint.model import UNKNOWN_ROLE, Node
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.files import dotfile, file_name, settings_files
from aidlint.roles.objects import event_named, infrastructure_named
from aidlint.roles.vocabulary import Token, Vocabulary, clean_label, tokenize

#: Where a label's first line ends: an escaped or HTML line break, or a newline.
LINE_BREAK = re.compile(r"\\[nlr]|<br\s*/?>|\n", re.IGNORECASE)
#: Bracketed asides of a line ("FileProcessor (180s)", "Agent [beta]"), set aside where a name is read alone.
BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
#: A label that is one dotted lowercase identifier ("llm.generate", "guard.input"): a function or span
#: name from code, not a box of the architecture. Files ("app.py") and products ("llama.cpp") are not.
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+$")
#: A function's name: snake_case ("add_todo", "schema_search") or camelCase ("getWeather"). Among tools,
#: one of the operations they offer (infer.py, groups.py).
FUNCTION_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]*)+")
#: A label that is one SCREAMING_SNAKE_CASE name ("OPENAI_API_KEY"): an environment variable or a
#: constant, a value the system reads, not a box of the architecture.
_CONSTANT = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
#: A class named as the base of others ("BaseEscalationClassifier", "AbstractRetriever"): an interface in
#: code that concrete classes implement, no box that runs.
_ABSTRACT_CLASS = re.compile(r"^(?:Base|Abstract)[A-Z][A-Za-z0-9]+$")
#: One line of an attribute listing: a lowercase key, a colon, a value ("input_tokens: 312", "type: llm").
_ATTRIBUTE = re.compile(r"^[a-z][a-z0-9_]*(?: [a-z0-9_]+)?: \S")


def not_a_component(node: Node, text: str, tokens: list[Token], vocabulary: Vocabulary) -> RoleAssignment | None:
    """Why the box is no component, as its assignment (role unknown), or None when it may be one."""
    # Graph dumps (GStreamer, Graphviz exports) draw the key to their notation as a node of its own.
    if tokens and tokens[0].text in vocabulary.words("legend_words"):
        return RoleAssignment(UNKNOWN_ROLE, "legend")
    marker = _absent_marker(text, vocabulary)
    if marker is not None:
        return RoleAssignment(UNKNOWN_ROLE, "absent", marker)
    head = [t.text for t in tokens if t.in_main and not t.text.isdigit()]
    if place := infrastructure_named(bool(node.label), head, vocabulary):
        return RoleAssignment(UNKNOWN_ROLE, "infrastructure", place)  # a port of an element, "Jenkins Server"
    if head and head[-1] in vocabulary.words("outcome_words") and head[0] not in vocabulary.words("write_verbs"):
        # "Handle tool error", "API error": what happened, not a component. "Log error" writes it down: a
        # step that writes stands for where it writes.
        return RoleAssignment(UNKNOWN_ROLE, "outcome", " ".join(head[-2:]))
    if head and head[0] in vocabulary.words("onward_verbs"):
        # "Continue monitoring", "Proceed with request": the flow goes on as before, an outcome of a branch.
        return RoleAssignment(UNKNOWN_ROLE, "outcome", " ".join(head[:2]))
    if node.label and head and dotfile(LINE_BREAK.split(text, maxsplit=1)[0]):
        # ".env", ".env.local": a dotfile holds settings (keys, flags), not a component.
        return RoleAssignment(UNKNOWN_ROLE, "record", clean_label(text).split()[0])
    if node.label and settings_files(LINE_BREAK.split(node.label)):
        # "agents.yaml", "fraud_agent/<br>agent.yaml<br>prompt.jinja": how a component is configured.
        return RoleAssignment(UNKNOWN_ROLE, "record", clean_label(LINE_BREAK.split(node.label, maxsplit=1)[0])[:40])
    named = file_name(text, head, vocabulary)
    if named and named[-1] in vocabulary.words("config_heads"):
        # "Agent configuration", "ServerConfig: mlserver", "model_config.yml": settings of a component, not
        # the component (a file's extension is no word of its name).
        return RoleAssignment(UNKNOWN_ROLE, "record", " ".join(named[-2:]))
    if len(head) == 2 and head[1] in vocabulary.words("artefact_heads") and head[0] in vocabulary.words("artefact_modifiers"):
        return RoleAssignment(UNKNOWN_ROLE, "artefact", " ".join(head))
    if len(head) == 2 and head[1] in ("model", "models") and head[0] in vocabulary.words("schema_modifiers"):
        # "Pydantic models", "Data model": the shape of data, not a model that answers.
        return RoleAssignment(UNKNOWN_ROLE, "record", " ".join(head))
    if node.label and sum(bool(_ATTRIBUTE.match(clean_label(line))) for line in LINE_BREAK.split(node.label)) >= 2:
        # "model: gpt-4o<br>input_tokens: 312", "registry_type: remote<br>path: ...": attributes of a record
        # or settings, listed one a line, not a component.
        return RoleAssignment(UNKNOWN_ROLE, "record", clean_label(LINE_BREAK.split(node.label, maxsplit=1)[0])[:40])
    if node.label and (event := event_named(LINE_BREAK.split(node.label)[1:], vocabulary)):
        # "llm<br>llm_call_started", "tools<br>tool_usage_finished": an event the component emits, a record.
        return RoleAssignment(UNKNOWN_ROLE, "record", event)
    plain = clean_label(text)
    if node.label and _ABSTRACT_CLASS.match(clean_label(LINE_BREAK.split(node.label, maxsplit=1)[0]).strip()):
        return RoleAssignment(UNKNOWN_ROLE, "base_class", plain.split()[0])
    if node.label and _CONSTANT.match(plain):
        return RoleAssignment(UNKNOWN_ROLE, "record", plain)
    if node.label and _IDENTIFIER.match(plain) and plain.rsplit(".", 1)[1] not in vocabulary.words("file_extensions"):
        return RoleAssignment(UNKNOWN_ROLE, "record", plain)
    return None


def _absent_marker(text: str, vocabulary: Vocabulary) -> str | None:
    """A box drawn for what is not there yet ("❌ No rollback", "Evaluation (TODO)", "not implemented")."""
    for symbol in vocabulary.terms.get("absent_symbols", ()):
        if symbol in text:
            return symbol
    words = " " + " ".join(t.text for t in tokenize(text)) + " "
    for phrase in vocabulary.terms.get("absent_markers", ()):
        if phrase.isupper():
            # "TODO", "TBD" mark what is missing in capitals; lower case they are words ("add_todo" is a tool
            # of a to-do app).
            if re.search(rf"(?<![A-Za-z0-9_]){re.escape(phrase)}(?![A-Za-z0-9_])", text):
                return phrase
        elif f" {phrase.lower()} " in words:
            return phrase
    return None
