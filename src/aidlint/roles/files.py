"""Labels that name a file (docs/roles.md, "Boxes that are no component"): a file's extension is no word
of its name, a label that starts with a file is code or data and never a person, a dotfile holds settings,
and so does a label made only of settings files and their folders.
"""

from __future__ import annotations

import re

from aidlint.roles.vocabulary import Vocabulary, clean_label

#: Suffixes in the file extension list that are web domains ("Chat.ai"), not files.
_DOMAINS = frozenset({"ai", "io", "com", "org"})
#: A dotfile named alone (".env", ".env.local"): not a path (".github/workflows/ci.yml") nor a product.
_DOTFILE = re.compile(r"^\.[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*$", re.IGNORECASE)


def file_name(text: str, head: list[str], vocabulary: Vocabulary) -> list[str]:
    """The head's words without a file's extension: "model_config.yml" is named "model config"."""
    if head and head[-1] in vocabulary.words("file_extensions") and re.search(rf"\.{re.escape(head[-1])}\b", text, re.IGNORECASE):
        return head[:-1]
    return head


def names_a_file(first_line: str, vocabulary: Vocabulary) -> bool:
    """Does the label's first word name a file or a path to one ("app/streamlit_app.py", "lib.rs")?"""
    first = clean_label(first_line).split()
    name = first[0].rstrip(",;:)").rsplit("/", 1)[-1] if first else ""
    stem, dot, extension = name.rpartition(".")
    extensions = set(vocabulary.terms.get("file_extensions", ())) - _DOMAINS
    if stem.lower() in vocabulary.words("script_products"):
        return False  # "Next.js Frontend", "Node.js API": a framework named like a script, not a file
    return bool(stem and dot) and extension.lower() in extensions


def dotfile(first_line: str) -> bool:
    """Is the label's first line a dotfile named alone (".env", ".env.local")?"""
    return bool(_DOTFILE.match(first_line.strip()))


#: A folder named on a line of its own ("fraud_agent/", "configs/agents/"), not one inside a dot-directory.
_FOLDER = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*/$")
#: A file in a format of settings or templates ("agents.yaml", "configs/app.toml", "prompt.jinja"), not in a
#: dot-directory: ".github/workflows/deploy.yml" is a workflow that runs, read by its words.
_SETTINGS_FILE = re.compile(
    r"^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*\.(?:ya?ml|toml|ini|cfg|conf|jinja2?|j2)$", re.IGNORECASE
)


#: A file of instructions or prompts for a model or agent, written as text ("system_prompt.txt", "prompts/triage.md",
#: "CLAUDE.md", "AGENTS.md", "SKILL.md"): what the model is told, configured as a template is, not a component.
_TEXT_FILE = re.compile(r"^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*/)*([A-Za-z0-9_-][A-Za-z0-9_.-]*)\.(?:md|mdx|txt)$")
_INSTRUCTION_WORD = re.compile(r"(?<![A-Za-z])(?:prompts?|instructions?)(?![a-z])", re.IGNORECASE)
_INSTRUCTION_NAMES = frozenset({"CLAUDE", "AGENTS", "GEMINI", "SKILL", "copilot-instructions"})


def _instruction_file(line: str) -> bool:
    """Is the line a text file of a prompt or instructions ("system_prompt.txt", "prompts/triage.md", "CLAUDE.md")?"""
    found = _TEXT_FILE.match(line)
    return bool(found and (found.group(1) in _INSTRUCTION_NAMES or _INSTRUCTION_WORD.search(line)))


def settings_files(lines: list[str]) -> bool:
    """Is the label, line by line, only settings, template or instruction files and the folders they sit in
    ("agents.yaml", "fraud_agent/<br>agent.yaml<br>prompt.jinja", "system_prompt.txt")? Such a box draws how a
    component is configured, not the component; a line of anything else ("guardrails.yaml<br>input rails")
    leaves the label to its words."""
    named = [line.strip() for line in lines if line.strip()]
    settings = [bool(_SETTINGS_FILE.match(line) or _instruction_file(line)) for line in named]
    return any(settings) and all(kept or _FOLDER.match(line) for kept, line in zip(settings, named))
