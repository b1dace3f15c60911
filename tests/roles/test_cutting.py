"""How a label is cut into head and detail (docs/roles.md, "Reading a label"; src/aidlint/roles/cutting.py).
Every label here is invented for these tests."""

from __future__ import annotations

import pytest

from aidlint.roles.vocabulary import tokenize

from ..helpers import reading_of


def head(label: str) -> list[str]:
    return [t.text for t in tokenize(label, compounds=True) if t.in_main]


@pytest.mark.parametrize(
    ("label", "words"),
    [
        # A method called on a named object: the object is the component, the method what it does there.
        ("QuotaKeeper.checkBudget()", ["quota", "keeper"]),
        ("SessionStore.getInstance()", ["session", "store"]),
        ("TicketBot.handleMessage", ["ticket", "bot"]),
        ("ReportBuilder.render_pdf(doc, opts)", ["report", "builder"]),
        ("ReportBuilder.run() <br/>nightly", ["report", "builder"]),
        # Names with a dot are no calls: a lowercase word after the dot, not called, stays in the name.
        ("Node.js", ["node", "js"]),
        ("Socket.io server", ["socket", "io", "server"]),
        # A lowercase object is a span or event name ("llm.generate"), read as before.
        ("llm.generate", ["llm", "generate"]),
    ],
)
def test_a_method_called_on_an_object_is_detail(label, words):
    assert head(label) == words


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("SessionStore.getInstance()", "data_store"),
        ("ChatService.processRequest", "application"),
        ("VectorIndex.query_neighbours(k=5)", "retrieval"),
        # The method still reads when the object names nothing ("Zorb" is no word of the vocabulary).
        ("Zorb.redactSecrets", "pii_scrubber"),
    ],
)
def test_the_object_of_a_method_call_names_the_box(label, role):
    assert reading_of(label).role == role
