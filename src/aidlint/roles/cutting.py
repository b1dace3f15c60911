"""How a label is cut into words, and the words into head and detail (docs/roles.md, "Reading a label").

A label is cleaned as a reader sees it (DOT escapes, HTML tags, entity codes), then cut into lowercase word
tokens, each marked with where it stands: in the head (the first line, up to a colon or a spaced dash,
outside brackets), inside brackets, or in the detail. Matching the words against the vocabulary is
``roles/vocabulary.py``; deciding what the head and the detail mean is ``roles/reading.py``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

_BACKSLASH_ESCAPES = re.compile(r"\\[nlr]")
_MARKUP = re.compile(r"[\\<>&#()\[\]\n\r]")
_LINE_BREAK = re.compile(r"\\[nlr]|<br\s*/?>|\n", re.IGNORECASE)
_STEP_NUMBER = re.compile(r"^\s*(?:step|stage|phase|part)\s*\d+[a-z]?:\s", re.IGNORECASE)
_HTML_BREAK_OR_TAG = re.compile(r"<[^<>]*>")
_MERMAID_ENTITY = re.compile(r"#(?:\d+|[a-zA-Z]+);")
#: Thumbs up and down drawn together are the buttons a chat records the user's verdict with ("👍 / 👎"); read
#: as the words (vocabulary.toml, feedback_collector). One thumb alone may be a status mark ("Deployed 👍").
_THUMBS_PAIR = re.compile(r"👍\ufe0f?\s*(?:/|\||,|or|and)?\s*👎\ufe0f?|👎\ufe0f?\s*(?:/|\||,|or|and)?\s*👍\ufe0f?")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2})|(?<=[A-Za-z])(?=\d)")
# Letters of any script: "Việt" is one word, not "vi" and "t" (which read as the vision model ViT).
_TOKEN = re.compile(r"(?:[^\W_]|%)+")
#: A word of code: snake_case, an assignment, a path to a file, a source or data file of a program.
_CODE_WORD = re.compile(
    r"[A-Za-z0-9]_[A-Za-z0-9]|=|^[\w.-]*/[\w./-]*\.\w+$|\.(?:py|ipynb|ya?ml|json|toml|pkl|sh|rs|go|java|sql)$"
)


@dataclass(frozen=True)
class Token:
    text: str
    in_parens: bool
    in_details: bool = False
    """After a line break or a head's colon: a label's head names the component, the rest describes it
    ("LLM Engine<br>tool-calling, reasoning" is an LLM that calls tools, not a tool executor;
    "Grafana: prediction drift" is Grafana)."""
    chunk: int = 0
    """Which whitespace-separated word of the label the token comes from (products are matched whole)."""
    joined: bool = False
    """Split from the previous token inside one capitalised camelCase word ("GPTCache", "LlamaIndex"):
    such a word is one name, read whole or by its last part; its first parts are weak evidence."""
    code: bool = False
    """From a word of code: a snake_case identifier, an assignment, a file path or a source file
    ("retrieve_context()", "EMBED_BATCH=128", "src/llm/state.py"). In a label's detail such a word says
    where the code lives, not what the box is (roles/reading.py drops it there)."""

    @property
    def in_main(self) -> bool:
        return not (self.in_parens or self.in_details)


def clean_label(label: str) -> str:
    """A label as a reader sees it: DOT escapes, HTML tags, ``<br>`` and entity codes become spaces."""
    text = _BACKSLASH_ESCAPES.sub(" ", label)
    text = _HTML_BREAK_OR_TAG.sub(" ", text)
    text = _MERMAID_ENTITY.sub(" ", text)
    text = html.unescape(text)
    return " ".join(text.split())


def tokenize(text: str, *, compounds: bool = False) -> list[Token]:
    """Lowercase word tokens, each marked when it stands inside brackets or in the label's details.

    The head of a label is its first line up to a colon or a spaced dash (" — "); what follows is detail. With ``compounds``
    (labels, not IDs: ``userInput`` is two words), a capitalised camelCase word is marked as one name.
    """
    # Role inference reads each label in several passes (roles/infer.py); tokens are immutable, so each
    # text is split once and every caller gets its own list.
    return list(_tokens(text, compounds))


@lru_cache(maxsize=1 << 18)
def _tokens(text: str, compounds: bool) -> tuple[Token, ...]:
    return tuple(_split(text, compounds))


#: A method called on a named object: "ServiceContainer.getInstance()", "PolicyEngine.evaluate(x)", "AgentOS.processRequest".
#: The object (a capitalised class or module name) is the component; the method is what it is doing at that point.
#: "Node.js", "Socket.io" are names: a plain lowercase word after the dot is a method only when it is called.
_METHOD_CALL = re.compile(r"^([A-Z][A-Za-z0-9]*)\.([a-z_][A-Za-z0-9_]*)(\(.*)?$")


def _code_words(raw: str, called: bool = False) -> list[tuple[str, bool, bool]]:
    """The words of one whitespace-separated piece of a label: (word, is code, is a method's detail).
    ``called``: a bracket follows the piece at once (the label was cut there)."""
    call = _METHOD_CALL.match(raw)
    if call and (called or call.group(3) or "_" in call.group(2) or not call.group(2).islower()):
        return [(call.group(1), False, False), *((word, False, True) for word in call.group(2).replace("_", " ").split())]
    code = bool(_CODE_WORD.search(raw))
    return [(word, code, False) for word in raw.replace("_", " ").split()]


def _split(text: str, compounds: bool) -> list[Token]:
    text = _THUMBS_PAIR.sub(" thumbs up down ", text)
    if not _MARKUP.search(text) and ":" not in text and "\u2014" not in text and "\u2013" not in text:
        # most labels: nothing to track but the words
        tokens: list[Token] = []
        chunk = 0
        for raw in text.split():
            for word, code, method in _code_words(raw):
                chunk += _add_words(tokens, word, chunk, False, method, compounds, code)
        return tokens
    tokens = []
    depth = 0
    chunk = 0
    # "Step 1: Classify intent": a step's number orders the steps; the step that follows is the head.
    for line in _LINE_BREAK.split(_STEP_NUMBER.sub("", text, count=1)):
        details = bool(tokens)
        segments = re.split(r"([()\[\]]|:(?=\s|$)|\s[\u2014\u2013]\s)", clean_label(line))
        for index, segment in enumerate(segments):
            if segment in ("(", "["):
                depth += 1
                continue
            if segment in (")", "]"):
                depth = max(0, depth - 1)
                continue
            if segment == ":" or segment.strip() in ("\u2014", "\u2013"):
                details = details or any(not t.in_parens for t in tokens)
                continue
            raws = segment.split()
            called = index + 1 < len(segments) and segments[index + 1] == "(" and segment[-1:].strip() != ""
            for position, raw in enumerate(raws):
                for word, code, method in _code_words(raw, called and position == len(raws) - 1):
                    chunk += _add_words(tokens, word, chunk, depth > 0, details or method, compounds, code)
    return tokens


def _add_words(
    tokens: list[Token], word: str, chunk: int, in_parens: bool, details: bool, compounds: bool, code: bool = False
) -> bool:
    pieces = _TOKEN.findall(word)
    split = [_TOKEN.findall(_CAMEL.sub(" ", piece)) for piece in pieces]
    if not pieces:
        return False
    # "ComfyUI", "LangChain": a capitalised word with inner capitals is one name. Words split only at a
    # digit ("GPT4") or a hyphen ("fine-tune", "DeepSeek-R1") stay separate words.
    camel = compounds and word[:1].isupper() and len(pieces) < sum(map(len, split))
    for parts in split:
        for index, part in enumerate(parts):
            joined = camel and index > 0 and parts[index - 1][-1:].islower() and part[:1].isupper()
            tokens.append(Token(part.lower(), in_parens, details, chunk, joined, code))
    return True
